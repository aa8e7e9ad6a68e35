"""Defendants linked to organised crime groups: the hub's analyst links a defendant of a
prosecution to a group they may see (audited, with who and when), the group's page shows the
prosecution's outcomes, sentences and money recovered, and the link can be removed (audited).
A group the analyst may not see cannot be linked; others may not link at all."""

from collections.abc import Callable
from typing import Any

import pytest
from django.test import Client

from nrm.accounts.models import Organisation, User
from nrm.accounts.roles import DefaultRole
from nrm.audit.models import AuditEvent, AuditVerb
from nrm.intelligence.models import DefendantOcgLink
from nrm.intelligence.ocg_link_services import DEFENDANT_UNKNOWN, OCG_UNKNOWN
from nrm.intelligence.services import intelligence_report_submit
from nrm.justice.models import Prosecution
from tests.justice.factories import (
    CONVICTED,
    CUSTODY,
    S57,
    charge,
    prosecution_make,
    recovery_make,
)

from .ocg_fixtures import ocg_report

pytestmark = pytest.mark.django_db


@pytest.fixture
def setting(
    officer: User,
    other_organisation: Organisation,
    make_user: Callable[..., User],
    valid_intelligence_report: dict[str, Any],
) -> Prosecution:
    """Demo Ring (seen by the hub) and Hidden Crew (a C report of Police Scotland shared with
    no one); prosecution R-5 of Una (convicted, 7 years) and Vic, with an order of £25,000."""
    base = valid_intelligence_report
    intelligence_report_submit(actor=officer, data=ocg_report(base, "Demo Ring", members=1),
                               organisation=officer.organisation)  # fmt: skip
    scot = make_user("scot", other_organisation, DefaultRole.INTELLIGENCE_OFFICER)
    hidden = ocg_report(base, "Hidden Crew", handling_code="C",
                        handling_conditions=[other_organisation.code])  # fmt: skip
    intelligence_report_submit(actor=scot, data=hidden, organisation=other_organisation)
    seven_years = charge(S57, "2012-05-01", CONVICTED, "2013-01-10", CUSTODY, months=84)
    found = prosecution_make(
        "R-5", [("Una Defendant", [seven_years]), ("Vic Defendant", [charge(S57, "2012-05-01")])]
    )
    recovery_make(found, 25_000_00)
    return found


def test_the_analyst_links_a_defendant_and_the_group_shows_the_prosecution(
    analyst: User, signed_in: Callable[[User], Client], setting: Prosecution
) -> None:
    una, vic = setting.defendants.order_by("id")
    client = signed_in(analyst)
    url = f"/intelligence/prosecutions/{setting.pk}/ocgs/"
    page = client.get(url)
    assert page.status_code == 200
    text = page.content.decode()
    assert "Demo Ring" in text and "Hidden Crew" not in text
    response = client.post(url, {"defendant": str(una.pk), "ocg": "demo-ring"})
    assert response.status_code == 302
    link = DefendantOcgLink.objects.get()
    assert (link.defendant, link.ocg, link.linked_by) == (una, "demo-ring", analyst)
    event = AuditEvent.objects.get(verb=AuditVerb.OCG_DEFENDANT_LINK)
    assert event.actor == analyst and event.target_id == str(link.pk)
    assert event.detail == {"ocg": "demo-ring", "defendant": una.pk, "prosecution": setting.pk}
    assert "Una" not in str(event.detail)
    group = client.get("/intelligence/ocgs/demo-ring/").content.decode()
    assert "Prosecutions of its members" in group and "R-5" in group
    assert "Una Defendant" in group and "Vic Defendant" not in group
    assert "Immediate custody, 7 years" in group and "£25,000" in group
    read = AuditEvent.objects.filter(verb=AuditVerb.PROSECUTION_READ).latest("id")
    assert read.detail["ocg"] == "demo-ring" and read.detail["prosecutions"] == [setting.pk]
    # the link again is refused in words; so are a group not seen and a defendant not here
    again = client.post(url, {"defendant": str(una.pk), "ocg": "demo-ring"})
    hidden = client.post(url, {"defendant": str(vic.pk), "ocg": "hidden-crew"})
    nobody = client.post(url, {"defendant": "999999", "ocg": "demo-ring"})
    assert [r.status_code for r in (again, hidden, nobody)] == [400, 400, 400]
    assert OCG_UNKNOWN in hidden.content.decode()
    assert DEFENDANT_UNKNOWN in nobody.content.decode()
    assert DefendantOcgLink.objects.count() == 1


def test_the_analyst_removes_a_link_and_the_removal_is_audited(
    analyst: User, signed_in: Callable[[User], Client], setting: Prosecution
) -> None:
    una = setting.defendants.order_by("id").first()
    assert una is not None
    client = signed_in(analyst)
    base = f"/intelligence/prosecutions/{setting.pk}/ocgs/"
    client.post(base, {"defendant": str(una.pk), "ocg": "demo-ring"})
    link = DefendantOcgLink.objects.get()
    assert client.post(base + "unlink/", {"link": "999999"}).status_code == 404
    assert client.post(base + "unlink/", {"link": str(link.pk)}).status_code == 302
    assert not DefendantOcgLink.objects.exists()
    event = AuditEvent.objects.get(verb=AuditVerb.OCG_DEFENDANT_UNLINK)
    assert event.actor == analyst and event.detail["defendant"] == una.pk
    assert event.detail["linked_by"] == analyst.pk
    group = client.get("/intelligence/ocgs/demo-ring/").content.decode()
    assert "No defendant has been linked to this group" in group


def test_an_officer_who_does_not_read_prosecutions_may_not_link_nor_see_them(
    officer: User, signed_in: Callable[[User], Client], setting: Prosecution
) -> None:
    una = setting.defendants.order_by("id").first()
    assert una is not None
    client = signed_in(officer)
    url = f"/intelligence/prosecutions/{setting.pk}/ocgs/"
    assert client.get(url).status_code == 403
    assert client.post(url, {"defendant": str(una.pk), "ocg": "demo-ring"}).status_code == 403
    assert not DefendantOcgLink.objects.exists()
    group = client.get("/intelligence/ocgs/demo-ring/").content.decode()
    assert "Prosecutions of its members" not in group
    assert not AuditEvent.objects.filter(verb=AuditVerb.PROSECUTION_READ).exists()
