"""The path every change of a case takes: find the case in the actor's view, lock it, check
the version they saw, apply the change, and record its timeline entry and audit event with the
old and new values, in one transaction."""

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from typing import Any

from django.db import transaction

from nrm.accounts.actors import Actor, acting_user
from nrm.accounts.permissions import capability_require
from nrm.audit.models import AuditVerb
from nrm.audit.services import audit_record
from nrm.cases.access import case_scope
from nrm.cases.casework import messages
from nrm.cases.casework.events import RULES
from nrm.cases.casework.state import IllegalTransition
from nrm.cases.models import Case, CaseEvent, Decision
from nrm.cases.stages import Change, Event


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


@dataclass
class Entry:
    """What a change writes on the case's timeline (and, in part, in its audit event)."""

    event: Event | Change
    on: date
    reasons: str = ""
    detail: dict[str, Any] | None = None
    decision: Decision | None = None


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


def _record(*, actor: Actor, case: Case, entry: Entry, before: dict[str, Any]) -> Case:
    case.version += 1
    case.save()
    CaseEvent.objects.create(
        case=case,
        event=entry.event.value,
        on=entry.on,
        by=acting_user(actor),
        from_stage=before["stage"],
        to_stage=case.stage,
        reasons=entry.reasons,
        detail=entry.detail or {},
        decision=entry.decision,
    )
    audit_record(
        actor=actor,
        verb=RULES[entry.event].verb,
        target=case.referral,
        detail={
            "event": entry.event.value,
            "on": entry.on.isoformat(),
            "reasons_given": bool(entry.reasons.strip()),
            **(entry.detail or {}),
            "old": before,
            "new": _snapshot(case),
        },
    )
    return case


def case_change(
    *,
    actor: Actor,
    reference: str,
    expected_version: int,
    event: Event | Change,
    change: Callable[[Case], Entry],
    then: Callable[[Case, Entry], None] | None = None,
) -> Case:
    """Check the capability ``event`` needs, lock the case, check the version, let
    ``change(case)`` change it and say what its timeline entry is, and record it; ``then``
    runs in the same transaction once it is recorded (what a decision sets off). Raises
    ``CapabilityDenied``, ``CaseNotFound`` (audited), ``CaseConflict`` or ``IllegalTransition``
    (with the reason), and then writes nothing."""
    rule = RULES[event]
    capability_require(actor=actor, capability=rule.capability, detail={"reference": reference})
    try:
        with transaction.atomic():
            case = _locked(actor=actor, reference=reference, expected_version=expected_version)
            before = _snapshot(case)
            entry = change(case)
            saved = _record(actor=actor, case=case, entry=entry, before=before)
            if then is not None:
                then(saved, entry)
            return saved
    except CaseNotFound:
        audit_record(actor=actor, verb=AuditVerb.ACCESS_DENIED, detail={"reference": reference})
        raise
