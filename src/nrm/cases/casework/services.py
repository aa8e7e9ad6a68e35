"""Writes of casework: decisions and other events, reallocation, assignment, edits.

Every service takes the acting user, checks the capability (audited when refused) and the user's
scope, locks the case, compares the version the user saw (optimistic locking: a stale version is a
``CaseConflict`` and nothing is written) and records the change, its timeline entry, the decision
row the statistics read, the audit event and the notices, in one transaction.
"""

from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any

from django.conf import settings
from django.db import transaction
from django.utils import timezone

from nrm.accounts.actors import Actor, acting_user
from nrm.accounts.capabilities import Capability, Scope
from nrm.accounts.models import User
from nrm.accounts.permissions import capability_require, has_capability
from nrm.audit.models import AuditVerb
from nrm.audit.services import audit_record
from nrm.cases.access import case_scope
from nrm.cases.casework import messages
from nrm.cases.casework.notices import decision_notices_send
from nrm.cases.casework.state import CaseState, IllegalTransition
from nrm.cases.casework.state import case_transition as transition
from nrm.cases.models import Case, CaseEvent, Decision
from nrm.cases.stages import OPEN, Event, Requester, Stage
from nrm.standard.codes import CompetentAuthority, DecisionOutcome, DecisionStage
from nrm.support.services import support_referral_create

RG = DecisionStage.REASONABLE_GROUNDS
CG = DecisionStage.CONCLUSIVE_GROUNDS


class CaseConflict(Exception):
    """The case changed since the user read it; nothing was saved."""

    def __init__(self, *, expected: int, current: int) -> None:
        super().__init__(messages.CASE_CONFLICT.format(expected=expected, current=current))
        self.expected = expected
        self.current = current


class CaseNotFound(Exception):
    """No case with that reference is visible to the user (the refusal is audited)."""


class CaseRefused(IllegalTransition):
    """The change is not allowed as asked; the message says why."""


CAPABILITY = {
    Event.RG_POSITIVE: Capability.RECORD_RG_DECISION,
    Event.RG_NEGATIVE: Capability.RECORD_RG_DECISION,
    Event.CG_POSITIVE: Capability.RECORD_CG_DECISION,
    Event.CG_NEGATIVE: Capability.RECORD_CG_DECISION,
    Event.SUSPEND: Capability.RECORD_RG_DECISION,
    Event.RESUME: Capability.RECORD_RG_DECISION,
    Event.WITHDRAW: Capability.RECORD_RG_DECISION,
    Event.EXTEND_RECOVERY: Capability.EXTEND_DEADLINE,
    Event.RECONSIDER: Capability.REQUEST_RECONSIDERATION,
}

VERB = {
    Event.RG_POSITIVE: AuditVerb.DECISION_RECORD,
    Event.RG_NEGATIVE: AuditVerb.DECISION_RECORD,
    Event.CG_POSITIVE: AuditVerb.DECISION_RECORD,
    Event.CG_NEGATIVE: AuditVerb.DECISION_RECORD,
    Event.SUSPEND: AuditVerb.CASE_SUSPEND,
    Event.RESUME: AuditVerb.CASE_RESUME,
    Event.WITHDRAW: AuditVerb.CASE_WITHDRAW,
    Event.EXTEND_RECOVERY: AuditVerb.DEADLINE_EXTEND,
    Event.RECONSIDER: AuditVerb.RECONSIDERATION_REQUEST,
}

# The decision row each event writes: (stage, outcome); None for the stage means "the decision
# the case is waiting for" (RG before a positive RG, CG after).
DECISION: dict[Event, tuple[DecisionStage | None, DecisionOutcome]] = {
    Event.RG_POSITIVE: (RG, DecisionOutcome.POSITIVE),
    Event.RG_NEGATIVE: (RG, DecisionOutcome.NEGATIVE),
    Event.CG_POSITIVE: (CG, DecisionOutcome.POSITIVE),
    Event.CG_NEGATIVE: (CG, DecisionOutcome.NEGATIVE),
    Event.SUSPEND: (None, DecisionOutcome.SUSPENDED),
    Event.RESUME: (None, DecisionOutcome.PENDING),
    Event.WITHDRAW: (None, DecisionOutcome.WITHDRAWN),
    Event.RECONSIDER: (None, DecisionOutcome.PENDING),
}


