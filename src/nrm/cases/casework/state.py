"""The decision state machine of a case: what may happen next, and what it leads to.

Pure rules on values, no database: services load a case's state, ask ``case_transition`` for the
next one (or a clear refusal), and store it; a case opened with decisions already made (imports
of past cases) is the state those decisions reach, replayed by ``case_replay``. Stages:

    awaiting_rg ──rg positive──▶ recovery ──cg positive/negative──▶ concluded
         │  └──rg negative──▶ rg_negative ──reconsideration──▶ awaiting_rg
         └── suspend ⇄ resume (from awaiting_rg or recovery), withdraw from any open stage
    cg_negative ──reconsideration──▶ recovery (the CG decision is taken again)

Where each event may happen is declared in ``events.RULES``; the periods in ``periods.py``.
"""

from collections.abc import Iterable
from datetime import date, timedelta
from typing import Any, NamedTuple

from nrm.cases.casework import messages
from nrm.cases.casework.events import EVENT_OF_DECISION, RULES
from nrm.cases.casework.periods import POLICY, Periods
from nrm.cases.stages import NOT_CLOSED, Event, Requester, Stage
from nrm.standard.codes import DecisionStage
from nrm.standard.words import say

_STAGE_ORDER = {
    DecisionStage.REASONABLE_GROUNDS.value: 0,
    DecisionStage.CONCLUSIVE_GROUNDS.value: 1,
}
# The decisions that close a case, and the stage each closes it at.
_CLOSING = {
    Event.RG_NEGATIVE: Stage.RG_NEGATIVE,
    Event.CG_POSITIVE: Stage.CG_POSITIVE,
    Event.CG_NEGATIVE: Stage.CG_NEGATIVE,
}


class CaseState(NamedTuple):
    """Where a case stands and its deadlines. A named tuple: cheap to make, since an import
    opens a case for every row."""

    stage: Stage
    last_event_on: date
    rg_due_on: date | None = None
    resume_to: Stage | None = None  # the open stage a suspended case returns to
    rg_positive_on: date | None = None
    recovery_ends_on: date | None = None
    review_due_on: date | None = None
    closed_on: date | None = None

    @classmethod
    def received(cls, on: date, *, rg_due_on: date | None = None) -> "CaseState":
        return cls(stage=Stage.AWAITING_RG, last_event_on=on, rg_due_on=rg_due_on)

    @classmethod
    def of(cls, case: Any) -> "CaseState":
        """The state held by a case row (any object with the case's columns)."""
        return cls(
            stage=Stage(case.stage),
            last_event_on=case.last_event_on,
            rg_due_on=case.rg_due_on,
            resume_to=Stage(case.resume_to) if case.resume_to else None,
            rg_positive_on=case.rg_positive_on,
            recovery_ends_on=case.recovery_ends_on,
            review_due_on=case.review_due_on,
            closed_on=case.closed_on,
        )

    @property
    def due_on(self) -> date | None:
        """The next deadline of an open case: the RG decision, or the end of recovery."""
        if self.stage == Stage.AWAITING_RG:
            return self.rg_due_on
        if self.stage == Stage.RECOVERY:
            return self.recovery_ends_on
        return None

    def columns(self) -> dict[str, Any]:
        """The case row's columns that hold this state."""
        return {
            "stage": self.stage._value_,  # faster than ``.value`` (opening a case per import row)
            "resume_to": self.resume_to._value_ if self.resume_to else "",
            "last_event_on": self.last_event_on,
            "rg_due_on": self.rg_due_on,
            "rg_positive_on": self.rg_positive_on,
            "recovery_ends_on": self.recovery_ends_on,
            "review_due_on": self.review_due_on,
            "due_on": self.due_on,
            "closed_on": self.closed_on,
        }


class IllegalTransition(Exception):
    """The event is not allowed now; the message says why, in words a caseworker uses."""


def _why_not_open(state: CaseState) -> str:
    if state.stage == Stage.WITHDRAWN:
        return messages.WHY_WITHDRAWN
    if state.stage == Stage.SUSPENDED:
        return messages.WHY_SUSPENDED
    return messages.WHY_CLOSED


_RG = (Event.RG_POSITIVE, Event.RG_NEGATIVE)
_CG = (Event.CG_POSITIVE, Event.CG_NEGATIVE)


def _why(state: CaseState, event: Event) -> str:
    """Why ``event`` cannot happen at the case's stage, in the caseworker's words."""
    stage = state.stage
    if event in _RG and stage in (Stage.RECOVERY, *_CLOSING.values()):
        return messages.WHY_RG_DONE
    if event in _CG and stage in (Stage.AWAITING_RG, Stage.RG_NEGATIVE):
        return messages.WHY_NO_POSITIVE_RG
    if event in _CG and stage in (Stage.CG_POSITIVE, Stage.CG_NEGATIVE):
        return messages.WHY_CG_DONE
    if event == Event.SUSPEND and stage == Stage.SUSPENDED:
        return messages.WHY_ALREADY_SUSPENDED
    specific = {
        Event.RESUME: messages.WHY_NOT_SUSPENDED,
        Event.EXTEND_RECOVERY: messages.WHY_NOT_IN_RECOVERY,
        Event.RECONSIDER: messages.WHY_NOT_NEGATIVE,
    }
    return specific.get(event) or _why_not_open(state)


