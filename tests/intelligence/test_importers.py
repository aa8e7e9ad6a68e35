import csv
from pathlib import Path
from typing import Any

import pytest

from nrm.accounts.models import Organisation
from nrm.audit.models import AuditEvent, AuditVerb
from nrm.cases.referrals.csvformat import CsvFormatError
from nrm.cases.referrals.importers import ImportOptions, RowError
from nrm.cli import main
from nrm.intelligence.importers import COLUMNS, intelligence_import
from nrm.intelligence.models import Entity, IntelligenceReport

pytestmark = pytest.mark.django_db

GOOD = {
    "organisation": "met-police", "source_kind": "Police force", "officer": "DC Example",
    "received_date": "01/06/2012", "source_evaluation": "Untested",
    "intelligence_assessment": "B", "handling_code": "C",
    "handling_conditions": "met-police; police-scotland", "narrative": "A fictional report.",
    "subject_type": "phone", "phone": "07911 123456",
}  # fmt: skip


def _write(path: Path, rows: list[dict[str, str]]) -> Path:
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=COLUMNS)
        writer.writeheader()
        writer.writerows(rows)
    return path


def test_each_row_becomes_a_report_with_its_subject_entity(
    tmp_path: Path, organisation: Organisation, other_organisation: Organisation
) -> None:
    person = {**GOOD, "subject_type": "person", "phone": "", "person_role": "suspect",
              "estimated_age": "34", "handling_code": "P", "handling_conditions": ""}  # fmt: skip
    result = intelligence_import(ImportOptions(path=_write(tmp_path / "i.csv", [GOOD, person])))
    assert (result.rows, result.saved, result.rejected_rows) == (2, 2, 0)
    first = IntelligenceReport.objects.order_by("id").first()
    assert first is not None and first.grading == "2B C"
    assert set(first.condition_organisations.values_list("code", flat=True)) == {
        "met-police",
        "police-scotland",
    }
    assert Entity.objects.get(type="phone").phone == "+447911123456"
    assert Entity.objects.get(type="person").estimated_age == 34
    assert AuditEvent.objects.filter(verb=AuditVerb.INTELLIGENCE_IMPORT).count() == 2


def test_one_bad_row_saves_nothing_unless_partial_which_writes_the_rejects(
    tmp_path: Path, organisation: Organisation, other_organisation: Organisation
) -> None:
    bad = {**GOOD, "phone": "12", "handling_conditions": ""}
    path = _write(tmp_path / "i.csv", [GOOD, bad])
    errors: list[RowError] = []
    result = intelligence_import(ImportOptions(path=path, on_error=errors.append))
    assert result.saved == 0 and IntelligenceReport.objects.count() == 0
    assert {(e.row, e.column) for e in errors} == {(3, "phone")}
    result = intelligence_import(ImportOptions(path=path, partial=True))
    assert (result.saved, result.rejected_rows) == (1, 1)
    assert result.rejects_path is not None
    rejects = result.rejects_path.read_text(encoding="utf-8")
    assert "phone: The phone number of entity 1 is not a telephone number" in rejects


def test_a_file_with_an_unknown_column_is_refused_whole(tmp_path: Path) -> None:
    path = tmp_path / "i.csv"
    path.write_text("officer,colour\nDC Example,blue\n", encoding="utf-8")
    with pytest.raises(CsvFormatError, match="colour"):
        intelligence_import(ImportOptions(path=path))


def test_the_command_imports_and_says_how_many(
    tmp_path: Path, organisation: Organisation, other_organisation: Organisation, capsys: Any
) -> None:
    path = _write(tmp_path / "i.csv", [GOOD])
    assert main(["intelligence", "import", str(path), "--no-progress"]) == 0
    assert "1 reports read, 1 saved, 0 rejected" in capsys.readouterr().out
