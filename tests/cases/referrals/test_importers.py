import csv
import json
import re
from pathlib import Path
from typing import Any

import pytest
from django.test import Client

from nrm.audit.models import AuditEvent, AuditVerb
from nrm.cases.models import AnonymousNotification, Nationality, Referral
from nrm.cases.referrals import importers
from nrm.cases.referrals.csvformat import CsvFormatError
from nrm.cases.referrals.importers import ImportOptions, ImportResult, RowError, referrals_import
from nrm.cli import main
from nrm.standard import messages
from tests.cases.referrals.csvfiles import write_csv

pytestmark = pytest.mark.django_db(transaction=True)


def run(path: Path, **options: Any) -> ImportResult:
    return referrals_import(ImportOptions(path=path, **options))


@pytest.fixture
def rows(valid_referral: dict[str, Any], organisation: Any) -> list[dict[str, Any]]:
    base = {**valid_referral, "first_responder_organisation": organisation.code}
    return [
        {**base, "family_name": f"Fictiva{i}", "referral_date": f"2012-{1 + i % 12:02d}-15"}
        for i in range(1000)
    ]


def test_one_bad_row_in_a_thousand_saves_nothing_and_names_row_column_and_reason(
    tmp_path: Path, rows: list[dict[str, Any]]
) -> None:
    rows[499]["nation"] = "Atlantis"
    errors: list[RowError] = []
    result = run(write_csv(tmp_path / "in.csv", rows), on_error=errors.append)
    assert (result.rows, result.saved, result.rejected_rows) == (1000, 0, 1)
    assert [(e.row, e.column, e.value) for e in errors] == [(501, "nation", "Atlantis")]
    allowed = "England, Wales, Scotland, Northern Ireland or Isle of Man"
    assert errors[0].reason == messages.UNKNOWN_CODE.format(name="the UK nation", allowed=allowed)
    assert Referral.objects.count() == 0
    assert AuditEvent.objects.filter(verb=AuditVerb.REFERRAL_IMPORT).count() == 0


def test_partial_saves_the_good_rows_and_writes_the_rejects_beside_the_file(
    tmp_path: Path, rows: list[dict[str, Any]]
) -> None:
    rows[10]["consent"] = False
    result = run(write_csv(tmp_path / "in.csv", rows), partial=True)
    assert (result.saved, result.rejected_rows) == (999, 1)
    assert Referral.objects.count() == 999
    assert Nationality.objects.count() == 999
    assert result.rejects_path == tmp_path / "in.rejects.csv"
    with result.rejects_path.open(encoding="utf-8") as handle:
        rejected = list(csv.DictReader(handle))
    assert len(rejected) == 1
    assert rejected[0]["_row"] == "12"
    assert rejected[0]["family_name"] == "Fictiva10"
    assert messages.ADULT_NEEDS_CONSENT in rejected[0]["_errors"]


def test_every_bad_row_is_reported_not_only_the_first(
    tmp_path: Path, rows: list[dict[str, Any]]
) -> None:
    rows[1]["gender"] = "robot"
    rows[2]["referral_date"] = "2099-01-01"
    rows[3]["police_region"] = "scotland"
    errors: list[RowError] = []
    run(write_csv(tmp_path / "in.csv", rows[:5]), on_error=errors.append)
    assert [(e.row, e.column) for e in errors] == [
        (3, "gender"),
        (4, "referral_date"),
        (5, "police_region"),
    ]


def test_labels_codes_and_a_byte_order_mark_are_accepted(
    tmp_path: Path, rows: list[dict[str, Any]]
) -> None:
    labelled = {
        **rows[0],
        "nation": "Northern Ireland",
        "police_region": "Northern Ireland",
        "exploitation_region": "Not recorded",
        "exploitation_type": "Labour exploitation",
        "exploitation_sub_types": ["Car wash"],
        "gender": "Male",
        "claimed_nationalities": ["Vietnam", "ROU"],
        "date_of_birth": "03/02/1990",
    }
    result = run(write_csv(tmp_path / "in.csv", [labelled], bom=True))
    assert result.saved == 1
    referral = Referral.objects.get()
    assert (referral.nation, referral.exploitation_type) == ("northern_ireland", "labour")
    assert referral.exploitation_sub_types == ["labour_car_wash"]
    assert sorted(n.country for n in referral.nationalities.all()) == ["ROU", "VNM"]


