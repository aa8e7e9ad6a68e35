"""Every write door of the API answers malformed input with a 4xx and field-level errors, and a
refused request changes nothing: at least 1,000 malformed payloads across every write
operation (text the case store cannot hold, nesting, wrong types, broken JSON and bytes, huge and
odd values), generated from one seed so a failure can be replayed."""

import json
import random
from collections.abc import Callable, Iterator
from typing import Any

import pytest
from django.test import Client

from nrm.accounts.actors import OPERATOR
from nrm.accounts.models import Organisation, User
from nrm.accounts.roles import DefaultRole
from nrm.accounts.services import api_token_create
from nrm.audit.models import AuditEvent
from nrm.cases.models import AnonymousNotification, Case, CaseEvent, Decision, Person, Referral
from nrm.cases.referrals.services import referral_submit
from nrm.intelligence.models import Entity, IntelligenceReport, Link
from nrm.justice.models import AssetRecovery, Charge, Defendant, Prosecution
from nrm.standard.intelligence_words import ENTITY_FIELDS
from nrm.support.services import support_providers_seed

SEED = 20121014
TEXT_FIELDS = (
    "first_responder_officer", "first_responder_email", "first_responder_phone", "given_name",
    "family_name", "contact_route", "account",
)  # fmt: skip
CODED_FIELDS = (
    "nation", "police_region", "gender", "exploitation_type", "exploitation_region",
    "exploitation_country", "assessed_nationality", "assessed_nationality_certainty",
)  # fmt: skip
LIST_FIELDS = ("claimed_nationalities", "languages", "aliases", "exploitation_sub_types")
ODD_VALUES: tuple[Any, ...] = (
    None, True, False, 0, -1, 2**70, 1.5, float("1e308"), "", " ", "x" * 100_000, [], {},
    ["a", ["b"]], {"nested": {"deeper": 1}}, "😀" * 50, "\u202eevil", "NGA;GBR", "0001-01-01",
    "9999-12-31", "31/02/2012", "\x00", "a\x00b", "\ud800", "x\udfffy", "<script>", "' OR 1=1",
)  # fmt: skip
CASE_CHANGES = (
    "rg-decision", "cg-decision", "suspension", "resumption", "withdrawal",
    "recovery-extension", "reallocation", "reconsideration",
)  # fmt: skip
CASE_FIELDS = ("outcome", "on", "reasons", "expected_version", "days", "authority", "reason")


def _nested(depth: int) -> str:
    return '{"a": ' * depth + "1" + "}" * depth


def _raw_bodies(rng: random.Random, valid: dict[str, Any]) -> Iterator[bytes]:
    """Bodies that are not a JSON object of the right shape at all."""
    text = json.dumps(valid)
    for depth in (33, 100, 1_000, 100_000):
        yield _nested(depth).encode()
        yield ("[" * depth + "]" * depth).encode()
    yield from (b"", b"null", b"[]", b"1", b'"text"', b"true", b"{", b"}", b"{]", b"\xff\xfe")
    yield b'{"given_name": "\xc3\x28"}'  # not UTF-8
    yield b'{"given_name": "a\\u0000b"}'
    yield b'{"nation": "\\ud800"}'
    yield b'{"\\u0000": 1}'
    for _ in range(40):
        cut = rng.randrange(1, len(text))
        yield text[:cut].encode()


def _referral_payloads(rng: random.Random, valid: dict[str, Any]) -> Iterator[Any]:
    for name in TEXT_FIELDS:
        for bad in ("\x00", "before\x00after", "\ud800", "x\udbffy"):
            yield {**valid, name: bad}
    for name in CODED_FIELDS + LIST_FIELDS:
        for bad in ("\ud800", "\x00", ["\ud800"], ["ok", "\x00"]):
            yield {**valid, name: bad}
    fields = sorted(set(valid) | set(CODED_FIELDS) | set(LIST_FIELDS) | {"date_of_birth"})
    for name in fields:
        for value in ODD_VALUES:
            yield {**valid, name: value}
    for _ in range(150):
        payload = dict(valid)
        for name in rng.sample(fields, rng.randint(1, 4)):
            payload[name] = rng.choice(ODD_VALUES)
        yield payload
    yield {**valid, "unknown_field": 1, "\ud800": 2}
    yield {"given_name": "\x00"}


