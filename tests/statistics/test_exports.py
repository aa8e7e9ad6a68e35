"""Case records out in HTCDS and the CTDC layout, and HTCDS back in through the referral door."""

import csv
import io
import zipfile
from pathlib import Path
from typing import Any

import pytest

from nrm.accounts.actors import OPERATOR
from nrm.audit.models import AuditEvent, AuditVerb
from nrm.cases.models import Referral
from nrm.cases.referrals.htcds_import import htcds_import
from nrm.cases.referrals.importers import ImportOptions, RowError, referrals_import
from nrm.cli import main
from nrm.standard import htcds as h
from nrm.statistics.case_export import cases_for_export
from nrm.statistics.exports import PUBLIC_ONLY_CTDC, ExportRefused, cases_export
from nrm.statistics.extract import extract_key, pseudonym
from tests.cases.referrals.csvfiles import write_csv

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def referrals(valid_referral: dict[str, Any], organisation: Any, tmp_path: Path) -> list[str]:
    """Four referrals unlike each other in every mapped field; their references."""
    base = {**valid_referral, "first_responder_organisation": organisation.code}
    overseas = {
        **base,
        "gender": "male",
        "claimed_nationalities": ["ALB", "XXA"],
        "assessed_nationality": "XKX",
        "assessed_nationality_certainty": "suspected",
        "exploitation_type": "criminal",
        "exploitation_sub_types": ["criminal_cannabis", "criminal_begging"],
        "exploitation_region": "overseas",
        "exploitation_country": "FRA",
        "rg_outcome": "positive",
        "rg_date": "2012-05-20",
        "cg_outcome": "negative",
        "cg_date": "2012-08-01",
        "competent_authority": "home_office",
    }
    child = {
        **base,
        "date_of_birth": "2000-01-01",
        "consent": None,
        "nation": "scotland",
        "police_region": "scotland",
        "exploitation_type": "labour",
        "exploitation_sub_types": ["labour_maritime", "labour_other"],
        "exploitation_means": ["illegal_adoption"],
        "exploitation_region": "multiple",
        "linked_immigration_interest": False,
        "rg_outcome": "suspended",
        "rg_date": "2012-05-16",
    }
    unknown = {
        **base,
        "date_of_birth": None,
        "age_group": "adult",
        "gender": "not_recorded",
        "exploitation_type": "not_recorded",
        "exploitation_sub_types": [],
        "exploitation_region": "not_recorded",
        "exploitation_start": None,
        "exploitation_end": None,
    }
    path = write_csv(tmp_path / "in.csv", [base, overseas, child, unknown])
    errors: list[RowError] = []
    result = referrals_import(ImportOptions(path=path, on_error=errors.append))
    assert errors == [] and result.saved == 4
    return list(Referral.objects.order_by("reference").values_list("reference", flat=True))


def _tables(path: Path) -> dict[str, list[dict[str, str]]]:
    with zipfile.ZipFile(path) as archive:
        return {
            name: list(csv.DictReader(io.StringIO(archive.read(name).decode("utf-8"))))
            for name in archive.namelist()
        }


def _zip(path: Path, tables: dict[str, list[dict[str, str]]]) -> Path:
    with zipfile.ZipFile(path, "w") as archive:
        for name, rows in tables.items():
            buffer = io.StringIO()
            columns = list(rows[0]) if rows else ["cas_Id"]
            writer = csv.DictWriter(buffer, fieldnames=columns)
            writer.writeheader()
            writer.writerows(rows)
            archive.writestr(name, buffer.getvalue())
    return path


def test_the_htcds_export_is_pseudonymised_and_audited(
    referrals: list[str], tmp_path: Path
) -> None:
    out = tmp_path / "nrm-htcds.zip"
    exported = cases_export(actor=OPERATOR, fmt="htcds", out=out, year=2012)
    assert exported.rows == 4
    tables = _tables(out)
    assert set(tables) == {h.CASES, h.EVENTS, h.ORGANISATIONS, h.PERPETRATORS}
    text = zipfile.ZipFile(out).read(h.CASES).decode("utf-8")
    for secret in ("Testa", "Fictiva", "1990-02-03", "fictional account", "PC Example", "NRM-"):
        assert secret not in text
    assert tables[h.CASES][0]["prs_Id"] == pseudonym(referrals[0], extract_key())
    assert tables[h.ORGANISATIONS] == [{"org_Name": "met-police", "org_Type": "LawEnforcement"}]
    event = AuditEvent.objects.get(verb=AuditVerb.EXTRACT_CREATE)
    assert (event.detail["kind"], event.detail["format"], event.detail["rows"]) == (
        "export",
        "htcds",
        4,
    )


