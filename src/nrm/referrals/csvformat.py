"""The flat CSV format of the data standard: one row a record, one column a field.

UTF-8 with or without a byte-order mark. Header names are the schema's field names. Lists
(nationalities, aliases, languages, sub-types, means) are separated by ``;``. Empty cells take the
field's default. Codes or labels are accepted for coded fields. Columns whose names start with
``_`` are notes and are ignored (the rejects file adds ``_row`` and ``_errors``, so it can be
corrected and imported again).
"""

import csv
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path
from typing import IO, Any

from pydantic import BaseModel

from nrm.standard.schema import LIST_FIELDS

LIST_SEPARATOR = ";"
UNKNOWN_COLUMNS = "Unknown column(s) {columns}; the columns of this format are: {allowed}"
MISSING_COLUMNS = "Required column(s) missing: {columns}"
DUPLICATE_COLUMNS = "Column(s) given more than once: {columns}"
EMPTY_FILE = "The file is empty: expected a header row naming the columns"
TOO_MANY_CELLS = "The row has {cells} cells but the header names {columns} columns"
NOT_UTF8 = "The file is not UTF-8 text (line {line}); save it as CSV UTF-8"


class CsvFormatError(Exception):
    """The file as a whole cannot be read (header, encoding); no row was considered."""


@dataclass(frozen=True)
class Layout:
    """The header of a file and the defaults for empty cells, shared by all its rows."""

    header: tuple[str, ...]
    defaults: tuple[tuple[str, str], ...] = ()

    @cached_property
    def fields(self) -> tuple[tuple[int, str, bool], ...]:
        """(position, name, is a list) of each column that is a field, notes left out."""
        return tuple(
            (index, name, name in LIST_FIELDS)
            for index, name in enumerate(self.header)
            if name[:1] != "_"
        )


@dataclass(frozen=True)
class CsvRow:
    """One row as read; its record is worked out where it is checked (maybe another process)."""

    number: int  # spreadsheet row number: the header is row 1
    values: list[str]
    layout: Layout

    @property
    def problem(self) -> str | None:
        """Why the row as a whole is malformed, if it is."""
        if len(self.values) > len(self.layout.header):
            return TOO_MANY_CELLS.format(cells=len(self.values), columns=len(self.layout.header))
        return None

    @property
    def raw(self) -> dict[str, str]:
        """The cells by column, notes (``_`` columns) left out."""
        padded = self.values + [""] * (len(self.layout.header) - len(self.values))
        return {
            name: value
            for name, value in zip(self.layout.header, padded, strict=False)
            if name[:1] != "_"
        }

    @property
    def data(self) -> dict[str, Any]:
        """The record: empty cells left out, lists split, defaults filled in."""
        values, data = self.values, {}
        for index, name, is_list in self.layout.fields:
            if index < len(values) and (value := values[index].strip()):
                data[name] = _split(value) if is_list else value
        for name, value in self.layout.defaults:
            data.setdefault(name, value)
        return data


def columns_of(model: type[BaseModel]) -> list[str]:
    return list(model.model_fields)


def required_columns(model: type[BaseModel]) -> list[str]:
    return [name for name, info in model.model_fields.items() if info.is_required()]


def _split(value: str) -> list[str]:
    return [part.strip() for part in value.split(LIST_SEPARATOR) if part.strip()]


def open_csv(path: Path) -> IO[str]:
    return path.open(encoding="utf-8-sig", newline="")


def count_lines(path: Path) -> int:
    """Lines after the header: the row count unless cells hold line breaks (for progress)."""
    with path.open("rb") as handle:
        lines = sum(block.count(b"\n") for block in iter(lambda: handle.read(1 << 20), b""))
    return max(lines - 1, 0)


def read_rows(
    handle: IO[str], model: type[BaseModel], *, defaults: dict[str, str]
) -> Iterator[CsvRow]:
    """Yield rows as records of ``model``; raise ``CsvFormatError`` for a bad header."""
    reader = csv.reader(handle)
    try:
        header = next(reader, None)
    except UnicodeDecodeError as exc:
        raise CsvFormatError(NOT_UTF8.format(line=1)) from exc
    if not header:
        raise CsvFormatError(EMPTY_FILE)
    header = [name.strip() for name in header]
    allowed = columns_of(model)
    unknown = [name for name in header if name not in allowed and not name.startswith("_")]
    if unknown:
        raise CsvFormatError(
            UNKNOWN_COLUMNS.format(columns=", ".join(unknown), allowed=", ".join(allowed))
        )
    duplicates = sorted({name for name in header if header.count(name) > 1})
    if duplicates:
        raise CsvFormatError(DUPLICATE_COLUMNS.format(columns=", ".join(duplicates)))
    missing = [name for name in required_columns(model) if name not in header]
    if missing:
        raise CsvFormatError(MISSING_COLUMNS.format(columns=", ".join(missing)))
    layout = Layout(tuple(header), tuple(defaults.items()))
    number = 1
    while True:
        try:
            values = next(reader)
        except StopIteration:
            return
        except UnicodeDecodeError as exc:
            raise CsvFormatError(NOT_UTF8.format(line=number + 1)) from exc
        number += 1
        if any(v.strip() for v in values):
            yield CsvRow(number, values, layout)
