"""The rules of each change of a case are declared once (``events.RULES``) and every door
follows them: the state machine, the services, the case page and the API."""

from datetime import date

import pytest
from django.test import Client

from nrm.cases.casework.events import RULES, event_applies
from nrm.cases.casework.state import CaseState, IllegalTransition, case_transition
from nrm.cases.casework.views import actions
from nrm.cases.casework.views.actions import ACTIONS
from nrm.cases.stages import Event, Requester, Stage

API = {
    "rg-decision": Event.RG_POSITIVE,
    "cg-decision": Event.CG_POSITIVE,
    "suspension": Event.SUSPEND,
    "resumption": Event.RESUME,
    "withdrawal": Event.WITHDRAW,
    "reconsideration": Event.RECONSIDER,
    "recovery-extension": Event.EXTEND_RECOVERY,
}
DAY = date(2012, 9, 1)


@pytest.mark.parametrize("event", list(Event))
@pytest.mark.parametrize("stage", list(Stage))
def test_the_state_machine_allows_an_event_exactly_at_the_stages_its_rule_names(
    event: Event, stage: Stage
) -> None:
    state = CaseState(
        stage=stage,
        last_event_on=date(2012, 5, 14),
        resume_to=Stage.RECOVERY if stage == Stage.SUSPENDED else None,
        rg_positive_on=date(2012, 5, 14),
        recovery_ends_on=date(2012, 6, 28),
    )
    try:
        case_transition(
            state,
            event,
            on=DAY,
            reasons="given",
            requester=Requester.FIRST_RESPONDER,
            extend_days=7,
        )
    except IllegalTransition:
        allowed = False
    else:
        allowed = True
    assert allowed == event_applies(event, stage=stage)


def test_every_change_the_case_page_offers_needs_its_rules_capability_and_stages() -> None:
    for slug, action in ACTIONS.items():
        rule = RULES[action.event]
        assert action.capability == rule.capability, slug
        view = getattr(actions, f"{slug.replace('-', '_')}_view")
        assert view.required_capability == rule.capability, slug


@pytest.mark.django_db
def test_every_api_change_needs_its_rules_capability(api: Client) -> None:
    paths = api.get("/api/v1/openapi.json").json()["paths"]
    for slug, event in API.items():
        operation = paths[f"/api/v1/cases/{{reference}}/{slug}"]["post"]
        assert operation["x-required-capability"] == RULES[event].capability.value, slug
