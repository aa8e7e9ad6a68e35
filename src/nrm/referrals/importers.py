"""CSV bulk import: streaming, all-or-nothing by default, ``partial`` on request.

Memory stays flat in the file size: rows are read, validated and inserted in batches inside one
transaction; only the current batch is held. In all-or-nothing mode the first bad row stops all
inserting, the rest of the file is still validated so every bad row is reported, and the
transaction is rolled back. References are reserved before the import in a short transaction of
their own, so they are unique and increasing but may have gaps when an import is rolled back.
"""

import csv
from collections import Counter, deque
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import IO, Any, Generic, TypeVar

from django.db import connection, transaction
from django.utils import timezone
from pydantic import BaseModel
from tqdm import tqdm

from nrm.audit.models import AuditVerb
from nrm.referrals.build import BuiltReferral, referral_build
from nrm.referrals.csvformat import CsvRow, open_csv, read_rows
from nrm.referrals.references import references_reserve
from nrm.referrals.services import (
    OrganisationResolver,
    referral_check,
    referrals_save,
)
from nrm.standard.schema import Referral
from nrm.standard.types import parse_date
from nrm.standard.validation import FieldError

BATCH_SIZE = 1000
T = TypeVar("T")


@dataclass(frozen=True)
class RowError:
    row: int
    column: str
    value: str | None
    reason: str

    def __str__(self) -> str:
        shown = "" if self.value is None else f", value '{self.value}'"
        return f"row {self.row}, column {self.column}{shown}: {self.reason}"


@dataclass
class ImportResult:
    rows: int = 0
    saved: int = 0
    rejected_rows: int = 0
    rejects_path: Path | None = None
    errors_by_column: Counter[str] = field(default_factory=Counter)

    @property
    def ok(self) -> bool:
        return self.rejected_rows == 0


@dataclass(frozen=True)
class Checked(Generic[T]):
    """A valid row: the year its reference is numbered in, and how to build it from a reference."""

    year: int
    build: Callable[[str], T]


@dataclass(frozen=True)
class ImportKind(Generic[T]):
    model: type[BaseModel]
    prefix: str  # reference prefix before the year, e.g. "NRM" or "NRM-AN"
    date_column: str
    check: Callable[[dict[str, Any]], Checked[T] | list[FieldError]]
    save: Callable[[list[T]], None]


class _Rollback(Exception):
    pass


def rejects_path_for(path: Path) -> Path:
    return path.with_name(f"{path.stem}.rejects.csv")


def _survey(path: Path, column: str) -> tuple[int, Counter[int]]:
    """Rows in the file, and how many fall in each year (for reserving references)."""
    rows = 0
    years: Counter[int] = Counter()
    with open_csv(path) as handle:
        reader = csv.reader(handle)
        header = [name.strip() for name in next(reader, [])]
        where = header.index(column) if column in header else None
        for values in reader:
            rows += 1
            if where is not None and where < len(values):
                parsed = parse_date(values[where].strip())
                if parsed is not None:
                    years[parsed.year] += 1
    return rows, years


class _References:
    """References reserved per year before the import starts, handed out in file order."""

    def __init__(self, prefix: str, years: Counter[int]) -> None:
        self.prefix = prefix
        self.reserved: dict[int, deque[str]] = {
            year: deque(references_reserve(prefix=f"{prefix}-{year}", count=count))
            for year, count in sorted(years.items())
        }

    def take(self, year: int) -> str:
        queue = self.reserved.setdefault(year, deque())
        if not queue:
            queue.extend(references_reserve(prefix=f"{self.prefix}-{year}", count=1))
        return queue.popleft()


