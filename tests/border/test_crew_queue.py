"""Border Force's queue of its port, and who sees which report: the officer their port's,
the airline its own references and statuses."""

from datetime import timedelta

import pytest

from nrm.accounts.permissions import CapabilityDenied
from nrm.accounts.roles import DefaultRole
from nrm.audit.models import AuditEvent, AuditVerb
from nrm.border.crew_selectors import crew_airline_page, crew_queue, crew_report_get
from nrm.border.crew_services import crew_outcome_record
from tests.border.test_crew_factories import NOW, airline, api_client, officer, person, report_make

pytestmark = pytest.mark.django_db


def _at(minutes: int) -> str:
    return (NOW + timedelta(minutes=minutes)).isoformat()


def test_the_queue_is_in_order_of_expected_arrival_flagging_flights_landing_within_60_minutes() -> (
    None
):
    later = report_make(flight_number="EK1", expected_arrival=_at(300))
    soon = report_make(flight_number="EK2", expected_arrival=_at(45))
    edge = report_make(flight_number="EK3", expected_arrival=_at(60))
    just_after = report_make(flight_number="EK4", expected_arrival=_at(61))
    landed = report_make(flight_number="EK5", expected_arrival=_at(-10))
    queue = crew_queue(actor=officer(), now=NOW)
    assert [row.report for row in queue.waiting] == [landed, soon, edge, just_after, later]
    assert [row.landing_soon for row in queue.waiting] == [False, True, True, False, False]
    assert [row.landed for row in queue.waiting] == [True, False, False, False, False]
    event = AuditEvent.objects.get(verb=AuditVerb.CREW_LIST)
    assert event.detail["port"] == "LHR" and len(event.detail["references"]) == 5


def test_an_officer_sees_only_their_ports_reports() -> None:
    heathrow = report_make(destination_port="LHR")
    manchester = report_make(destination_port="MAN")
    assert [r.report for r in crew_queue(actor=officer("MAN"), now=NOW).waiting] == [manchester]
    lhr = officer("LHR")
    assert [r.report for r in crew_queue(actor=lhr, now=NOW).waiting] == [heathrow]
    assert crew_report_get(actor=lhr, reference=heathrow.reference) == heathrow
    assert crew_report_get(actor=lhr, reference=manchester.reference) is None
    assert AuditEvent.objects.filter(verb=AuditVerb.ACCESS_DENIED, actor=lhr).count() == 1
    assert AuditEvent.objects.filter(verb=AuditVerb.CREW_READ, actor=lhr).count() == 1


def test_an_officer_whose_organisation_is_no_ports_sees_nothing() -> None:
    report_make()
    elsewhere = person("bfo-nowhere", None, DefaultRole.BORDER_FORCE_DUTY_OFFICER)
    assert crew_queue(actor=elsewhere, now=NOW).waiting == []


def test_dealt_with_reports_leave_the_waiting_list() -> None:
    report = report_make()
    lhr = officer()
    crew_outcome_record(actor=lhr, reference=report.reference, outcome="no_concern", now=NOW)
    queue = crew_queue(actor=lhr, now=NOW)
    assert queue.waiting == [] and queue.dealt_with == [report]


def test_only_border_force_reads_the_queue() -> None:
    with pytest.raises(CapabilityDenied):
        crew_queue(actor=person("handler", None, DefaultRole.CREW_LINE_CALL_HANDLER), now=NOW)


def test_an_airline_sees_only_its_own_reports_references_and_statuses() -> None:
    skyways, other = airline("skyways"), airline("otherair", reporting_code="OTHER-1234")
    own = report_make(airline_code="skyways")
    report_make(airline_code="otherair")
    crew_outcome_record(
        actor=officer(), reference=own.reference, outcome="arrest", note="Zzoutcomecanary", now=NOW
    )
    system = person("skyways-system", skyways, DefaultRole.AIRLINE_REPORTING)
    assert [r.reference for r in crew_airline_page(actor=system, page=1)] == [own.reference]
    answer = api_client(system).get("/api/v1/crew/reports")
    assert answer.status_code == 200
    listed = answer.json()["results"]
    assert [(r["reference"], r["status"]) for r in listed] == [(own.reference, "dealt_with")]
    text = answer.content.decode()
    assert "arrest" not in text and "Zzoutcomecanary" not in text and "controlled" not in text
    assert other.code not in text


def test_an_airline_account_of_an_organisation_not_on_the_line_lists_nothing() -> None:
    report_make()
    stranger = person("stranger", None, DefaultRole.AIRLINE_REPORTING)
    assert list(crew_airline_page(actor=stranger, page=1)) == []
