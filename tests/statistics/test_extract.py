"""The extract: whitelisted columns, no personal data, keyed pseudonyms, audited writes."""

import json
import re
from pathlib import Path
from typing import Any

import pyarrow as pa
import pytest
from django.test import override_settings

from nrm.accounts.actors import OPERATOR
from nrm.accounts.permissions import CapabilityDenied
from nrm.accounts.roles import DefaultRole
from nrm.audit.models import AuditEvent, AuditVerb
from nrm.demo.generator import generate_records
from nrm.statistics.columns import COLUMNS, SCHEMA
from nrm.statistics.extract import (
    NO_EXTRACT_KEY,
    ExtractKeyMissing,
    extract_key,
    extract_read,
    pseudonym,
)
from nrm.statistics.services import extract_create

pytestmark = pytest.mark.django_db  # the demo extract comes from the test database


def _every_value(table: pa.Table) -> str:
    return json.dumps(table.to_pylist(), default=str).lower()


def test_the_extract_has_one_row_per_demo_referral_and_only_whitelisted_columns(
    demo_extract: pa.Table,
) -> None:
    assert demo_extract.num_rows == 3381
    assert demo_extract.schema == SCHEMA
    assert set(demo_extract.schema.names) == set(COLUMNS)


def _contains(table: pa.Table) -> Any:
    """A search of every cell: exact values, words, and substrings of the non-hash values."""
    values: set[str] = set()
    for column in table.columns:
        values |= {str(v).lower() for v in column.unique().to_pylist() if v is not None}
    words = {w for v in values for w in re.split(r"[^\w-]+", v) if w}
    hashes = set(table.column("pseudonym").to_pylist())
    readable = [v for v in values if v not in hashes]

    def contains(needle: str) -> bool:
        n = needle.lower()
        return n in values or n in words or any(n in v for v in readable)

    return contains


def test_no_demo_name_alias_or_date_of_birth_appears_in_the_extract(
    demo_extract: pa.Table,
) -> None:
    contains = _contains(demo_extract)
    searched = 0
    found = []
    for record in generate_records():
        for value in (
            record["given_name"],
            record["family_name"],
            f"{record['given_name']} {record['family_name']}",
            *record.get("aliases", []),
            record["date_of_birth"],
            record.get("first_responder_officer"),
        ):
            if value:
                searched += 1
                if contains(str(value)):
                    found.append(value)
    assert searched > 3 * 3381
    assert found == []


def test_the_name_search_would_find_a_name_that_leaked(demo_extract: pa.Table) -> None:
    name = generate_records()[0]["family_name"]
    leaked = demo_extract.set_column(
        demo_extract.schema.get_field_index("nationality"),
        "nationality",
        pa.array([f"Nigeria {name}"] * demo_extract.num_rows),
    )
    assert _contains(leaked)(name)


def test_no_account_text_or_reference_appears_in_the_extract(demo_extract: pa.Table) -> None:
    text = _every_value(demo_extract)
    accounts = {r["account"].lower() for r in generate_records() if r.get("account")}
    assert accounts
    assert not [a for a in accounts if a in text]
    assert "nrm-20" not in text


def test_pseudonyms_are_keyed_hashes_unique_per_referral(demo_extract: pa.Table) -> None:
    names = demo_extract.column("pseudonym").to_pylist()
    assert len(set(names)) == len(names)
    assert pseudonym("NRM-2012-000001", b"one") != pseudonym("NRM-2012-000001", b"two")
    assert pseudonym("NRM-2012-000001", b"one") == pseudonym("NRM-2012-000001", b"one")


def test_an_extract_needs_a_key() -> None:
    with override_settings(NRM_EXTRACT_KEY=""), pytest.raises(ExtractKeyMissing) as raised:
        extract_key()
    assert str(raised.value) == NO_EXTRACT_KEY


def test_decisions_are_kept_as_outcomes_and_days_from_referral(demo_extract: pa.Table) -> None:
    rows = demo_extract.to_pylist()
    decided = [r for r in rows if r["rg_outcome"] == "positive"]
    assert decided and all(r["rg_days"] is not None and r["rg_days"] >= 0 for r in decided)
    assert all(r["rg_days"] is None for r in rows if r["rg_outcome"] == "pending")


def test_writing_an_extract_is_audited_with_the_operator(
    demo_extract: pa.Table, tmp_path: Path
) -> None:
    out = tmp_path / "x.parquet"
    rows = extract_create(out=out, table=demo_extract, actor=OPERATOR, operator="ops-user")
    assert rows == 3381
    assert extract_read(out).num_rows == 3381
    event = AuditEvent.objects.get(verb=AuditVerb.EXTRACT_CREATE)
    assert event.actor is None
    assert event.detail["system"] == "operator"
    assert event.detail["operator"] == "ops-user"
    assert event.detail["rows"] == 3381


def test_a_user_without_the_extract_capability_is_refused_and_nothing_is_written(
    make_user: Any, organisation: Any, demo_extract: pa.Table, tmp_path: Path
) -> None:
    user = make_user("officer", organisation, DefaultRole.FIRST_RESPONDER)
    out = tmp_path / "x.parquet"
    with pytest.raises(CapabilityDenied):
        extract_create(out=out, table=demo_extract, actor=user)
    assert not out.exists()
    assert not AuditEvent.objects.filter(verb=AuditVerb.EXTRACT_CREATE).exists()


def test_an_analyst_may_write_an_extract(
    make_user: Any, demo_extract: pa.Table, tmp_path: Path
) -> None:
    analyst = make_user("analyst", None, DefaultRole.ANALYST)
    extract_create(out=tmp_path / "x.parquet", table=demo_extract, actor=analyst)
    assert AuditEvent.objects.get(verb=AuditVerb.EXTRACT_CREATE).actor == analyst
