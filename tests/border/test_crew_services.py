"""Receiving crew reports through each door, the rate limit, and the outcome on arrival."""

from datetime import timedelta

import pytest

from nrm.accounts.permissions import CapabilityDenied
from nrm.accounts.roles import DefaultRole
from nrm.audit.models import AuditEvent, AuditVerb
from nrm.border import crew_errors as e
from nrm.border.crew_limits import LIMITS
from nrm.border.crew_models import CrewAirline, CrewReport
from nrm.border.crew_services import (
    crew_api_admit,
    crew_outcome_record,
    crew_report_by_call,
    crew_report_by_code,
    crew_report_from_airline,
)
from nrm.border.crew_validation import REPORTING_CODE_REQUIRED, REPORTING_CODE_UNKNOWN
from nrm.cases.models import ReferralDraft
from nrm.cases.referrals.journey import CANNOT_START, Journey
from nrm.standard import crew_codes as cc
from tests.border.test_crew_factories import (
    CODE,
    NOW,
    airline,
    officer,
    person,
    port_office,
    report_data,
    report_make,
)

pytestmark = pytest.mark.django_db


def test_the_reporting_code_is_stored_only_as_a_digest() -> None:
    airline()
    stored = CrewAirline.objects.get()
    assert CODE not in stored.code_digest and "7421" not in stored.code_digest


def test_a_report_with_its_airlines_code_lands_for_the_port_with_a_reference_audited() -> None:
    skyways = airline()
    report = crew_report_by_code(
        code="sky-7421nw", data=report_data(), address="192.0.2.1", now=NOW
    )
    assert report.reference.startswith("CRW-")
    assert (report.airline, report.port, report.door) == (skyways, "LHR", cc.CrewDoor.WEB)
    assert report.status == cc.CrewStatus.AWAITING_ARRIVAL
    event = AuditEvent.objects.get(verb=AuditVerb.CREW_SUBMIT)
    assert event.target_id == str(report.pk)
    assert event.detail["door"] == "web" and event.detail["airline"] == "skyways"
    assert "192.0.2.1" not in str(event.detail)


@pytest.mark.parametrize(
    ("code", "message"), [("", REPORTING_CODE_REQUIRED), ("NOPE", REPORTING_CODE_UNKNOWN)]
)
def test_a_missing_or_unknown_code_is_refused_with_the_reports_own_errors_and_nothing_stored(
    code: str, message: str
) -> None:
    airline()
    with pytest.raises(e.CrewInvalid) as refused:
        crew_report_by_code(
            code=code, data=report_data(flight_number=""), address="192.0.2.1", now=NOW
        )
    fields = {error.field: error.message for error in refused.value.errors}
    assert fields["reporting_code"] == message
    assert "flight_number" in fields
    assert CrewReport.objects.count() == 0
    assert not AuditEvent.objects.filter(verb=AuditVerb.CREW_SUBMIT).exists()


def test_the_public_form_is_limited_per_client_address() -> None:
    airline()
    for n in range(LIMITS["address"]):
        crew_report_by_code(
            code=CODE, data=report_data(), address="192.0.2.9", now=NOW + timedelta(seconds=n)
        )
    with pytest.raises(e.CrewLimited):
        crew_report_by_code(code=CODE, data=report_data(), address="192.0.2.9", now=NOW)
    crew_report_by_code(code=CODE, data=report_data(), address="192.0.2.10", now=NOW)  # another
    later = NOW + timedelta(minutes=11)  # out of the window
    crew_report_by_code(code=CODE, data=report_data(), address="192.0.2.9", now=later)


def test_the_public_form_is_limited_per_reporting_code_whatever_the_address() -> None:
    airline()
    for n in range(LIMITS["code"]):
        crew_report_by_code(code=CODE, data=report_data(), address=f"198.51.100.{n}", now=NOW)
    with pytest.raises(e.CrewLimited):
        crew_report_by_code(code=CODE, data=report_data(), address="198.51.100.200", now=NOW)
    assert CrewReport.objects.count() == LIMITS["code"]


def test_an_airline_account_reports_for_its_own_airline_only() -> None:
    skyways = airline()
    system = person("skyways-system", skyways, DefaultRole.AIRLINE_REPORTING)
    report = crew_report_from_airline(actor=system, data=report_data(), now=NOW)
    assert report.airline == skyways and report.door == cc.CrewDoor.API
    stranger = person("not-an-airline", port_office(), DefaultRole.AIRLINE_REPORTING)
    with pytest.raises(e.CrewInvalid) as refused:
        crew_report_from_airline(actor=stranger, data=report_data(), now=NOW)
    assert refused.value.errors[0].message == e.NOT_AN_AIRLINE


