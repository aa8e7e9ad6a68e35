"""``nrm border screen FILE``: a passenger manifest (CSV) or a visa application batch (JSON)
screened in one query, the matches written per record, every hit stored and audited."""

import csv
import json
from pathlib import Path

import pytest

from nrm.accounts.models import Organisation
from nrm.audit.models import AuditEvent, AuditVerb
from nrm.border.profile_models import Hit, ProfileVersion
from nrm.cli import main
from tests.border.factories import active_profile_version

pytestmark = pytest.mark.django_db

MANIFEST = """kind,reference,nationality,journey,paid_in_cash,return_within_days,origin_airport
passenger,PNR-A1,ALB,one_way,yes,,TIA
passenger,PNR-A2,ALB,return,yes,5,TIA
passenger,PNR-A3,VNM,one_way,true,,HAN
passenger,PNR-A4,VNM,one_way,,,HAN
passenger,PNR-A5,VNM,one_way,maybe,,HAN
"""


def test_a_csv_manifest_is_screened_and_the_matches_written_per_record(
    tmp_path: Path, organisation: Organisation, capsys: pytest.CaptureFixture[str]
) -> None:
    version = active_profile_version(organisation)
    manifest = tmp_path / "manifest.csv"
    manifest.write_text(MANIFEST, encoding="utf-8")
    out = tmp_path / "matches.csv"
    code = main(["border", "screen", str(manifest), "--out", str(out)])
    assert code == 1  # one row did not validate, and is named
    err = capsys.readouterr().err
    assert "Screened 4 records: 2 hits on 2 records" in err
    assert "row 5: paid_in_cash" in err
    with out.open(encoding="utf-8") as f:
        rows = list(csv.DictReader(f))
    assert [(r["row"], r["reference"], r["profile"]) for r in rows] == [
        ("1", "PNR-A1", str(version.profile_id)),
        ("3", "PNR-A3", str(version.profile_id)),
    ]
    assert sorted(Hit.objects.values_list("record_reference", flat=True)) == ["PNR-A1", "PNR-A3"]
    run = AuditEvent.objects.get(verb=AuditVerb.SCREENING_RUN)
    assert run.detail["records"] == 4 and run.detail["hits"] == 2
    assert AuditEvent.objects.filter(verb=AuditVerb.HIT_RECORD).count() == 2


def test_a_json_visa_batch_is_screened_to_json(
    tmp_path: Path, organisation: Organisation, capsys: pytest.CaptureFixture[str]
) -> None:
    conditions = [
        {"field": "visa_category", "operator": "in", "values": ["domestic_worker"]},
        {"field": "sponsor_relationship", "operator": "in", "values": ["employer", "agent"]},
    ]
    version = active_profile_version(organisation, conditions=conditions)
    batch = tmp_path / "visas.json"
    batch.write_text(json.dumps([
        {"kind": "visa_application", "reference": "GWF0001",
         "visa_category": "domestic_worker", "sponsor_relationship": "agent"},
        {"kind": "visa_application", "reference": "GWF0002", "visa_category": "student"},
    ]), encoding="utf-8")  # fmt: skip
    assert main(["border", "screen", str(batch)]) == 0
    written = json.loads(capsys.readouterr().out)
    assert [(m["reference"], [h["profile"] for h in m["hits"]]) for m in written] == [
        ("GWF0001", [version.profile_id])
    ]


def test_profiles_are_added_activated_and_retired_from_the_command_line(
    tmp_path: Path, organisation: Organisation, capsys: pytest.CaptureFixture[str]
) -> None:
    profile = tmp_path / "profile.json"
    protected = [{"field": "nationality", "operator": "in", "values": ["ALB"]}]
    profile.write_text(json.dumps({
        "name": "Nationality only", "conditions": protected, "rationale": "r",
        "intelligence_references": ["IR1"], "review_on": "2030-01-01",
        "expires_on": "2030-02-01"}), encoding="utf-8")  # fmt: skip
    assert main(["border", "profiles", "add", str(profile), "--owner", organisation.code]) == 1
    assert "protected characteristics" in capsys.readouterr().err
    data = json.loads(profile.read_text(encoding="utf-8"))
    data["conditions"].append({"field": "booked_by_third_party", "operator": "equals",
                               "values": [True]})  # fmt: skip
    profile.write_text(json.dumps(data), encoding="utf-8")
    assert main(["border", "profiles", "add", str(profile), "--owner", organisation.code]) == 0
    found = ProfileVersion.objects.get()
    assert main(["border", "profiles", "activate", str(found.profile_id)]) == 0
    assert main(["border", "profiles", "retire", str(found.profile_id)]) == 0
    found.refresh_from_db()
    assert found.status == "retired"


def test_a_file_that_is_not_a_list_of_records_is_named_and_nothing_screened(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    batch = tmp_path / "visas.json"
    batch.write_text('{"kind": "passenger"}', encoding="utf-8")
    assert main(["border", "screen", str(batch)]) == 2
    assert "must hold a list of records" in capsys.readouterr().err
    assert not AuditEvent.objects.filter(verb=AuditVerb.SCREENING_RUN).exists()
