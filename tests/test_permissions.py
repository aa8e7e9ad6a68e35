"""The API permission matrix, built from the OpenAPI document so new operations are covered:
every role, every operation, (own organisation / another organisation / anonymous)."""

import json
import re
from datetime import date
from typing import Any

import pytest
from django.test import Client
from django.utils import timezone

from nrm.accounts.actors import OPERATOR
from nrm.accounts.capabilities import Scope
from nrm.accounts.models import Organisation
from nrm.accounts.roles import DEFAULT_ROLES, DefaultRole
from nrm.accounts.services import api_token_create
from nrm.audit.models import AuditEvent, AuditVerb
from nrm.border.profile_models import Hit
from nrm.cases.casework.services.decisions import rg_decision_record
from nrm.cases.models import AnonymousNotification, Referral
from nrm.config.api import api as nrm_api
from nrm.config.bootstrap import database_prepare
from nrm.intelligence.services import intelligence_report_submit
from nrm.justice.services import prosecution_save
from nrm.standard.justice_schema import ProsecutionRecord
from tests.border.factories import active_profile_version

pytestmark = pytest.mark.django_db


def _operations() -> list[tuple[str, str, str]]:
    return [(method, path, capability) for method, path, capability, _ in _operations_opened()]


def _operations_opened() -> list[tuple[str, str, str, frozenset[str]]]:
    """Each operation with its capability and every capability that opens it (the required
    one and its alternatives)."""
    document = json.loads(json.dumps(nrm_api.get_openapi_schema()))
    operations = []
    for path, methods in document["paths"].items():
        for method, operation in methods.items():
            capability = operation.get("x-required-capability", "")
            opened = frozenset([capability, *operation.get("x-alternative-capabilities", [])])
            operations.append((method, path, capability, opened))
    return operations


# The organisation each role works in: its "own" cases are the ones its scope reaches there.
HOME = {
    DefaultRole.CASEWORKER: "home-office-ca",
    DefaultRole.MANAGER: "home-office-ca",
    DefaultRole.SUPPORT_PROVIDER: "salvation-army",
    DefaultRole.INTELLIGENCE_ANALYST: "nca-ukhtc",
    DefaultRole.JUSTICE_DATA_OFFICER: "cps",
}
INTELLIGENCE = {DefaultRole.INTELLIGENCE_ANALYST, DefaultRole.INTELLIGENCE_OFFICER}
# Who reads every prosecution; a justice data officer reads their own authority's only.
EVERY_PROSECUTION = {DefaultRole.INTELLIGENCE_ANALYST}
CASE_SCOPES = {Scope.OWN_ORGANISATION, Scope.OWN_COMPETENT_AUTHORITY, Scope.SUPPORT}


@pytest.fixture
def seeded(
    api: Client,
    valid_referral: dict[str, Any],
    valid_intelligence_report: dict[str, Any],
    organisation: Organisation,
    other_organisation: Organisation,
    make_user: Any,
) -> dict[str, str]:
    """One referral, one notification and one intelligence report in each of two
    organisations. The own referral is allocated to the Home Office and, after a positive RG,
    supported by the Salvation Army; the other is allocated to UKHTC. The own report has
    handling code P; the other C, shared with no one but its own organisation. One
    prosecution of the CPS (the justice data officer's own authority) and one of the PPS."""
    database_prepare()
    other = Client(
        HTTP_AUTHORIZATION="Bearer "
        + api_token_create(
            actor=OPERATOR, user=make_user("seed-other", other_organisation), name="t"
        )
    )
    uk_national = {
        **valid_referral,
        "claimed_nationalities": ["GBR"],
        "linked_immigration_interest": False,
    }
    notification = {"notification_date": "2012-06-01", "nation": "wales", "gender": "male"}
    references = {}
    for owner, client, referral in (("own", api, valid_referral), ("other", other, uk_national)):
        for kind, body in (("referrals", referral), ("notifications", notification)):
            response = client.post(
                f"/api/v1/{kind}", json.dumps(body), content_type="application/json"
            )
            assert response.status_code == 201, response.content
            references[f"{owner}-{kind}"] = response.json()["reference"]
    decider = make_user(
        "seed-caseworker", Organisation.objects.get(code="home-office-ca"), DefaultRole.CASEWORKER
    )
    rg_decision_record(
        actor=decider,
        reference=references["own-referrals"],
        positive=True,
        on=date(2012, 5, 18),
        expected_version=1,
    )
    assert Referral.objects.get(reference=references["other-referrals"]).competent_authority == (
        "ukhtc"
    )
    shared = {"handling_code": "C", "handling_conditions": [other_organisation.code]}
    for owner, home, extra in (("own", organisation, {}), ("other", other_organisation, shared)):
        recorder = make_user(f"seed-intel-{owner}", home, DefaultRole.INTELLIGENCE_OFFICER)
        report = intelligence_report_submit(
            actor=recorder, data={**valid_intelligence_report, **extra}, organisation=home
        )
        references[f"{owner}-intelligence"] = report.reference
    for owner, authority, nation in (("own", "cps", "england"),
                                     ("other", "pps", "northern_ireland")):  # fmt: skip
        home = Organisation.objects.create(
            code=authority, name=authority.upper(), prosecuting_authority=authority
        )
        record = ProsecutionRecord.model_validate({
            "authority": authority, "case_reference": f"{owner.upper()}1", "court_nation": nation,
            "defendants": [{"name": "A Defendant", "charges": [
                {"offence": "other", "charged_on": "2011-01-01"}]}],
        })  # fmt: skip
        prosecution = prosecution_save(actor=OPERATOR, record=record, organisation=home)
        references[f"{owner}-justice"] = str(prosecution.pk)
    # Hits of risk profiles are seen by every officer who screens (no organisation scope).
    hit = Hit.objects.create(
        version=active_profile_version(organisation),
        record_kind="passenger",
        record_reference="PNR1",
        screened_at=timezone.now(),
    )
    references["own-border"] = references["other-border"] = str(hit.pk)
    profile = str(hit.version.profile_id)
    references["own-border-profile"] = references["other-border-profile"] = profile
    return references


