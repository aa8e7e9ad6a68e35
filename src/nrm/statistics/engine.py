"""The one engine: evaluates any table spec with Ibis, on any Ibis backend (DuckDB by default).

The backend does the work that grows with the data: one filtered ``GROUP BY`` per spec over
the extract. What follows works on the grouped counts only (a few hundred numbers at most) and
is plain Python on exact integers: pivoting, totals, shares and % changes as exact fractions,
rankings. That keeps results identical on every backend, whatever its rounding rules.
"""

from collections import defaultdict
from collections.abc import Iterable, Sequence
from fractions import Fraction
from pathlib import Path
from typing import Any

import ibis
import pyarrow as pa
import pyarrow.parquet as pq
from ibis.backends import BaseBackend

from nrm.statistics.result import Key, Result, Row
from nrm.statistics.spark import spark_connect, spark_table
from nrm.statistics.specs.model import (
    CODE_LISTS,
    MONTH_COLUMNS,
    PERIOD_LABELS,
    Spec,
    month_label,
    period_label,
)

TABLE_NAME = "referrals"
UNKNOWN_BACKEND = "unknown backend {name!r}: use duckdb, sqlite, spark or a URL"
ENGINES = ("duckdb", "spark")  # what ``nrm report --engine`` and NRM_STATISTICS_ENGINE take


def backend_connect(
    name: str = "duckdb", url: str | None = None, *, spark_master: str = "local[*]"
) -> BaseBackend:
    """An Ibis backend: ``duckdb`` (in memory), ``sqlite`` (in memory), ``spark`` (a Spark
    session at ``spark_master``, ``nrm.statistics.spark``) or a URL (postgres://…)."""
    if url:
        return ibis.connect(url)
    if name == "duckdb":
        return ibis.duckdb.connect()
    if name == "sqlite":
        return ibis.sqlite.connect()
    if name == "spark":
        return spark_connect(spark_master)
    raise ValueError(UNKNOWN_BACKEND.format(name=name))


def referrals_table(
    con: BaseBackend, source: pa.Table | Path, name: str = TABLE_NAME
) -> ibis.Table:
    """The extract as an Ibis table on ``con``.

    DuckDB reads a Parquet file in place and an Arrow table as a zero-copy view; Spark reads
    Parquet; other backends get a table of the extract's schema, filled with the rows.
    """
    if con.name == "pyspark":
        return spark_table(con, source, name)
    if isinstance(source, Path):
        if con.name == "duckdb":
            return con.read_parquet(source, table_name=name)
        source = pq.read_table(source)
    if con.name == "duckdb":
        con.con.register(name, source)
        return con.table(name)
    con.raw_sql(f'DROP TABLE IF EXISTS "{name}"')
    con.create_table(name, schema=ibis.schema(source.schema))
    _insert(con, name, source)
    return con.table(name)


def _insert(con: BaseBackend, name: str, source: pa.Table) -> None:
    """Fill a table with an Arrow table's rows: COPY on PostgreSQL, executemany on SQLite."""
    columns = [source.column(c).to_pylist() for c in source.schema.names]
    rows = zip(*columns, strict=True)
    names = ", ".join(f'"{c}"' for c in source.schema.names)
    raw = getattr(con, "con", None)
    if con.name == "postgres" and raw is not None:
        with raw.cursor() as cursor, cursor.copy(f'COPY "{name}" ({names}) FROM STDIN') as copy:
            for row in rows:
                copy.write_row(row)
        raw.commit()
    elif con.name == "sqlite" and raw is not None:
        marks = ", ".join("?" for _ in source.schema.names)
        raw.executemany(f'INSERT INTO "{name}" ({names}) VALUES ({marks})', rows)  # noqa: S608
        raw.commit()
    else:
        con.insert(name, source)


def _order(column: str, value: Any) -> tuple[int, Any]:
    codes = CODE_LISTS.get(column)
    if codes is not None:
        values = list(codes.values)
        return (values.index(value) if value in values else len(values), str(value))
    if isinstance(value, bool):
        return (0 if value else 1, 0)
    return (0, value if value is not None else "")


def label(column: str, value: Any) -> str:
    codes = CODE_LISTS.get(column)
    if codes is not None and value in codes.values:
        return str(codes(value).label)
    if isinstance(value, bool):
        return "Yes" if value else "No"
    if column == "referral_quarter":
        return f"Q{value}"
    if column in MONTH_COLUMNS and isinstance(value, str):
        return month_label(value)
    if column in PERIOD_LABELS and isinstance(value, int):
        return period_label(column, value)
    return "Not recorded" if value is None else str(value)


def _sort_key(columns: Sequence[str], key: Key) -> tuple[Any, ...]:
    return tuple(_order(c, v) for c, v in zip(columns, key, strict=True))


