import json
from typing import Any

import pytest

from nrm.accounts.models import User
from nrm.intelligence.models import IntelligenceReport
from nrm.standard import messages
from tests.intelligence.conftest import token_client

pytestmark = pytest.mark.django_db
URL = "/api/v1/intelligence/reports"


def test_an_officer_records_a_report_and_reads_it_back(
    officer: User, valid_intelligence_report: dict[str, Any]
) -> None:
    client = token_client(officer)
    created = client.post(URL, valid_intelligence_report, content_type="application/json")
    assert created.status_code == 201, created.content
    reference = created.json()["reference"]
    assert created.json()["grading"] == "2B P"
    listed = client.get(URL).json()
    assert listed["count"] == 1 and listed["results"][0]["entities"] == 4
    report = client.get(f"{URL}/{reference}").json()
    assert report["organisation"] == "met-police"
    assert [e["key"] for e in report["entities"]] == ["e1", "e2", "e3", "e4"]
    assert report["entities"][3]["phone"] == "+447911123456"
    assert {"from_key": "e1", "to_key": "e2", "type": "controls", "confidence": "confirmed"} in (
        report["links"]
    )


def test_a_refused_report_gets_field_level_errors_with_plain_messages(
    officer: User, valid_intelligence_report: dict[str, Any]
) -> None:
    body = {**valid_intelligence_report, "handling_code": "C"}
    body["entities"] = [{**body["entities"][3], "phone": "12"}, *body["entities"][:3]]
    response = token_client(officer).post(URL, body, content_type="application/json")
    assert response.status_code == 422
    errors = {e["field"]: e for e in response.json()["errors"]}
    assert errors["entities[0].phone"]["code"] == "bad_phone"
    assert "entity 1" in errors["entities[0].phone"]["message"]
    assert "handling_conditions" not in errors  # the schema's errors come first
    assert IntelligenceReport.objects.count() == 0
    body["entities"][0]["phone"] = "+40 712 345 678"
    response = token_client(officer).post(URL, body, content_type="application/json")
    errors = {e["field"]: e for e in response.json()["errors"]}
    assert errors["handling_conditions"]["message"] == messages.HANDLING_NEEDS_CONDITIONS


def test_a_retry_with_the_same_idempotency_key_records_one_report(
    officer: User, valid_intelligence_report: dict[str, Any]
) -> None:
    client = token_client(officer)
    body = json.dumps(valid_intelligence_report)
    first = client.post(URL, body, content_type="application/json", HTTP_IDEMPOTENCY_KEY="k-1")
    again = client.post(URL, body, content_type="application/json", HTTP_IDEMPOTENCY_KEY="k-1")
    assert first.status_code == again.status_code == 201
    assert again["Idempotent-Replayed"] == "true"
    assert first.json()["reference"] == again.json()["reference"]
    changed = json.dumps({**valid_intelligence_report, "officer": "DC Other"})
    reused = client.post(URL, changed, content_type="application/json", HTTP_IDEMPOTENCY_KEY="k-1")
    assert reused.status_code == 422
    assert IntelligenceReport.objects.count() == 1


def test_an_analyst_cannot_record_and_a_first_responder_cannot_read(
    analyst: User, make_user: Any, organisation: Any, valid_intelligence_report: dict[str, Any]
) -> None:
    refused = token_client(analyst).post(
        URL, valid_intelligence_report, content_type="application/json"
    )
    assert refused.status_code == 403
    assert token_client(make_user("responder", organisation)).get(URL).status_code == 403
