"""CSV import of prosecutions and asset recovery (docs/csv-import.md, "Prosecutions and asset
recovery").

Prosecutions come one row per offence charged, the prosecution's and the defendant's columns
repeated on each row; the rows of one case reference make one prosecution, and the rows of one
``defendant`` (a number or name used in the file only) within it one defendant. Asset recovery
comes one row a record.

All or nothing by default: every record is checked and saved inside one transaction, which is
rolled back if any record is bad. With ``partial`` the good records are saved and every row of a
bad one is written to a rejects file with its reasons: a prosecution is saved whole or not at
all, never in part. Each record goes through the same validation and service as the API; a
record's errors name its rows and columns.
"""

import csv
import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from django.db import models, transaction
from tqdm import tqdm

from nrm.accounts.capabilities import Capability
from nrm.accounts.models import Organisation
from nrm.accounts.permissions import capability_require
from nrm.cases.referrals.csvformat import CsvFormatError, CsvRow, csv_rows
from nrm.cases.referrals.importers import ImportOptions, ImportResult, RowError, rejects_path_for
from nrm.justice.errors import JusticeInvalid
from nrm.justice.services import prosecution_submit, recovery_submit
from nrm.standard import codes
from nrm.standard import justice_codes as jc
from nrm.standard.codes import code_lookup
from nrm.standard.nationality import country_code
from nrm.standard.types import parse_date
from nrm.standard.validation import FieldError

LIST_SEPARATOR = ";"
PROSECUTION_COLUMNS = ("authority", "case_reference", "court_nation", "court", "victim_references")
DEFENDANT_COLUMNS = ("name", "date_of_birth", "gender", "nationality")
CHARGE_COLUMNS = (
    "offence",
    "charged_on",
    "outcome",
    "outcome_on",
    "sentence",
    "custody_months",
    "fine_pence",
)
PROSECUTIONS_COLUMNS = (
    *PROSECUTION_COLUMNS[:4],
    "defendant",
    *DEFENDANT_COLUMNS,
    *CHARGE_COLUMNS,
    "victim_references",
)
RECOVERIES_COLUMNS = (
    "reference",
    "kind",
    "authority",
    "nation",
    "amount_pence",
    "status",
    "recorded_on",
    "case_reference",
)
WHOLE_NUMBERS = frozenset({"custody_months", "fine_pence", "amount_pence"})
# A defendant's identity is never repeated in what the import prints (it may reach a log).
PERSONAL_COLUMNS = frozenset({"defendant", "name", "date_of_birth"})
_WHOLE = re.compile(r"^\d{1,15}$")

UNKNOWN_ORGANISATION = (
    "There is no organisation with the code {code}. Check the code given with --organisation"
)
ROWS_DISAGREE = (
    "The rows of one {what} must give the same {column}: row {row} gives another. Give the "
    "same on every row, or leave it empty on all but one"
)


def _cell(row: CsvRow, column: str) -> Any:
    value = row.raw.get(column, "").strip()
    if column in WHOLE_NUMBERS and _WHOLE.match(value):
        return int(value)
    if column == "victim_references":
        return [part.strip() for part in value.split(LIST_SEPARATOR) if part.strip()]
    return value


@dataclass
class Record:
    """The rows of one record, the record they make, and where each of its fields came from:
    field path → (the rows, the column)."""

    rows: list[CsvRow]
    data: dict[str, Any] = field(default_factory=dict)
    sources: dict[str, tuple[list[int], str]] = field(default_factory=dict)
    problems: list[FieldError] = field(default_factory=list)

    def where(self, path: str) -> tuple[list[int], str]:
        """The rows and the column a field at fault comes from (its nearest known owner)."""
        probe = path
        while probe not in self.sources:
            shorter = re.sub(r"(\.[^.\[]+|\[\d+\])$", "", probe)
            if shorter == probe:
                return [row.number for row in self.rows], ""
            probe = shorter
        return self.sources[probe]


# The code lists of the columns repeated on the rows of a prosecution or a defendant: two rows
# agree when they give the same code, whether as the code or its label.
_CODED: dict[str, type[models.TextChoices]] = {
    "authority": jc.ProsecutingAuthority,
    "court_nation": codes.Nation,
    "gender": codes.Gender,
}


