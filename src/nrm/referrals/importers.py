"""CSV bulk import: streaming, all-or-nothing by default, ``partial`` on request.

Memory stays flat in the file size: rows are read in chunks, checked (in worker processes for
large files, so both cores work), and inserted in batches inside one transaction; only a few
chunks are in flight at any time. In all-or-nothing mode the first bad row stops all inserting,
the rest of the file is still checked so every bad row is reported, and the transaction is rolled
back. References are reserved before the import (see ``references``), so they are unique and
increasing but may have gaps when an import is rolled back.
"""

import csv
import os
from collections import Counter, deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from dataclasses import dataclass, field
from datetime import date, datetime
from itertools import islice
from multiprocessing import get_context
from pathlib import Path
from typing import IO, Any, Generic, TypeVar

from django.conf import settings
from django.db import connection, transaction
from django.utils import timezone
from pydantic import BaseModel
from tqdm import tqdm

from nrm.accounts.models import Organisation
from nrm.audit.models import AuditVerb
from nrm.referrals import import_worker
from nrm.referrals.build import BuiltReferral, referral_build
from nrm.referrals.csvformat import CsvRow, count_lines, open_csv, read_rows
from nrm.referrals.references import references_reserve
from nrm.referrals.services import OrganisationResolver, referral_check, referrals_save
from nrm.standard.schema import Referral
from nrm.standard.validation import FieldError

BATCH_SIZE = 1000
CHUNK_SIZE = 500
PARALLEL_FROM = 20_000  # rows; smaller files are checked in this process
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


def _ignore(error: RowError) -> None:
    return None


@dataclass(frozen=True)
class ImportOptions:
    """What to import and how; the same for every kind of record."""

    path: Path
    actor: Any = None
    partial: bool = False  # save the good rows and write the bad ones to ``rejects_path``
    organisation_code: str | None = None  # for rows that name no organisation
    rejects_path: Path | None = None  # default: FILE.rejects.csv beside the input
    on_error: Callable[[RowError], None] = _ignore
    progress: bool | None = None  # None: a progress bar on a terminal only
    today: date | None = None
    parallel: bool | None = None  # None: worker processes from PARALLEL_FROM rows

    def checker_config(self) -> dict[str, Any]:
        """What a row check needs, as plain values a worker process can receive."""
        organisations = Organisation.objects.filter(is_active=True).values_list("pk", "code")
        return {
            "organisations": list(organisations),
            "today": self.today,
            "submitted_by_id": getattr(self.actor, "pk", None),
        }

    def defaults(self) -> dict[str, str]:
        code = self.organisation_code
        return {"first_responder_organisation": code} if code else {}


@dataclass(frozen=True)
class Checked(Generic[T]):
    """A valid row: the year its reference is numbered in, and its rows without a reference."""

    year: int
    item: T


Check = Callable[[dict[str, Any]], "Checked[Any] | list[FieldError]"]


@dataclass(frozen=True)
class ImportKind(Generic[T]):
    model: type[BaseModel]
    prefix: str  # reference prefix before the year, e.g. "NRM" or "NRM-AN"
    date_column: str
    checker: str  # "module:function" making the row check from ``checker_config``; no DB access
    checker_config: dict[str, Any]
    finish: Callable[[T, str, datetime], None]  # give an item its reference and receipt time
    save: Callable[[list[T]], None]


class _Rollback(Exception):
    pass


def rejects_path_for(path: Path) -> Path:
    return path.with_name(f"{path.stem}.rejects.csv")


def _checked_chunks(
    kind: ImportKind[Any], rows: Iterator[CsvRow], *, parallel: bool
) -> Iterator[tuple[list[CsvRow], list["Checked[Any] | list[FieldError]"]]]:
    """Chunks of rows with their checks, in file order; a few chunks in flight at most."""
    chunks = iter(lambda: list(islice(rows, CHUNK_SIZE)), [])
    if not parallel:
        check = import_worker.make_check(kind.checker, kind.checker_config)
        for chunk in chunks:
            yield chunk, import_worker.check_rows(check, chunk)
        return
    workers = settings.NRM_IMPORT_WORKERS or os.cpu_count() or 1
    settings_module = os.environ.get("DJANGO_SETTINGS_MODULE", "nrm.config.settings.local")
    with ProcessPoolExecutor(
        max_workers=workers,
        mp_context=get_context("spawn"),
        initializer=import_worker.start,
        initargs=(settings_module, kind.checker, kind.checker_config),
    ) as pool:
        pending: deque[tuple[list[CsvRow], Future[Any]]] = deque()
        for chunk in chunks:
            pending.append((chunk, pool.submit(import_worker.check_chunk, chunk)))
            if len(pending) >= 2 * workers:
                done, future = pending.popleft()
                yield done, future.result()
        while pending:
            done, future = pending.popleft()
            yield done, future.result()