def _state(case: Case) -> CaseState:
    return CaseState(
        stage=Stage(case.stage),
        last_event_on=case.last_event_on,
        resume_to=Stage(case.resume_to) if case.resume_to else None,
        rg_positive_on=case.rg_positive_on,
        recovery_ends_on=case.recovery_ends_on,
    )


def _awaited(stage: Stage, resume_to: str) -> DecisionStage:
    waiting = Stage(resume_to) if stage == Stage.SUSPENDED and resume_to else stage
    return RG if waiting in (Stage.AWAITING_RG, Stage.RG_NEGATIVE) else CG


def _due_on(case: Case) -> date | None:
    if case.stage == Stage.AWAITING_RG:
        return case.rg_due_on
    if case.stage == Stage.RECOVERY:
        return case.recovery_ends_on
    return None


def _locked(*, actor: Actor, reference: str, expected_version: int) -> Case:
    """The case, locked, if the actor may see it and it is still at ``expected_version``."""
    case = (
        Case.objects.select_for_update(of=("self",))
        .select_related("referral")
        .filter(case_scope(actor), referral__reference=reference)
        .first()
    )
    if case is None:
        raise CaseNotFound(messages.CASE_NOT_FOUND.format(reference=reference))
    if case.version != expected_version:
        raise CaseConflict(expected=expected_version, current=case.version)
    return case


def _snapshot(case: Case) -> dict[str, Any]:
    return {
        "stage": case.stage,
        "version": case.version,
        "due_on": case.due_on.isoformat() if case.due_on else None,
        "competent_authority": case.referral.competent_authority,
        "assigned_to": case.assigned_to_id,
    }


def _requester(actor: Actor, case: Case) -> Requester:
    """Who is asking, by the scope through which the actor sees the case."""
    scope = getattr(getattr(actor, "role", None), "scope", None)
    if scope == Scope.OWN_ORGANISATION:
        return Requester.FIRST_RESPONDER
    if scope == Scope.SUPPORT:
        return Requester.SUPPORT_PROVIDER
    return Requester.OTHER


@dataclass
class _Change:
    case: Case
    event: str
    on: date
    reasons: str = ""
    detail: dict[str, Any] | None = None
    decision: Decision | None = None


def _record(*, actor: Actor, change: _Change, before: dict[str, Any], verb: AuditVerb) -> Case:
    case = change.case
    case.version += 1
    case.save()
    CaseEvent.objects.create(
        case=case,
        event=change.event,
        on=change.on,
        by=acting_user(actor),
        from_stage=before["stage"],
        to_stage=case.stage,
        reasons=change.reasons,
        detail=change.detail or {},
        decision=change.decision,
    )
    audit_record(
        actor=actor,
        verb=verb,
        target=case.referral,
        detail={
            "event": change.event,
            "on": change.on.isoformat(),
            "reasons_given": bool(change.reasons.strip()),
            **(change.detail or {}),
            "old": before,
            "new": _snapshot(case),
        },
    )
    return case


def _deny(actor: Actor, reference: str, exc: CaseNotFound) -> CaseNotFound:
    audit_record(actor=actor, verb=AuditVerb.ACCESS_DENIED, detail={"reference": reference})
    return exc


def case_event_record(
    *,
    actor: Actor,
    reference: str,
    event: Event,
    on: date,
    expected_version: int,
    reasons: str = "",
    extend_days: int = 0,
) -> Case:
    """Apply ``event`` to the case ``reference`` (decisions, suspend, resume, withdraw, extend,
    reconsider). Raises ``CapabilityDenied``, ``CaseNotFound``, ``CaseConflict`` or
    ``IllegalTransition`` (with the reason) and then writes nothing."""
    capability_require(actor=actor, capability=CAPABILITY[event], detail={"reference": reference})
    if on > timezone.localdate():
        raise IllegalTransition(messages.DECISION_DATE_IN_FUTURE.format(day=on))
    if event == Event.EXTEND_RECOVERY and extend_days < 1:
        raise IllegalTransition(messages.EXTENSION_DAYS_POSITIVE)
    try:
        with transaction.atomic():
            case = _locked(actor=actor, reference=reference, expected_version=expected_version)
            return _apply(actor, case, event, on, reasons, extend_days)
    except CaseNotFound as exc:
        raise _deny(actor, reference, exc) from None