class _Rejects:
    def __init__(self, path: Path) -> None:
        self.path = path
        self.handle: IO[str] | None = None
        self.writer: Any = None

    def write(self, row: CsvRow, problems: list[FieldError]) -> None:
        if self.writer is None:
            self.handle = self.path.open("w", encoding="utf-8", newline="")
            self.writer = csv.writer(self.handle)
            self.writer.writerow(["_row", *row.raw.keys(), "_errors"])
        reasons = " | ".join(f"{p.field}: {p.message}" for p in problems)
        self.writer.writerow([row.number, *row.raw.values(), reasons])

    def close(self) -> Path | None:
        if self.handle is None:
            return None
        self.handle.close()
        return self.path


def _check_constraints_as_rows_arrive() -> None:
    """On PostgreSQL, check foreign keys per batch instead of queueing millions to the commit."""
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("SET CONSTRAINTS ALL IMMEDIATE")


def run_import(
    kind: ImportKind[T],
    *,
    path: Path,
    partial: bool,
    defaults: dict[str, str],
    rejects_path: Path | None,
    on_error: Callable[[RowError], None],
    progress: bool | None,
) -> ImportResult:
    """Import ``path`` as ``kind``. Raises ``CsvFormatError`` when the header is unusable."""
    result = ImportResult()
    total, years = _survey(path, kind.date_column)
    references = _References(kind.prefix, years)
    rejects = _Rejects(rejects_path or rejects_path_for(path))
    batch: list[T] = []

    def flush() -> None:
        kind.save(batch)
        result.saved += len(batch)
        batch.clear()

    try:
        with transaction.atomic(), open_csv(path) as handle:
            _check_constraints_as_rows_arrive()
            rows = read_rows(handle, kind.model, defaults=defaults)
            disable = None if progress is None else not progress
            for row in tqdm(rows, total=total, unit="row", disable=disable):
                result.rows += 1
                checked = (
                    [FieldError("__row__", row.problem, "malformed_row")]
                    if row.problem
                    else kind.check(row.data)
                )
                if isinstance(checked, list):
                    result.rejected_rows += 1
                    for problem in checked:
                        result.errors_by_column[problem.field] += 1
                        on_error(
                            RowError(row.number, problem.field, problem.value, problem.message)
                        )
                    if partial:
                        rejects.write(row, checked)
                    continue
                if result.rejected_rows and not partial:
                    continue
                batch.append(checked.build(references.take(checked.year)))
                if len(batch) >= BATCH_SIZE:
                    flush()
            if result.rejected_rows and not partial:
                raise _Rollback
            if batch:
                flush()
    except _Rollback:
        result.saved = 0
    finally:
        result.rejects_path = rejects.close()
    return result


def referrals_import(
    *,
    path: Path,
    actor: Any = None,
    partial: bool = False,
    organisation_code: str | None = None,
    rejects_path: Path | None = None,
    on_error: Callable[[RowError], None] = lambda error: None,
    progress: bool | None = None,
    today: date | None = None,
) -> ImportResult:
    """Import referrals from ``path`` (historic decisions allowed: this is an operator's door)."""
    resolver = OrganisationResolver(own=None)
    detail = {"door": "csv", "file": path.name}

    def check(data: dict[str, Any]) -> Checked[BuiltReferral] | list[FieldError]:
        checked = referral_check(data, resolver=resolver, allow_decisions=True, today=today)
        if isinstance(checked, list):
            return checked
        record, organisation = checked
        return Checked(
            record.referral_date.year,
            lambda reference: referral_build(
                record,
                organisation=organisation,
                submitted_by=actor,
                reference=reference,
                now=timezone.now(),
            ),
        )

    def save(batch: list[BuiltReferral]) -> None:
        referrals_save(built=batch, actor=actor, verb=AuditVerb.REFERRAL_IMPORT, detail=detail)

    kind = ImportKind(Referral, "NRM", "referral_date", check, save)
    defaults = {"first_responder_organisation": organisation_code} if organisation_code else {}
    return run_import(
        kind,
        path=path,
        partial=partial,
        defaults=defaults,
        rejects_path=rejects_path,
        on_error=on_error,
        progress=progress,
    )
