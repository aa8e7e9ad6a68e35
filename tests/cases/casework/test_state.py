from datetime import date, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from nrm.cases.casework import messages
from nrm.cases.casework.state import CaseState, IllegalTransition, case_transition, event_earliest
from nrm.cases.stages import Event, Requester, Stage
from nrm.standard.words import say

START = date(2012, 5, 14)
CG_EVENTS = (Event.CG_POSITIVE, Event.CG_NEGATIVE)


def test_a_positive_rg_opens_a_recovery_period_of_45_days() -> None:
    state = case_transition(CaseState.received(START), Event.RG_POSITIVE, on=date(2012, 5, 18))
    assert state.stage == Stage.RECOVERY
    assert state.recovery_ends_on == date(2012, 7, 2)


def test_no_cg_before_a_positive_rg() -> None:
    with pytest.raises(IllegalTransition, match=messages.WHY_NO_POSITIVE_RG):
        case_transition(CaseState.received(START), Event.CG_POSITIVE, on=START, reasons="x")


def test_no_cg_before_the_recovery_period_ends_unless_extended_later() -> None:
    state = case_transition(CaseState.received(START), Event.RG_POSITIVE, on=START)
    with pytest.raises(IllegalTransition, match="recovery and reflection period ends"):
        case_transition(state, Event.CG_POSITIVE, on=START + timedelta(days=44))
    extended = case_transition(
        state,
        Event.EXTEND_RECOVERY,
        on=START + timedelta(days=30),
        reasons="medical",
        extend_days=14,
    )
    assert extended.recovery_ends_on == START + timedelta(days=59)
    done = case_transition(extended, Event.CG_POSITIVE, on=START + timedelta(days=59))
    assert done.stage == Stage.CG_POSITIVE


def test_a_negative_decision_needs_reasons() -> None:
    with pytest.raises(IllegalTransition, match=messages.NEGATIVE_NEEDS_REASONS):
        case_transition(CaseState.received(START), Event.RG_NEGATIVE, on=START, reasons="  ")


def test_no_decision_on_a_withdrawn_case() -> None:
    state = case_transition(CaseState.received(START), Event.WITHDRAW, on=START)
    with pytest.raises(IllegalTransition, match=messages.WHY_WITHDRAWN):
        case_transition(state, Event.RG_POSITIVE, on=START)


def test_a_suspended_case_resumes_where_it_was() -> None:
    state = case_transition(CaseState.received(START), Event.RG_POSITIVE, on=START)
    suspended = case_transition(state, Event.SUSPEND, on=START + timedelta(days=3))
    with pytest.raises(IllegalTransition, match=messages.WHY_SUSPENDED):
        case_transition(suspended, Event.CG_POSITIVE, on=START + timedelta(days=60))
    assert (
        case_transition(suspended, Event.RESUME, on=START + timedelta(days=9)).stage
        == Stage.RECOVERY
    )


def test_only_the_first_responder_or_support_provider_can_ask_for_reconsideration() -> None:
    negative = case_transition(CaseState.received(START), Event.RG_NEGATIVE, on=START, reasons="r")
    with pytest.raises(IllegalTransition, match=messages.RECONSIDERATION_BY):
        case_transition(negative, Event.RECONSIDER, on=START, requester=Requester.OTHER)
    again = case_transition(
        negative, Event.RECONSIDER, on=START, requester=Requester.SUPPORT_PROVIDER
    )
    assert again.stage == Stage.AWAITING_RG


def test_events_cannot_go_back_in_time() -> None:
    with pytest.raises(IllegalTransition) as refused:
        case_transition(CaseState.received(START), Event.SUSPEND, on=START - timedelta(days=1))
    assert str(refused.value) == say(messages.DATE_BEFORE_LAST_EVENT, last=START)


steps = st.lists(
    st.tuples(
        st.sampled_from(list(Event)),
        st.integers(min_value=0, max_value=40),
        st.sampled_from(["", "reasons given"]),
        st.sampled_from(list(Requester)),
        st.integers(min_value=0, max_value=30),
    ),
    max_size=25,
)


@given(steps)
def test_random_event_sequences_never_reach_an_illegal_state(
    sequence: list[tuple[Event, int, str, Requester, int]],
) -> None:
    state = CaseState.received(START)
    day = START
    rg_positive_seen = False
    for event, gap, reasons, requester, extend in sequence:
        day += timedelta(days=gap)
        before = state
        try:
            state = case_transition(
                state, event, on=day, reasons=reasons, requester=requester, extend_days=extend
            )
        except IllegalTransition as refusal:
            assert str(refusal)
            state = before
            continue
        rg_positive_seen |= event == Event.RG_POSITIVE
        # a refused event changes nothing; an accepted one never reaches an illegal state
        assert before.stage != Stage.WITHDRAWN
        if state.stage in (Stage.CG_POSITIVE, Stage.CG_NEGATIVE, Stage.RECOVERY):
            assert rg_positive_seen and state.rg_positive_on is not None
            assert state.recovery_ends_on is not None
            assert state.recovery_ends_on >= state.rg_positive_on + timedelta(days=45)
        if event in (Event.CG_POSITIVE, Event.CG_NEGATIVE):
            assert state.recovery_ends_on is not None and day >= state.recovery_ends_on
        if event in (Event.RG_NEGATIVE, Event.CG_NEGATIVE):
            assert reasons
        if state.stage == Stage.SUSPENDED:
            assert state.resume_to in (Stage.AWAITING_RG, Stage.RECOVERY)
        else:
            assert state.resume_to is None
        assert state.last_event_on == day


def test_a_cg_decision_is_dated_from_the_end_of_recovery_and_nothing_else_waits() -> None:
    state = case_transition(CaseState.received(START), Event.RG_POSITIVE, on=START)
    assert event_earliest(state, Event.CG_POSITIVE) == START + timedelta(days=45)
    assert event_earliest(state, Event.CG_NEGATIVE) == START + timedelta(days=45)
    assert {event_earliest(state, event) for event in Event if event not in CG_EVENTS} == {None}
    later = state.recovery_ends_on
    assert later is not None
    with pytest.raises(IllegalTransition, match="can be made from"):
        case_transition(state, Event.CG_NEGATIVE, on=later - timedelta(days=1), reasons="x")
    assert case_transition(state, Event.CG_POSITIVE, on=later).stage == Stage.CG_POSITIVE
