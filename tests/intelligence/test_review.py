"""The review queue of person resolution: what an analyst sees of the pairs waiting for review,
their decisions (audited, and applied to the resolved people at once), and who may not."""

from collections.abc import Callable
from typing import Any

import pytest
from django.test import Client
from django.utils import timezone

from nrm.accounts.models import Organisation, User
from nrm.accounts.roles import DefaultRole
from nrm.audit.models import AuditEvent, AuditVerb
from nrm.cases.referrals.services import referral_submit
from nrm.intelligence.errors import PairNotFound
from nrm.intelligence.models import (
    IntelligenceReport,
    PairDecision,
    ResolutionRun,
    ScoredPair,
)
from nrm.intelligence.people import MENTION, REFERRAL, record_id
from nrm.intelligence.resolving import pair_decide
from nrm.intelligence.review import decided_pairs, resolved_people
from nrm.intelligence.services import intelligence_report_submit
from tests.intelligence.runs import ordered as _ordered
from tests.intelligence.runs import stored_run

pytestmark = pytest.mark.django_db

QUEUE, DECIDE = "/intelligence/resolution/", "/intelligence/resolution/decide/"
DECISIONS = "/intelligence/resolution/decisions/"
HIDDEN_NAME = "Zzhiddencanary"


def _mention(report: IntelligenceReport, key: str) -> str:
    return record_id(MENTION, report.entities.get(key=key).pk)


@pytest.fixture
def world(
    officer: User,
    organisation: Organisation,
    other_organisation: Organisation,
    make_user: Callable[..., User],
    valid_referral: dict[str, Any],
    valid_intelligence_report: dict[str, Any],
) -> dict[str, str]:
    """A referral (Testa Fictiva), a P report naming a suspect and a victim "Testa", and a C
    report of another force, shared with no one, naming a victim the analyst may not see."""
    responder = make_user("responder", organisation)
    referral = referral_submit(actor=responder, data=valid_referral, organisation=organisation)
    shared = intelligence_report_submit(
        actor=officer, data=valid_intelligence_report, organisation=organisation
    )
    hidden_data = {
        **valid_intelligence_report,
        "handling_code": "C",
        "handling_conditions": [other_organisation.code],
        "entities": [
            {"key": "v", "type": "person", "person_role": "potential_victim",
             "given_name": HIDDEN_NAME, "family_name": "Fictiva"},
        ],
        "links": [],
    }  # fmt: skip
    other_officer = make_user("other-officer", other_organisation, DefaultRole.INTELLIGENCE_OFFICER)
    hidden = intelligence_report_submit(
        actor=other_officer, data=hidden_data, organisation=other_organisation
    )
    return {
        "referral": record_id(REFERRAL, referral.pk),
        "reference": referral.reference,
        "victim": _mention(shared, "e2"),
        "suspect": _mention(shared, "e1"),
        "hidden": _mention(hidden, "v"),
        "report": shared.reference,
    }


@pytest.fixture
def run(world: dict[str, str]) -> ResolutionRun:
    w = world
    return stored_run(
        [w["referral"], w["victim"], w["suspect"], w["hidden"]],
        review=[
            (w["victim"], w["referral"], 0.873),
            (w["hidden"], w["referral"], 0.91),
            (w["suspect"], w["referral"], 0.7),
        ],
    )


def _same(run: ResolutionRun, a: str, b: str) -> bool:
    people = resolved_people(run)
    return people[a] == people[b]


def test_an_accepted_pair_joins_the_two_records_at_once_and_is_audited(
    run: ResolutionRun, world: dict[str, str], analyst: User
) -> None:
    victim, referral = world["victim"], world["referral"]
    assert not _same(run, victim, referral)
    pair_decide(actor=analyst, left=referral, right=victim, accepted=True, reason="Same phone")
    assert _same(run, victim, referral)
    decision = PairDecision.objects.get()
    assert (decision.record_l, decision.record_r) == _ordered(victim, referral)
    assert (decision.accepted, decision.decided_by, decision.reason) == (
        True,
        analyst,
        "Same phone",
    )
    event = AuditEvent.objects.get(verb=AuditVerb.PAIR_ACCEPT)
    assert event.actor == analyst
    assert event.detail["pair"] == list(_ordered(victim, referral))
    assert event.detail["new"] == {"accepted": True} and "old" not in event.detail
    assert "Same phone" not in str(event.detail)
    assert decided_pairs() == ([_ordered(victim, referral)], [])


