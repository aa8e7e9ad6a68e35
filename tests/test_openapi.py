from typing import Any

import pytest
from django.test import Client
from openapi_spec_validator import validate

from nrm.standard.schema import Referral


@pytest.mark.django_db
def test_the_openapi_document_is_a_valid_openapi_3_document(client: Client) -> None:
    response = client.get("/api/v1/openapi.json")
    assert response.status_code == 200
    document: dict[str, Any] = response.json()
    assert document["openapi"].startswith("3.")
    validate(document)


@pytest.mark.django_db
def test_the_openapi_document_describes_the_data_standard_and_token_auth(client: Client) -> None:
    document = client.get("/api/v1/openapi.json").json()
    body = document["paths"]["/api/v1/referrals"]["post"]["requestBody"]
    assert body["content"]["application/json"]["schema"] == {
        "$ref": "#/components/schemas/Referral"
    }
    properties = document["components"]["schemas"]["Referral"]["properties"]
    assert set(properties) == set(Referral.model_fields)
    assert "Nation" in document["components"]["schemas"]
    assert document["components"]["securitySchemes"]["TokenAuth"]["scheme"] == "bearer"


@pytest.mark.django_db
def test_the_docs_page_is_served_with_local_assets(client: Client) -> None:
    page = client.get("/api/v1/docs")
    assert page.status_code == 200
    assert b"cdn." not in page.content
