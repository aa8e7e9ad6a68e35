from typing import Any

import pytest
from django.test import Client
from openapi_spec_validator import validate

from nrm.standard.intelligence_schema import IntelligenceReport
from nrm.standard.justice_schema import ProsecutionRecord
from nrm.standard.schema import Referral


@pytest.mark.django_db
def test_the_openapi_document_is_a_valid_openapi_3_document(api: Client) -> None:
    response = api.get("/api/v1/openapi.json")
    assert response.status_code == 200
    document: dict[str, Any] = response.json()
    assert document["openapi"].startswith("3.")
    validate(document)


@pytest.mark.django_db
def test_the_openapi_document_describes_the_data_standard_and_token_auth(api: Client) -> None:
    document = api.get("/api/v1/openapi.json").json()
    body = document["paths"]["/api/v1/referrals"]["post"]["requestBody"]
    assert body["content"]["application/json"]["schema"] == {
        "$ref": "#/components/schemas/Referral"
    }
    properties = document["components"]["schemas"]["Referral"]["properties"]
    assert set(properties) == set(Referral.model_fields)
    assert "Nation" in document["components"]["schemas"]
    assert document["components"]["securitySchemes"]["TokenAuth"]["scheme"] == "bearer"


@pytest.mark.django_db
def test_the_docs_page_is_served_with_local_assets(api: Client) -> None:
    page = api.get("/api/v1/docs")
    assert page.status_code == 200
    assert b"cdn." not in page.content


@pytest.mark.django_db
def test_the_api_documentation_is_for_signed_in_users_and_token_holders_only(
    api: Client, token: str
) -> None:
    anonymous = Client()
    refused = anonymous.get("/api/v1/openapi.json")
    assert refused.status_code == 401 and refused["WWW-Authenticate"] == "Bearer"
    assert "sign in" in refused.json()["detail"]
    page = anonymous.get("/api/v1/docs", HTTP_ACCEPT="text/html")
    assert page.status_code == 302 and page["Location"].startswith("/sign-in/")
    assert (
        Client(HTTP_AUTHORIZATION="Bearer nrm_wrong").get("/api/v1/openapi.json").status_code == 401
    )
    assert api.get("/api/v1/openapi.json").status_code == 200


@pytest.mark.django_db
def test_the_openapi_document_describes_the_intelligence_report_and_its_parts(
    api: Client,
) -> None:
    document = api.get("/api/v1/openapi.json").json()
    operations = document["paths"]["/api/v1/intelligence/reports"]
    body = operations["post"]["requestBody"]["content"]["application/json"]["schema"]
    assert body == {"$ref": "#/components/schemas/IntelligenceReport"}
    schemas = document["components"]["schemas"]
    assert set(schemas["IntelligenceReport"]["properties"]) == set(IntelligenceReport.model_fields)
    assert {"IntelligenceEntity", "IntelligenceLink", "LinkType", "HandlingCode"} <= set(schemas)
    assert operations["post"]["x-required-capability"] == "record_intelligence"
    assert operations["get"]["x-required-capability"] == "read_intelligence"
    header = {p["name"] for p in operations["post"]["parameters"]}
    assert "Idempotency-Key" in header
    detail = document["paths"]["/api/v1/intelligence/reports/{reference}"]["get"]
    assert {"200", "403", "404", "401", "422"} <= set(detail["responses"])


@pytest.mark.django_db
def test_the_openapi_document_describes_the_justice_records_and_who_may_use_them(
    api: Client,
) -> None:
    document = api.get("/api/v1/openapi.json").json()
    schemas = document["components"]["schemas"]
    prosecutions = document["paths"]["/api/v1/justice/prosecutions"]
    body = prosecutions["post"]["requestBody"]["content"]["application/json"]["schema"]
    assert body == {"$ref": "#/components/schemas/ProsecutionRecord"}
    assert set(schemas["ProsecutionRecord"]["properties"]) == set(ProsecutionRecord.model_fields)
    assert {"DefendantRecord", "ChargeRecord", "AssetRecoveryRecord"} <= set(schemas)
    assert {"200", "201", "403", "422"} <= set(prosecutions["post"]["responses"])
    assert prosecutions["post"]["x-required-capability"] == "record_prosecutions"
    assert prosecutions["get"]["x-required-capability"] == "read_prosecutions"
    assert prosecutions["get"]["x-alternative-capabilities"] == ["record_prosecutions"]
    assert "`record_prosecutions`" in prosecutions["get"]["description"]
    detail = document["paths"]["/api/v1/justice/prosecutions/{prosecution_id}"]["get"]
    assert {"200", "403", "404", "401", "422"} <= set(detail["responses"])
    recoveries = document["paths"]["/api/v1/justice/recoveries"]["post"]
    amount = schemas["AssetRecoveryRecord"]["properties"]["amount_pence"]
    assert amount["type"] == "integer"
    assert recoveries["x-required-capability"] == "record_prosecutions"
