"""The decision state machine of a case: what may happen next, and what it leads to.

Pure rules on values, no database: services load a case's state, ask ``case_transition`` for the
next one (or a clear refusal), and store the event. Stages:

    awaiting_rg ──rg positive──▶ recovery ──cg positive/negative──▶ concluded
         │  └──rg negative──▶ rg_negative ──reconsideration──▶ awaiting_rg
         └── suspend ⇄ resume (from awaiting_rg or recovery), withdraw from any open stage
    cg_negative ──reconsideration──▶ recovery (the CG decision is taken again)
"""

from dataclasses import dataclass, replace
from datetime import date, timedelta

from nrm.cases.casework import messages
from nrm.cases.stages import NEGATIVE, OPEN, Event, Requester, Stage

DEFAULT_RECOVERY_DAYS = 45


@dataclass(frozen=True)
class CaseState:
    stage: Stage
    last_event_on: date
    resume_to: Stage | None = None  # the open stage a suspended case returns to
    rg_positive_on: date | None = None
    recovery_ends_on: date | None = None

    @classmethod
    def received(cls, on: date) -> "CaseState":
        return cls(stage=Stage.AWAITING_RG, last_event_on=on)


class IllegalTransition(Exception):
    """The event is not allowed now; the message says why, in words a caseworker uses."""


def _refuse(state: CaseState, event: Event, why: str) -> IllegalTransition:
    label = state.stage.value.replace("_", " ")
    return IllegalTransition(
        messages.ILLEGAL_TRANSITION.format(state=label, event=event.value, why=why)
    )


def _why_not_open(state: CaseState) -> str:
    if state.stage == Stage.WITHDRAWN:
        return messages.WHY_WITHDRAWN
    if state.stage == Stage.SUSPENDED:
        return messages.WHY_SUSPENDED
    return messages.WHY_CLOSED


def case_transition(
    state: CaseState,
    event: Event,
    *,
    on: date,
    reasons: str = "",
    requester: Requester | None = None,
    recovery_days: int = DEFAULT_RECOVERY_DAYS,
    extend_days: int = 0,
) -> CaseState:
    """The state after ``event`` on ``on``; raises ``IllegalTransition`` when not allowed."""
    if on < state.last_event_on:
        raise IllegalTransition(
            messages.DATE_BEFORE_LAST_EVENT.format(day=on, last=state.last_event_on)
        )
    moved = replace(state, last_event_on=on)
    if event in (Event.RG_NEGATIVE, Event.CG_NEGATIVE) and not reasons.strip():
        raise IllegalTransition(messages.NEGATIVE_NEEDS_REASONS)

    if event in (Event.RG_POSITIVE, Event.RG_NEGATIVE):
        if state.stage != Stage.AWAITING_RG:
            why = (
                messages.WHY_RG_DONE
                if state.stage in (Stage.RECOVERY, Stage.CG_POSITIVE, Stage.CG_NEGATIVE)
                else _why_not_open(state)
            )
            raise _refuse(state, event, why)
        if event == Event.RG_NEGATIVE:
            return replace(moved, stage=Stage.RG_NEGATIVE)
        return replace(
            moved,
            stage=Stage.RECOVERY,
            rg_positive_on=on,
            recovery_ends_on=on + timedelta(days=recovery_days),
        )

    if event in (Event.CG_POSITIVE, Event.CG_NEGATIVE):
        if state.stage != Stage.RECOVERY:
            why = (
                messages.WHY_NO_POSITIVE_RG
                if state.stage in (Stage.AWAITING_RG, Stage.RG_NEGATIVE)
                else _why_not_open(state)
            )
            raise _refuse(state, event, why)
        assert state.recovery_ends_on is not None
        if on < state.recovery_ends_on:
            raise IllegalTransition(
                messages.CG_BEFORE_RECOVERY_ENDS.format(earliest=state.recovery_ends_on)
            )
        stage = Stage.CG_POSITIVE if event == Event.CG_POSITIVE else Stage.CG_NEGATIVE
        return replace(moved, stage=stage)

    if event == Event.SUSPEND:
        if state.stage not in OPEN:
            raise _refuse(state, event, _why_not_open(state))
        return replace(moved, stage=Stage.SUSPENDED, resume_to=state.stage)

    if event == Event.RESUME:
        if state.stage != Stage.SUSPENDED or state.resume_to is None:
            raise _refuse(state, event, messages.WHY_NOT_SUSPENDED)
        return replace(moved, stage=state.resume_to, resume_to=None)

    if event == Event.WITHDRAW:
        if state.stage not in OPEN | {Stage.SUSPENDED}:
            raise _refuse(state, event, _why_not_open(state))
        return replace(moved, stage=Stage.WITHDRAWN, resume_to=None)

    if event == Event.EXTEND_RECOVERY:
        if state.stage != Stage.RECOVERY:
            raise _refuse(state, event, messages.WHY_NOT_IN_RECOVERY)
        if not reasons.strip():
            raise IllegalTransition(messages.EXTENSION_NEEDS_REASON)
        assert state.recovery_ends_on is not None
        return replace(moved, recovery_ends_on=state.recovery_ends_on + timedelta(days=extend_days))

    # Event.RECONSIDER
    if state.stage not in NEGATIVE:
        raise _refuse(state, event, messages.WHY_NOT_NEGATIVE)
    if requester not in (Requester.FIRST_RESPONDER, Requester.SUPPORT_PROVIDER):
        raise IllegalTransition(messages.RECONSIDERATION_BY)
    back = Stage.AWAITING_RG if state.stage == Stage.RG_NEGATIVE else Stage.RECOVERY
    return replace(moved, stage=back)
