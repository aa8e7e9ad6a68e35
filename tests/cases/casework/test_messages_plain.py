"""Every refusal of casework reads like a person wrote it: each event at every stage it is
refused at (``events.RULES`` and ``state.case_transition``), each change outside its stages, the
services' own refusals, and the casework API's answers to a body or a parameter that does not
validate. Stages and events by their labels, dates as "10 October 2031"."""

from collections.abc import Callable
from datetime import date, timedelta
from typing import Any

import pytest
from django.test import Client

from nrm.accounts.actors import OPERATOR
from nrm.accounts.models import User
from nrm.accounts.services import api_token_create
from nrm.cases.casework import forms, messages
from nrm.cases.casework.backlog import BacklogInvalid, backlog_create
from nrm.cases.casework.events import RULES, event_applies
from nrm.cases.casework.services.decisions import case_event_record
from nrm.cases.casework.services.edits import case_assign, case_reallocate, review_record
from nrm.cases.casework.services.locking import CaseConflict, CaseNotFound
from nrm.cases.casework.state import CaseState, IllegalTransition, case_replay, case_transition
from nrm.cases.stages import Change, Event, Requester, Stage
from nrm.standard.codes import CompetentAuthority
from tests.plain_words import code_identifiers, template_text, unplain

ON = date(2012, 7, 10)


def state_at(stage: Stage) -> CaseState:
    """A case at ``stage``, with what a case there holds (a suspended one returns to recovery)."""
    return CaseState(
        stage=stage,
        last_event_on=date(2012, 5, 18),
        rg_due_on=date(2012, 5, 21),
        resume_to=Stage.RECOVERY if stage == Stage.SUSPENDED else None,
        rg_positive_on=date(2012, 5, 18),
        recovery_ends_on=date(2012, 7, 2),
        review_due_on=date(2012, 6, 17),
    )


def refusal(state: CaseState, event: Event, **kwargs: Any) -> str:
    kwargs = {
        "on": ON,
        "reasons": "Reasons given",
        "requester": Requester.SUPPORT_PROVIDER,
        "extend_days": 7,
        **kwargs,
    }
    with pytest.raises(IllegalTransition) as refused:
        case_transition(state, event, **kwargs)
    return str(refused.value)


def test_every_event_at_every_stage_it_is_refused_at_says_why_with_their_labels() -> None:
    refused = {
        (event, stage): refusal(state_at(stage), event)
        for event in Event
        for stage in Stage
        if not event_applies(event, stage=stage)
    }
    assert len(refused) == sum(len(Stage) - len(RULES[event].stages) for event in Event)
    for (event, stage), message in refused.items():
        assert message.startswith(
            messages.ILLEGAL_TRANSITION.format(event=event.label, stage=stage.label, why="")
        ), message
    assert unplain(refused.values()) == {}


def test_the_state_machines_other_refusals_are_in_words() -> None:
    awaiting, recovery = state_at(Stage.AWAITING_RG), state_at(Stage.RECOVERY)
    found = [
        refusal(awaiting, Event.SUSPEND, on=date(2012, 5, 1)),
        refusal(awaiting, Event.RG_NEGATIVE, reasons=" "),
        refusal(recovery, Event.EXTEND_RECOVERY, reasons=""),
        refusal(recovery, Event.CG_POSITIVE, on=date(2012, 6, 1)),
        refusal(state_at(Stage.RG_NEGATIVE), Event.RECONSIDER, requester=Requester.OTHER),
    ]
    assert found[0] == messages.DATE_BEFORE_LAST_EVENT.format(last="18 May 2012")
    assert found[3] == messages.CG_BEFORE_RECOVERY_ENDS.format(earliest="2 July 2012")
    with pytest.raises(IllegalTransition) as replayed:
        case_replay(awaiting, [("cg", "positive", date(2012, 6, 1))])
    found.append(str(replayed.value))
    assert unplain(found) == {}


def test_every_change_refused_at_a_stage_or_without_reasons_says_so_in_words() -> None:
    for change in Change:
        rule = RULES[change]
        if rule.stages != frozenset(Stage):
            assert rule.wrong_stage, change
        assert unplain([rule.wrong_stage, rule.reasons_required]) == {}


