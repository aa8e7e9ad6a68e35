import json
import re
from typing import Any

import pytest
from django.test import Client

from nrm.accounts.actors import OPERATOR
from nrm.audit.models import AuditEvent, AuditVerb
from nrm.cases.models import Person, Referral, VictimAccount
from nrm.standard import messages

pytestmark = pytest.mark.django_db


def post(client: Client, path: str, body: Any, **headers: str) -> Any:
    return client.post(
        path, data=json.dumps(body), content_type="application/json", headers=headers
    )


def test_a_valid_referral_is_saved_with_a_reference_and_audited(
    api: Client, valid_referral: dict[str, Any]
) -> None:
    response = post(api, "/api/v1/referrals", valid_referral)
    assert response.status_code == 201, response.content
    body = response.json()
    assert re.fullmatch(r"NRM-2012-\d{6}", body["reference"])
    assert body["competent_authority"] == "home_office"
    assert body["age_group"] == "adult"
    referral = Referral.objects.get(reference=body["reference"])
    assert Person.objects.get(referral=referral).family_name == "Fictiva"
    assert VictimAccount.objects.get(referral=referral).text.startswith("A fictional")
    assert (
        AuditEvent.objects.filter(
            verb=AuditVerb.REFERRAL_SUBMIT, target_id=str(referral.pk)
        ).count()
        == 1
    )


def test_an_adult_without_consent_is_pointed_to_the_anonymous_notification(
    api: Client, valid_referral: dict[str, Any]
) -> None:
    response = post(api, "/api/v1/referrals", {**valid_referral, "consent": False})
    assert response.status_code == 422
    assert {
        "field": "consent",
        "message": messages.ADULT_NEEDS_CONSENT,
        "code": "consent_required",
        "value": "false",
    } in response.json()["errors"]
    assert Referral.objects.count() == 0


def test_a_child_needs_no_consent(api: Client, valid_referral: dict[str, Any]) -> None:
    child = {**valid_referral, "consent": None, "date_of_birth": "2000-01-01"}
    response = post(api, "/api/v1/referrals", child)
    assert response.status_code == 201, response.content
    assert response.json()["age_group"] == "minor"


def test_unknown_codes_name_the_allowed_ones(api: Client, valid_referral: dict[str, Any]) -> None:
    response = post(api, "/api/v1/referrals", {**valid_referral, "nation": "Narnia"})
    error = response.json()["errors"][0]
    assert (error["field"], error["code"], error["value"]) == ("nation", "unknown_code", "Narnia")
    allowed = "England, Wales, Scotland, Northern Ireland or Isle of Man"
    assert error["message"] == messages.UNKNOWN_CODE.format(name="the UK nation", allowed=allowed)


def test_a_body_that_is_not_a_json_object_is_refused(api: Client) -> None:
    response = api.post("/api/v1/referrals", data="[1, 2", content_type="application/json")
    assert response.status_code == 422
    assert response.json()["errors"][0]["code"] == "bad_json"


def test_the_api_refuses_requests_without_a_valid_token(
    valid_referral: dict[str, Any], db: Any
) -> None:
    assert post(Client(), "/api/v1/referrals", valid_referral).status_code == 401
    assert Client(HTTP_AUTHORIZATION="Bearer nrm_wrong").get("/api/v1/referrals").status_code == 401
    assert Referral.objects.count() == 0


def test_first_responders_cannot_submit_for_another_organisation(
    api: Client, valid_referral: dict[str, Any], other_organisation: Any
) -> None:
    response = post(
        api,
        "/api/v1/referrals",
        {**valid_referral, "first_responder_organisation": "police-scotland"},
    )
    assert response.status_code == 422
    assert response.json()["errors"][0]["code"] == "other_organisation"


def test_decisions_cannot_be_submitted_with_a_referral(
    api: Client, valid_referral: dict[str, Any]
) -> None:
    response = post(
        api,
        "/api/v1/referrals",
        {**valid_referral, "rg_outcome": "positive", "rg_date": "2012-05-20"},
    )
    assert response.status_code == 422
    assert "rg_outcome" in [e["field"] for e in response.json()["errors"]]


def test_an_organisation_reads_its_own_referrals_but_not_others(
    api: Client, valid_referral: dict[str, Any], make_user: Any, other_organisation: Any
) -> None:
    from nrm.accounts.services import api_token_create

    reference = post(api, "/api/v1/referrals", valid_referral).json()["reference"]
    detail = api.get(f"/api/v1/referrals/{reference}")
    assert detail.status_code == 200
    assert detail.json()["family_name"] == "Fictiva"
    assert "account" not in detail.json()
    assert api.get("/api/v1/referrals").json()["count"] == 1

    outsider = Client(
        HTTP_AUTHORIZATION="Bearer "
        + api_token_create(actor=OPERATOR, user=make_user("other", other_organisation), name="t")
    )
    assert outsider.get(f"/api/v1/referrals/{reference}").status_code == 404
    assert outsider.get("/api/v1/referrals").json()["count"] == 0
    assert AuditEvent.objects.filter(verb=AuditVerb.REFERRAL_READ).count() == 1
    assert AuditEvent.objects.filter(verb=AuditVerb.ACCESS_DENIED).count() == 1
    listings = AuditEvent.objects.filter(verb=AuditVerb.REFERRAL_LIST).order_by("id")
    assert [event.detail["references"] for event in listings] == [[reference], []]


def test_anonymous_notifications_refuse_identifying_details_and_children(api: Client) -> None:
    good = {
        "notification_date": "2012-06-01",
        "nation": "wales",
        "police_region": "wales",
        "gender": "male",
        "nationality": "POL",
        "exploitation_type": "labour",
    }
    created = post(api, "/api/v1/notifications", good)
    assert created.status_code == 201, created.content
    assert re.fullmatch(r"NRM-AN-2012-\d{6}", created.json()["reference"])
    named = post(
        api, "/api/v1/notifications", {**good, "family_name": "X", "date_of_birth": "1990-01-01"}
    )
    assert {e["code"] for e in named.json()["errors"]} == {"identifying_field"}
    child = post(api, "/api/v1/notifications", {**good, "age_group": "minor"})
    assert child.json()["errors"][0]["message"] == messages.NOTIFICATION_CHILD
    assert (
        api.get(f"/api/v1/notifications/{created.json()['reference']}").json()["nationality"]
        == "POL"
    )
