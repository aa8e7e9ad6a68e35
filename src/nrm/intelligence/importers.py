"""CSV import of intelligence reports: one row is one report with its subject entity
(docs/intelligence.md, "CSV format"). All or nothing by default: every row is checked first,
and nothing is saved unless every row is good; with ``partial`` the good rows are saved and the
bad ones written to a rejects file, with their reasons, to be corrected and imported again.

Each row goes through the same validation and service as the API and the web form; each saved
report is audited as imported. Intelligence comes in hundreds or thousands of reports, not
millions, so rows are written one report at a time inside one transaction.
"""

import csv
from pathlib import Path
from typing import Any

from django.db import transaction
from tqdm import tqdm

from nrm.accounts.capabilities import Capability
from nrm.accounts.permissions import capability_require
from nrm.audit.models import AuditVerb
from nrm.cases.referrals.csvformat import csv_rows
from nrm.cases.referrals.importers import ImportOptions, ImportResult, RowError, rejects_path_for
from nrm.intelligence.services import (
    CheckedReport,
    Organisations,
    intelligence_report_check,
    intelligence_report_save,
)
from nrm.standard.intelligence_schema import IntelligenceEntity
from nrm.standard.types import values_from_text
from nrm.standard.validation import FieldError

LIST_SEPARATOR = ";"
SUBJECT_KEY = "subject"
REPORT_COLUMNS = (
    "organisation", "source_kind", "officer", "received_date", "events_date", "operation",
    "source_evaluation", "intelligence_assessment", "handling_code", "handling_conditions",
    "narrative",
)  # fmt: skip
SUBJECT_COLUMNS = (
    "subject_type", "nrm_reference", "person_role", "given_name", "family_name",
    "date_of_birth", "estimated_age", "gender", "nationality", "exploitation_type",
    "exploitation_sub_types", "ocg_name", "ocg_nationality",
    "ocg_activities", "address", "postcode", "premises_type", "phone", "vehicle_registration",
    "business_name", "company_number",
)  # fmt: skip
COLUMNS = REPORT_COLUMNS + SUBJECT_COLUMNS
LIST_COLUMNS = frozenset({"handling_conditions", "ocg_activities", "exploitation_sub_types"})


def _split(value: str) -> list[str]:
    return [part.strip() for part in value.split(LIST_SEPARATOR) if part.strip()]


def row_report(raw: dict[str, str], *, organisation: str | None) -> dict[str, Any]:
    """A row of the file as a report of the standard: its subject the one entity."""
    cells = {
        name: _split(value) if name in LIST_COLUMNS else value
        for name, value in raw.items()
        if value.strip()
    }
    report: dict[str, Any] = {name: cells[name] for name in REPORT_COLUMNS if name in cells}
    if organisation and "organisation" not in report:
        report["organisation"] = organisation
    subject = {name: cells[name] for name in SUBJECT_COLUMNS[1:] if name in cells}
    subject = values_from_text(IntelligenceEntity, subject)  # a CSV cell is text
    if "subject_type" in cells:
        subject["type"] = cells["subject_type"]
    report["entities"] = [{"key": SUBJECT_KEY, **subject}] if subject else []
    return report


def _column(field: str) -> str:
    """The column of the file a field of the report comes from."""
    if field.startswith("entities[0]."):
        name = field.removeprefix("entities[0].")
        return "subject_type" if name == "type" else name
    if field.startswith("entities"):
        return "subject_type"
    return field.split("[", 1)[0]


def _report_errors(number: int, problems: list[FieldError], result: ImportResult,
                   options: ImportOptions) -> None:  # fmt: skip
    for problem in problems:
        column = _column(problem.field)
        result.errors_by_column[column] += 1
        options.on_error(RowError(number, column, problem.value, problem.message))


def intelligence_import(options: ImportOptions) -> ImportResult:
    """Import the reports of ``options.path``; raises ``CsvFormatError`` for a file that cannot
    be read as this format (nothing is saved then)."""
    capability_require(actor=options.actor, capability=Capability.RECORD_INTELLIGENCE,
                       detail={"door": "csv"})  # fmt: skip
    result = ImportResult()
    known = Organisations()
    good: list[CheckedReport] = []
    rejected: list[tuple[int, dict[str, str], list[FieldError]]] = []
    rows = list(csv_rows(options.path, COLUMNS))
    disable = None if options.progress is None else not options.progress
    with tqdm(total=len(rows), unit="report", disable=disable) as bar:
        for row in rows:
            result.rows += 1
            data = row_report(row.raw, organisation=options.organisation_code)
            checked = intelligence_report_check(data, own=None, known=known, today=options.today)
            if isinstance(checked, list):
                result.rejected_rows += 1
                _report_errors(row.number, checked, result, options)
                rejected.append((row.number, row.raw, checked))
            else:
                good.append(checked)
            bar.update(1)
    if rejected and options.partial:
        result.rejects_path = _rejects_write(options, rejected)
    if rejected and not options.partial:
        return result
    with transaction.atomic():
        for checked in good:
            intelligence_report_save(
                actor=options.actor, checked=checked, verb=AuditVerb.INTELLIGENCE_IMPORT,
                door="csv",
            )  # fmt: skip
            result.saved += 1
    return result


def _rejects_write(
    options: ImportOptions, rejected: list[tuple[int, dict[str, str], list[FieldError]]]
) -> Path:
    path = options.rejects_path or rejects_path_for(options.path)
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(["_row", *rejected[0][1].keys(), "_errors"])
        for number, raw, problems in rejected:
            reasons = " | ".join(f"{_column(p.field)}: {p.message}" for p in problems)
            writer.writerow([number, *raw.values(), reasons])
    return path
