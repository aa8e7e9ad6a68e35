"""A case opened with decisions already made stands where replaying them through the state
machine leaves it, with the same deadlines as a case decided one event at a time."""

from datetime import date, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from nrm.cases.casework.opening import case_row_for
from nrm.cases.casework.periods import POLICY, Periods
from nrm.cases.casework.state import CaseState, IllegalTransition, case_replay, case_transition
from nrm.cases.casework.working_days import working_days_add
from nrm.cases.stages import Event, Requester, Stage
from nrm.standard.codes import DecisionOutcome, DecisionStage

RECEIVED = date(2012, 5, 14)
RG, CG = DecisionStage.REASONABLE_GROUNDS.value, DecisionStage.CONCLUSIVE_GROUNDS.value
DECIDED = [o.value for o in DecisionOutcome if o != DecisionOutcome.PENDING]
EVENT = {
    (RG, "positive"): Event.RG_POSITIVE,
    (RG, "negative"): Event.RG_NEGATIVE,
    (CG, "positive"): Event.CG_POSITIVE,
    (CG, "negative"): Event.CG_NEGATIVE,
    (RG, "suspended"): Event.SUSPEND,
    (CG, "suspended"): Event.SUSPEND,
    (RG, "withdrawn"): Event.WITHDRAW,
    (CG, "withdrawn"): Event.WITHDRAW,
}


@st.composite
def histories(draw: st.DrawFn) -> list[tuple[str, str, date]]:
    """What the data standard accepts: an RG decision, and a CG decision only after a
    positive RG and after it in time (decisions as imports carry them)."""
    rg = draw(st.sampled_from([None, *DECIDED]))
    if rg is None:
        return []
    rg_on = RECEIVED + timedelta(days=draw(st.integers(0, 40)))
    decisions = [(RG, rg, rg_on)]
    cg = draw(st.sampled_from([None, *DECIDED])) if rg == "positive" else None
    if cg is not None:
        decisions.append((CG, cg, rg_on + timedelta(days=draw(st.integers(60, 200)))))
    return decisions


def _step_by_step(decisions: list[tuple[str, str, date]], periods: Periods) -> CaseState:
    rg_due = working_days_add(RECEIVED, periods.rg_due_working_days, nation="england")
    state = CaseState.received(RECEIVED, rg_due_on=rg_due)
    for stage, outcome, on in decisions:
        state = case_transition(
            state,
            EVENT[(stage, outcome)],
            on=on,
            reasons="recorded",
            requester=Requester.FIRST_RESPONDER,
            periods=periods,
        )
    return state


@given(histories(), st.sampled_from([POLICY, Periods(rg_due_working_days=7, recovery_days=60)]))
def test_a_case_opened_with_its_decisions_is_where_deciding_them_one_by_one_leaves_it(
    decisions: list[tuple[str, str, date]], periods: Periods
) -> None:
    row = case_row_for(received_on=RECEIVED, nation="england", periods=periods, decisions=decisions)
    expected = _step_by_step(decisions, periods)
    assert {k: row[k] for k in expected.columns()} == expected.columns()
    assert row["received_on"] == RECEIVED and row["version"] == 1


def test_the_order_decisions_are_given_in_does_not_matter() -> None:
    rg = (RG, "positive", date(2012, 5, 18))
    cg = (CG, "negative", date(2012, 8, 1))
    forwards = case_row_for(
        received_on=RECEIVED, nation="wales", periods=POLICY, decisions=[rg, cg]
    )
    backwards = case_row_for(
        received_on=RECEIVED, nation="wales", periods=POLICY, decisions=[cg, rg]
    )
    assert forwards == backwards
    assert forwards["stage"] == Stage.CG_NEGATIVE and forwards["closed_on"] == cg[2]


def test_a_history_the_stages_cannot_follow_is_refused() -> None:
    with pytest.raises(IllegalTransition):
        case_replay(
            CaseState.received(RECEIVED), [(CG, "positive", date(2012, 9, 1))], periods=POLICY
        )


def test_history_is_not_held_to_what_a_caseworker_may_enter_now() -> None:
    """A conclusive grounds decision made before the recovery period's end (past practice) is
    still replayed; a caseworker recording it today is refused."""
    early = [(RG, "positive", date(2012, 5, 18)), (CG, "positive", date(2012, 6, 1))]
    row = case_row_for(received_on=RECEIVED, nation="england", periods=POLICY, decisions=early)
    assert row["stage"] == Stage.CG_POSITIVE
    with pytest.raises(IllegalTransition, match="recovery and reflection period ends"):
        _step_by_step(early, POLICY)


def test_the_rg_deadline_counts_the_working_days_of_the_referrals_nation() -> None:
    # Friday 30 November 2012: St Andrew's Day is a bank holiday in Scotland only.
    friday = date(2012, 11, 29)
    scotland = case_row_for(received_on=friday, nation="scotland", periods=POLICY)
    england = case_row_for(received_on=friday, nation="england", periods=POLICY)
    assert england["rg_due_on"] == date(2012, 12, 6)
    assert scotland["rg_due_on"] == date(2012, 12, 7)
    assert scotland["due_on"] == scotland["rg_due_on"] and scotland["stage"] == Stage.AWAITING_RG


def test_the_recovery_period_is_never_shorter_than_45_days() -> None:
    assert Periods(recovery_days=30).recovery_days == 45
    assert Periods(recovery_days=60).recovery_days == 60