def _meaning(column: str, cell: Any) -> Any:
    """What a repeated cell means, so that "CPS", "cps" and "Crown Prosecution Service" agree."""
    if not isinstance(cell, str):
        return cell
    if column in _CODED:
        return code_lookup(_CODED[column], cell) or cell.casefold()
    if column == "nationality":
        return country_code(cell) or cell.casefold()
    if column == "date_of_birth":
        return parse_date(cell) or cell
    return cell


def _agreed(rows: list[CsvRow], column: str, what: str, record: Record, path: str) -> Any:
    """The one value the rows give in ``column`` (empty cells aside); a disagreement is a
    problem of the record."""
    value: Any = None
    for row in rows:
        cell = _cell(row, column)
        if cell in ("", []):
            continue
        if value is None:
            value = cell
        elif _meaning(column, cell) != _meaning(column, value):
            message = ROWS_DISAGREE.format(
                what=what, column=column.replace("_", " "), row=row.number
            )
            record.problems.append(FieldError(path, message, "rows_disagree", None))
            break
    return value


def prosecution_records(rows: list[CsvRow], *, authority: str = "") -> list[Record]:
    """The rows grouped into prosecutions by case reference (in file order); a row without one
    is a record of its own, refused for want of it."""
    groups: dict[str, list[CsvRow]] = {}
    for row in rows:
        key = row.raw.get("case_reference", "").strip() or f"\0{row.number}"
        groups.setdefault(key, []).append(row)
    return [_prosecution(group, authority=authority) for group in groups.values()]


def _prosecution(rows: list[CsvRow], *, authority: str) -> Record:
    record = Record(rows)
    numbers = [row.number for row in rows]
    for column in PROSECUTION_COLUMNS:
        value = _agreed(rows, column, "prosecution", record, column)
        if column == "authority" and value is None and authority:
            value = authority
        if value is not None:
            record.data[column] = value
        given = [r.number for r in rows if _cell(r, column) not in ("", [])]
        record.sources[column] = (given or numbers, column)
    defendants: dict[str, list[CsvRow]] = {}
    for row in rows:
        key = row.raw.get("defendant", "").strip() or row.raw.get("name", "").strip()
        defendants.setdefault(key or f"\0{row.number}", []).append(row)
    record.data["defendants"] = []
    record.sources["defendants"] = (numbers, "defendant")
    for d, own in enumerate(defendants.values()):
        defendant: dict[str, Any] = {}
        where = f"defendants[{d}]"
        record.sources[where] = ([r.number for r in own], "defendant")
        for column in DEFENDANT_COLUMNS:
            value = _agreed(own, column, "defendant", record, f"{where}.{column}")
            if value is not None:
                defendant[column] = value
            record.sources[f"{where}.{column}"] = ([r.number for r in own], column)
        defendant["charges"] = []
        record.sources[f"{where}.charges"] = ([r.number for r in own], "offence")
        for n, row in enumerate(own):
            charge = {c: _cell(row, c) for c in CHARGE_COLUMNS if _cell(row, c) != ""}
            defendant["charges"].append(charge)
            record.sources[f"{where}.charges[{n}]"] = ([row.number], "offence")
            for column in CHARGE_COLUMNS:
                record.sources[f"{where}.charges[{n}].{column}"] = ([row.number], column)
        record.data["defendants"].append(defendant)
    references = record.data.get("victim_references", [])
    for n, _ in enumerate(references):
        record.sources[f"victim_references[{n}]"] = record.sources["victim_references"]
    return record


def recovery_records(rows: list[CsvRow], *, authority: str = "") -> list[Record]:
    """One record a row."""
    records = []
    for row in rows:
        record = Record([row])
        for column in RECOVERIES_COLUMNS:
            value = _cell(row, column)
            if value != "":
                record.data[column] = value
            record.sources[column] = ([row.number], column)
        if authority and "authority" not in record.data:
            record.data["authority"] = authority
        records.append(record)
    return records


