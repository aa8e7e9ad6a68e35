"""Records of the data standard as an extract: the rows the case store's extract holds for them."""

import copy
from collections import Counter
from datetime import date
from typing import Any

import pyarrow as pa
import pytest

from nrm.demo.generator import generate_records
from nrm.statistics.columns import SCHEMA
from nrm.statistics.records import RecordsInvalid, records_extract


def _rows(table: pa.Table) -> Counter[tuple[Any, ...]]:
    names = [name for name in SCHEMA.names if name != "pseudonym"]
    return Counter(zip(*(table.column(name).to_pylist() for name in names), strict=True))


@pytest.mark.django_db
def test_records_give_the_rows_the_case_store_gives_once_they_are_stored(
    demo_extract: pa.Table,
) -> None:
    """The demo records, and the extract of the case store they were loaded into."""
    table = records_extract(generate_records())
    assert table.schema == SCHEMA
    assert table.num_rows == demo_extract.num_rows == 3381
    assert _rows(table) == _rows(demo_extract)


def test_an_invalid_record_is_named_and_no_extract_is_made() -> None:
    records = copy.deepcopy(generate_records()[:3])
    records[1]["gender"] = "nonsense"
    del records[2]["nation"]
    with pytest.raises(RecordsInvalid) as raised:
        records_extract(records)
    assert [line.split(":")[0] for line in raised.value.problems] == ["record 1", "record 2"]
    assert "record 1: not a valid referral: gender: " in str(raised.value)


def test_decisions_become_outcomes_and_days_from_the_referral() -> None:
    records = generate_records()
    decided = next(r for r in records if r["rg_outcome"] == "positive" and r["cg_date"])
    pending = next(r for r in records if r["rg_outcome"] == "pending")
    rows = records_extract([decided, pending]).to_pylist()
    referred, rg, cg = (
        date.fromisoformat(decided[f]) for f in ("referral_date", "rg_date", "cg_date")
    )
    assert (rows[0]["rg_outcome"], rows[0]["rg_days"]) == ("positive", (rg - referred).days)
    assert (rows[0]["cg_outcome"], rows[0]["cg_days"]) == (
        decided["cg_outcome"],
        (cg - referred).days,
    )
    assert (rows[1]["rg_outcome"], rows[1]["rg_days"]) == ("pending", None)
