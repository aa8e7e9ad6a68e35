"""``POST /api/v1/border/screen`` and ``POST /api/v1/border/hits/{id}/outcome``: the matching
active profiles as hits for an officer (never a decision), field-level errors, refusals."""

import json
from collections.abc import Callable
from typing import Any

import pytest
from django.test import Client

from nrm.accounts.actors import OPERATOR
from nrm.accounts.models import Organisation
from nrm.accounts.roles import DefaultRole
from nrm.audit.models import AuditEvent, AuditVerb
from nrm.border.profile_models import Hit
from nrm.border.profile_services import (
    profile_activate,
    profile_create,
    profile_retire,
    profile_revise,
)
from nrm.border.screening_services import HIT_TARGET
from tests.border.factories import CASH_ONE_WAY, active_profile_version, profile_data

pytestmark = pytest.mark.django_db

PASSENGER = {
    "kind": "passenger",
    "reference": "PNR-7Q2XK",
    "nationality": "ALB",
    "journey": "one_way",
    "paid_in_cash": True,
    "origin_airport": "TIA",
    "destination_airport": "LTN",
}


def _post(client: Client, url: str, body: Any) -> Any:
    return client.post(url, json.dumps(body), content_type="application/json")


def test_a_passenger_who_matches_an_active_profile_makes_a_hit_for_review(
    entry_clearance: Client, organisation: Organisation
) -> None:
    version = active_profile_version(organisation)
    response = _post(entry_clearance, "/api/v1/border/screen", PASSENGER)
    assert response.status_code == 200, response.content
    hits = response.json()["hits"]
    assert [(h["profile"], h["version"], h["outcome"]) for h in hits] == [
        (version.profile_id, 1, None)
    ]
    hit = Hit.objects.get()
    assert hit.record_reference == "PNR-7Q2XK"
    assert AuditEvent.objects.filter(verb=AuditVerb.SCREENING_RUN).count() == 1
    assert AuditEvent.objects.filter(
        verb=AuditVerb.HIT_RECORD, target_type=HIT_TARGET, target_id=str(hit.pk)
    ).exists()


def test_a_passenger_who_matches_no_profile_makes_no_hit(
    entry_clearance: Client, organisation: Organisation
) -> None:
    active_profile_version(organisation)
    response = _post(entry_clearance, "/api/v1/border/screen", {**PASSENGER, "paid_in_cash": None})
    assert response.status_code == 200
    assert response.json()["hits"] == []
    assert not Hit.objects.exists()
    assert AuditEvent.objects.filter(verb=AuditVerb.SCREENING_RUN).count() == 1


def test_a_draft_or_retired_profile_does_not_screen(
    entry_clearance: Client, organisation: Organisation
) -> None:
    profile_create(actor=OPERATOR, data=profile_data(), owner=organisation)
    retired = active_profile_version(organisation)
    profile_retire(actor=OPERATOR, profile_id=retired.profile_id)
    assert _post(entry_clearance, "/api/v1/border/screen", PASSENGER).json()["hits"] == []


def test_a_new_version_screens_at_once_in_place_of_the_old_and_retiring_stops_it(
    entry_clearance: Client, organisation: Organisation
) -> None:
    version = active_profile_version(organisation)
    screen = "/api/v1/border/screen"
    assert [h["version"] for h in _post(entry_clearance, screen, PASSENGER).json()["hits"]] == [1]
    only_vietnam = [{**CASH_ONE_WAY[0], "values": ["VNM"]}, *CASH_ONE_WAY[1:]]
    profile_revise(actor=OPERATOR, profile_id=version.profile_id,
                   data=profile_data(conditions=only_vietnam))  # fmt: skip
    profile_activate(actor=OPERATOR, profile_id=version.profile_id)
    assert _post(entry_clearance, screen, PASSENGER).json()["hits"] == []
    vietnamese = {**PASSENGER, "nationality": "VNM", "reference": "PNR-2"}
    assert [h["version"] for h in _post(entry_clearance, screen, vietnamese).json()["hits"]] == [2]
    profile_retire(actor=OPERATOR, profile_id=version.profile_id)
    assert _post(entry_clearance, screen, vietnamese).json()["hits"] == []


@pytest.mark.parametrize(
    ("change", "field"),
    [
        ({"nationality": "albania"}, "nationality"),
        ({"paid_in_cash": "yes"}, "paid_in_cash"),
        ({"journey": "round_the_world"}, "journey"),
        ({"reference": None}, "reference"),
        ({"favourite_colour": "blue"}, "favourite_colour"),
    ],
)
def test_a_record_that_does_not_validate_is_refused_field_by_field(
    entry_clearance: Client, organisation: Organisation, change: dict[str, Any], field: str
) -> None:
    active_profile_version(organisation)
    response = _post(entry_clearance, "/api/v1/border/screen", {**PASSENGER, **change})
    assert response.status_code == 422
    assert field in [e["field"] for e in response.json()["errors"]]
    assert not Hit.objects.exists()


def test_a_role_that_does_not_screen_is_refused_and_the_refusal_audited(
    client_for: Callable[..., Client], organisation: Organisation
) -> None:
    responder = client_for("fr", organisation, DefaultRole.FIRST_RESPONDER)
    response = _post(responder, "/api/v1/border/screen", PASSENGER)
    assert response.status_code == 403
    assert AuditEvent.objects.filter(verb=AuditVerb.ACCESS_DENIED).count() == 1
    assert not AuditEvent.objects.filter(verb=AuditVerb.SCREENING_RUN).exists()


def test_an_officer_records_the_outcome_of_a_hit_audited_before_and_after(
    entry_clearance: Client, organisation: Organisation
) -> None:
    active_profile_version(organisation)
    hit_id = _post(entry_clearance, "/api/v1/border/screen", PASSENGER).json()["hits"][0]["id"]
    url = f"/api/v1/border/hits/{hit_id}/outcome"
    response = _post(entry_clearance, url, {"outcome": "more_scrutiny"})
    assert response.status_code == 200, response.content
    assert response.json()["outcome"] == "more_scrutiny"
    assert _post(entry_clearance, url, {"outcome": "referred"}).status_code == 200
    events = AuditEvent.objects.filter(verb=AuditVerb.HIT_OUTCOME).order_by("seq")
    assert [(e.detail["old"], e.detail["new"]) for e in events] == [
        ({"outcome": ""}, {"outcome": "more_scrutiny"}),
        ({"outcome": "more_scrutiny"}, {"outcome": "referred"}),
    ]
    assert Hit.objects.get().outcome == "referred"


def test_an_outcome_that_is_not_a_code_or_a_hit_that_does_not_exist_is_refused(
    entry_clearance: Client, organisation: Organisation
) -> None:
    active_profile_version(organisation)
    hit_id = _post(entry_clearance, "/api/v1/border/screen", PASSENGER).json()["hits"][0]["id"]
    bad = _post(entry_clearance, f"/api/v1/border/hits/{hit_id}/outcome", {"outcome": "deport"})
    assert bad.status_code == 422
    missing = _post(entry_clearance, "/api/v1/border/hits/999999/outcome", {"outcome": "refused"})
    assert missing.status_code == 404
    assert not AuditEvent.objects.filter(verb=AuditVerb.HIT_OUTCOME).exists()