def _call(client: Client, method: str, path: str, references: dict[str, str], owner: str) -> Any:
    kind = "notifications" if "notifications" in path else "referrals"
    kind = "intelligence" if "intelligence" in path else kind
    kind = "justice" if "justice" in path else kind
    kind = "border" if "border" in path else kind
    url = re.sub(r"\{(reference|prosecution_id|hit_id)\}", references[f"{owner}-{kind}"], path)
    url = url.replace("{profile_id}", references[f"{owner}-border-profile"])
    if method in ("post", "put"):
        return getattr(client, method)(url, "{}", content_type="application/json")
    return client.get(url)


def _bodiless() -> set[tuple[str, str]]:
    """The writes that take no body (an action on a record, such as retiring a profile)."""
    document = json.loads(json.dumps(nrm_api.get_openapi_schema()))
    return {(method, path) for path, methods in document["paths"].items()
            for method, operation in methods.items()
            if method in ("post", "put") and "requestBody" not in operation}  # fmt: skip


def test_no_operation_lacks_a_required_capability() -> None:
    operations = _operations()
    assert len(operations) >= 6
    assert all(capability for _, _, capability in operations), operations


def _in_scope(role: DefaultRole, path: str, owner: str) -> bool:
    scope = DEFAULT_ROLES[role].scope
    if "border" in path:
        return True
    if "justice" in path:
        return role in EVERY_PROSECUTION or (
            owner == "own" and role == DefaultRole.JUSTICE_DATA_OFFICER
        )
    if owner != "own":
        return False
    if "intelligence" in path:
        return role in INTELLIGENCE
    if "notifications" in path:
        return scope == Scope.OWN_ORGANISATION
    return scope in CASE_SCOPES


def test_every_role_gets_exactly_what_its_capabilities_and_scope_allow(
    seeded: dict[str, str], make_user: Any, organisation: Organisation
) -> None:
    unauthorised_successes = []
    checked = 0
    operations = _operations_opened()
    bodiless = _bodiless()
    for role in DefaultRole:
        home = Organisation.objects.get(code=HOME[role]) if role in HOME else organisation
        user = make_user(f"user-{role.value}", home, role)
        client = Client(
            HTTP_AUTHORIZATION="Bearer " + api_token_create(actor=OPERATOR, user=user, name="t")
        )
        granted = {c.value for c in DEFAULT_ROLES[role].capabilities}
        for method, path, _, opened in operations:
            for owner in ("own", "other"):
                before = AuditEvent.objects.filter(verb=AuditVerb.ACCESS_DENIED).count()
                response = _call(client, method, path, seeded, owner)
                denied_now = (
                    AuditEvent.objects.filter(verb=AuditVerb.ACCESS_DENIED).count() - before
                )
                checked += 1
                where = (role, method, path, owner, response.status_code)
                if not opened & granted:
                    if response.status_code != 403:
                        unauthorised_successes.append(where)
                    assert denied_now == 1, where
                elif "{" in path and not _in_scope(role, path, owner):
                    # a case outside the role's scope: not found, and the attempt is audited
                    if response.status_code != 404:
                        unauthorised_successes.append(where)
                    assert denied_now == 1, where
                elif (method, path) in bodiless:  # allowed; done, or refused for the state
                    assert response.status_code in (200, 422), (*where, response.content)
                elif method in ("post", "put"):
                    assert response.status_code == 422, where  # allowed; the empty body refused
                else:
                    assert response.status_code == 200, (*where, response.content)
    assert checked == len(DefaultRole) * len(operations) * 2
    assert unauthorised_successes == []


def test_listings_show_only_the_organisations_own_cases(
    seeded: dict[str, str], api: Client
) -> None:
    listed = {r["reference"] for r in api.get("/api/v1/referrals").json()["results"]}
    assert listed == {seeded["own-referrals"]}
    notes = {n["reference"] for n in api.get("/api/v1/notifications").json()["results"]}
    assert notes == {seeded["own-notifications"]}
    assert Referral.objects.count() == 2 and AnonymousNotification.objects.count() == 2


def test_a_justice_data_officer_lists_only_their_own_authoritys_prosecutions(
    seeded: dict[str, str], make_user: Any
) -> None:
    officer = make_user("cps-officer", Organisation.objects.get(code="cps"),
                        DefaultRole.JUSTICE_DATA_OFFICER)  # fmt: skip
    client = Client(
        HTTP_AUTHORIZATION="Bearer " + api_token_create(actor=OPERATOR, user=officer, name="t")
    )
    listed = {str(p["id"]) for p in client.get("/api/v1/justice/prosecutions").json()["results"]}
    assert listed == {seeded["own-justice"]}


def test_anonymous_callers_are_refused_everywhere(seeded: dict[str, str]) -> None:
    for method, path, _ in _operations():
        for owner in ("own", "other"):
            assert _call(Client(), method, path, seeded, owner).status_code == 401