def test_an_airline_system_is_limited_per_account_before_its_body_is_read() -> None:
    system = person("skyways-system", airline(), DefaultRole.AIRLINE_REPORTING)
    for _ in range(LIMITS["account"]):
        crew_api_admit(actor=system, now=NOW)
    with pytest.raises(e.CrewLimited):
        crew_api_admit(actor=system, now=NOW)


def test_the_call_handler_names_the_airline_and_only_they_take_calls() -> None:
    airline()
    handler = person("handler", None, DefaultRole.CREW_LINE_CALL_HANDLER)
    report = crew_report_by_call(actor=handler, airline="skyways", data=report_data(), now=NOW)
    assert report.door == cc.CrewDoor.CALL and report.taken_by == handler
    with pytest.raises(e.CrewInvalid) as refused:
        crew_report_by_call(actor=handler, airline="", data=report_data(), now=NOW)
    assert refused.value.errors[0].message == e.AIRLINE_REQUIRED
    with pytest.raises(CapabilityDenied):
        crew_report_by_call(actor=officer(), airline="skyways", data=report_data(), now=NOW)


def test_an_outcome_is_recorded_once_for_the_officers_port_and_audited() -> None:
    report = report_make()
    heathrow = officer("LHR")
    crew_outcome_record(actor=heathrow, reference=report.reference, outcome="safeguarding", now=NOW)
    report.refresh_from_db()
    assert (report.status, report.outcome, report.outcome_by) == (
        cc.CrewStatus.DEALT_WITH,
        "safeguarding",
        heathrow,
    )
    event = AuditEvent.objects.get(verb=AuditVerb.CREW_OUTCOME)
    assert event.target_id == str(report.pk) and event.actor == heathrow
    assert event.detail["new"]["outcome"] == "safeguarding"
    with pytest.raises(e.CrewInvalid) as again:
        crew_outcome_record(actor=heathrow, reference=report.reference, outcome="arrest", now=NOW)
    assert again.value.errors[0].message == e.OUTCOME_RECORDED


def test_an_officer_of_another_port_cannot_record_an_outcome_and_the_attempt_is_audited() -> None:
    report = report_make()
    gatwick = officer("LGW")
    with pytest.raises(e.CrewNotFound):
        crew_outcome_record(actor=gatwick, reference=report.reference, outcome="arrest", now=NOW)
    report.refresh_from_db()
    assert report.outcome == ""
    assert AuditEvent.objects.filter(verb=AuditVerb.ACCESS_DENIED, actor=gatwick).count() == 1


def test_an_outcome_must_be_one_of_the_list() -> None:
    report = report_make()
    with pytest.raises(e.CrewInvalid) as refused:
        crew_outcome_record(actor=officer(), reference=report.reference, outcome="maybe", now=NOW)
    assert refused.value.errors[0].message == e.OUTCOME_REQUIRED
    assert not AuditEvent.objects.filter(verb=AuditVerb.CREW_OUTCOME).exists()


def test_an_nrm_referral_started_is_a_draft_prefilled_from_the_report() -> None:
    report = report_make(
        indicators=["minor_with_unrelated_adult", "other"], details="Kept the passport"
    )
    heathrow = officer("LHR")
    crew_outcome_record(actor=heathrow, reference=report.reference, outcome="nrm_referral", now=NOW)
    report.refresh_from_db()
    draft = ReferralDraft.objects.get()
    assert report.referral_draft == draft
    assert draft.organisation == heathrow.organisation
    journey = Journey.of(draft.data)
    about = journey.values("about")
    assert str(about["referral_date"]) == "2026-12-05"
    assert about["nation"] == "england"
    assert about["first_responder_officer"] == "Sam Officer"
    account = journey.values("account")["account"]
    for told in (
        report.reference,
        "BA123",
        "London Heathrow",
        "a child travelling with an unrelated adult",
        "Kept the passport",
        "23C",
    ):
        assert told in account, told
    # Nothing about the person, and consent is still the journey's: asked once the person is known.
    assert set(journey.sections) == {"about", "account"}
    assert journey.complete == set()
    assert journey.status("consent") == CANNOT_START
    assert AuditEvent.objects.filter(verb=AuditVerb.DRAFT_WRITE, target_id=str(draft.pk)).exists()


def test_a_referral_from_a_scottish_port_comes_from_scotland() -> None:
    report = report_make(destination_port="EDI")
    crew_outcome_record(
        actor=officer("EDI"), reference=report.reference, outcome="nrm_referral", now=NOW
    )
    assert Journey.of(ReferralDraft.objects.get().data).values("about")["nation"] == "scotland"
