from datetime import date, timedelta
from typing import Any

import pytest

from nrm.accounts.models import Organisation, User
from nrm.accounts.permissions import CapabilityDenied
from nrm.audit.models import AuditEvent, AuditVerb
from nrm.cases.casework import messages
from nrm.cases.casework.services.decisions import (
    case_event_record,
    cg_decision_record,
    rg_decision_record,
)
from nrm.cases.casework.services.edits import case_edit, case_reallocate, review_record
from nrm.cases.casework.services.locking import CaseConflict, CaseNotFound, CaseRefused
from nrm.cases.casework.state import IllegalTransition
from nrm.cases.models import CaseEvent, Decision
from nrm.cases.stages import Event, Stage
from nrm.standard.codes import CompetentAuthority

from .conftest import case_of

RG_DAY = date(2012, 5, 18)


def test_a_submitted_referral_opens_a_case_awaiting_rg_due_five_working_days_later(
    reference: str,
) -> None:
    case = case_of(reference)
    assert case.stage == Stage.AWAITING_RG
    assert case.rg_due_on == date(2012, 5, 21)
    assert case.due_on == case.rg_due_on
    assert case.version == 1
    assert case.allocation_rule_set == "nrm_2013"
    assert case.referral.competent_authority == CompetentAuthority.HOME_OFFICE


def test_a_scottish_referral_counts_st_andrews_day_as_a_holiday(
    officer: User, organisation: Organisation, valid_referral: dict[str, Any]
) -> None:
    # Thursday 29 November 2012; Friday 30 November is St Andrew's Day, a holiday in Scotland only.
    data = {**valid_referral, "referral_date": "2012-11-29", "exploitation_end": "2012-11-01"}
    english = referral_submit_ref(officer, organisation, data)
    scottish = referral_submit_ref(
        officer,
        organisation,
        {
            **data,
            "nation": "scotland",
            "police_region": "scotland",
            "exploitation_region": "scotland",
        },
    )
    assert case_of(english).rg_due_on == date(2012, 12, 6)
    assert case_of(scottish).rg_due_on == date(2012, 12, 7)


def referral_submit_ref(officer: User, organisation: Organisation, data: dict[str, Any]) -> str:
    from nrm.cases.referrals.services import referral_submit

    return referral_submit(actor=officer, data=data, organisation=organisation).reference


def test_a_positive_rg_opens_the_recovery_period_with_a_day_30_review(
    reference: str, caseworker: User
) -> None:
    case = rg_decision_record(
        actor=caseworker, reference=reference, positive=True, on=RG_DAY, expected_version=1
    )
    assert case.stage == Stage.RECOVERY
    assert case.recovery_ends_on == RG_DAY + timedelta(days=45)
    assert case.review_due_on == RG_DAY + timedelta(days=30)
    assert case.due_on == case.recovery_ends_on
    assert case.version == 2
    decision = Decision.objects.get(referral__reference=reference)
    assert (decision.stage, decision.outcome, decision.decided_on) == ("rg", "positive", RG_DAY)
    event = CaseEvent.objects.get(case=case)
    assert (event.event, event.from_stage, event.to_stage, event.by) == (
        "rg_positive",
        "awaiting_rg",
        "recovery",
        caseworker,
    )
    audit = AuditEvent.objects.filter(verb=AuditVerb.DECISION_RECORD).get()
    assert audit.actor == caseworker
    assert audit.detail["old"]["stage"] == "awaiting_rg"
    assert audit.detail["new"]["stage"] == "recovery"


def test_a_negative_decision_without_reasons_is_refused_and_nothing_is_written(
    reference: str, caseworker: User
) -> None:
    with pytest.raises(IllegalTransition, match=messages.NEGATIVE_NEEDS_REASONS):
        rg_decision_record(
            actor=caseworker, reference=reference, positive=False, on=RG_DAY, expected_version=1
        )
    case = case_of(reference)
    assert (case.stage, case.version) == (Stage.AWAITING_RG, 1)
    assert not Decision.objects.exists()
    assert not CaseEvent.objects.exists()


