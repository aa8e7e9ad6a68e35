"""The OCG register's pages: the list and its filters, one group, the tables of a year, and who
may open them."""

from collections.abc import Callable
from typing import Any

import pytest
from django.test import Client

from nrm.accounts.models import Organisation, User
from nrm.accounts.roles import DefaultRole
from nrm.audit.models import AuditEvent, AuditVerb
from nrm.cases.referrals.services import referral_submit
from nrm.intelligence.ocg_views import YEAR_INVALID
from nrm.intelligence.services import intelligence_report_submit

from .ocg_fixtures import ocg_report

pytestmark = pytest.mark.django_db


@pytest.fixture
def groups(
    officer: User,
    organisation: Organisation,
    make_user: Callable[..., User],
    valid_referral: dict[str, Any],
    valid_intelligence_report: dict[str, Any],
) -> None:
    """Two groups of the officer's force (one controlling the person of a referral), and one
    referral of a Nigerian."""
    responder = make_user("responder", organisation)
    referral = referral_submit(actor=responder, data=valid_referral, organisation=organisation)
    base = valid_intelligence_report
    activities = ("trafficking_sexual", "money_laundering")
    ring = ocg_report(base, "Demo Ring", nationality="NGA", members=2, victims=1,
                      activities=activities, place="E1 6AN")  # fmt: skip
    ring["entities"][3]["nrm_reference"] = referral.reference
    crew = ocg_report(base, "Demo Crew", nationality="mixed", activities=("drugs",))
    for data in (ring, crew):
        intelligence_report_submit(actor=officer, data=data, organisation=officer.organisation)


@pytest.mark.usefixtures("groups")
def test_an_analyst_lists_the_groups_and_filters_them(
    analyst: User, signed_in: Callable[[User], Client]
) -> None:
    client = signed_in(analyst)
    page = client.get("/intelligence/ocgs/").content.decode()
    assert "Demo Ring" in page and "Demo Crew" in page and "2 groups" in page
    assert "Trafficking for sexual exploitation, Money laundering" in page
    filtered = client.get("/intelligence/ocgs/?nationality=NGA&activity=money_laundering")
    text = filtered.content.decode()
    assert "Demo Ring" in text and "Demo Crew" not in text and "1 group matching" in text
    none = client.get("/intelligence/ocgs/?nationality=mixed&activity=violence").content.decode()
    assert "No groups you may see match these choices" in none
    assert client.get("/intelligence/ocgs/?activity=nonsense").status_code == 200
    event = AuditEvent.objects.filter(verb=AuditVerb.INTELLIGENCE_LIST).latest("id")
    assert event.detail["filters"] == {"nationality": "", "activity": ""}


@pytest.mark.usefixtures("groups")
def test_a_group_shows_its_members_victims_places_reports_and_network(
    analyst: User, signed_in: Callable[[User], Client]
) -> None:
    response = signed_in(analyst).get("/intelligence/ocgs/demo-ring/")
    assert response.status_code == 200
    page = response.content.decode()
    assert "Member Demo Ring 0" in page and "Member Demo Ring 1" in page
    assert "/intelligence/nrm/" in page  # the victim is the person of a referral
    assert "E1 6AN" in page and "/intelligence/network/ocg:demo-ring/" in page
    assert "Nigeria" in page
    event = AuditEvent.objects.filter(verb=AuditVerb.INTELLIGENCE_READ).latest("id")
    assert event.detail["ocg"] == "demo-ring"


@pytest.mark.usefixtures("groups")
def test_a_group_not_seen_is_not_found_and_the_attempt_audited(
    make_user: Callable[..., User],
    other_organisation: Organisation,
    signed_in: Callable[[User], Client],
) -> None:
    other = make_user("other-officer", other_organisation, DefaultRole.INTELLIGENCE_OFFICER)
    response = signed_in(other).get("/intelligence/ocgs/demo-ring/")
    assert response.status_code == 404
    denied = AuditEvent.objects.filter(verb=AuditVerb.ACCESS_DENIED).latest("id")
    assert denied.detail == {"ocg": "demo-ring"}


@pytest.mark.usefixtures("groups")
def test_an_analyst_reads_the_tables_of_a_year(
    analyst: User, signed_in: Callable[[User], Client]
) -> None:
    client = signed_in(analyst)
    page = client.get("/intelligence/ocgs/tables/").content.decode()  # the newest year
    assert "Organised crime groups in 2012" in page
    assert "The top five source countries of 2012: Nigeria." in page
    for number in range(1, 6):
        assert f"OCG table {number}:" in page
    assert '<th scope="row" class="govuk-table__header">Nigeria</th>' in page
    refused = client.get("/intelligence/ocgs/tables/?year=1999")
    assert refused.status_code == 400 and YEAR_INVALID in refused.content.decode()


def test_a_year_without_groups_says_so(
    analyst: User, officer: User, signed_in: Callable[[User], Client],
    valid_intelligence_report: dict[str, Any],
) -> None:  # fmt: skip
    intelligence_report_submit(
        actor=officer, data=valid_intelligence_report, organisation=officer.organisation
    )
    page = signed_in(analyst).get("/intelligence/ocgs/tables/?year=2012").content.decode()
    assert "No group linked to trafficking is named" in page
    assert "No referrals were received in 2012" in page


@pytest.mark.usefixtures("groups")
def test_officers_see_the_register_but_not_the_tables_and_others_neither(
    officer: User,
    make_user: Callable[..., User],
    organisation: Organisation,
    signed_in: Callable[[User], Client],
) -> None:
    client = signed_in(officer)
    assert client.get("/intelligence/ocgs/").status_code == 200
    assert client.get("/intelligence/ocgs/demo-crew/").status_code == 200
    assert client.get("/intelligence/ocgs/tables/").status_code == 403
    responder = signed_in(make_user("responder-2", organisation))
    for url in ("/intelligence/ocgs/", "/intelligence/ocgs/demo-crew/"):
        assert responder.get(url).status_code == 403
