"""Abuse of the crew line's open doors: a thousand malformed or oversized submissions to the
public form and to the API answer no server error, the rate limit holds, and nothing of a
refused submission is stored."""

import json
import random
from typing import Any

import pytest
from django.test import Client

from nrm.accounts.roles import DefaultRole
from nrm.audit.models import AuditEvent, AuditVerb
from nrm.border.crew_limits import LIMITS
from nrm.border.crew_models import CrewLineAttempt, CrewReport
from tests.border.test_crew_factories import CODE, airline, api_client, person

pytestmark = pytest.mark.django_db
SUBMISSIONS = 1000
FIELDS = [
    "flight_number",
    "destination_port",
    "expected_arrival",
    "seats",
    "indicators",
    "details",
    "contact_number",
    "reporting_code",
    "arrival_date_0",
    "arrival_date_1",
    "arrival_date_2",
    "arrival_time",
    "airline",
    "__proto__",
    "x" * 300,
]


def _junk(rng: random.Random) -> Any:
    kind = rng.randrange(12)
    if kind == 0:
        return "A" * rng.choice([201, 2001, 70_000])  # oversized
    if kind == 1:
        return "\x00" + "\ud800"  # text that cannot be stored
    if kind == 2:
        return rng.choice([None, True, 0, -1, 10**30, 1.5e308])
    if kind == 3:
        return [rng.choice(["23C", 1, None, ["deep"], {"a": 1}]) for _ in range(rng.randrange(50))]
    if kind == 4:
        return {"nested": {"deeper": ["x"]}}
    if kind == 5:
        return "<script>alert(1)</script>"
    if kind == 6:
        return "'; DROP TABLE border_crewreport; --"
    if kind == 7:
        return "9999-99-99T99:99:99+99:99"
    if kind == 8:
        return "".join(chr(rng.randrange(32, 0x2FFF)) for _ in range(rng.randrange(1, 60)))
    if kind == 9:
        return rng.choice(["LHR", "lhr", "CDG", "", " "])
    if kind == 10:
        return rng.choice(["controlled_by_companion", "other", "OTHER", "nervous"])
    return ""


def _body(rng: random.Random) -> dict[str, Any]:
    return {rng.choice(FIELDS): _junk(rng) for _ in range(rng.randrange(1, 10))}


def _form(rng: random.Random) -> dict[str, Any]:
    """What a hostile browser could send: text values, repeated or oversized."""
    sent: dict[str, Any] = {}
    for name, value in _body(rng).items():
        if isinstance(value, list):
            sent[name] = [str(v)[:1000] for v in value]
        elif value is not None:
            sent[name] = str(value).replace("\x00", "").encode("utf-8", "replace").decode("utf-8")
    return sent


def test_a_thousand_malformed_submissions_to_the_open_doors_store_nothing_and_never_fail() -> None:
    skyways = airline()
    system = api_client(person("skyways-system", skyways, DefaultRole.AIRLINE_REPORTING))
    rng = random.Random(20261205)
    statuses: dict[str, list[int]] = {"web": [], "api": []}
    for n in range(SUBMISSIONS // 2):
        # Half from one address (the limit must hold), half each from an address of its own.
        address = "192.0.2.1" if n % 2 else f"10.{n // 250}.{n % 250}.1"
        web = Client(REMOTE_ADDR=address)
        form = _form(rng) | ({"reporting_code": CODE} if n % 3 == 0 else {})
        statuses["web"].append(web.post("/crew-line/", form).status_code)
        if n % 5 == 0:  # raw bytes that are not a form at all
            raw = bytes(rng.randrange(256) for _ in range(rng.randrange(1, 3000)))
            statuses["web"].append(
                web.post(
                    "/crew-line/", raw, content_type="application/x-www-form-urlencoded"
                ).status_code
            )
        body = json.dumps(_body(rng)) if n % 7 else "{" * rng.choice([1, 40, 5000])
        answer = system.post(
            "/api/v1/crew/reports", body, content_type="application/json", REMOTE_ADDR=address
        )
        statuses["api"].append(answer.status_code)
    every = statuses["web"] + statuses["api"]
    assert len(every) >= SUBMISSIONS
    assert [s for s in every if s >= 500] == []
    assert set(statuses["web"]) <= {400, 429}
    assert set(statuses["api"]) <= {422, 429}
    # The limit held: one address got no more than its allowance past the limit on the web,
    # and the airline's account no more than its own on the API.
    assert statuses["web"].count(429) >= SUBMISSIONS // 4 - LIMITS["address"]
    assert statuses["api"].count(429) >= SUBMISSIONS // 2 - LIMITS["account"]
    assert 0 < statuses["api"].count(422) <= LIMITS["account"]
    # Nothing stored: no report, no audit of a report, only the counters' keyed digests.
    assert CrewReport.objects.count() == 0
    assert not AuditEvent.objects.filter(verb=AuditVerb.CREW_SUBMIT).exists()
    assert all(len(a.key) == 64 for a in CrewLineAttempt.objects.all())
