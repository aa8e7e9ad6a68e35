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
class CsvRow:
    number: int  # spreadsheet row number: the header is row 1
    raw: dict[str, str]
    data: dict[str, Any]
    problem: str | None = None  # the row as a whole is malformed


def columns_of(model: type[BaseModel]) -> list[str]:
    return list(model.model_fields)


def required_columns(model: type[BaseModel]) -> list[str]:
    return [name for name, info in model.model_fields.items() if info.is_required()]


def _cell(name: str, value: str) -> Any:
    value = value.strip()
    if name in LIST_FIELDS:
        return [part.strip() for part in value.split(LIST_SEPARATOR) if part.strip()]
    return value


def open_csv(path: Path) -> IO[str]:
    return path.open(encoding="utf-8-sig", newline="")


def count_rows(path: Path) -> int:
    with open_csv(path) as handle:
        return max(sum(1 for _ in csv.reader(handle)) - 1, 0)


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
    number = 1
    while True:
        try:
            values = next(reader)
        except StopIteration:
            return
        except UnicodeDecodeError as exc:
            raise CsvFormatError(NOT_UTF8.format(line=number + 1)) from exc
        number += 1
        if not any(v.strip() for v in values):
            continue
        padded = values + [""] * (len(header) - len(values))
        raw = {name: value for name, value in zip(header, padded, strict=False) if name[:1] != "_"}
        if len(values) > len(header):
            extra = TOO_MANY_CELLS.format(cells=len(values), columns=len(header))
            yield CsvRow(number, raw, {}, problem=extra)
            continue
        data = {
            name: _cell(name, value)
            for name, value in raw.items()
            if value.strip() and not name.startswith("_")
        }
        for name, value in defaults.items():
            data.setdefault(name, value)
        yield CsvRow(number, raw, data)
