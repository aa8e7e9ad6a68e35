"""The flat CSV format of the data standard: one row a record, one column a field.

UTF-8 with or without a byte-order mark. Header names are the schema's field names. Lists
(nationalities, aliases, languages, sub-types, means) are separated by ``;``. Empty cells take the
field's default. Codes or labels are accepted for coded fields. Columns whose names start with
``_`` are notes and are ignored (the rejects file adds ``_row`` and ``_errors``, so it can be
corrected and imported again).
"""

import csv
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from functools import cached_property
from itertools import chain, islice
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

    def problem(self, values: list[str]) -> str | None:
        """Why a row as a whole is malformed, if it is."""
        if len(values) > len(self.header):
            return TOO_MANY_CELLS.format(cells=len(values), columns=len(self.header))
        return None

    def raw(self, values: list[str]) -> dict[str, str]:
        """The cells by column, notes (``_`` columns) left out."""
        padded = values + [""] * (len(self.header) - len(values))
        return {
            name: value for name, value in zip(self.header, padded, strict=False) if name[:1] != "_"
        }

    def data(self, values: list[str]) -> dict[str, Any]:
        """The record: empty cells left out, lists split, defaults filled in."""
        data = {}
        count = len(values)
        for index, name, is_list in self.fields:
            if index < count and (value := values[index].strip()):
                data[name] = _split(value) if is_list else value
        for name, value in self.defaults:
            data.setdefault(name, value)
        return data


@dataclass(frozen=True)
class RawChunk:
    """Consecutive rows of a file, to be split into cells where they are checked.

    ``lines`` when no line holds a quote (one line is one row), else ``records`` already split
    here (quoted cells may span lines). ``first`` is the spreadsheet row number of the first.
    """

    first: int
    lines: list[str] | None = None
    records: list[list[str]] | None = None

    def __len__(self) -> int:
        return len(self.lines if self.lines is not None else self.records or [])

    def numbered(self) -> Iterator[tuple[int, list[str]]]:
        """(row number, cells) of each row that is not blank."""
        source = csv.reader(self.lines) if self.lines is not None else self.records or []
        for number, values in enumerate(source, start=self.first):
            if any(map(str.strip, values)):
                yield number, values


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


def _layout(header: list[str] | None, model: type[BaseModel], defaults: dict[str, str]) -> Layout:
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
    return Layout(tuple(header), tuple(defaults.items()))


def first_bad_line(path: Path) -> int:
    """The number of the first line of ``path`` that is not UTF-8 (0 when every line is)."""
    with path.open("rb") as handle:
        for number, line in enumerate(handle, start=1):
            try:
                line.decode("utf-8")
            except UnicodeDecodeError:
                return number
    return 0


class CsvSource:
    """A CSV file read in chunks of raw rows; the header is checked on opening.

    Use as a context manager. Raises ``CsvFormatError`` for a bad header or bytes that are not
    UTF-8 (naming the line).
    """

    def __init__(self, path: Path, model: type[BaseModel], *, defaults: dict[str, str]) -> None:
        self.path = path
        self.handle = open_csv(path)
        try:
            header = next(csv.reader(self.handle), None)
            self.layout = _layout(header, model, defaults)
        except UnicodeDecodeError as exc:
            self.handle.close()
            raise CsvFormatError(NOT_UTF8.format(line=first_bad_line(path))) from exc
        except BaseException:
            self.handle.close()
            raise

    def __enter__(self) -> "CsvSource":
        return self

    def __exit__(self, *exc: object) -> None:
        self.handle.close()

    def chunks(self, size: int) -> Iterator[RawChunk]:
        """Chunks of ``size`` lines (more when a quoted cell runs on), in file order."""
        lines_in = iter(self.handle)
        number = 2  # the header is row 1
        try:
            while lines := list(islice(lines_in, size)):
                if any('"' in line for line in lines):
                    reader = csv.reader(chain(lines, lines_in))
                    records = []
                    while reader.line_num < len(lines):
                        records.append(next(reader))
                    chunk = RawChunk(number, records=records)
                else:
                    chunk = RawChunk(number, lines=lines)
                number += len(chunk)
                yield chunk
        except UnicodeDecodeError as exc:
            raise CsvFormatError(NOT_UTF8.format(line=first_bad_line(self.path))) from exc


@dataclass(frozen=True)
class CsvRow:
    """A data row of a file read by ``csv_rows``: its line number and its cells by column."""

    number: int
    raw: dict[str, str]


def csv_rows(path: Path, columns: Sequence[str]) -> Iterator[CsvRow]:
    """The rows of a CSV file of one record (or one part of a record) a row, its header checked
    against ``columns`` (unknown or repeated columns refused); blank rows skipped, short rows
    padded, notes (columns whose name starts with ``_``) left out. Raises ``CsvFormatError``."""
    with path.open(encoding="utf-8-sig", newline="") as handle:
        reader = csv.reader(handle)
        try:
            header = next(reader, None)
            if not header:
                raise CsvFormatError(EMPTY_FILE)
            names = [name.strip() for name in header]
            unknown = [n for n in names if n and n[:1] != "_" and n not in columns]
            if unknown:
                raise CsvFormatError(
                    UNKNOWN_COLUMNS.format(columns=", ".join(unknown), allowed=", ".join(columns))
                )
            twice = sorted({n for n in names if names.count(n) > 1})
            if twice:
                raise CsvFormatError(DUPLICATE_COLUMNS.format(columns=", ".join(twice)))
            for number, cells in enumerate(reader, start=2):
                if not any(cell.strip() for cell in cells):
                    continue
                if len(cells) > len(names):
                    problem = TOO_MANY_CELLS.format(cells=len(cells), columns=len(names))
                    raise CsvFormatError(f"line {number}: {problem}")
                cells += [""] * (len(names) - len(cells))
                kept = {n: c for n, c in zip(names, cells, strict=True) if n[:1] != "_"}
                yield CsvRow(number, kept)
        except UnicodeDecodeError:
            raise CsvFormatError(NOT_UTF8.format(line=reader.line_num + 1)) from None
