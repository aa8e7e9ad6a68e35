"""The statistics engine on Apache Spark (``make test-spark``): every spec evaluated through
Ibis's PySpark backend on a local Spark session gives the same cells as on DuckDB, over a
synthetic extract read from Parquet as a hub's cluster would read it."""

from pathlib import Path
from typing import Any

import pyarrow as pa
import pyarrow.parquet as pq
import pytest

from nrm.audit.models import AuditEvent, AuditVerb
from nrm.cli import main
from nrm.statistics.engine import backend_connect, referrals_table, specs_evaluate
from nrm.statistics.specs import ALL
from nrm.statistics.synthetic import synthetic_extract

pytestmark = pytest.mark.spark
YEAR = 2012


@pytest.fixture(scope="module")
def extract(tmp_path_factory: pytest.TempPathFactory) -> tuple[pa.Table, Path]:
    table = synthetic_extract(20_000, seed=11)
    path = tmp_path_factory.mktemp("spark") / "referrals.parquet"
    pq.write_table(table, path)
    return table, path


@pytest.fixture(scope="module")
def spark() -> Any:
    return backend_connect("spark", spark_master="local[2]")


def _cells(results: list[Any]) -> list[list[dict[str, Any]]]:
    return [r.as_records() for r in results]


def test_every_spec_gives_the_same_cells_on_spark_and_duckdb(
    extract: tuple[pa.Table, Path], spark: Any
) -> None:
    table, path = extract
    on_duckdb = _cells(specs_evaluate(ALL, referrals_table(backend_connect("duckdb"), table),
                                      year=YEAR))  # fmt: skip
    on_spark = _cells(specs_evaluate(ALL, referrals_table(spark, path, name="referrals"),
                                     year=YEAR))  # fmt: skip
    assert sum(len(records) for records in on_duckdb) > 200
    differing = [
        (spec.id, d, s)
        for spec, dd, ss in zip(ALL, on_duckdb, on_spark, strict=True)
        for d, s in zip(dd, ss, strict=False)
        if d != s
    ]
    assert differing == []  # every cell, named by its table when one differs
    assert [len(rows) for rows in on_spark] == [len(rows) for rows in on_duckdb]


def test_an_arrow_extract_is_read_by_spark_too_and_a_changed_row_shows(
    extract: tuple[pa.Table, Path], spark: Any
) -> None:
    table, _path = extract
    some = [spec for spec in ALL if spec.id in {"t01", "t05", "t09"}]
    assert len(some) == 3
    whole = _cells(specs_evaluate(some, referrals_table(spark, table, name="arrow"), year=YEAR))
    fewer = _cells(specs_evaluate(some, referrals_table(spark, table.slice(100), name="fewer"),
                                  year=YEAR))  # fmt: skip
    on_duckdb = _cells(specs_evaluate(some, referrals_table(backend_connect("duckdb"), table),
                                      year=YEAR))  # fmt: skip
    assert whole == on_duckdb
    assert fewer != whole


@pytest.mark.django_db
def test_nrm_report_on_spark_writes_the_same_files_as_on_duckdb(
    extract: tuple[pa.Table, Path], tmp_path: Path, spark: Any
) -> None:
    _table, path = extract
    written = {}
    for engine in ("duckdb", "spark"):
        out = tmp_path / engine
        command = ["report", "--year", str(YEAR), "--extract", str(path), "--format", "csv",
                   "--out", str(out), "--engine", engine, "--no-progress"]  # fmt: skip
        assert main(command) == 0
        written[engine] = {f.name: f.read_bytes() for f in sorted(out.iterdir())
                           if f.suffix == ".csv"}  # fmt: skip
    assert len(written["duckdb"]) > 20
    assert written["spark"] == written["duckdb"]
    assert AuditEvent.objects.filter(verb=AuditVerb.REPORT_CREATE,
                                     detail__engine="spark").count() == 1  # fmt: skip
