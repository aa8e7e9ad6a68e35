"""The specs are not tied to DuckDB: identical results on a second Ibis backend, over a
100,000-row synthetic extract (SQLite always; PostgreSQL too when the suite runs on it)."""

import os
from typing import Any

import pyarrow as pa
import pytest

from nrm.statistics.engine import backend_connect, referrals_table, specs_evaluate
from nrm.statistics.specs import ALL
from nrm.statistics.synthetic import synthetic_extract
from tests.conftest import uses_postgres


@pytest.fixture(scope="module")
def extract_100k() -> pa.Table:
    return synthetic_extract(100_000, seed=7)


@pytest.fixture(scope="module")
def on_duckdb(extract_100k: pa.Table) -> list[list[dict[str, Any]]]:
    table = referrals_table(backend_connect("duckdb"), extract_100k)
    return [r.as_records() for r in specs_evaluate(ALL, table, year=2012)]


def test_the_synthetic_extract_has_100000_rows_over_four_years(extract_100k: pa.Table) -> None:
    assert extract_100k.num_rows == 100_000
    assert set(extract_100k.column("referral_year").to_pylist()) == {2009, 2010, 2011, 2012}


def test_every_spec_gives_identical_results_on_duckdb_and_sqlite(
    extract_100k: pa.Table, on_duckdb: list[list[dict[str, Any]]]
) -> None:
    table = referrals_table(backend_connect("sqlite"), extract_100k)
    on_sqlite = [r.as_records() for r in specs_evaluate(ALL, table, year=2012)]
    assert sum(len(records) for records in on_duckdb) > 200
    assert on_sqlite == on_duckdb


@pytest.mark.postgres
@pytest.mark.skipif(not uses_postgres(), reason="needs PostgreSQL (DATABASE_URL)")
def test_every_spec_gives_identical_results_on_duckdb_and_postgresql(
    extract_100k: pa.Table, on_duckdb: list[list[dict[str, Any]]]
) -> None:
    con = backend_connect(url=os.environ["DATABASE_URL"].replace("postgresql://", "postgres://"))
    try:
        table = referrals_table(con, extract_100k, name="statistics_portability_check")
        on_postgres = [r.as_records() for r in specs_evaluate(ALL, table, year=2012)]
    finally:
        con.raw_sql('DROP TABLE IF EXISTS "statistics_portability_check"')
        con.disconnect()
    assert on_postgres == on_duckdb


def test_a_changed_row_would_change_the_comparison(
    extract_100k: pa.Table, on_duckdb: list[list[dict[str, Any]]]
) -> None:
    changed = extract_100k.slice(1)
    table = referrals_table(backend_connect("duckdb"), changed)
    assert [r.as_records() for r in specs_evaluate(ALL, table, year=2012)] != on_duckdb
