"""Fast insertion of many rows: COPY on PostgreSQL, one prepared INSERT on other databases.

Used by every write of referrals (one or a million) and by the audit log's bulk appends, so
there is a single path. Values are adapted by the database backend's own operations; column
names come from the models.

Imports split the work: ``RowEncoder`` turns rows of plain values into COPY text (PostgreSQL)
or parameter tuples (other databases) where the rows are built, possibly in a worker process,
and ``copy_text_insert`` / ``params_insert`` write what it produced.
"""

import json
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass
from datetime import date, datetime
from functools import cache
from typing import Any

from django.db import connection, models

Row = dict[str, Any]
_IN_PIPELINE: ContextVar[bool] = ContextVar("nrm_bulk_in_pipeline", default=False)
COPY_FROM = 50  # fewer rows than this go in one INSERT: cheaper than setting up a COPY


def _remembering(adapt: Callable[[Any], Any]) -> Callable[[Any], Any]:
    """Adapt values, reusing the last result when the same object comes again (timestamps and
    details shared by a whole batch are adapted once)."""
    last: list[Any] = [object(), None]

    def adapted(value: Any) -> Any:
        if value is not last[0]:
            last[0], last[1] = value, adapt(value)
        return last[1]

    return adapted


def _adapter(field: "models.Field[Any, Any]") -> Callable[[Any], Any] | None:
    ops = connection.ops
    if isinstance(field, models.DateTimeField):
        return _remembering(ops.adapt_datetimefield_value)
    if isinstance(field, models.DateField):
        return ops.adapt_datefield_value
    if isinstance(field, models.JSONField):
        return _remembering(json.dumps)
    return None


@dataclass(frozen=True)
class _Statement:
    table: str
    names: str
    columns: tuple[str, ...]
    adapted: tuple[tuple[int, Callable[[Any], Any]], ...]
    insert: str


@cache
def _statement(model: type[models.Model], columns: tuple[str, ...], vendor: str) -> _Statement:
    by_column = {f.column: f for f in model._meta.concrete_fields}
    adapters = [_adapter(by_column[name]) for name in columns]
    table = connection.ops.quote_name(model._meta.db_table)
    names = ", ".join(connection.ops.quote_name(name) for name in columns)
    marks = ", ".join(["%s"] * len(columns))
    return _Statement(
        table=table,
        names=names,
        columns=columns,
        adapted=tuple((i, adapt) for i, adapt in enumerate(adapters) if adapt is not None),
        insert=f"INSERT INTO {table} ({names}) VALUES ({marks})",  # noqa: S608
    )


def rows_insert(model: type[models.Model], rows: Sequence[Row]) -> None:
    """Insert ``rows`` (dicts keyed by column, all with the same keys) into ``model``'s table.

    Table and column names come from the model, never from input, so the SQL is built safely.
    """
    if not rows:
        return
    statement = _statement(model, tuple(rows[0]), connection.vendor)
    columns, adapted = statement.columns, statement.adapted

    def prepare(row: Row) -> list[Any]:
        value = [row[name] for name in columns]
        for index, adapt in adapted:
            if value[index] is not None:
                value[index] = adapt(value[index])
        return value

    values = (prepare(row) for row in rows)
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql" and len(rows) >= COPY_FROM and not _IN_PIPELINE.get():
            copy_sql = f"COPY {statement.table} ({statement.names}) FROM STDIN"
            with cursor.cursor.copy(copy_sql) as copy:
                for value in values:
                    copy.write_row(value)
        else:
            prepared = list(values)
            if len(prepared) == 1:
                cursor.execute(statement.insert, prepared[0])
            else:
                cursor.executemany(statement.insert, prepared)


@contextmanager
def pipelined(rows: int) -> Iterator[None]:
    """For a few rows, send the block's statements without waiting for each answer (PostgreSQL
    pipeline mode; errors still surface at the end of the block). COPY, used for many rows,
    cannot run in a pipeline, so larger blocks run plainly, as on other databases."""
    if rows < COPY_FROM and connection.vendor == "postgresql" and connection.connection:
        token = _IN_PIPELINE.set(True)
        try:
            with connection.connection.pipeline():
                yield
        finally:
            _IN_PIPELINE.reset(token)
    else:
        yield