@pytest.fixture
def doors(
    db: Any,
    organisation: Organisation,
    make_user: Callable[..., User],
    valid_referral: dict[str, Any],
) -> dict[str, Any]:
    support_providers_seed()
    authority = Organisation.objects.create(
        code="home-office-ca", name="Home Office CA", competent_authority="home_office"
    )
    officer = make_user("officer", organisation, DefaultRole.FIRST_RESPONDER)
    manager = make_user("manager", authority, DefaultRole.MANAGER)
    reference = referral_submit(
        actor=officer, data=valid_referral, organisation=organisation
    ).reference

    def client(user: User) -> Client:
        token = api_token_create(actor=OPERATOR, user=user, name="fuzz")
        return Client(HTTP_AUTHORIZATION=f"Bearer {token}", raise_request_exception=False)

    intel = make_user("intel", organisation, DefaultRole.INTELLIGENCE_OFFICER)
    return {
        "officer": client(officer),
        "manager": client(manager),
        "intel": client(intel),
        "reference": reference,
    }


def _counts() -> tuple[int, ...]:
    return (
        Referral.objects.count(),
        Person.objects.count(),
        AnonymousNotification.objects.count(),
        Decision.objects.count(),
        CaseEvent.objects.count(),
        sum(Case.objects.values_list("version", flat=True)),
        IntelligenceReport.objects.count(),
        Entity.objects.count(),
        Link.objects.count(),
    )


def _report_payloads(rng: random.Random, valid: dict[str, Any]) -> Iterator[Any]:
    """Intelligence reports with odd values in the report, in its entities and in its links."""
    for name in sorted({*valid, "handling_conditions", "organisation", "schema_version"}):
        for value in ODD_VALUES:
            yield {**valid, name: value}
    entity, link = valid["entities"][0], valid["links"][0]
    for name in sorted({*entity, *ENTITY_FIELDS}):
        for value in ODD_VALUES:
            yield {**valid, "entities": [{**entity, name: value}, *valid["entities"][1:]]}
    for name in sorted(link):
        for value in ODD_VALUES:
            yield {**valid, "links": [{**link, name: value}]}
    for _ in range(60):
        payload = dict(valid)
        for name in rng.sample(sorted(valid), rng.randint(1, 3)):
            payload[name] = rng.choice(ODD_VALUES)
        yield payload


def test_a_thousand_malformed_requests_get_field_level_4xx_answers_and_change_nothing(
    doors: dict[str, Any], valid_referral: dict[str, Any], valid_intelligence_report: dict[str, Any]
) -> None:
    rng = random.Random(SEED)
    officer, manager = doors["officer"], doors["manager"]
    notification = {
        "notification_date": "2012-05-14", "nation": "england", "police_region": "london",
        "age_group": "adult", "gender": "female", "exploitation_type": "labour",
        "exploitation_region": "london",
    }  # fmt: skip
    requests: list[tuple[Client, str, bytes]] = []
    intel, reports = doors["intel"], "/api/v1/intelligence/reports"
    for body in _raw_bodies(rng, valid_referral):
        requests += [(officer, "/api/v1/referrals", body), (officer, "/api/v1/notifications", body)]
        requests.append((intel, reports, body))
        for change in CASE_CHANGES:
            client = officer if change == "reconsideration" else manager
            requests.append((client, f"/api/v1/cases/{doors['reference']}/{change}", body))
    for payload in _referral_payloads(rng, valid_referral):
        requests.append((officer, "/api/v1/referrals", _dumps(payload)))
    for payload in _referral_payloads(rng, notification):
        requests.append((officer, "/api/v1/notifications", _dumps(payload)))
    for payload in _report_payloads(rng, valid_intelligence_report):
        requests.append((intel, reports, _dumps(payload)))
    base = {"on": "2012-05-18", "expected_version": 1, "outcome": "positive", "reasons": "r"}
    for change in CASE_CHANGES:
        client = officer if change == "reconsideration" else manager
        path = f"/api/v1/cases/{doors['reference']}/{change}"
        for name in CASE_FIELDS:
            requests += [(client, path, _dumps({**base, name: value})) for value in ODD_VALUES]
    assert len(requests) >= 1_000

    server_errors, changed, shapes = [], [], []
    statuses: dict[int, int] = {}
    audit_before = AuditEvent.objects.count()
    for client, path, body in requests:
        before = _counts()
        response = client.post(path, body, content_type="application/json")
        statuses[response.status_code] = statuses.get(response.status_code, 0) + 1
        if response.status_code >= 500:
            server_errors.append((path, body[:120]))
            continue
        if response.status_code >= 300 and _counts() != before:
            changed.append((path, body[:120], response.status_code))
        if response.status_code == 422 and not _field_level(response.json()):
            shapes.append((path, body[:120], response.content[:200]))
    print(f"{len(requests)} requests, answers by status: {dict(sorted(statuses.items()))}")
    assert server_errors == []
    assert changed == []
    assert shapes == []
    assert AuditEvent.objects.count() >= audit_before  # the log only grows


