"""The CSV door for prosecutions (one row an offence charged) and asset recovery: the rows of
one case reference make one prosecution, saved whole or not at all; bad records are reported
by row and column and, with --partial, written beside the file."""

import csv
from pathlib import Path
from typing import Any

import pytest

from nrm.audit.models import AuditEvent, AuditVerb
from nrm.cases.referrals.csvformat import CsvFormatError
from nrm.cases.referrals.importers import ImportOptions, RowError
from nrm.cli import main
from nrm.justice.errors import UNKNOWN_VICTIM
from nrm.justice.importers import ROWS_DISAGREE, prosecutions_import, recoveries_import
from nrm.justice.models import AssetRecovery, Charge, Defendant, Prosecution
from nrm.standard.justice_rules import OUTCOME_NEEDS_DATE

pytestmark = pytest.mark.django_db
HEADER = (
    "authority,case_reference,court_nation,court,defendant,name,date_of_birth,gender,"
    "nationality,offence,charged_on,outcome,outcome_on,sentence,custody_months,fine_pence,"
    "victim_references"
)
# Case A: two defendants, three offences (labels and codes, dates either way); case B: good.
GOOD = [
    "cps,A1,England,Example Crown Court,1,Sample Defendo,1975-03-04,male,GBR,soa2003_s57_59,"
    "2011-06-01,convicted,2012-02-10,immediate_custody,48,,",
    "CPS,A1,england,,1,,,,,Another offence (not a trafficking offence),01/06/2011,,,,,,",
    "cps,A1,england,,2,Other Defendo,,female,ALB,aitoc2004_s4,2011-07-01,Convicted,2012-02-10,"
    "fine,,250000,",
    "cps,B2,wales,,1,Third Defendo,,,,cja2009_s71,2012-01-01,acquitted,2012-05-01,,,,",
]
# Case C: the second offence has an outcome but no date; its other row is good.
BAD = [
    "cps,C3,england,,1,Bad Defendo,,,,other,2011-01-01,,,,,,",
    "cps,C3,england,,1,,,,,aitoc2004_s4,2011-01-01,convicted,,,,,",
]


def _file(tmp_path: Path, lines: list[str], header: str = HEADER) -> Path:
    path = tmp_path / "prosecutions.csv"
    path.write_text("\n".join([header, *lines]) + "\n", encoding="utf-8")
    return path


def _run(path: Path, **options: Any) -> tuple[Any, list[RowError]]:
    errors: list[RowError] = []
    result = prosecutions_import(
        ImportOptions(path=path, on_error=errors.append, progress=False, **options)
    )
    return result, errors


def test_a_good_file_makes_one_prosecution_per_case_reference(tmp_path: Path, cps: Any) -> None:
    result, errors = _run(_file(tmp_path, GOOD))
    assert errors == [] and result.ok and (result.rows, result.saved) == (4, 4)
    a = Prosecution.objects.get(case_reference="A1")
    assert [d.name for d in a.defendants.all()] == ["Sample Defendo", "Other Defendo"]
    assert [d.charges.count() for d in a.defendants.all()] == [2, 1]
    assert a.court == "Example Crown Court" and a.organisation == cps
    fine = Charge.objects.get(sentence="fine")
    assert fine.fine_pence == 250000 and fine.defendant.nationality == "ALB"
    assert Prosecution.objects.get(case_reference="B2").court_nation == "wales"
    assert AuditEvent.objects.filter(verb=AuditVerb.PROSECUTION_RECORD).count() == 2


def test_a_bad_record_stops_the_whole_file_and_names_its_row_and_column(
    tmp_path: Path, cps: Any
) -> None:
    result, errors = _run(_file(tmp_path, GOOD + BAD))
    assert (result.saved, result.rejected_rows) == (0, 2)
    assert errors == [
        RowError(
            7, "outcome_on", None, OUTCOME_NEEDS_DATE.format(charge="offence 2 of defendant 1")
        )
    ]
    assert Prosecution.objects.count() == 0 and Charge.objects.count() == 0
    assert not AuditEvent.objects.filter(verb=AuditVerb.PROSECUTION_RECORD).exists()