def ids_allocate(model: type[models.Model], count: int) -> list[int]:
    """Reserve ``count`` primary keys. Inside a transaction that holds the write lock on SQLite."""
    table = model._meta.db_table
    pk = model._meta.pk
    assert pk is not None
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            cursor.execute(
                "SELECT nextval(pg_get_serial_sequence(%s, %s)) FROM generate_series(1, %s)",
                [table, pk.column, count],
            )
            return [row[0] for row in cursor.fetchall()]
        quoted, column = connection.ops.quote_name(table), connection.ops.quote_name(pk.column)
        cursor.execute(f"SELECT COALESCE(MAX({column}), 0) FROM {quoted}")  # noqa: S608
        start = int(cursor.fetchone()[0]) + 1
        return list(range(start, start + count))


# COPY text format: tab between columns, newline after a row, \N for NULL, and backslash,
# tab, newline and carriage return escaped inside values.
COPY_NULL = "\\N"
_COPY_ESCAPES = str.maketrans({"\\": "\\\\", "\t": "\\t", "\n": "\\n", "\r": "\\r"})


def _copy_escape(text: str) -> str:
    """``text`` with COPY's special characters escaped. Most values have none, and looking for
    them is several times cheaper than translating every character."""
    if "\\" in text or "\t" in text or "\n" in text or "\r" in text:
        return text.translate(_COPY_ESCAPES)
    return text


class RowEncoder:
    """Rows of plain values (str, int, bool, None, date, datetime, lists) made ready to write.

    ``vendor`` is the database's (``connection.vendor``). Datetimes are adapted by the
    database backend's operations; JSON values are dumped as ``rows_insert`` does.
    """

    def __init__(self, vendor: str) -> None:
        self.vendor = vendor
        self._adapt_datetime = _remembering(connection.ops.adapt_datetimefield_value)
        self._adapt_date = connection.ops.adapt_datefield_value

    def copy_fields(self, values: Sequence[Any]) -> str:
        """Values in PostgreSQL's COPY text format, tab-separated, without a newline.

        One loop with the types tested inline: this runs for every row of an import.
        """
        fields: list[str] = []
        append = fields.append
        for value in values:
            kind = type(value)
            if kind is str:
                append(_copy_escape(value))
            elif value is None:
                append(COPY_NULL)
            elif kind is bool:
                append("t" if value else "f")
            elif kind is int:
                append(str(value))
            elif kind is date:
                append(value.isoformat())
            elif kind is list:
                append(_copy_escape(json.dumps(value)) if value else "[]")
            elif kind is datetime:
                append(_copy_escape(str(self._adapt_datetime(value))))
            elif kind is dict:
                append(_copy_escape(json.dumps(value)))
            else:  # str subclasses (code list members), numbers of other types
                append(_copy_escape(str(value)))
        return "\t".join(fields)

    def copy_line(self, values: Sequence[Any]) -> str:
        """One row in PostgreSQL's COPY text format, with its newline."""
        return self.copy_fields(values) + "\n"

    def params(self, values: Sequence[Any]) -> tuple[Any, ...]:
        """One row as INSERT parameters for the other databases."""
        params: list[Any] = []
        append = params.append
        for value in values:
            kind = type(value)
            if kind is date:
                append(self._adapt_date(value))
            elif kind is datetime:
                append(self._adapt_datetime(value))
            elif kind is list or kind is dict:
                append(json.dumps(value))
            else:
                append(value)
        return tuple(params)


def copy_text_insert(
    model: type[models.Model], columns: tuple[str, ...], parts: Iterable[str]
) -> None:
    """PostgreSQL: COPY ``parts`` (rows in COPY text format, from ``RowEncoder.copy_line``) into
    ``model``'s table, one COPY statement for all of them."""
    statement = _statement(model, columns, connection.vendor)
    copy_sql = f"COPY {statement.table} ({statement.names}) FROM STDIN"
    with connection.cursor() as cursor, cursor.cursor.copy(copy_sql) as copy:
        for part in parts:
            copy.write(part)


def params_insert(
    model: type[models.Model], columns: tuple[str, ...], rows: Sequence[tuple[Any, ...]]
) -> None:
    """Insert parameter tuples (from ``RowEncoder.params``) with one prepared INSERT."""
    if not rows:
        return
    statement = _statement(model, columns, connection.vendor)
    with connection.cursor() as cursor:
        cursor.executemany(statement.insert, rows)