def test_a_rejected_pair_keeps_two_records_apart_and_a_changed_decision_is_audited(
    run: ResolutionRun, world: dict[str, str], analyst: User
) -> None:
    victim, referral = world["victim"], world["referral"]
    pair_decide(actor=analyst, left=victim, right=referral, accepted=True)
    pair_decide(actor=analyst, left=victim, right=referral, accepted=False)
    assert not _same(run, victim, referral)
    assert PairDecision.objects.count() == 1
    event = AuditEvent.objects.get(verb=AuditVerb.PAIR_REJECT)
    assert (event.detail["old"], event.detail["new"]) == ({"accepted": True}, {"accepted": False})
    assert decided_pairs() == ([], [_ordered(victim, referral)])


def test_a_rejected_automatic_match_splits_the_records_the_model_matched(
    world: dict[str, str], analyst: User
) -> None:
    victim, referral, suspect = world["victim"], world["referral"], world["suspect"]
    run = stored_run(
        [victim, referral, suspect],
        review=[(victim, referral, 0.8), (suspect, referral, 0.7)],
        matched=[(victim, suspect)],
    )
    pair_decide(actor=analyst, left=suspect, right=referral, accepted=True)
    assert _same(run, victim, referral)  # through the suspect's record
    pair_decide(actor=analyst, left=victim, right=suspect, accepted=False)
    assert not _same(run, victim, suspect)
    assert _same(run, suspect, referral)
    run.refresh_from_db()
    assert run.people == 2


def test_a_decision_by_someone_who_may_not_resolve_people_is_refused_and_nothing_saved(
    run: ResolutionRun,
    world: dict[str, str],
    officer: User,
    signed_in: Callable[[User], Client],
) -> None:
    client = signed_in(officer)
    before = AuditEvent.objects.filter(verb=AuditVerb.ACCESS_DENIED).count()
    data = {"record_l": world["referral"], "record_r": world["victim"], "decision": "accept"}
    response = client.post(DECIDE, data)
    assert response.status_code == 403
    assert client.get(QUEUE).status_code == 403
    assert PairDecision.objects.count() == 0
    assert AuditEvent.objects.filter(verb=AuditVerb.ACCESS_DENIED).count() == before + 2
    assert not _same(run, world["referral"], world["victim"])


def test_the_queue_shows_both_records_side_by_side_most_likely_first_and_audits_the_reads(
    run: ResolutionRun,
    world: dict[str, str],
    analyst: User,
    signed_in: Callable[[User], Client],
) -> None:
    response = signed_in(analyst).get(QUEUE)
    assert response.status_code == 200
    page = response.content.decode()
    assert "2 pairs are" in page
    assert page.index("Likely the same person: 87%") < page.index("Possibly the same person: 70%")
    assert "NRM referral" in page and world["reference"] in page
    assert "Intelligence report" in page and world["report"] in page and "graded 2B P" in page
    assert "Testa Fictiva" in page  # the referral's person
    assert "3 February 1990" in page and "Female" in page and "Nigeria" in page
    assert "About 17 years old in May 2012" in page  # the report's victim, age judged
    assert "14 May 2012, London" in page  # the referral: when and where encountered
    reads = AuditEvent.objects.filter(verb=AuditVerb.REFERRAL_READ, actor=analyst)
    assert [e.detail["via"] for e in reads] == ["resolution"]
    shown = AuditEvent.objects.get(verb=AuditVerb.INTELLIGENCE_READ, actor=analyst)
    assert shown.detail["references"] == [world["report"]]
    assert len(shown.detail["pairs"]) == 2