def _allowed(state: CaseState, event: Event) -> None:
    if state.stage not in RULES[event].stages or (
        event == Event.RESUME and state.resume_to is None
    ):
        raise IllegalTransition(
            messages.ILLEGAL_TRANSITION.format(
                event=event.label, stage=state.stage.label, why=_why(state, event)
            )
        )


def _moved(
    state: CaseState, event: Event, *, on: date, periods: Periods, extend_days: int = 0
) -> CaseState:
    """The state after ``event`` on ``on``, once it is known to be allowed."""
    stage, resume_to = state.stage, state.resume_to
    rg_positive_on, recovery_ends_on = state.rg_positive_on, state.recovery_ends_on
    review_due_on = state.review_due_on
    if event == Event.RG_POSITIVE:
        stage, rg_positive_on = Stage.RECOVERY, on
        recovery_ends_on = on + timedelta(days=periods.recovery_days)
        review_due_on = on + timedelta(days=periods.review_day)
    elif event == Event.SUSPEND:
        stage, resume_to = Stage.SUSPENDED, state.stage
    elif event == Event.RESUME:
        assert state.resume_to is not None
        stage, resume_to = state.resume_to, None
    elif event == Event.WITHDRAW:
        stage, resume_to = Stage.WITHDRAWN, None
    elif event == Event.EXTEND_RECOVERY:
        assert state.recovery_ends_on is not None
        recovery_ends_on = state.recovery_ends_on + timedelta(days=extend_days)
    elif event == Event.RECONSIDER:
        stage = Stage.AWAITING_RG if state.stage == Stage.RG_NEGATIVE else Stage.RECOVERY
    else:
        stage = _CLOSING[event]
    if stage in NOT_CLOSED:
        closed_on = None
    else:
        closed_on = on if state.stage in NOT_CLOSED else state.closed_on
    return CaseState(
        stage, on, state.rg_due_on, resume_to, rg_positive_on, recovery_ends_on,
        review_due_on, closed_on,
    )  # fmt: skip


def event_earliest(state: CaseState, event: Event) -> date | None:
    """The first day ``event`` may be dated at this state, where the rules set one: a
    conclusive grounds decision is made once the recovery and reflection period has ended.
    None where the rules set no such day. ``case_transition`` refuses an earlier date; the case
    page offers the change from that day."""
    if event in (Event.CG_POSITIVE, Event.CG_NEGATIVE):
        return state.recovery_ends_on
    return None


def case_transition(
    state: CaseState,
    event: Event,
    *,
    on: date,
    reasons: str = "",
    requester: Requester | None = None,
    periods: Periods = POLICY,
    extend_days: int = 0,
) -> CaseState:
    """The state after ``event`` on ``on``; raises ``IllegalTransition`` when not allowed."""
    if on < state.last_event_on:
        raise IllegalTransition(say(messages.DATE_BEFORE_LAST_EVENT, last=state.last_event_on))
    needs_reasons = RULES[event].reasons_required
    if needs_reasons and not reasons.strip():
        raise IllegalTransition(needs_reasons)
    _allowed(state, event)
    earliest = event_earliest(state, event)
    if earliest is not None and on < earliest:
        raise IllegalTransition(say(messages.CG_BEFORE_RECOVERY_ENDS, earliest=earliest))
    if event == Event.RECONSIDER and requester not in (
        Requester.FIRST_RESPONDER,
        Requester.SUPPORT_PROVIDER,
    ):
        raise IllegalTransition(messages.RECONSIDERATION_BY)
    return _moved(state, event, on=on, periods=periods, extend_days=extend_days)


def case_replay(
    state: CaseState, decisions: Iterable[tuple[str, str, date]], *, periods: Periods = POLICY
) -> CaseState:
    """The state reached by decisions already made: (stage, outcome, decided on), with the
    data standard's codes, applied in date order (reasonable grounds first on the same day).
    Pending decisions are left out. The stages each decision may follow are the state
    machine's; the checks on what a caseworker enters now (reasons, dates, who asks) are not
    applied to history. Raises ``IllegalTransition`` for a history the stages cannot follow."""
    ordered = sorted(
        (on, _STAGE_ORDER[stage], stage, outcome)
        for stage, outcome, on in decisions
        if (stage, outcome) in EVENT_OF_DECISION
    )
    for on, _, stage, outcome in ordered:
        event = EVENT_OF_DECISION[(stage, outcome)]
        _allowed(state, event)
        state = _moved(state, event, on=on, periods=periods)
    return state
