"""The API permission matrix, built from the OpenAPI document so new operations are covered:
every role, every operation, (own organisation / another organisation / anonymous)."""

import json
import re
from typing import Any

import pytest
from django.test import Client

from nrm.accounts.capabilities import Scope
from nrm.accounts.models import Organisation
from nrm.accounts.roles import DEFAULT_ROLES, DefaultRole
from nrm.accounts.services import api_token_create
from nrm.audit.models import AuditEvent, AuditVerb
from nrm.referrals.models import AnonymousNotification, Referral

pytestmark = pytest.mark.django_db


def _operations(client: Client) -> list[tuple[str, str, str]]:
    document = client.get("/api/v1/openapi.json").json()
    operations = []
    for path, methods in document["paths"].items():
        for method, operation in methods.items():
            operations.append((method, path, operation.get("x-required-capability", "")))
    return operations


@pytest.fixture
def seeded(
    api: Client, valid_referral: dict[str, Any], other_organisation: Organisation, make_user: Any
) -> dict[str, str]:
    """One referral and one notification in each of two organisations."""
    other = Client(
        HTTP_AUTHORIZATION="Bearer "
        + api_token_create(user=make_user("seed-other", other_organisation), name="t")
    )
    notification = {"notification_date": "2012-06-01", "nation": "wales", "gender": "male"}
    references = {}
    for owner, client in (("own", api), ("other", other)):
        for kind, body in (("referrals", valid_referral), ("notifications", notification)):
            response = client.post(
                f"/api/v1/{kind}", json.dumps(body), content_type="application/json"
            )
            assert response.status_code == 201, response.content
            references[f"{owner}-{kind}"] = response.json()["reference"]
    return references


def _call(client: Client, method: str, path: str, references: dict[str, str], owner: str) -> Any:
    kind = "notifications" if "notifications" in path else "referrals"
    url = re.sub(r"\{reference\}", references[f"{owner}-{kind}"], path)
    if method == "post":
        return client.post(url, "{}", content_type="application/json")
    return client.get(url)


def test_no_operation_lacks_a_required_capability(client: Client) -> None:
    operations = _operations(client)
    assert len(operations) >= 6
    assert all(capability for _, _, capability in operations), operations


def test_every_role_gets_exactly_what_its_capabilities_allow(
    seeded: dict[str, str], make_user: Any, organisation: Organisation
) -> None:
    unauthorised_successes = []
    operations = _operations(Client())
    for role in DefaultRole:
        user = make_user(f"user-{role.value}", organisation, role)
        client = Client(HTTP_AUTHORIZATION="Bearer " + api_token_create(user=user, name="t"))
        granted = {c.value for c in DEFAULT_ROLES[role].capabilities}
        sees_own = DEFAULT_ROLES[role].scope == Scope.OWN_ORGANISATION
        for method, path, capability in operations:
            for owner in ("own", "other"):
                before = AuditEvent.objects.filter(verb=AuditVerb.ACCESS_DENIED).count()
                response = _call(client, method, path, seeded, owner)
                denied_now = (
                    AuditEvent.objects.filter(verb=AuditVerb.ACCESS_DENIED).count() - before
                )
                if capability not in granted:
                    if response.status_code != 403:
                        unauthorised_successes.append(
                            (role, method, path, owner, response.status_code)
                        )
                    assert denied_now == 1, (role, method, path)
                elif "{reference}" in path and (owner == "other" or not sees_own):
                    # a case outside the role's scope: not found, and the attempt is audited
                    assert response.status_code == 404, (role, path)
                    assert denied_now == 1
                elif method == "post":
                    assert response.status_code == 422  # allowed, and the empty body is refused
                else:
                    assert response.status_code == 200, (role, method, path, response.content)
    assert unauthorised_successes == []


def test_listings_show_only_the_organisations_own_cases(
    seeded: dict[str, str], api: Client
) -> None:
    listed = {r["reference"] for r in api.get("/api/v1/referrals").json()["results"]}
    assert listed == {seeded["own-referrals"]}
    notes = {n["reference"] for n in api.get("/api/v1/notifications").json()["results"]}
    assert notes == {seeded["own-notifications"]}
    assert Referral.objects.count() == 2 and AnonymousNotification.objects.count() == 2


def test_anonymous_callers_are_refused_everywhere(seeded: dict[str, str]) -> None:
    for method, path, _ in _operations(Client()):
        for owner in ("own", "other"):
            assert _call(Client(), method, path, seeded, owner).status_code == 401