def _references_assign(kind: ImportKind[T], items: list[Checked[T]], now: datetime) -> None:
    """Give a chunk's valid items their references, reserved per year in file order."""
    years = Counter(item.year for item in items)
    reserved = {
        year: iter(references_reserve(prefix=f"{kind.prefix}-{year}", count=count))
        for year, count in sorted(years.items())
    }
    for item in items:
        kind.finish(item.item, next(reserved[item.year]), now)


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


def run_import(kind: ImportKind[T], options: ImportOptions) -> ImportResult:
    """Import ``options.path`` as ``kind``. Raises ``CsvFormatError`` for an unusable header.

    Rows are checked in worker processes when ``options.parallel`` says so, by default for
    files of ``PARALLEL_FROM`` rows or more on a machine with more than one core.
    """
    path, partial = options.path, options.partial
    result = ImportResult()
    total = count_lines(path)
    parallel = options.parallel
    if parallel is None:
        parallel = total >= PARALLEL_FROM and (os.cpu_count() or 1) > 1
    rejects = _Rejects(options.rejects_path or rejects_path_for(path))
    batch: list[T] = []

    def flush() -> None:
        kind.save(batch)
        result.saved += len(batch)
        batch.clear()

    try:
        with transaction.atomic(), open_csv(path) as handle:
            _check_constraints_as_rows_arrive()
            rows = read_rows(handle, kind.model, defaults=options.defaults())
            disable = None if options.progress is None else not options.progress
            with tqdm(total=total, unit="row", disable=disable) as bar:
                for chunk, checks in _checked_chunks(kind, rows, parallel=parallel):
                    valid: list[Checked[T]] = []
                    for row, checked in zip(chunk, checks, strict=True):
                        result.rows += 1
                        if isinstance(checked, list):
                            result.rejected_rows += 1
                            _report(row, checked, result, options.on_error)
                            if partial:
                                rejects.write(row, checked)
                        else:
                            valid.append(checked)
                    bar.update(len(chunk))
                    if result.rejected_rows and not partial:
                        continue
                    _references_assign(kind, valid, timezone.now())
                    batch.extend(item.item for item in valid)
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


def _report(
    row: CsvRow,
    problems: list[FieldError],
    result: ImportResult,
    on_error: Callable[[RowError], None],
) -> None:
    for problem in problems:
        result.errors_by_column[problem.field] += 1
        on_error(RowError(row.number, problem.field, problem.value, problem.message))


def resolver_from(organisations: Iterable[tuple[int, str]]) -> OrganisationResolver:
    known = [Organisation(pk=pk, code=code, is_active=True) for pk, code in organisations]
    return OrganisationResolver(own=None, known=known)


def referral_checker(
    *, organisations: Iterable[tuple[int, str]], today: date | None, submitted_by_id: int | None
) -> Check:
    """The row check of a referral import (an operator's door: historic decisions allowed)."""
    resolver = resolver_from(organisations)

    def check(data: dict[str, Any]) -> Checked[BuiltReferral] | list[FieldError]:
        checked = referral_check(data, resolver=resolver, allow_decisions=True, today=today)
        if isinstance(checked, list):
            return checked
        record, organisation = checked
        built = referral_build(
            record, organisation=organisation, submitted_by_id=submitted_by_id, reference=""
        )
        return Checked(record.referral_date.year, built)

    return check


def _referral_finish(built: BuiltReferral, reference: str, now: datetime) -> None:
    built.referral["reference"] = reference
    built.referral["received_at"] = now
    for decision in built.decisions:
        decision["recorded_at"] = now


def referrals_import(options: ImportOptions) -> ImportResult:
    """Import referrals (historic decisions allowed: this is an operator's door)."""
    detail = {"door": "csv", "file": options.path.name}

    def save(batch: list[BuiltReferral]) -> None:
        referrals_save(
            built=batch, actor=options.actor, verb=AuditVerb.REFERRAL_IMPORT, detail=detail
        )

    kind = ImportKind(
        model=Referral,
        prefix="NRM",
        date_column="referral_date",
        checker="nrm.referrals.importers:referral_checker",
        checker_config=options.checker_config(),
        finish=_referral_finish,
        save=save,
    )
    return run_import(kind, options)
