"""A national resolution run, through its command: every person on record resolved, the pairs
waiting for review and the resolved people stored, analysts' decisions kept from run to run;
too few records said in words, with nothing stored."""

import argparse
from datetime import date
from typing import Any

import pandas as pd
import pytest

from nrm.accounts.actors import OPERATOR
from nrm.accounts.models import Organisation, User
from nrm.audit.models import AuditEvent, AuditVerb
from nrm.cases.referrals.services import referral_submit
from nrm.intelligence.commands import cmd_intelligence
from nrm.intelligence.models import (
    Entity,
    IntelligenceReport,
    Link,
    PairDecision,
    ResolutionRun,
    ResolvedRecord,
    ScoredPair,
)
from nrm.intelligence.people import MENTION, REFERRAL, record_id
from nrm.intelligence.resolution.synthetic import people_synthesise
from nrm.intelligence.resolving import pair_decide, resolution_run
from nrm.intelligence.review import decided_pairs, resolved_people
from nrm.intelligence.services import intelligence_report_submit

pytestmark = pytest.mark.django_db

GENERATED = 1000  # enough to train the model (at least 500), quick to resolve


def _value(value: Any) -> Any:
    return None if value is None or pd.isna(value) else value


def _reports_of_generated_people(organisation: Organisation) -> None:
    """One handling code P report a generated record, naming its person (and the phone they
    use, when the record has one), written as rows, as an import would."""
    frame = people_synthesise(records=GENERATED, seed=14).to_pandas()
    rows = [{k: _value(v) for k, v in row.items()} for row in frame.to_dict("records")]
    reports = IntelligenceReport.objects.bulk_create(
        IntelligenceReport(
            reference=f"INT-2011-{n:06d}", organisation=organisation, source_kind="police_force",
            officer="DC Example", received_date=row["encountered_on"] or date(2012, 12, 1),
            events_date=row["encountered_on"], source_evaluation="2",
            intelligence_assessment="B", handling_code="P", narrative="Generated.",
        )
        for n, row in enumerate(rows, start=1)
    )  # fmt: skip
    people = Entity.objects.bulk_create(
        Entity(
            report=report, key="p", type="person", person_role="potential_victim",
            given_name=row["forenames"] or "", family_name=row["surname"] or "",
            date_of_birth=row["date_of_birth"], gender=row["gender"] or "",
            estimated_age=int(row["estimated_age"]) if row["estimated_age"] else None,
            nationality=row["nationality"] or "",
        )
        for report, row in zip(reports, rows, strict=True)
    )  # fmt: skip
    with_phone = [
        (r, p, row) for r, p, row in zip(reports, people, rows, strict=True) if row["phone"]
    ]
    phones = Entity.objects.bulk_create(
        Entity(report=report, key="ph", type="phone", phone=row["phone"])
        for report, _, row in with_phone
    )
    Link.objects.bulk_create(
        Link(report=report, from_entity=person, to_entity=phone, type="uses_phone",
             confidence="confirmed")
        for (report, person, _), phone in zip(with_phone, phones, strict=True)
    )  # fmt: skip


def _resolve(capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:
    status = cmd_intelligence(argparse.Namespace(action="resolve"))
    out, err = capsys.readouterr()
    return status, out, err


def test_the_command_resolves_everyone_and_stores_the_pairs_for_review_and_the_people(
    organisation: Organisation,
    officer: User,
    analyst: User,
    make_user: Any,
    valid_referral: dict[str, Any],
    valid_intelligence_report: dict[str, Any],
    capsys: pytest.CaptureFixture[str],
) -> None:
    _reports_of_generated_people(organisation)
    referral = referral_submit(
        actor=make_user("responder", organisation), data=valid_referral, organisation=organisation
    )
    valid_intelligence_report["entities"][1]["nrm_reference"] = referral.reference
    named = intelligence_report_submit(
        actor=officer, data=valid_intelligence_report, organisation=organisation
    )
    status, out, err = _resolve(capsys)
    assert status == 0, err  # (the model's training may log warnings)
    run = ResolutionRun.objects.get()
    records = GENERATED + 3  # the referral, the report's suspect and victim
    assert run.records == records == ResolvedRecord.objects.filter(run=run).count()
    assert f"{records} person records resolved into {run.people} people" in out
    waiting = ScoredPair.objects.filter(run=run, band=ScoredPair.REVIEW)
    assert run.review_pairs == waiting.count() > 0
    # waiting: scored at or above the review threshold, and not matched (below the match
    # threshold, or a merge the linking refused)
    assert all(p.match_probability >= run.review_threshold for p in waiting)
    assert f"{run.review_pairs} waiting for review" in out
    # The report says its victim is the referral's person: one person, without review.
    victim = record_id(MENTION, named.entities.get(key="e2").pk)
    stated = ScoredPair.objects.get(run=run, record_l=victim)
    assert (stated.record_r, stated.band) == (record_id(REFERRAL, referral.pk), ScoredPair.MATCHED)
    people = resolved_people(run)
    assert people[victim] == people[stated.record_r]
    event = AuditEvent.objects.get(verb=AuditVerb.INTELLIGENCE_RESOLVE)
    assert event.detail["records"] == records and event.detail["system"] == "operator"

    # Analysts decide two pairs; the next run keeps their decisions and replaces the pairs.
    first, second = waiting.order_by("-match_probability")[:2]
    pair_decide(actor=analyst, left=first.record_l, right=first.record_r, accepted=True)
    pair_decide(actor=analyst, left=second.record_l, right=second.record_r, accepted=False)
    assert decided_pairs() == ([(first.record_l, first.record_r)],
                               [(second.record_l, second.record_r)])  # fmt: skip
    again = resolution_run(actor=OPERATOR)
    assert ScoredPair.objects.filter(run=run).count() == 0
    assert ResolvedRecord.objects.filter(run=run).count() == 0
    kept = ScoredPair.objects.filter(run=again)
    for decided in (first, second):  # decided: never waiting for review again
        assert not kept.filter(
            band=ScoredPair.REVIEW, record_l=decided.record_l, record_r=decided.record_r
        ).exists()
    people = resolved_people(again)
    assert people[first.record_l] == people[first.record_r]
    assert again.review_pairs == kept.filter(band=ScoredPair.REVIEW).count()
    assert PairDecision.objects.count() == 2


def test_a_store_with_no_one_to_resolve_is_said_in_words_and_a_small_one_is_resolved(
    organisation: Organisation,
    officer: User,
    valid_intelligence_report: dict[str, Any],
    capsys: pytest.CaptureFixture[str],
) -> None:
    status, out, err = _resolve(capsys)
    assert (status, out) == (1, "")
    assert "no one to resolve yet" in err and "Nothing was changed" in err
    assert ResolutionRun.objects.count() == ScoredPair.objects.count() == 0
    assert not AuditEvent.objects.filter(verb=AuditVerb.INTELLIGENCE_RESOLVE).exists()
    intelligence_report_submit(
        actor=officer, data=valid_intelligence_report, organisation=organisation
    )
    status, out, err = _resolve(capsys)  # the stored model scores two records as well
    assert status == 0 and "2 person records resolved into 2 people" in out
    assert ResolvedRecord.objects.count() == 2