def test_an_unknown_column_is_refused_before_any_row(
    tmp_path: Path, rows: list[dict[str, Any]]
) -> None:
    with pytest.raises(CsvFormatError, match="Unknown column"):
        run(write_csv(tmp_path / "in.csv", [{**rows[0], "nationalty": "X"}]))
    assert Referral.objects.count() == 0


def test_references_are_numbered_per_year_in_file_order(
    tmp_path: Path, rows: list[dict[str, Any]]
) -> None:
    two_years = [rows[0], {**rows[1], "referral_date": "2011-12-01"}, rows[2]]
    run(write_csv(tmp_path / "in.csv", two_years))
    by_name = dict(Referral.objects.values_list("person__family_name", "reference"))
    assert re.fullmatch(r"NRM-2011-\d{6}", by_name["Fictiva1"])
    first, third = by_name["Fictiva0"], by_name["Fictiva2"]
    assert re.fullmatch(r"NRM-2012-\d{6}", first) and re.fullmatch(r"NRM-2012-\d{6}", third)
    assert int(third[-6:]) == int(first[-6:]) + 1


def test_the_command_exits_non_zero_and_prints_the_bad_row(
    tmp_path: Path, rows: list[dict[str, Any]], capsys: Any
) -> None:
    rows[1]["exploitation_type"] = "fishing"
    code = main(
        ["import", "referrals", str(write_csv(tmp_path / "in.csv", rows[:3])), "--no-progress"]
    )
    err = capsys.readouterr().err
    assert code == 1
    assert "row 3, column exploitation_type, value 'fishing'" in err
    assert "nothing was saved" in err


def test_the_api_and_the_importer_give_the_same_field_level_messages(
    tmp_path: Path, api: Client, valid_referral: dict[str, Any]
) -> None:
    invalid_payloads = [
        {**valid_referral, "consent": False},
        {**valid_referral, "nation": "Narnia"},
        {**valid_referral, "date_of_birth": "2013-01-01"},
        {**valid_referral, "referral_date": "2999-01-01"},
        {**valid_referral, "police_region": "wales"},
        {**valid_referral, "exploitation_region": "overseas"},
        {**valid_referral, "exploitation_sub_types": ["criminal_begging"]},
        {**valid_referral, "claimed_nationalities": ["Atlantis"]},
        {**valid_referral, "gender": ""},
    ]
    for payload in invalid_payloads:
        response = api.post(
            "/api/v1/referrals", json.dumps(payload), content_type="application/json"
        )
        assert response.status_code == 422
        api_errors = [(e["field"], e["message"]) for e in response.json()["errors"]]
        importer_errors: list[RowError] = []
        run(
            path=write_csv(
                tmp_path / "one.csv", [{**payload, "first_responder_organisation": "met-police"}]
            ),
            on_error=importer_errors.append,
        )
        assert api_errors == [(e.column, e.reason) for e in importer_errors], payload
    assert Referral.objects.count() == 0


def test_a_small_import_with_many_rows_per_table_is_saved_whole(
    tmp_path: Path, rows: list[dict[str, Any]]
) -> None:
    few = [{**row, "claimed_nationalities": ["NGA", "GHA", "CMR"]} for row in rows[:30]]
    assert run(write_csv(tmp_path / "in.csv", few)).saved == 30
    assert Nationality.objects.count() == 90


def test_checking_in_worker_processes_gives_the_same_result(
    tmp_path: Path, rows: list[dict[str, Any]]
) -> None:
    rows[700]["gender"] = "robot"
    path = write_csv(tmp_path / "in.csv", rows)
    serial: list[RowError] = []
    parallel: list[RowError] = []
    first = run(path, partial=True, on_error=serial.append, parallel=False)
    Referral.objects.all().delete()
    second = run(path, partial=True, on_error=parallel.append, parallel=True)
    assert (first.saved, first.rejected_rows) == (second.saved, second.rejected_rows) == (999, 1)
    assert serial == parallel
    assert Referral.objects.count() == 999


