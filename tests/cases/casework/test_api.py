import json
from typing import Any

import pytest
from django.test import Client

from nrm.accounts.actors import OPERATOR
from nrm.accounts.models import User
from nrm.accounts.services import api_token_create
from nrm.cases.casework import messages


@pytest.fixture
def caseworker_api(caseworker: User) -> Client:
    return Client(
        HTTP_AUTHORIZATION="Bearer " + api_token_create(actor=OPERATOR, user=caseworker, name="t")
    )


def post(client: Client, url: str, body: dict[str, Any]) -> Any:
    return client.post(url, json.dumps(body), content_type="application/json")


def test_a_caseworker_records_an_rg_decision_and_sees_it_in_the_timeline(
    reference: str, caseworker_api: Client
) -> None:
    url = f"/api/v1/cases/{reference}"
    assert caseworker_api.get(url).json()["version"] == 1
    response = post(
        caseworker_api,
        f"{url}/rg-decision",
        {"outcome": "positive", "on": "2012-05-18", "expected_version": 1},
    )
    assert response.status_code == 200, response.content
    assert (response.json()["stage"], response.json()["version"]) == ("recovery", 2)
    timeline = caseworker_api.get(url).json()["timeline"]
    assert [(e["event"], e["to_stage"]) for e in timeline] == [("rg_positive", "recovery")]
    queue = caseworker_api.get("/api/v1/cases?queue=open").json()
    assert [c["reference"] for c in queue["results"]] == [reference]


def test_a_stale_version_is_a_409_with_the_conflict_message(
    reference: str, caseworker_api: Client
) -> None:
    body = {"outcome": "positive", "on": "2012-05-18", "expected_version": 1}
    assert post(caseworker_api, f"/api/v1/cases/{reference}/rg-decision", body).status_code == 200
    response = post(caseworker_api, f"/api/v1/cases/{reference}/rg-decision", body)
    assert response.status_code == 409
    assert response.json()["detail"] == messages.CASE_CONFLICT.format(expected=1, current=2)


def test_an_illegal_transition_and_a_bad_body_are_422_with_the_reason(
    reference: str, caseworker_api: Client
) -> None:
    illegal = post(
        caseworker_api,
        f"/api/v1/cases/{reference}/cg-decision",
        {"outcome": "positive", "on": "2012-05-18", "expected_version": 1},
    )
    assert illegal.status_code == 422
    assert messages.WHY_NO_POSITIVE_RG in illegal.json()["errors"][0]["message"]
    bad = post(caseworker_api, f"/api/v1/cases/{reference}/rg-decision", {"outcome": "maybe"})
    assert bad.status_code == 422
    assert {e["field"] for e in bad.json()["errors"]} == {"outcome", "on", "expected_version"}