def test_a_cg_before_a_positive_rg_is_refused_with_the_reason(
    reference: str, caseworker: User
) -> None:
    with pytest.raises(IllegalTransition) as refused:
        cg_decision_record(
            actor=caseworker, reference=reference, positive=True, on=RG_DAY, expected_version=1
        )
    assert messages.WHY_NO_POSITIVE_RG in str(refused.value)


def test_the_cg_can_be_made_once_the_recovery_period_has_ended(
    reference: str, caseworker: User
) -> None:
    rg_decision_record(
        actor=caseworker, reference=reference, positive=True, on=RG_DAY, expected_version=1
    )
    with pytest.raises(IllegalTransition, match="recovery and reflection period ends"):
        cg_decision_record(
            actor=caseworker, reference=reference, positive=True, on=RG_DAY, expected_version=2
        )
    case = cg_decision_record(
        actor=caseworker,
        reference=reference,
        positive=True,
        on=RG_DAY + timedelta(days=45),
        expected_version=2,
    )
    assert case.stage == Stage.CG_POSITIVE
    assert case.closed_on == RG_DAY + timedelta(days=45)
    assert case.due_on is None


def test_a_decision_on_a_version_someone_else_changed_is_a_conflict_that_writes_nothing(
    reference: str, caseworker: User
) -> None:
    rg_decision_record(
        actor=caseworker, reference=reference, positive=True, on=RG_DAY, expected_version=1
    )
    with pytest.raises(CaseConflict) as conflict:
        case_event_record(
            actor=caseworker,
            reference=reference,
            event=Event.SUSPEND,
            on=RG_DAY,
            expected_version=1,
        )
    assert str(conflict.value) == messages.CASE_CONFLICT.format(expected=1, current=2)
    assert case_of(reference).stage == Stage.RECOVERY
    assert Decision.objects.count() == 1


def test_two_caseworkers_editing_the_same_version_one_wins_the_other_gets_a_conflict(
    reference: str, caseworker: User, manager: User
) -> None:
    case_edit(actor=caseworker, reference=reference, expected_version=1, summary="First")
    with pytest.raises(CaseConflict, match="what you entered is kept"):
        case_edit(actor=manager, reference=reference, expected_version=1, summary="Second")
    case = case_of(reference)
    assert (case.summary, case.version) == ("First", 2)


def test_a_caseworker_of_another_authority_cannot_see_the_case_and_the_refusal_is_audited(
    reference: str, make_user: Any, ukhtc: Organisation
) -> None:
    from nrm.accounts.roles import DefaultRole

    stranger = make_user("stranger", ukhtc, DefaultRole.CASEWORKER)
    with pytest.raises(CaseNotFound):
        rg_decision_record(
            actor=stranger, reference=reference, positive=True, on=RG_DAY, expected_version=1
        )
    assert AuditEvent.objects.filter(actor=stranger, verb=AuditVerb.ACCESS_DENIED).count() == 1
    assert case_of(reference).version == 1


def test_a_first_responder_cannot_record_a_decision_and_the_denial_is_audited(
    reference: str, officer: User
) -> None:
    with pytest.raises(CapabilityDenied):
        rg_decision_record(
            actor=officer, reference=reference, positive=True, on=RG_DAY, expected_version=1
        )
    denial = AuditEvent.objects.get(actor=officer, verb=AuditVerb.ACCESS_DENIED)
    assert denial.detail["capability"] == "record_rg_decision"