def test_anonymous_notifications_import_through_the_same_door(
    tmp_path: Path, organisation: Any, capsys: Any
) -> None:
    good = {
        "notification_date": "2012-06-01",
        "nation": "England",
        "police_region": "London",
        "gender": "female",
        "nationality": "Nigeria",
        "exploitation_type": "Sexual exploitation",
    }
    path = write_csv(tmp_path / "n.csv", [good, {**good, "age_group": "minor"}])
    assert main(["import", "notifications", str(path), "--organisation", "met-police"]) == 1
    assert "row 3, column age_group" in capsys.readouterr().err
    assert AnonymousNotification.objects.count() == 0
    assert (
        main(["import", "notifications", str(path), "--organisation", "met-police", "--partial"])
        == 1
    )
    notification = AnonymousNotification.objects.get()
    assert (notification.nationality, notification.organisation.code) == ("NGA", "met-police")
    assert re.fullmatch(r"NRM-AN-2012-\d{6}", notification.reference)
    assert AuditEvent.objects.filter(verb=AuditVerb.NOTIFICATION_SUBMIT).count() == 1


def test_an_import_is_audited_once_per_batch_naming_the_references_it_created(
    tmp_path: Path, rows: list[dict[str, Any]], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(importers, "CHUNK_SIZE", 5)
    monkeypatch.setattr(importers, "BATCH_SIZE", 10)
    result = run(write_csv(tmp_path / "in.csv", rows[:25]))
    events = list(AuditEvent.objects.filter(verb=AuditVerb.REFERRAL_IMPORT).order_by("id"))
    assert [e.detail["count"] for e in events] == [10, 10, 5]
    assert {(e.target_type, e.target_id) for e in events} == {
        (importers.IMPORT_TARGET, result.import_id)
    }
    audited = [
        f"{first[:-6]}{number:06d}"
        for e in events
        for first, last in e.detail["references"]
        for number in range(int(first[-6:]), int(last[-6:]) + 1)
    ]
    assert audited == list(Referral.objects.order_by("id").values_list("reference", flat=True))
    assert all(e.detail["file"] == "in.csv" and e.detail["door"] == "csv" for e in events)


def test_reference_spans_keep_file_order_and_break_at_gaps_and_prefixes() -> None:
    refs = ["NRM-2012-000001", "NRM-2012-000002", "NRM-2011-000007", "NRM-2012-000003",
            "NRM-2012-000005"]  # fmt: skip
    assert importers.reference_spans(refs) == [
        ["NRM-2012-000001", "NRM-2012-000002"],
        ["NRM-2011-000007", "NRM-2011-000007"],
        ["NRM-2012-000003", "NRM-2012-000003"],
        ["NRM-2012-000005", "NRM-2012-000005"],
    ]


def test_free_text_with_tabs_line_breaks_quotes_and_backslashes_is_stored_unchanged(
    tmp_path: Path, rows: list[dict[str, Any]]
) -> None:
    text = 'Said: "we worked\tnights";\nC:\\files\\ \r\nand — ünïcödé'
    run(write_csv(tmp_path / "in.csv", [{**rows[0], "account": text, "aliases": ["A\\B"]}]))
    referral = Referral.objects.get()
    assert referral.account.text == text
    assert referral.person.aliases == ["A\\B"]


def test_a_second_import_numbers_on_after_the_first(
    tmp_path: Path, rows: list[dict[str, Any]]
) -> None:
    path = write_csv(tmp_path / "in.csv", rows[:3])
    run(path)
    run(path, parallel=True)
    assert Referral.objects.count() == 6
    references = list(Referral.objects.order_by("id").values_list("reference", flat=True))
    assert len(set(references)) == 6
    assert [int(r[-6:]) for r in references] == sorted(int(r[-6:]) for r in references)
    assert Nationality.objects.count() == 6


def test_every_imported_referral_opens_its_case_at_the_stage_its_decisions_reached(
    tmp_path: Path, rows: list[dict[str, Any]]
) -> None:
    from nrm.cases.models import Case

    rows = rows[:30]
    for row in rows[:10]:
        row.update(rg_outcome="positive", rg_date=row["referral_date"])
    for row in rows[10:20]:
        row.update(rg_outcome="negative", rg_date=row["referral_date"])
    result = run(write_csv(tmp_path / "in.csv", rows))
    assert result.saved == 30
    stages = sorted(Case.objects.values_list("stage", flat=True))
    assert stages == ["awaiting_rg"] * 10 + ["recovery"] * 10 + ["rg_negative"] * 10
    assert not Referral.objects.filter(case=None).exists()