def test_a_person_of_a_report_the_analyst_may_not_see_is_not_shown_nor_decided(
    run: ResolutionRun,
    world: dict[str, str],
    analyst: User,
    signed_in: Callable[[User], Client],
) -> None:
    client = signed_in(analyst)
    page = client.get(QUEUE).content.decode()
    assert HIDDEN_NAME not in page and "91%" not in page
    data = {"record_l": world["hidden"], "record_r": world["referral"], "decision": "reject"}
    assert client.post(DECIDE, data).status_code == 404
    with pytest.raises(PairNotFound):
        pair_decide(actor=analyst, left=world["hidden"], right=world["referral"], accepted=True)
    assert PairDecision.objects.count() == 0
    assert AuditEvent.objects.filter(verb=AuditVerb.ACCESS_DENIED, actor=analyst).count() == 2


def test_deciding_on_the_page_records_it_says_so_and_takes_the_pair_off_the_queue(
    run: ResolutionRun,
    world: dict[str, str],
    analyst: User,
    signed_in: Callable[[User], Client],
) -> None:
    client = signed_in(analyst)
    data = {"record_l": world["victim"], "record_r": world["referral"], "decision": "reject",
            "reason": "Different dates of birth", "pair": "1"}  # fmt: skip
    response = client.post(DECIDE + "?page=1", data)
    assert response.status_code == 302 and response["Location"] == QUEUE + "?page=1"
    page = client.get(QUEUE).content.decode()
    assert "You said the two records are different people" in page
    assert "1 pair is" in page and "87%" not in page
    assert PairDecision.objects.get().reason == "Different dates of birth"
    assert AuditEvent.objects.filter(verb=AuditVerb.PAIR_REJECT, actor=analyst).count() == 1


def test_a_decision_without_an_answer_is_refused_in_words_and_nothing_saved(
    run: ResolutionRun,
    world: dict[str, str],
    analyst: User,
    signed_in: Callable[[User], Client],
) -> None:
    client = signed_in(analyst)
    pair = ScoredPair.objects.get(record_l=min(world["victim"], world["referral"]))
    data = {"record_l": pair.record_l, "record_r": pair.record_r, "pair": str(pair.pk),
            "reason": "Kept when refused"}  # fmt: skip
    response = client.post(DECIDE, data)
    assert response.status_code == 400
    page = response.content.decode()
    assert "There is a problem" in page
    assert "Say whether the two records are the same person or different people" in page
    assert f'href="#decision-{pair.pk}"' in page and "Kept when refused" in page
    assert PairDecision.objects.count() == 0


def test_the_queue_says_when_people_have_not_been_resolved(
    analyst: User, signed_in: Callable[[User], Client]
) -> None:
    response = signed_in(analyst).get(QUEUE)
    assert response.status_code == 200
    assert "People have not been resolved yet" in response.content.decode()


def test_a_decision_is_changed_from_the_decisions_made_even_after_a_later_run(
    run: ResolutionRun,
    world: dict[str, str],
    analyst: User,
    signed_in: Callable[[User], Client],
) -> None:
    client = signed_in(analyst)
    victim, referral = world["victim"], world["referral"]
    pair_decide(actor=analyst, left=victim, right=referral, accepted=False, reason="Not her")
    PairDecision.objects.create(  # on a person of a report the analyst may not see
        record_l=min(world["hidden"], referral), record_r=max(world["hidden"], referral),
        mention_l=int(world["hidden"].split(":")[1]), accepted=True, decided_at=timezone.now(),
    )  # fmt: skip
    later = stored_run([referral, victim], review=[])  # the pair is no longer scored
    page = client.get(DECISIONS).content.decode()
    assert "1 decision made." in page and "Different people" in page and "Not her" in page
    assert "decided by intel-analyst" in page and "Change to same person" in page
    assert HIDDEN_NAME not in page
    data = {"record_l": victim, "record_r": referral, "decision": "accept", "next": "decisions"}
    response = client.post(DECIDE, data)
    assert response.status_code == 302 and response["Location"] == DECISIONS + "?page=1"
    assert _same(later, victim, referral)
    page = client.get(DECISIONS).content.decode()
    assert "You said the two records are the same person" in page
    assert "Change to different people" in page
    event = AuditEvent.objects.filter(verb=AuditVerb.PAIR_ACCEPT).get()
    assert (event.detail["old"], event.detail["new"]) == ({"accepted": False}, {"accepted": True})
    shown = AuditEvent.objects.filter(verb=AuditVerb.INTELLIGENCE_READ, actor=analyst).last()
    assert shown is not None and len(shown.detail["decisions"]) == 1
