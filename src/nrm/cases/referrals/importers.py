"""CSV bulk import: streaming, all-or-nothing by default, ``partial`` on request.

Memory stays flat in the file size: the file is read in chunks of lines, each chunk is checked
(in worker processes for large files, so both cores work) and comes back as rows ready to write
(COPY text on PostgreSQL), which are written in batches inside one transaction; only a few
chunks are in flight at any time. In all-or-nothing mode the first bad row stops all writing,
the rest of the file is still checked so every bad row is reported, and the transaction is
rolled back. Primary keys and references are reserved during the import (see ``references``),
so they are unique and increasing but may have gaps when an import is rolled back or a row is
rejected. Each written batch is one audit event of the import, naming the references created.
"""

import csv
import os
import uuid
from collections import Counter, deque
from collections.abc import Callable, Iterable, Iterator, Sequence
from concurrent.futures import Future, ProcessPoolExecutor
from dataclasses import dataclass, field
from datetime import date, datetime
from multiprocessing import get_context
from pathlib import Path
from typing import IO, Any, TypeVar

from django.conf import settings
from django.db import connection, models, transaction
from django.utils import timezone
from pydantic import BaseModel
from tqdm import tqdm

from nrm.accounts.actors import OPERATOR, Actor
from nrm.accounts.capabilities import Capability
from nrm.accounts.models import Organisation
from nrm.accounts.permissions import capability_require
from nrm.audit.models import AuditVerb
from nrm.audit.services import audit_record_many
from nrm.cases.casework.allocation import rule_set_active
from nrm.cases.casework.periods import periods_configured
from nrm.cases.models import Referral as ReferralRow
from nrm.cases.referrals import import_worker
from nrm.cases.referrals.build import REFERRAL_TABLES, ReferralRows, referral_rows
from nrm.cases.referrals.csvformat import CsvSource, count_lines
from nrm.cases.referrals.import_worker import ChunkResult, ChunkTask, WorkerSetup
from nrm.cases.referrals.import_writer import BatchWriter, KeyReserver
from nrm.cases.referrals.services import OrganisationResolver, referral_check
from nrm.cases.referrals.signals import referrals_saved_send
from nrm.standard.schema import Referral
from nrm.standard.types import values_from_text
from nrm.standard.validation import FieldError

BATCH_SIZE = 2000  # records written (and audited) together
CHUNK_SIZE = 500  # lines checked together
# Chunks queued for the workers beyond one each: enough to keep them busy while a batch is
# written (the importing process waits for the database then), few enough to keep memory flat.
IN_FLIGHT = 2 * BATCH_SIZE // CHUNK_SIZE
PARALLEL_FROM = 20_000  # rows; smaller files are checked in this process
IMPORT_TARGET = "referrals.import"  # audit target type: one import, its id a random hex string
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
    import_id: str = ""  # the audit target id of the import's events

    @property
    def ok(self) -> bool:
        return self.rejected_rows == 0


def _ignore(error: RowError) -> None:
    return None


@dataclass(frozen=True)
class ImportOptions:
    """What to import and how; the same for every kind of record."""

    path: Path
    actor: Actor = OPERATOR  # the operator at the command line unless a user imports
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
            "today": self.today or date.today(),  # one day for the whole import
            "submitted_by_id": getattr(self.actor, "pk", None),
        }

    def defaults(self) -> dict[str, str]:
        code = (self.organisation_code or "").strip()
        return {"first_responder_organisation": code} if code else {}


@dataclass(frozen=True)
class Checked:
    """A valid row: the year its reference is numbered in, and the rows to write.

    ``rows[0]`` is the record's own row without its reference (the columns of the kind's first
    table); each further item is a list of rows for the kind's next table, in order.
    """

    year: int
    rows: Sequence[Any]


Check = Callable[[dict[str, Any], Any, datetime], "Checked | list[FieldError]"]


@dataclass(frozen=True)
class ImportKind:
    model: type[BaseModel]  # the schema: the columns of the file
    prefix: str  # reference prefix before the year, e.g. "NRM" or "NRM-AN"
    checker: str  # "module:function" making a ``Check`` from ``checker_config``; no DB access
    checker_config: dict[str, Any]
    # (model, columns) of each table written, in foreign-key order; the first is the record's
    # own table, its columns without "reference" (added when references are numbered).
    tables: tuple[tuple[type[models.Model], tuple[str, ...]], ...]
    keyed: bool  # reserve the first table's primary keys up front (the further tables use them)
    verb: AuditVerb
    detail: dict[str, Any]  # in each audit event, with the count and references of a batch