def test_reconsideration_by_the_first_responder_creates_a_new_decision_and_keeps_history(
    reference: str, caseworker: User, officer: User
) -> None:
    rg_decision_record(
        actor=caseworker,
        reference=reference,
        positive=False,
        on=RG_DAY,
        expected_version=1,
        reasons="Fictional reasons",
    )
    assert case_of(reference).closed_on == RG_DAY
    case = case_event_record(
        actor=officer,
        reference=reference,
        event=Event.RECONSIDER,
        on=RG_DAY + timedelta(days=3),
        expected_version=2,
        reasons="New evidence",
    )
    assert (case.stage, case.closed_on) == (Stage.AWAITING_RG, None)
    rg_decision_record(
        actor=caseworker,
        reference=reference,
        positive=True,
        on=RG_DAY + timedelta(days=5),
        expected_version=3,
    )
    outcomes = list(Decision.objects.order_by("id").values_list("stage", "outcome"))
    assert outcomes == [("rg", "negative"), ("rg", "pending"), ("rg", "positive")]
    events = list(CaseEvent.objects.order_by("id").values_list("event", flat=True))
    assert events == ["rg_negative", "reconsider", "rg_positive"]
    request = AuditEvent.objects.get(verb=AuditVerb.RECONSIDERATION_REQUEST)
    assert request.detail["requester"] == "first_responder"


def test_a_manager_cannot_request_a_reconsideration(
    reference: str, caseworker: User, manager: User
) -> None:
    rg_decision_record(
        actor=caseworker,
        reference=reference,
        positive=False,
        on=RG_DAY,
        expected_version=1,
        reasons="Fictional reasons",
    )
    with pytest.raises(CapabilityDenied):
        case_event_record(
            actor=manager,
            reference=reference,
            event=Event.RECONSIDER,
            on=RG_DAY,
            expected_version=2,
        )


def test_suspend_resume_and_withdraw_are_recorded_as_decisions_the_statistics_read(
    reference: str, caseworker: User
) -> None:
    for version, event in enumerate((Event.SUSPEND, Event.RESUME, Event.WITHDRAW), start=1):
        case_event_record(
            actor=caseworker, reference=reference, event=event, on=RG_DAY, expected_version=version
        )
    outcomes = list(Decision.objects.order_by("id").values_list("stage", "outcome"))
    assert outcomes == [("rg", "suspended"), ("rg", "pending"), ("rg", "withdrawn")]
    case = case_of(reference)
    assert (case.stage, case.closed_on, case.due_on) == (Stage.WITHDRAWN, RG_DAY, None)
    with pytest.raises(IllegalTransition, match=messages.WHY_WITHDRAWN):
        rg_decision_record(
            actor=caseworker, reference=reference, positive=True, on=RG_DAY, expected_version=4
        )


def test_a_manager_extends_the_recovery_period_with_a_reason(
    reference: str, caseworker: User, manager: User
) -> None:
    rg_decision_record(
        actor=caseworker, reference=reference, positive=True, on=RG_DAY, expected_version=1
    )
    with pytest.raises(CapabilityDenied):
        case_event_record(
            actor=caseworker,
            reference=reference,
            event=Event.EXTEND_RECOVERY,
            on=RG_DAY,
            expected_version=2,
            reasons="Needs more time",
            extend_days=10,
        )
    case = case_event_record(
        actor=manager,
        reference=reference,
        event=Event.EXTEND_RECOVERY,
        on=RG_DAY,
        expected_version=2,
        reasons="Needs more time",
        extend_days=10,
    )
    assert case.recovery_ends_on == RG_DAY + timedelta(days=55)
    assert case.due_on == case.recovery_ends_on


def test_the_day_30_review_is_recorded_once(reference: str, caseworker: User) -> None:
    rg_decision_record(
        actor=caseworker, reference=reference, positive=True, on=RG_DAY, expected_version=1
    )
    review_day = RG_DAY + timedelta(days=30)
    case = review_record(actor=caseworker, reference=reference, on=review_day, expected_version=2)
    assert case.reviewed_on == review_day
    with pytest.raises(CaseRefused, match="was recorded on"):
        review_record(actor=caseworker, reference=reference, on=review_day, expected_version=3)