def _dumps(payload: Any) -> bytes:
    """JSON text as a careless client may send it: surrogates and NUL escaped, nothing checked."""
    return json.dumps(payload, ensure_ascii=True, allow_nan=True).encode()


def _field_level(body: Any) -> bool:
    errors = body.get("errors") if isinstance(body, dict) else None
    return bool(errors) and all(
        isinstance(e, dict) and e.get("field") and e.get("message") and e.get("code")
        for e in errors
    )


VALID_PROSECUTION: dict[str, Any] = {
    "authority": "cps", "case_reference": "01AB1234512", "court_nation": "england",
    "court": "Example Crown Court", "victim_references": [],
    "defendants": [{"name": "Sample Defendo", "date_of_birth": "1975-03-04", "gender": "male",
                    "nationality": "GBR", "charges": [
                        {"offence": "soa2003_s57_59", "charged_on": "2011-06-01",
                         "outcome": "convicted", "outcome_on": "2012-02-10",
                         "sentence": "fine", "fine_pence": 250000}]}],
}  # fmt: skip
VALID_RECOVERY: dict[str, Any] = {
    "kind": "cash_seizure", "authority": "cps", "nation": "england", "amount_pence": 1000,
    "status": "forfeited", "recorded_on": "2012-03-01",
}  # fmt: skip


def _justice_counts() -> tuple[int, ...]:
    return (
        Prosecution.objects.count(),
        Defendant.objects.count(),
        Charge.objects.count(),
        AssetRecovery.objects.count(),
        sum(Prosecution.objects.values_list("id", flat=True)),
    )


def _prosecution_payloads(rng: random.Random) -> Iterator[Any]:
    """Prosecutions with odd values in the prosecution, its defendant and its charge."""
    valid = VALID_PROSECUTION
    defendant = valid["defendants"][0]
    charge = defendant["charges"][0]
    for name in sorted(valid):
        for value in ODD_VALUES:
            yield {**valid, name: value}
    for name in sorted(defendant):
        for value in ODD_VALUES:
            yield {**valid, "defendants": [{**defendant, name: value}]}
    for name in sorted({*charge, "custody_months", "outcome_on"}):
        for value in ODD_VALUES:
            yield {**valid, "defendants": [{**defendant, "charges": [{**charge, name: value}]}]}
    yield {**valid, "defendants": [defendant] * 51}
    yield {**valid, "defendants": [{**defendant, "charges": [charge] * 101}]}
    yield {**valid, "unknown": 1, "defendants": [{**defendant, "alias": "x"}]}
    for _ in range(40):
        payload = dict(valid)
        for name in rng.sample(sorted(valid), rng.randint(1, 3)):
            payload[name] = rng.choice(ODD_VALUES)
        yield payload


def test_malformed_prosecutions_and_recoveries_get_field_level_4xx_answers_and_change_nothing(
    db: Any, make_user: Callable[..., User]
) -> None:
    rng = random.Random(SEED)
    cps = Organisation.objects.create(code="cps", name="CPS", prosecuting_authority="cps")
    officer = make_user("justice", cps, DefaultRole.JUSTICE_DATA_OFFICER)
    token = api_token_create(actor=OPERATOR, user=officer, name="fuzz")
    client = Client(HTTP_AUTHORIZATION=f"Bearer {token}", raise_request_exception=False)
    prosecutions, recoveries = "/api/v1/justice/prosecutions", "/api/v1/justice/recoveries"
    requests: list[tuple[str, bytes]] = []
    for body in _raw_bodies(rng, VALID_PROSECUTION):
        requests += [(prosecutions, body), (recoveries, body)]
    requests += [(prosecutions, _dumps(p)) for p in _prosecution_payloads(rng)]
    for name in sorted({*VALID_RECOVERY, "case_reference"}):
        requests += [(recoveries, _dumps({**VALID_RECOVERY, name: v})) for v in ODD_VALUES]
    assert len(requests) >= 500
    server_errors, changed, shapes = [], [], []
    for path, body in requests:
        before = _justice_counts()
        response = client.post(path, body, content_type="application/json")
        if response.status_code >= 500:
            server_errors.append((path, body[:120]))
            continue
        if response.status_code >= 300 and _justice_counts() != before:
            changed.append((path, body[:120], response.status_code))
        if response.status_code >= 400 and response.status_code != 422:
            shapes.append((path, body[:120], response.status_code))
        if response.status_code == 422 and not _field_level(response.json()):
            shapes.append((path, body[:120], response.content[:200]))
    assert server_errors == []
    assert changed == []
    assert shapes == []