class _Rollback(Exception):
    pass


def rejects_path_for(path: Path) -> Path:
    return path.with_name(f"{path.stem}.rejects.csv")


def _checked_chunks(
    setup: WorkerSetup, tasks: Iterator[ChunkTask], *, parallel: bool
) -> Iterator[tuple[ChunkTask, ChunkResult]]:
    """Chunks with their checks, in file order; a few chunks in flight at most."""
    if not parallel:
        state = import_worker.worker_state(setup)
        for task in tasks:
            yield task, import_worker.chunk_check(state, task)
        return
    workers = settings.NRM_IMPORT_WORKERS or os.cpu_count() or 1
    settings_module = os.environ.get("DJANGO_SETTINGS_MODULE", "nrm.config.settings.local")
    with ProcessPoolExecutor(
        max_workers=workers,
        mp_context=get_context("spawn"),
        initializer=import_worker.start,
        initargs=(settings_module, setup),
    ) as pool:
        pending: deque[tuple[ChunkTask, Future[ChunkResult]]] = deque()
        for task in tasks:
            pending.append((task, pool.submit(import_worker.check_chunk, task)))
            if len(pending) >= IN_FLIGHT + 2 * workers:
                done, future = pending.popleft()
                yield done, future.result()
        while pending:
            done, future = pending.popleft()
            yield done, future.result()


class _Rejects:
    def __init__(self, path: Path) -> None:
        self.path = path
        self.handle: IO[str] | None = None
        self.writer: Any = None

    def write(self, number: int, raw: dict[str, str], problems: list[FieldError]) -> None:
        if self.writer is None:
            self.handle = self.path.open("w", encoding="utf-8", newline="")
            self.writer = csv.writer(self.handle)
            self.writer.writerow(["_row", *raw.keys(), "_errors"])
        reasons = " | ".join(f"{p.field}: {p.message}" for p in problems)
        self.writer.writerow([number, *raw.values(), reasons])

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


def reference_spans(references: list[str]) -> list[list[str]]:
    """Consecutive references of one prefix as ``[first, last]`` spans, in file order."""
    spans: list[list[str]] = []
    last: tuple[str, int] | None = None
    for reference in references:
        prefix, number = reference.rsplit("-", 1)
        if last is not None and spans and last == (prefix, int(number) - 1):
            spans[-1][1] = reference
        else:
            spans.append([reference, reference])
        last = (prefix, int(number))
    return spans


class _DeferredAudit:
    """The audit events of an import's batches, kept small (reference spans) and written together
    when every row is in: appending to the audit chain takes its lock until the transaction
    commits, so other audited work waits only for the end of an import, not all of it."""

    def __init__(self, kind: ImportKind, options: ImportOptions, import_id: str) -> None:
        self.kind, self.options, self.import_id = kind, options, import_id
        self.batches: list[tuple[int, list[list[str]]]] = []

    def __call__(self, references: list[str]) -> None:
        self.batches.append((len(references), reference_spans(references)))

    def referral_ids(self) -> list[int]:
        """The ids of the referrals written (an import of referrals), in the order of their
        references."""
        if self.kind.tables[0][0] is not ReferralRow:
            return []
        ids: list[int] = []
        for _count, spans in self.batches:
            for first, last in spans:
                found = ReferralRow.objects.filter(reference__range=(first, last))
                ids += found.order_by("reference").values_list("pk", flat=True)
        return ids

    def write(self) -> None:
        for count, spans in self.batches:
            audit_record_many(
                actor=self.options.actor,
                verb=self.kind.verb,
                target_type=IMPORT_TARGET,
                target_ids=[self.import_id],
                detail={**self.kind.detail, "count": count, "references": spans},
            )


