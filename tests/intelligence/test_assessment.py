"""The strategic assessment on a small case store: a person the NRM referred and a report
named is one person; the command writes the extract and the tables, whole, audited; only a
national analyst or an operator may produce it."""

from argparse import Namespace
from pathlib import Path
from typing import Any

import pyarrow.parquet as pq
import pytest
from django.utils import timezone

from nrm.accounts.models import Organisation, User
from nrm.accounts.permissions import CapabilityDenied
from nrm.audit.models import AuditEvent, AuditVerb
from nrm.cases.models import Referral
from nrm.cases.referrals.services import referral_submit
from nrm.intelligence.assessment.extract import assessment_build
from nrm.intelligence.assessment.write import assessment_create
from nrm.intelligence.commands import HANDLERS
from nrm.intelligence.models import Entity, PairDecision
from nrm.intelligence.services import intelligence_report_submit

pytestmark = pytest.mark.django_db


@pytest.fixture
def store(
    officer: User,
    make_user: Any,
    organisation: Organisation,
    valid_referral: dict[str, Any],
    valid_intelligence_report: dict[str, Any],
) -> str:
    referral = referral_submit(
        actor=make_user("responder", organisation), data=valid_referral, organisation=organisation
    )
    report = valid_intelligence_report
    report["operation"] = "Operation Sample"
    report["entities"][1].update(nrm_reference=referral.reference, exploitation_type="labour",
                                 exploitation_sub_types=["labour_car_wash"])  # fmt: skip
    report["entities"].append({"key": "e5", "type": "person", "person_role": "potential_victim",
                               "estimated_age": 15, "nationality": "VNM"})  # fmt: skip
    intelligence_report_submit(actor=officer, data=report, organisation=organisation)
    return referral.reference


def _people(table: Any) -> list[dict[str, Any]]:
    return [row for row in table.to_pylist() if row["unit"] == "person"]


def test_the_referred_person_a_report_names_counts_once_and_an_unknown_child_once_more(
    store: str,
) -> None:
    assessment = assessment_build(year=2012)
    people = _people(assessment.table)
    assert assessment.records == 3 and assessment.people == 2
    assert sorted((p["nationality"], p["age_group"], p["source"]) for p in people) == [
        ("Nigeria", "adult", "both"),
        ("Vietnam", "minor", "intelligence"),
    ]
    instances = sorted(r["exploitation_type"] for r in assessment.table.to_pylist()
                       if r["unit"] == "exploitation")  # fmt: skip
    assert instances == ["labour", "not_recorded", "sexual"]  # the referral's and the report's
    operations = {r["operation"] for r in assessment.table.to_pylist() if r["unit"] == "encounter"}
    assert len(operations) == 1 and "Operation Sample" not in operations


def test_the_command_writes_the_extract_and_every_table_audited(
    store: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "assessment"
    args = Namespace(year=2012, out=out, format="csv,html")
    assert HANDLERS["assessment"](args) == 0
    printed = capsys.readouterr().out
    assert "resolved 3 referrals and intelligence mentions of 2011-2012 into 2 people" in printed
    names = sorted(path.name for path in out.iterdir())
    assert "assessment-2012.parquet" in names and "t10.csv" in names and "index.html" in names
    assert pq.read_table(out / "assessment-2012.parquet").num_rows > 0
    page = (out / "index.html").read_text(encoding="utf-8")
    assert "not official statistics of victims" in page and "graded" in page
    assert (out / "t10.csv").read_text(encoding="utf-8").startswith("Nationality,2011,2012")
    event = AuditEvent.objects.filter(verb=AuditVerb.REPORT_CREATE).latest("seq")
    assert event.detail["kind"] == "assessment" and event.detail["people"] == 2


def test_a_bad_format_is_refused_and_nothing_is_written(
    store: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "assessment"
    assert HANDLERS["assessment"](Namespace(year=2012, out=out, format="pdf")) == 2
    assert "unknown format 'pdf'" in capsys.readouterr().err
    assert not out.exists()


def test_only_a_national_analyst_may_produce_the_assessment(
    store: str, officer: User, analyst: User
) -> None:
    with pytest.raises(CapabilityDenied):
        assessment_create(actor=officer, year=2012)
    assert AuditEvent.objects.filter(verb=AuditVerb.ACCESS_DENIED).exists()
    assert assessment_create(actor=analyst, year=2012).assessment.people == 2


def test_the_page_shows_a_national_analyst_the_year_s_tables_and_refuses_others(
    store: str, analyst: User, officer: User, signed_in: Any
) -> None:
    client = signed_in(analyst)
    page = client.get("/intelligence/assessment/")
    assert page.status_code == 200
    text = page.content.decode()
    assert "Strategic assessment of 2012" in text and 'id="t10-table"' in text
    assert "3 referrals and reports of potential victims in 2011 and 2012 are 2 people" in text
    assert "The published assessment of 2012 gives 58 figures" in text
    assert "Testa" not in text and "Fictiva" not in text  # no names
    wrong = client.get("/intelligence/assessment/?year=1999")
    assert wrong.status_code == 400 and "Choose a year in which potential victims" in (
        wrong.content.decode()
    )
    assert signed_in(officer).get("/intelligence/assessment/").status_code == 403
    assert "strategic assessment" in client.get("/intelligence/").content.decode()


def test_an_analyst_s_rejection_keeps_apart_the_two_records_a_report_said_are_one(
    store: str, analyst: User
) -> None:
    victim = Entity.objects.get(key="e2")
    referral = Referral.objects.get(reference=store)
    left, right = sorted((f"mention:{victim.pk}", f"referral:{referral.pk}"))
    PairDecision.objects.create(record_l=left, record_r=right, accepted=False,
                                decided_by=analyst, decided_at=timezone.now())  # fmt: skip
    assessment = assessment_build(year=2012)
    assert assessment.people == 3
    sources = sorted(p["source"] for p in _people(assessment.table))
    assert sources == ["intelligence", "intelligence", "nrm"]


@pytest.mark.parametrize("year", ["2012\x00", "२०१२", "😀", "9" * 5000, "-1", "2012.0", " "])
def test_an_odd_year_is_refused_in_words_never_with_a_server_error(
    store: str, analyst: User, signed_in: Any, year: str
) -> None:
    response = signed_in(analyst).get("/intelligence/assessment/", {"year": year})
    text = response.content.decode()
    if year.strip():
        assert response.status_code == 400
        assert "Choose a year in which potential victims were referred or reported" in text
    else:
        assert response.status_code == 200  # a blank year is no choice: the first is shown
    assert "Traceback" not in text and "year=" not in text