def test_the_casework_services_refusals_are_in_words(
    reference: str,
    caseworker: User,
    manager: User,
    officer: User,
    make_user: Callable[..., User],
) -> None:
    found: list[str] = []

    def refused(call: Callable[[], Any]) -> None:
        with pytest.raises((IllegalTransition, CaseConflict, CaseNotFound, BacklogInvalid)) as e:
            call()
        found.append(str(e.value))

    def event(event: Event, version: int, on: date = ON, **kwargs: Any) -> Any:
        return case_event_record(
            actor=manager,
            reference=reference,
            event=event,
            on=on,
            expected_version=version,
            **kwargs,
        )

    refused(lambda: event(Event.RG_POSITIVE, 1, on=date.today() + timedelta(days=1)))
    refused(lambda: event(Event.RG_POSITIVE, 7))
    refused(
        lambda: case_event_record(
            actor=manager,
            reference="NRM-2099-999999",
            event=Event.SUSPEND,
            on=ON,
            expected_version=1,
        )
    )
    refused(lambda: review_record(actor=manager, reference=reference, on=ON, expected_version=1))
    refused(
        lambda: case_reallocate(
            actor=manager,
            reference=reference,
            reason="Same",
            authority=CompetentAuthority.HOME_OFFICE,
            expected_version=1,
        )
    )
    refused(
        lambda: case_assign(
            actor=manager, reference=reference, assignee=officer, expected_version=1
        )
    )
    event(Event.RG_POSITIVE, 1, on=date(2012, 5, 18))
    refused(lambda: event(Event.EXTEND_RECOVERY, 2, reasons="More time", extend_days=0))
    review_record(actor=manager, reference=reference, on=date(2012, 6, 17), expected_version=2)
    refused(lambda: review_record(actor=manager, reference=reference, on=ON, expected_version=3))
    refused(lambda: backlog_create(actor=OPERATOR, name=" ", starts_on=ON))
    refused(lambda: backlog_create(actor=OPERATOR, name="b", starts_on=ON, references=["NRM-X"]))
    assert found[0] == messages.DECISION_DATE_IN_FUTURE
    assert messages.REVIEW_ALREADY_RECORDED.format(day="17 June 2012") in found
    assert len(found) == 10
    assert unplain(found) == {}


BAD_BODIES = [
    ("rg-decision", {}),
    ("rg-decision", {"outcome": "pending", "on": "18/05/2012", "expected_version": 0, "x": 1}),
    (
        "rg-decision",
        {"outcome": "Positive", "on": "2012-05-18", "expected_version": "one", "reasons": 5},
    ),
    (
        "recovery-extension",
        {"on": "2012-02-30", "days": 400, "reasons": "x" * 20_001, "expected_version": 1},
    ),
    ("reallocation", {"authority": "Mars", "reason": "Why", "expected_version": 1}),
    ("cg-decision", {"outcome": "positive", "on": "2012-05-18", "expected_version": 1}),
]


@pytest.mark.parametrize(("path", "body"), BAD_BODIES)
def test_the_casework_apis_refusals_of_a_body_are_in_words(
    reference: str, manager: User, path: str, body: dict[str, Any]
) -> None:
    client = Client(
        HTTP_AUTHORIZATION="Bearer " + api_token_create(actor=OPERATOR, user=manager, name="t")
    )
    response = client.post(
        f"/api/v1/cases/{reference}/{path}", body, content_type="application/json"
    )
    assert response.status_code == 422
    errors = response.json()["errors"]
    assert errors and all(e["field"] and e["code"] for e in errors)
    assert unplain(e["message"] for e in errors) == {}


def test_the_casework_apis_refusals_of_a_parameter_are_in_words(manager: User) -> None:
    client = Client(
        HTTP_AUTHORIZATION="Bearer " + api_token_create(actor=OPERATOR, user=manager, name="t")
    )
    for query in ("queue=soon", "page=0", "page=first"):
        response = client.get(f"/api/v1/cases?{query}")
        assert response.status_code == 422, query
        errors = response.json()["errors"]
        assert [e["field"] for e in errors] == [query.split("=")[0]]
        assert unplain(e["message"] for e in errors) == {}


@pytest.mark.parametrize("module", [messages, forms], ids=lambda m: m.__name__)
def test_every_casework_message_template_is_plain_outside_its_placeholders(module: Any) -> None:
    templates = {n: v for n, v in vars(module).items() if n.isupper() and isinstance(v, str)}
    assert templates
    found = {n: code_identifiers(template_text(t)) for n, t in templates.items()}
    assert {n: f for n, f in found.items() if f} == {}