def test_a_manager_reallocates_with_a_reason_and_the_case_moves_to_the_other_authority(
    reference: str, manager: User, caseworker: User, make_user: Any, ukhtc: Organisation
) -> None:
    from nrm.accounts.roles import DefaultRole
    from nrm.cases.casework.selectors import case_list

    with pytest.raises(CaseRefused, match=messages.REALLOCATION_NEEDS_REASON):
        case_reallocate(
            actor=manager,
            reference=reference,
            authority=CompetentAuthority.UKHTC,
            reason=" ",
            expected_version=1,
        )
    with pytest.raises(CapabilityDenied):
        case_reallocate(
            actor=caseworker,
            reference=reference,
            authority=CompetentAuthority.UKHTC,
            reason="UK national",
            expected_version=1,
        )
    case_reallocate(
        actor=manager,
        reference=reference,
        authority=CompetentAuthority.UKHTC,
        reason="UK national",
        expected_version=1,
    )
    other = make_user("ukhtc-worker", ukhtc, DefaultRole.CASEWORKER)
    assert list(case_list(actor=other).values_list("referral__reference", flat=True)) == [reference]
    assert not case_list(actor=caseworker).exists()
    audit = AuditEvent.objects.get(verb=AuditVerb.CASE_REALLOCATE)
    assert (audit.detail["from"], audit.detail["to"]) == ("home_office", "ukhtc")
    assert "UK national" not in str(audit.detail)


def test_a_positive_rg_refers_the_person_to_support_and_the_provider_sees_and_is_told(
    reference: str, caseworker: User, make_user: Any, django_capture_on_commit_callbacks: Any
) -> None:
    from nrm.accounts.models import Notice
    from nrm.accounts.roles import DefaultRole
    from nrm.cases.casework.selectors import case_list
    from nrm.support.models import SupportReferral

    provider = Organisation.objects.get(code="salvation-army")
    support_worker = make_user("support", provider, DefaultRole.SUPPORT_PROVIDER)
    assert not case_list(actor=support_worker).exists()
    rg_decision_record(
        actor=caseworker, reference=reference, positive=True, on=RG_DAY, expected_version=1
    )
    assert SupportReferral.objects.get(referral__reference=reference).provider == provider
    assert [c.referral.reference for c in case_list(actor=support_worker)] == [reference]
    with django_capture_on_commit_callbacks(execute=True):
        cg_decision_record(
            actor=caseworker,
            reference=reference,
            positive=False,
            on=RG_DAY + timedelta(days=45),
            expected_version=2,
            reasons="Fictional reasons",
        )
    # told of the positive RG that referred the person, and of the CG
    assert Notice.objects.filter(organisation=provider, kind="decision").count() == 2
    case = case_event_record(
        actor=support_worker,
        reference=reference,
        event=Event.RECONSIDER,
        on=RG_DAY + timedelta(days=46),
        expected_version=3,
        reasons="New evidence from support",
    )
    assert case.stage == Stage.RECOVERY
    request = AuditEvent.objects.get(verb=AuditVerb.RECONSIDERATION_REQUEST)
    assert request.detail["requester"] == "support_provider"


def test_a_note_goes_on_the_timeline_and_the_audit_records_only_that_one_was_added(
    reference: str, caseworker: User
) -> None:
    from nrm.cases.casework.services.edits import case_note_add

    with pytest.raises(CaseRefused, match=messages.NOTE_EMPTY):
        case_note_add(actor=caseworker, reference=reference, expected_version=1, note="  ")
    case = case_note_add(
        actor=caseworker, reference=reference, expected_version=1, note="Called the officer"
    )
    assert case.version == 2
    event = CaseEvent.objects.get(case=case)
    assert (event.event, event.reasons) == ("note", "Called the officer")
    audit = AuditEvent.objects.get(verb=AuditVerb.CASE_EDIT)
    assert "Called the officer" not in str(audit.detail)
    with pytest.raises(CaseConflict):
        case_note_add(actor=caseworker, reference=reference, expected_version=1, note="Again")
