"""Batch screening: a table of visa applications or passengers (Arrow, one column per field of
``nrm.standard.border_codes.ScreenField``) against many profiles in one DuckDB query through
Ibis, each profile's conditions compiled to one predicate (``profile_rules``)."""

from collections.abc import Iterable, Mapping, Sequence
from typing import Any

import ibis
import pyarrow as pa

from nrm.border.profile_conditions import Condition
from nrm.border.profile_rules import profile_predicate
from nrm.standard import border_codes as bc
from nrm.statistics.engine import backend_connect, referrals_table

ROW = "_row"
_ARROW_TYPES = {
    bc.FieldKind.CODE: pa.string(),
    bc.FieldKind.NUMBER: pa.int64(),
    bc.FieldKind.YES_NO: pa.bool_(),
}
SCHEMA = pa.schema([(str(f), _ARROW_TYPES[k]) for f, k in bc.FIELD_KINDS.items()])


def records_table(records: Iterable[Mapping[str, Any]]) -> pa.Table:
    """The screening table of plain records (field code → value; missing fields are null)."""
    rows = list(records)
    columns = {name: [row.get(name) for row in rows] for name in SCHEMA.names}
    return pa.Table.from_pydict(columns, schema=SCHEMA)


def screen_table(
    table: pa.Table, profiles: Sequence[tuple[int, Sequence[Condition]]]
) -> list[tuple[int, int]]:
    """(row number, profile key) for every row of ``table`` each profile matches, in row order
    then profile order. ``table`` needs every column of ``SCHEMA`` (others are ignored)."""
    if not profiles or table.num_rows == 0:
        return []
    con = backend_connect("duckdb")
    source = table.select(SCHEMA.names).cast(SCHEMA)
    source = source.append_column(ROW, pa.array(range(source.num_rows), type=pa.int64()))
    records = referrals_table(con, source, name="screened")
    parts = [
        records.filter(profile_predicate(conditions, records)).select(
            records[ROW], ibis.literal(key, type="int64").name("profile")
        )
        for key, conditions in profiles
    ]
    union = parts[0] if len(parts) == 1 else ibis.union(*parts, distinct=False)
    found = con.to_pyarrow(union.order_by([ROW, "profile"]))
    return list(zip(found[ROW].to_pylist(), found["profile"].to_pylist(), strict=True))