def test_nrm_to_htcds_to_nrm_keeps_every_mapped_field(referrals: list[str], tmp_path: Path) -> None:
    cases_export(actor=OPERATOR, fmt="htcds", out=tmp_path / "out.zip")
    tables = _tables(tmp_path / "out.zip")
    # The pseudonymised export names no one; the partner who sends it back names the person.
    for row in tables[h.CASES]:
        row["prs_SecondName"] = "Fictiva"
    errors: list[RowError] = []
    result = htcds_import(
        ImportOptions(path=_zip(tmp_path / "back.zip", tables), on_error=errors.append)
    )
    assert errors == []
    assert result.saved == 4
    records = [facts.record for facts in cases_for_export()]
    originals, back = records[:4], records[4:]
    assert len(back) == 4
    assert back == originals
    event = AuditEvent.objects.filter(verb=AuditVerb.REFERRAL_IMPORT).last()
    assert event is not None and event.detail["door"] == "htcds"


def test_a_bad_htcds_row_saves_nothing_and_names_its_row_and_htcds_column(
    referrals: list[str], tmp_path: Path
) -> None:
    cases_export(actor=OPERATOR, fmt="htcds", out=tmp_path / "out.zip")
    tables = _tables(tmp_path / "out.zip")
    for row in tables[h.CASES]:
        row["prs_SecondName"] = "Fictiva"
    tables[h.CASES][1]["prs_Gender"] = "Man"
    tables[h.CASES][2]["nrm_Nation"] = "Atlantis"
    tables[h.CASES][3]["prs_SecondName"] = ""
    errors: list[RowError] = []
    result = htcds_import(
        ImportOptions(path=_zip(tmp_path / "bad.zip", tables), on_error=errors.append)
    )
    assert result.saved == 0 and result.rejected_rows == 3
    assert sorted((e.row, e.column) for e in errors) == [
        (3, "prs_Gender"),
        (4, "nrm_Nation"),
        (5, "prs_FirstName"),
    ]
    assert Referral.objects.count() == 4


def test_public_exports_are_of_the_ctdc_layout_only(referrals: list[str], tmp_path: Path) -> None:
    with pytest.raises(ExportRefused, match="--format ctdc"):
        cases_export(actor=OPERATOR, fmt="htcds", out=tmp_path / "x.zip", public=True)
    assert PUBLIC_ONLY_CTDC
    with pytest.raises(ExportRefused, match="--format ctdc"):
        cases_export(actor=OPERATOR, fmt="htcds", out=tmp_path / "x.zip", synthetic_epsilon=4.0)
    assert not (tmp_path / "x.zip").exists()


def test_nrm_export_writes_the_ctdc_layout_that_the_ctdc_import_reads(
    referrals: list[str], tmp_path: Path, capsys: Any
) -> None:
    out = tmp_path / "ctdc.csv"
    assert main(["export", "--format", "ctdc", "--year", "2012", "--out", str(out)]) == 0
    assert "wrote" in capsys.readouterr().out
    from nrm.statistics.ctdc_extract import ctdc_table

    rows = ctdc_table(out).to_pylist()
    assert [r["exploitation_type"] for r in rows] == [
        "sexual",
        "criminal",
        "labour",
        "not_recorded",
    ]
    assert [r["exploitation_country"] for r in rows] == ["GBR", "FRA", None, None]


def test_nrm_import_htcds_prints_each_bad_row_with_its_htcds_column(
    referrals: list[str], tmp_path: Path, capsys: Any
) -> None:
    out = tmp_path / "out.zip"
    assert main(["export", "--format", "htcds", "--out", str(out)]) == 0
    tables = _tables(out)
    for row in tables[h.CASES]:
        row["prs_FirstName"] = "Testa"
    tables[h.CASES][0]["prs_Citizenship"] = "NG;Narnia"
    back = _zip(tmp_path / "back.zip", tables)
    assert main(["import", "htcds", str(back), "--partial"]) == 2
    assert main(["import", "htcds", str(back)]) == 1
    err = capsys.readouterr().err
    assert "back.zip: row 2, column prs_Citizenship, value 'Narnia'" in err
    assert "nothing was saved" in err
    assert Referral.objects.count() == 4
