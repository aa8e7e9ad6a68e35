"""The network an intelligence user may see, its page and its audit."""

from collections.abc import Callable
from typing import Any

import pytest
from django.test import Client

from nrm.accounts.models import Organisation, User
from nrm.accounts.roles import DefaultRole
from nrm.audit.models import AuditEvent, AuditVerb
from nrm.intelligence.models import Entity, IntelligenceReport
from nrm.intelligence.network_pages import HOPS_INVALID
from nrm.intelligence.selectors import network_get, network_visible
from nrm.intelligence.services import intelligence_report_submit

pytestmark = pytest.mark.django_db

PHONE = "phone:+447911123456"


def _second_report(data: dict[str, Any], **grading: Any) -> dict[str, Any]:
    """Another report naming the same phone (written differently), used by a group."""
    return {
        **data,
        **grading,
        "entities": [
            {"key": "g", "type": "ocg", "ocg_name": "Example Group"},
            {"key": "p", "type": "phone", "phone": "+44 7911 123456"},
        ],
        "links": [{"from_key": "g", "to_key": "p", "type": "uses_phone"}],
    }


@pytest.fixture
def reports(
    officer: User, other_organisation: Organisation, make_user: Callable[..., User],
    valid_intelligence_report: dict[str, Any],
) -> tuple[IntelligenceReport, IntelligenceReport, IntelligenceReport]:  # fmt: skip
    """The officer's report (a suspect, a victim, a car wash, the suspect's phone), a P report
    of another force naming the same phone, and a C report of that force, shared with no one,
    naming it too."""
    other = make_user("other-officer", other_organisation, DefaultRole.INTELLIGENCE_OFFICER)
    own = intelligence_report_submit(
        actor=officer, data=valid_intelligence_report, organisation=officer.organisation
    )
    shared = intelligence_report_submit(
        actor=other, data=_second_report(valid_intelligence_report),
        organisation=other_organisation,
    )  # fmt: skip
    hidden = _second_report(
        valid_intelligence_report, handling_code="C",
        handling_conditions=[other_organisation.code],
    )  # fmt: skip
    hidden["entities"][0]["ocg_name"] = "Hidden Group"
    secret = intelligence_report_submit(actor=other, data=hidden, organisation=other_organisation)
    return own, shared, secret


def test_an_analyst_sees_one_phone_named_by_two_reports_and_nothing_of_a_c_report_not_shared(
    analyst: User, reports: tuple[IntelligenceReport, ...]
) -> None:
    own, shared, secret = reports
    network = network_visible(actor=analyst)
    assert network.nodes[PHONE].reports == tuple(sorted((own.reference, shared.reference)))
    assert "ocg:example-group" in network.nodes and "ocg:hidden-group" not in network.nodes
    assert all(secret.reference not in e.reports for e in network.edges)
    assert len(network.nodes) == 5


def test_an_officer_sees_only_their_own_forces_reports_in_the_network(
    officer: User, reports: tuple[IntelligenceReport, ...]
) -> None:
    network = network_visible(actor=officer)
    assert "ocg:example-group" not in network.nodes and len(network.nodes) == 4


def test_the_neighbourhood_read_is_audited_with_the_reports_it_shows(
    analyst: User, reports: tuple[IntelligenceReport, ...]
) -> None:
    own, shared, _ = reports
    victim = Entity.objects.get(report=own, key="e2")
    read = network_get(actor=analyst, node=str(victim.pk), hops=1)
    assert read is not None and len(read.part.nodes) == 3  # the victim, the suspect, the car wash
    read = network_get(actor=analyst, node=str(victim.pk), hops=3)
    assert read is not None and "ocg:example-group" in read.part.nodes
    event = AuditEvent.objects.filter(verb=AuditVerb.INTELLIGENCE_READ).latest("seq")
    assert event.detail == {
        "network": victim.pk,
        "hops": 3,
        "references": sorted((own.reference, shared.reference)),
    }


def test_an_entity_of_a_report_the_user_may_not_see_is_not_found_and_the_attempt_audited(
    analyst: User, reports: tuple[IntelligenceReport, ...], signed_in: Callable[[User], Client]
) -> None:
    hidden = Entity.objects.get(report=reports[2], key="g")
    response = signed_in(analyst).get(f"/intelligence/network/{hidden.pk}/")
    assert response.status_code == 404
    assert AuditEvent.objects.filter(verb=AuditVerb.ACCESS_DENIED).count() == 1
    assert signed_in(analyst).get("/intelligence/network/ocg:hidden-group/").status_code == 404


def test_the_page_draws_the_network_and_tables_its_people_things_and_links(
    analyst: User, reports: tuple[IntelligenceReport, ...], signed_in: Callable[[User], Client]
) -> None:
    client = signed_in(analyst)
    page = client.get("/intelligence/network/ocg:example-group/?hops=2").content.decode()
    assert 'role="img"' in page and '<title id="network-title">' in page
    assert page.count('class="node"') == 3 and page.count('class="link"') == 2
    assert "Example Group <strong>uses phone</strong> +447911123456" in page
    assert "Sample Suspecto" in page and "Testa" not in page
    report = client.get(f"/intelligence/reports/{reports[0].reference}/").content.decode()
    assert "See its network" in report


@pytest.mark.parametrize("hops", ["0", "9", "x", "", "2.5"])
def test_a_number_of_links_other_than_1_2_or_3_is_refused_in_words(
    hops: str, analyst: User, reports: tuple[IntelligenceReport, ...],
    signed_in: Callable[[User], Client],
) -> None:  # fmt: skip
    response = signed_in(analyst).get(f"/intelligence/network/{PHONE}/", {"hops": hops})
    assert response.status_code == 400
    assert HOPS_INVALID in response.content.decode()


def test_an_unknown_node_is_not_found(
    analyst: User, reports: tuple[IntelligenceReport, ...], signed_in: Callable[[User], Client]
) -> None:
    for node in ("999999", "phone:+440000", "nothing", "%00", "9" * 5000, "%C2%B2"):
        assert signed_in(analyst).get(f"/intelligence/network/{node}/").status_code == 404


def test_users_without_intelligence_are_refused_the_network(
    make_user: Callable[..., User], organisation: Organisation,
    reports: tuple[IntelligenceReport, ...], signed_in: Callable[[User], Client],
) -> None:  # fmt: skip
    responder = make_user("responder", organisation)
    assert signed_in(responder).get(f"/intelligence/network/{PHONE}/").status_code == 403