def test_partial_saves_the_good_records_whole_and_writes_every_row_of_a_bad_one_beside_the_file(
    tmp_path: Path, cps: Any
) -> None:
    path = _file(tmp_path, BAD[:1] + GOOD + BAD[1:])
    result, _ = _run(path, partial=True)
    assert (result.rows, result.saved, result.rejected_rows) == (6, 4, 2)
    assert set(Prosecution.objects.values_list("case_reference", flat=True)) == {"A1", "B2"}
    assert not Defendant.objects.filter(name="Bad Defendo").exists()  # never half a prosecution
    assert result.rejects_path == tmp_path / "prosecutions.rejects.csv"
    with result.rejects_path.open(encoding="utf-8") as handle:
        rejects = list(csv.DictReader(handle))
    assert [r["_row"] for r in rejects] == ["2", "7"]
    assert rejects[0]["_errors"] == ""
    assert rejects[1]["_errors"].startswith("outcome_on: Enter the date of the outcome")
    assert rejects[1]["offence"] == "aitoc2004_s4"
    # corrected and imported again: the rejects file's _ columns are ignored
    with result.rejects_path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(["_row", *HEADER.split(","), "_errors"])
        for row in rejects:
            row["outcome_on"] = "2012-01-01" if row["_row"] == "7" else ""
            writer.writerow(list(row.values()))
    again, errors = _run(result.rejects_path)
    assert errors == [] and again.saved == 2
    assert Prosecution.objects.count() == 3


def test_rows_of_one_prosecution_that_disagree_are_refused_naming_the_rows(
    tmp_path: Path, cps: Any
) -> None:
    lines = [GOOD[0], GOOD[1].replace("england", "wales")]
    result, errors = _run(_file(tmp_path, lines))
    assert result.rejected_rows == 2
    [error] = errors
    assert error.column == "court_nation" and error.row == 2
    assert error.reason == (
        ROWS_DISAGREE.format(what="prosecution", column="court nation", row=3) + " (rows 2 and 3)"
    )


def test_a_service_refusal_is_a_field_error_of_the_record(tmp_path: Path, cps: Any) -> None:
    lines = [GOOD[3] + "NRM-2012-999999"]
    result, errors = _run(_file(tmp_path, lines))
    assert result.rejected_rows == 1 and Prosecution.objects.count() == 0
    assert errors == [
        RowError(2, "victim_references", None, UNKNOWN_VICTIM.format(reference="NRM-2012-999999"))
    ]


def test_another_authoritys_records_are_refused_for_the_organisation_named(
    tmp_path: Path, cps: Any, pps: Any
) -> None:
    result, errors = _run(_file(tmp_path, GOOD[3:]), organisation_code="pps")
    assert result.rejected_rows == 1
    assert errors[0].column == "authority" and "Crown Prosecution Service" in errors[0].reason


def test_the_organisations_authority_fills_rows_that_name_none(tmp_path: Path, cps: Any) -> None:
    result, errors = _run(_file(tmp_path, [GOOD[3].removeprefix("cps")]), organisation_code="cps")
    assert errors == [] and result.saved == 1


def test_a_defendants_name_is_never_printed_with_its_error(tmp_path: Path, cps: Any) -> None:
    long_name = "Sample " + "Defendo" * 40
    result, errors = _run(_file(tmp_path, [GOOD[3].replace("Third Defendo", long_name)]))
    assert result.rejected_rows == 1
    [error] = errors
    assert (error.column, error.value) == ("name", None)
    assert "Defendo" not in str(error)


def test_a_file_with_an_unknown_column_is_refused_before_any_row(tmp_path: Path) -> None:
    with pytest.raises(CsvFormatError, match="surprise"):
        _run(_file(tmp_path, GOOD, header=HEADER + ",surprise"))
    assert Prosecution.objects.count() == 0


def test_recoveries_are_one_a_row_in_pence(tmp_path: Path, cps: Any) -> None:
    path = tmp_path / "recoveries.csv"
    path.write_text(
        "kind,authority,nation,amount_pence,status,recorded_on,case_reference\n"
        "Cash seizure,cps,england,12345678901,forfeited,2012-03-01,\n"
        "cash_seizure,cps,england,12.50,paid,2012-03-01,\n",
        encoding="utf-8",
    )
    errors: list[RowError] = []
    result = recoveries_import(
        ImportOptions(path=path, on_error=errors.append, partial=True, progress=False)
    )
    assert (result.saved, result.rejected_rows) == (1, 1)
    assert AssetRecovery.objects.get().amount_pence == 12345678901
    assert {(e.row, e.column) for e in errors} == {(3, "amount_pence")}


def test_the_command_imports_and_reports(
    tmp_path: Path, cps: Any, capsys: pytest.CaptureFixture[str]
) -> None:
    assert (
        main(["justice", "import", "prosecutions", str(_file(tmp_path, GOOD)), "--no-progress"])
        == 0
    )
    assert "4 rows read, 4 saved, 0 rejected" in capsys.readouterr().out
    code = main(["justice", "import", "prosecutions", str(_file(tmp_path, BAD)), "--no-progress"])
    assert code == 1
    err = capsys.readouterr().err
    assert "row 3, column outcome_on: Enter the date of the outcome of offence 2" in err
    assert "Bad Defendo" not in err