def _counts(spec: Spec, table: ibis.Table, year: int) -> dict[tuple[Key, Key], int]:
    t = table.filter(table[spec.year_column].isin(spec.year_range(year)))
    for column, values in spec.where:
        t = t.filter(t[column].isin(list(values)))
    keys = list(dict.fromkeys(spec.rows + spec.columns))
    measure = t.count() if spec.measure is None else t[spec.measure].sum()
    grouped = t.group_by(keys).aggregate(n=measure).to_pyarrow().to_pylist()
    counts: dict[tuple[Key, Key], int] = {}
    for item in grouped:
        row = tuple(item[c] for c in spec.rows)
        col = tuple(item[c] for c in spec.columns)
        counts[(row, col)] = int(item["n"])
    return counts


def _column_keys(spec: Spec, year: int, seen: Iterable[Key]) -> list[Key]:
    if spec.columns == (spec.year_column,):
        return [(y,) for y in spec.year_range(year)]
    if spec.columns == ("referral_quarter",):
        return [(q,) for q in (1, 2, 3, 4)]
    fixed = [tuple(key) for key in spec.fixed_columns]
    keys = set(seen) - set(fixed)
    if "referral_year" in spec.columns:  # every year of the range, even an empty one
        at = spec.columns.index("referral_year")
        others = {k[:at] + k[at + 1 :] for k in keys}
        keys |= {(*o[:at], y, *o[at:]) for o in others for y in spec.year_range(year)}
    return fixed + sorted(keys, key=lambda k: _sort_key(spec.columns, k))


def _ranks(values: dict[Key, int]) -> dict[Key, int | None]:
    """Competition ranking: the largest count is 1; equal counts share a rank (1, 2, 2, 4). A
    row with nothing counted has no position (None, printed N/A), so a year without referrals
    ranks nobody and a top list never reaches a row of zero."""
    return {
        k: 1 + sum(1 for other in values.values() if other > n) if n > 0 else None
        for k, n in values.items()
    }


def _group(spec: Spec, key: Key) -> Key:
    if spec.top_within is None:
        return ()
    return (key[spec.rows.index(spec.top_within)],)


def _rank_rows(spec: Spec, rows: list[Row]) -> list[Row]:
    groups: dict[Key, list[Row]] = defaultdict(list)
    for r in rows:
        groups[_group(spec, r.key)].append(r)
    for members in groups.values():
        for i in range(len(members[0].counts) if members else 0):
            ranks = _ranks({r.key: r.counts[i] for r in members})
            for r in members:
                r.positions.append(ranks[r.key])
        by = {r.key: (r.counts[-1] if spec.top_by == "last" else r.total) for r in members}
        ranked = _ranks(by)
        for r in members:
            r.rank = ranked[r.key]
    if spec.top is not None:
        rows = [r for r in rows if r.rank is not None and r.rank <= spec.top]
        return sorted(
            rows,
            key=lambda r: (_sort_key(spec.rows[:1], _group(spec, r.key)) if spec.top_within
                           else (), r.rank, r.labels),
        )  # fmt: skip
    return rows


def spec_evaluate(spec: Spec, table: ibis.Table, *, year: int) -> Result:
    """Evaluate one spec on the extract ``table`` for the report ``year``."""
    counts = _counts(spec, table, year)
    columns = _column_keys(spec, year, (col for _row, col in counts))
    fixed = [tuple(key) for key in spec.fixed_rows]
    found = {row for row, _col in counts} - set(fixed)
    row_keys = fixed + sorted(found, key=lambda k: _sort_key(spec.rows, k))
    rows: list[Row] = []
    for key in row_keys:
        values = [counts.get((key, col), 0) for col in columns]
        labels = tuple(label(c, v) for c, v in zip(spec.rows, key, strict=True))
        rows.append(Row(key=key, labels=labels, counts=values, total=sum(values)))
    totals = [sum(r.counts[i] for r in rows) for i in range(len(columns))]
    if spec.share:
        for r in rows:
            r.shares = [
                Fraction(100 * n, t) if t else None for n, t in zip(r.counts, totals, strict=True)
            ]
    if spec.change:
        for r in rows:
            r.change = _change(r.counts[-2], r.counts[-1])
    if spec.top is not None or spec.positions:
        rows = _rank_rows(spec, rows)
    if spec.total_row:
        total = Row(
            key=("Total",) * len(spec.rows),
            labels=("Total",) + ("",) * (len(spec.rows) - 1),
            counts=totals,
            total=sum(totals),
            shares=[Fraction(100) if t else None for t in totals] if spec.share else [],
            change=_change(totals[-2], totals[-1]) if spec.change else None,
            is_total=True,
        )
        rows.append(total)
    headers = [" ".join(label(c, v) for c, v in zip(spec.columns, k, strict=True)) for k in columns]
    return Result(
        spec=spec,
        year=year,
        column_keys=columns,
        column_labels=headers,
        rows=rows,
        column_totals=totals,
    )


def _change(old: int, new: int) -> Fraction | None:
    return None if old == 0 else Fraction(100 * (new - old), old)


def specs_evaluate(specs: Sequence[Spec], table: ibis.Table, *, year: int) -> list[Result]:
    return [spec_evaluate(spec, table, year=year) for spec in specs]
