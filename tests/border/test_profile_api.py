"""The risk profile API: analysts write a draft, change it, make it active and retire it from
their own tools, through the same checks as every door; others may not; all audited."""

import json
from collections.abc import Callable
from typing import Any

import pytest
from django.test import Client

from nrm.accounts.models import Organisation
from nrm.accounts.roles import DefaultRole
from nrm.audit.models import AuditEvent, AuditVerb
from nrm.border.profile_conditions import PROTECTED_ONLY
from nrm.border.profile_errors import NOT_FOUND
from nrm.border.profile_models import ProfileVersion, RiskProfile
from tests.border.factories import profile_data

pytestmark = pytest.mark.django_db
BASE = "/api/v1/border/profiles"


@pytest.fixture
def hub(client_for: Callable[..., Client], organisation: Organisation) -> Client:
    return client_for("ralon-api", organisation, DefaultRole.INTELLIGENCE_ANALYST)


def _send(client: Client, method: str, url: str, body: Any = None) -> Any:
    call = getattr(client, method)
    if body is None:
        return call(url)
    return call(url, json.dumps(body), content_type="application/json")


def test_an_analyst_writes_changes_activates_and_retires_a_profile(hub: Client) -> None:
    made = _send(hub, "post", BASE, profile_data())
    assert made.status_code == 201, made.content
    profile = made.json()["profile"]
    assert (made.json()["version"], made.json()["status"]) == (1, "draft")
    changed = _send(hub, "put", f"{BASE}/{profile}?expected_version=1", profile_data(name="New"))
    assert (changed.json()["version"], changed.json()["name"]) == (1, "New")  # draft in place
    active = _send(hub, "post", f"{BASE}/{profile}/activate")
    assert active.status_code == 200 and active.json()["status"] == "active"
    second = _send(hub, "put", f"{BASE}/{profile}", profile_data(name="Second"))
    assert (second.json()["version"], second.json()["status"]) == (2, "draft")
    read = _send(hub, "get", f"{BASE}/{profile}").json()
    assert [(v["version"], v["status"]) for v in read["versions"]] == [(1, "active"), (2, "draft")]
    assert read["versions"][0]["conditions"] == profile_data()["conditions"]
    listed = _send(hub, "get", BASE).json()
    assert [(p["id"], p["status"], p["hits"]) for p in listed] == [(profile, "Active", 0)]
    retired = _send(hub, "post", f"{BASE}/{profile}/retire")
    assert [v["status"] for v in retired.json()] == ["retired", "retired"]
    verbs = set(AuditEvent.objects.values_list("verb", flat=True))
    assert {AuditVerb.PROFILE_SAVE, AuditVerb.PROFILE_ACTIVATE, AuditVerb.PROFILE_RETIRE,
            AuditVerb.PROFILE_READ, AuditVerb.PROFILE_LIST} <= verbs  # fmt: skip


def test_a_profile_of_protected_characteristics_only_is_refused_saying_why(hub: Client) -> None:
    only = [{"field": "nationality", "operator": "in", "values": ["NGA"]},
            {"field": "sex", "operator": "in", "values": ["female"]}]  # fmt: skip
    refused = _send(hub, "post", BASE, profile_data(conditions=only))
    assert refused.status_code == 422
    assert refused.json()["errors"][0]["message"] == PROTECTED_ONLY
    assert not RiskProfile.objects.exists()


@pytest.mark.parametrize(
    ("method", "path", "body"),
    [("get", "/999", None), ("put", "/999", profile_data()), ("post", "/999/activate", None),
     ("post", "/999/retire", None)],
)  # fmt: skip
def test_a_profile_that_does_not_exist_is_not_found(
    hub: Client, method: str, path: str, body: Any
) -> None:
    answer = _send(hub, method, BASE + path, body)
    assert answer.status_code == 404
    assert answer.json()["detail"] == NOT_FOUND


def test_a_stale_change_or_a_second_activation_is_refused_and_nothing_changes(hub: Client) -> None:
    profile = _send(hub, "post", BASE, profile_data()).json()["profile"]
    _send(hub, "post", f"{BASE}/{profile}/activate")
    _send(hub, "put", f"{BASE}/{profile}", profile_data(name="Newer"))
    stale = _send(hub, "put", f"{BASE}/{profile}?expected_version=1", profile_data(name="Old"))
    assert stale.status_code == 422 and "version 2" in stale.json()["errors"][0]["message"]
    assert ProfileVersion.objects.get(number=2).name == "Newer"
    _send(hub, "post", f"{BASE}/{profile}/activate")
    again = _send(hub, "post", f"{BASE}/{profile}/activate")
    assert again.status_code == 422


def test_an_officer_who_screens_may_not_write_profiles(entry_clearance: Client) -> None:
    assert _send(entry_clearance, "post", BASE, profile_data()).status_code == 403
    assert _send(entry_clearance, "get", BASE).status_code == 403
    assert not RiskProfile.objects.exists()