def run_import(kind: ImportKind, options: ImportOptions) -> ImportResult:
    """Import ``options.path`` as ``kind``. Raises ``CsvFormatError`` for an unusable file.

    Rows are checked in worker processes when ``options.parallel`` says so, by default for
    files of ``PARALLEL_FROM`` rows or more on a machine with more than one core.
    """
    path, partial = options.path, options.partial
    result = ImportResult(import_id=uuid.uuid4().hex)
    total = count_lines(path)
    parallel = options.parallel
    if parallel is None:
        parallel = total >= PARALLEL_FROM and (os.cpu_count() or 1) > 1
    rejects = _Rejects(options.rejects_path or rejects_path_for(path))
    try:
        with (
            transaction.atomic(),
            CsvSource(path, kind.model, defaults=options.defaults()) as source,
        ):
            _check_constraints_as_rows_arrive()
            audit = _DeferredAudit(kind, options, result.import_id)
            writer = BatchWriter(tables=kind.tables, prefix=kind.prefix, audit=audit)
            keys = KeyReserver(kind.tables[0][0]) if kind.keyed else None
            tasks = (
                ChunkTask(chunk, keys(len(chunk)) if keys else None, timezone.now())
                for chunk in source.chunks(CHUNK_SIZE)
            )
            setup = WorkerSetup(kind.checker, kind.checker_config, source.layout, connection.vendor)
            disable = None if options.progress is None else not options.progress
            with tqdm(total=total, unit="row", disable=disable) as bar:
                for task, checked in _checked_chunks(setup, tasks, parallel=parallel):
                    result.rows += checked.rows
                    for number, raw, problems in checked.errors:
                        result.rejected_rows += 1
                        _report(number, problems, result, options.on_error)
                        if partial:
                            rejects.write(number, raw, problems)
                    bar.update(len(task.chunk))
                    if result.rejected_rows and not partial:
                        continue
                    writer.add(checked)
                    if len(writer) >= BATCH_SIZE:
                        result.saved += writer.flush()
            if result.rejected_rows and not partial:
                raise _Rollback
            result.saved += writer.flush()
            audit.write()
            referrals_saved_send(audit.referral_ids())
    except _Rollback:
        result.saved = 0
    finally:
        result.rejects_path = rejects.close()
    return result


def _report(
    number: int,
    problems: list[FieldError],
    result: ImportResult,
    on_error: Callable[[RowError], None],
) -> None:
    for problem in problems:
        result.errors_by_column[problem.field] += 1
        on_error(RowError(number, problem.field, problem.value, problem.message))


def resolver_from(organisations: Iterable[tuple[int, str]]) -> OrganisationResolver:
    known = [Organisation(pk=pk, code=code, is_active=True) for pk, code in organisations]
    return OrganisationResolver(own=None, known=known)


def referral_checker(
    *,
    organisations: Iterable[tuple[int, str]],
    today: date | None,
    submitted_by_id: int | None,
    rule_set: str | None = None,
) -> Check:
    """The row check of a referral import (an operator's door: historic decisions allowed).

    ``rule_set``: the allocation rule set the importing process chose, by default the
    configured one; it and the periods are looked up once for the whole import.
    """
    resolver = resolver_from(organisations)
    rules = rule_set_active(rule_set)
    periods = periods_configured()

    def check(data: dict[str, Any], key: Any, now: datetime) -> Checked | list[FieldError]:
        data = values_from_text(Referral, data)  # a CSV cell is text
        checked = referral_check(data, resolver=resolver, allow_decisions=True, today=today)
        if isinstance(checked, list):
            return checked
        record, organisation = checked
        rows: ReferralRows = referral_rows(
            record,
            referral_id=key,
            organisation_id=organisation.pk,
            submitted_by_id=submitted_by_id,
            now=now,
            rules=rules,
            periods=periods,
        )
        return Checked(record.referral_date.year, rows)

    return check


def referrals_import(options: ImportOptions) -> ImportResult:
    """Import referrals (historic decisions allowed: this is an operator's door)."""
    capability_require(actor=options.actor, capability=Capability.SUBMIT_REFERRAL)
    # Chosen here, so an unusable rule set is refused before any row is read.
    rule_set = rule_set_active().name
    kind = ImportKind(
        model=Referral,
        prefix="NRM",
        checker="nrm.cases.referrals.importers:referral_checker",
        checker_config={**options.checker_config(), "rule_set": rule_set},
        tables=REFERRAL_TABLES,
        keyed=True,
        verb=AuditVerb.REFERRAL_IMPORT,
        detail={"door": "csv", "file": options.path.name},
    )
    return run_import(kind, options)