def _errors(
    record: Record, problems: list[FieldError], result: ImportResult, options: ImportOptions
) -> dict[int, list[str]]:
    """Report each problem of ``record`` on its rows and column; the reasons of each row."""
    reasons: dict[int, list[str]] = {row.number: [] for row in record.rows}
    for problem in problems:
        numbers, column = record.where(problem.field)
        result.errors_by_column[column or "record"] += 1
        reason = problem.message
        if len(numbers) > 1:
            shown = ", ".join(str(n) for n in numbers[:-1]) + f" and {numbers[-1]}"
            reason = f"{reason} (rows {shown})"
        value = None if column in PERSONAL_COLUMNS else problem.value
        options.on_error(RowError(numbers[0], column or "record", value, reason))
        for number in numbers:
            reasons.setdefault(number, []).append(f"{column or 'record'}: {problem.message}")
    return reasons


_Submit = Callable[..., Any]


@dataclass(frozen=True)
class _Kind:
    columns: tuple[str, ...]
    records: Callable[..., list[Record]]
    submit: _Submit
    unit: str


PROSECUTIONS = _Kind(PROSECUTIONS_COLUMNS, prosecution_records, prosecution_submit, "prosecution")
RECOVERIES = _Kind(RECOVERIES_COLUMNS, recovery_records, recovery_submit, "record")


class _RollBack(Exception):
    """Raised inside the import's transaction to undo it (all or nothing, a record refused)."""


def _organisation(options: ImportOptions) -> Organisation | None:
    code = (options.organisation_code or "").strip()
    if not code:
        return None
    found = Organisation.objects.filter(code=code, is_active=True).first()
    if found is None:
        raise CsvFormatError(UNKNOWN_ORGANISATION.format(code=code))
    return found


def _import(kind: _Kind, options: ImportOptions) -> ImportResult:
    capability_require(
        actor=options.actor, capability=Capability.RECORD_PROSECUTIONS, detail={"door": "csv"}
    )
    organisation = _organisation(options)
    authority = organisation.prosecuting_authority if organisation else ""
    rows = list(csv_rows(options.path, kind.columns))
    records = kind.records(rows, authority=authority)
    result = ImportResult(rows=len(rows))
    rejected: list[tuple[Record, dict[int, list[str]]]] = []
    disable = None if options.progress is None else not options.progress
    try:
        with transaction.atomic(), tqdm(total=len(records), unit=kind.unit, disable=disable) as bar:
            for record in records:
                problems = list(record.problems)
                if not problems:
                    try:
                        with transaction.atomic():  # a savepoint: one record whole or not at all
                            kind.submit(
                                actor=options.actor,
                                data=record.data,
                                organisation=organisation,
                                today=options.today,
                            )
                    except JusticeInvalid as invalid:
                        problems = invalid.errors
                if problems:
                    rejected.append((record, _errors(record, problems, result, options)))
                    result.rejected_rows += len(record.rows)
                else:
                    result.saved += len(record.rows)
                bar.update(1)
            if rejected and not options.partial:
                raise _RollBack
    except _RollBack:
        result.saved = 0
    if rejected and options.partial:
        result.rejects_path = _rejects_write(options, rows, rejected)
    return result


def prosecutions_import(options: ImportOptions) -> ImportResult:
    """Import the prosecutions of ``options.path`` (counts are of rows); raises
    ``CsvFormatError`` for a file that cannot be read as this format (nothing saved then)."""
    return _import(PROSECUTIONS, options)


def recoveries_import(options: ImportOptions) -> ImportResult:
    """Import the cash seizures and confiscation orders of ``options.path``, one a row."""
    return _import(RECOVERIES, options)


def _rejects_write(
    options: ImportOptions,
    rows: list[CsvRow],
    rejected: list[tuple[Record, dict[int, list[str]]]],
) -> Path:
    path = options.rejects_path or rejects_path_for(options.path)
    header = list(rows[0].raw.keys()) if rows else []
    lines: list[tuple[int, Mapping[str, str], list[str]]] = []
    for record, reasons in rejected:
        lines += [(row.number, row.raw, reasons.get(row.number, [])) for row in record.rows]
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(["_row", *header, "_errors"])
        for number, raw, reasons_of_row in sorted(lines, key=lambda line: line[0]):
            writer.writerow([number, *(raw.get(n, "") for n in header), " | ".join(reasons_of_row)])
    return path