def _apply(
    actor: Actor, case: Case, event: Event, on: date, reasons: str, extend_days: int
) -> Case:
    before = _snapshot(case)
    awaited = _awaited(Stage(case.stage), case.resume_to)
    state = transition(
        _state(case),
        event,
        on=on,
        reasons=reasons,
        requester=_requester(actor, case) if event == Event.RECONSIDER else None,
        recovery_days=settings.NRM_RECOVERY_DAYS,
        extend_days=extend_days,
    )
    case.stage = state.stage.value
    case.resume_to = state.resume_to.value if state.resume_to else ""
    case.last_event_on = state.last_event_on
    case.rg_positive_on = state.rg_positive_on
    case.recovery_ends_on = state.recovery_ends_on
    if event == Event.RG_POSITIVE:
        case.review_due_on = on + timedelta(days=settings.NRM_REVIEW_DAY)
    case.due_on = _due_on(case)
    case.closed_on = None if state.stage in OPEN | {Stage.SUSPENDED} else on
    change = _Change(case=case, event=event.value, on=on, reasons=reasons)
    if event == Event.EXTEND_RECOVERY:
        change.detail = {"extend_days": extend_days}
    if event == Event.RECONSIDER:
        change.detail = {"requester": _requester(actor, case).value}
    if event in DECISION:
        stage, outcome = DECISION[event]
        change.decision = Decision.objects.create(
            referral=case.referral, stage=stage or awaited, outcome=outcome, decided_on=on
        )
        change.detail = {
            **(change.detail or {}),
            "decision_stage": change.decision.stage,
            "outcome": outcome.value,
        }
    saved = _record(actor=actor, change=change, before=before, verb=VERB[event])
    if event == Event.RG_POSITIVE:
        support_referral_create(referral=saved.referral, actor=actor)
    if change.decision is not None and change.decision.outcome in (
        DecisionOutcome.POSITIVE,
        DecisionOutcome.NEGATIVE,
        DecisionOutcome.WITHDRAWN,
    ):
        decision_notices_send(actor=actor, case=saved, decision=change.decision)
    return saved


def rg_decision_record(
    *,
    actor: Actor,
    reference: str,
    positive: bool,
    on: date,
    expected_version: int,
    reasons: str = "",
) -> Case:
    event = Event.RG_POSITIVE if positive else Event.RG_NEGATIVE
    return case_event_record(
        actor=actor,
        reference=reference,
        event=event,
        on=on,
        expected_version=expected_version,
        reasons=reasons,
    )


def cg_decision_record(
    *,
    actor: Actor,
    reference: str,
    positive: bool,
    on: date,
    expected_version: int,
    reasons: str = "",
) -> Case:
    event = Event.CG_POSITIVE if positive else Event.CG_NEGATIVE
    return case_event_record(
        actor=actor,
        reference=reference,
        event=event,
        on=on,
        expected_version=expected_version,
        reasons=reasons,
    )


def _simple_change(
    *,
    actor: Actor,
    reference: str,
    expected_version: int,
    capability: Capability,
    verb: AuditVerb,
    change: Any,
) -> Case:
    """Lock, check the version, let ``change(case)`` edit it and name its timeline entry, save."""
    capability_require(actor=actor, capability=capability, detail={"reference": reference})
    try:
        with transaction.atomic():
            case = _locked(actor=actor, reference=reference, expected_version=expected_version)
            before = _snapshot(case)
            entry: _Change = change(case)
            return _record(actor=actor, change=entry, before=before, verb=verb)
    except CaseNotFound as exc:
        raise _deny(actor, reference, exc) from None


