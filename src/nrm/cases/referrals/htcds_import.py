"""``nrm import htcds FILE``: HTCDS case records brought in through the door of every referral.

The file is an HTCDS export (a ZIP of ``cases.csv`` and, optionally,
``historic_trafficking_events.csv``; docs/htcds.md) or a ``cases.csv`` alone. Each case row is
read into a record of the data standard (``standard.htcds.record_from_htcds``), and the records
go through the CSV importer's run: the same validation (``referral_check``), services, reference
numbering and audit (``referral.import``, door ``htcds``). Every problem names the row of
``cases.csv`` and its HTCDS column. All or nothing: a bad row saves nothing.
"""

import csv
import tempfile
import zipfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

from django.db import transaction

from nrm.accounts.capabilities import Capability
from nrm.accounts.permissions import capability_require
from nrm.audit.models import AuditVerb
from nrm.cases.casework.allocation import rule_set_active
from nrm.cases.referrals.build import REFERRAL_TABLES
from nrm.cases.referrals.csvformat import CsvFormatError, csv_rows
from nrm.cases.referrals.importers import (
    ImportKind,
    ImportOptions,
    ImportResult,
    RowError,
    run_import,
)
from nrm.standard import htcds as h
from nrm.standard.schema import LIST_FIELDS, Referral

NOT_HTCDS = "{name}: not an HTCDS export: it holds no {cases}"
NOT_A_ZIP = "{name}: not a ZIP file or a CSV file"
NO_CASE = "no row of {cases} has cas_Id {value!r}"
EVENT_CASE = f"cas_Id of {h.EVENTS}"
CASE_COLUMNS = (
    *h.CASE_COLUMNS,
    *h.READ_ONLY_COLUMNS,
    *sorted(h.IGNORED_HTCDS_COLUMNS),
)


class _Refused(Exception):
    """Rows were refused while reading HTCDS: roll back whatever the import wrote."""


def _tables(path: Path, folder: Path) -> tuple[Path, Path | None]:
    """The cases table and the events table (if any) of ``path``, as files in ``folder``."""
    if path.suffix.lower() != ".zip":
        return path, None
    try:
        with zipfile.ZipFile(path) as archive:
            names = set(archive.namelist())
            if h.CASES not in names:
                raise CsvFormatError(NOT_HTCDS.format(name=path.name, cases=h.CASES))
            archive.extract(h.CASES, folder)
            if h.EVENTS in names:
                archive.extract(h.EVENTS, folder)
    except zipfile.BadZipFile as exc:
        raise CsvFormatError(NOT_A_ZIP.format(name=path.name)) from exc
    events = folder / h.EVENTS
    return folder / h.CASES, events if events.exists() else None


def _records(
    cases: Path, events: Path | None
) -> tuple[list[tuple[int, dict[str, Any]]], list[RowError]]:
    """(row number, record) of each case row, and the problems of values HTCDS refuses."""
    exploitation: dict[str, dict[str, str]] = {}
    event_rows: dict[str, int] = {}
    problems: list[RowError] = []
    if events is not None:
        for row in csv_rows(events, h.EVENT_COLUMNS):
            case_id = row.raw.get("cas_Id", "").strip()
            event_rows.setdefault(case_id, row.number)
            if row.raw.get("hte_Type", "").strip() == h.EXPLOITATION:
                exploitation.setdefault(case_id, row.raw)
    records = []
    seen: set[str] = set()
    for row in csv_rows(cases, CASE_COLUMNS):
        case_id = row.raw.get("cas_Id", "").strip()
        seen.add(case_id)
        read = h.record_from_htcds(row.raw, exploitation.get(case_id) if case_id else None)
        problems += [RowError(row.number, c, v, m) for c, v, m in read.problems]
        records.append((row.number, read.data))
    for case_id in sorted(set(event_rows) - seen):
        message = NO_CASE.format(cases=h.CASES, value=case_id)
        problems.append(RowError(event_rows[case_id], EVENT_CASE, case_id, message))
    return records, problems


def _standard_csv(records: list[tuple[int, dict[str, Any]]], out: Path) -> list[int]:
    """Write the records as the data standard's CSV; the HTCDS row number of each line."""
    columns = list(Referral.model_fields)
    with out.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(columns)
        for _number, data in records:
            writer.writerow([_cell(name, data.get(name)) for name in columns])
    return [number for number, _data in records]


def _cell(name: str, value: Any) -> str:
    if value is None:
        return ""
    if name in LIST_FIELDS and isinstance(value, list):
        return ";".join(str(v) for v in value)
    return str(value)


def _translated(
    on_error: Callable[[RowError], None], numbers: list[int], said: set[tuple[int, str]]
) -> Callable[[RowError], None]:
    """Report an error of the standard's CSV as one of the HTCDS file: its row and column;
    once only for a value already refused as HTCDS (``said``)."""

    def report(error: RowError) -> None:
        row = numbers[error.row - 2] if 2 <= error.row < len(numbers) + 2 else error.row
        column = h.FIELD_COLUMNS.get(error.column, error.column)
        if (row, column) not in said:
            said.add((row, column))
            on_error(RowError(row, column, error.value, error.reason))

    return report


def htcds_import(options: ImportOptions) -> ImportResult:
    """Import the HTCDS file ``options.path``. Raises ``CsvFormatError`` for a file that cannot
    be read as HTCDS; ``options.partial`` is not supported (all or nothing)."""
    capability_require(actor=options.actor, capability=Capability.SUBMIT_REFERRAL)
    rule_set = rule_set_active().name
    with tempfile.TemporaryDirectory() as folder:
        cases, events = _tables(options.path, Path(folder))
        records, problems = _records(cases, events)
        for problem in problems:
            options.on_error(problem)
        standard = Path(folder) / "referrals.csv"
        numbers = _standard_csv(records, standard)
        said = {(problem.row, problem.column) for problem in problems}
        kind = ImportKind(
            model=Referral,
            prefix="NRM",
            checker="nrm.cases.referrals.importers:referral_checker",
            checker_config={**options.checker_config(), "rule_set": rule_set},
            tables=REFERRAL_TABLES,
            keyed=True,
            verb=AuditVerb.REFERRAL_IMPORT,
            detail={"door": "htcds", "file": options.path.name},
        )
        inner = ImportOptions(
            path=standard,
            actor=options.actor,
            organisation_code=options.organisation_code,
            rejects_path=Path(folder) / "rejects.csv",
            on_error=_translated(options.on_error, numbers, said),
            progress=options.progress,
            today=options.today,
            parallel=False,
        )
        result = ImportResult()
        try:
            with transaction.atomic():
                result = run_import(kind, inner)
                if problems:
                    raise _Refused
        except _Refused:
            result.saved = 0
        result.rejected_rows = len({row for row, _column in said})
        result.rejects_path = None
    return result