def case_reallocate(
    *,
    actor: Actor,
    reference: str,
    authority: CompetentAuthority,
    reason: str,
    expected_version: int,
) -> Case:
    """Move a case to another competent authority (managers), with a reason."""
    if not reason.strip():
        raise CaseRefused(messages.REALLOCATION_NEEDS_REASON)

    def change(case: Case) -> _Change:
        current = case.referral.competent_authority
        if current == authority:
            label = CompetentAuthority(authority).label
            raise CaseRefused(messages.REALLOCATION_SAME_AUTHORITY.format(authority=label))
        if case.stage not in OPEN | {Stage.SUSPENDED}:
            raise CaseRefused(messages.REALLOCATION_CLOSED)
        case.referral.competent_authority = authority
        case.referral.save(update_fields=["competent_authority"])
        case.competent_authority = CompetentAuthority(authority).value
        case.assigned_to = None
        detail = {"from": current, "to": CompetentAuthority(authority).value}
        return _Change(case, "reallocate", timezone.localdate(), reason, detail)

    return _simple_change(
        actor=actor,
        reference=reference,
        expected_version=expected_version,
        capability=Capability.ALLOCATE_CASE,
        verb=AuditVerb.CASE_REALLOCATE,
        change=change,
    )


def case_assign(
    *, actor: Actor, reference: str, assignee: User | None, expected_version: int
) -> Case:
    """Assign a case to a caseworker of its competent authority (or unassign with None)."""

    def change(case: Case) -> _Change:
        if assignee is not None:
            organisation = assignee.organisation
            fits = (
                assignee.is_active
                and organisation is not None
                and organisation.competent_authority == case.referral.competent_authority
                and has_capability(assignee, Capability.RECORD_RG_DECISION)
            )
            if not fits:
                raise CaseRefused(
                    messages.ASSIGNEE_NOT_CASEWORKER.format(username=assignee.username)
                )
        case.assigned_to = assignee
        detail = {"assignee": assignee.pk if assignee else None}
        return _Change(case, "assign", timezone.localdate(), "", detail)

    return _simple_change(
        actor=actor,
        reference=reference,
        expected_version=expected_version,
        capability=Capability.ALLOCATE_CASE,
        verb=AuditVerb.CASE_ASSIGN,
        change=change,
    )


def case_edit(*, actor: Actor, reference: str, expected_version: int, summary: str) -> Case:
    """Save the caseworker's case summary. A stale version raises ``CaseConflict``; the caller
    keeps what the user typed and shows it again with the conflict message."""

    def change(case: Case) -> _Change:
        case.summary = summary
        return _Change(case, "edit", timezone.localdate(), "", {"fields": ["summary"]})

    return _simple_change(
        actor=actor,
        reference=reference,
        expected_version=expected_version,
        capability=Capability.RECORD_RG_DECISION,
        verb=AuditVerb.CASE_EDIT,
        change=change,
    )


def case_note_add(*, actor: Actor, reference: str, expected_version: int, note: str) -> Case:
    """Add a note to the case's timeline. The note is case content: the audit records only that
    a note was added."""
    if not note.strip():
        raise CaseRefused(messages.NOTE_EMPTY)

    def change(case: Case) -> _Change:
        return _Change(case, "note", timezone.localdate(), note.strip())

    return _simple_change(
        actor=actor,
        reference=reference,
        expected_version=expected_version,
        capability=Capability.RECORD_RG_DECISION,
        verb=AuditVerb.CASE_EDIT,
        change=change,
    )


def review_record(*, actor: Actor, reference: str, on: date, expected_version: int) -> Case:
    """Record the day-30 review of the recovery and reflection period."""

    def change(case: Case) -> _Change:
        if case.stage != Stage.RECOVERY:
            raise CaseRefused(messages.REVIEW_NOT_IN_RECOVERY)
        if case.reviewed_on is not None:
            raise CaseRefused(messages.REVIEW_ALREADY_RECORDED.format(day=case.reviewed_on))
        case.reviewed_on = on
        return _Change(case, "review", on)

    return _simple_change(
        actor=actor,
        reference=reference,
        expected_version=expected_version,
        capability=Capability.RECORD_CG_DECISION,
        verb=AuditVerb.REVIEW_RECORD,
        change=change,
    )
