"""The demo shows realistic work: open cases at every stage, some overdue, some assigned to the
demo caseworker, and support that follows each case's history."""

from datetime import date, timedelta
from typing import Any

import pytest
from django.utils import timezone

from nrm.accounts.models import User
from nrm.cases.casework.selectors import Queue, QueueFilters, queue_sizes
from nrm.cases.models import Case, CaseEvent, Decision
from nrm.cases.stages import Stage
from nrm.config.bootstrap import database_prepare
from nrm.demo.build import demo_accounts_create
from nrm.demo.casework import PLANS, SUPPORT_ENDS_AFTER_CG_DAYS, demo_casework_create
from nrm.standard.codes import AgeGroup, SupportReferralStatus
from nrm.support.models import SupportReferral

pytestmark = pytest.mark.django_db


@pytest.fixture
def demo_users(db: Any) -> dict[str, User]:
    database_prepare()
    return {
        account.username: User.objects.get(username=account.username)
        for account in demo_accounts_create()
    }


@pytest.fixture
def today(demo_users: dict[str, User]) -> date:
    today = timezone.localdate()
    assert demo_casework_create(today=today, users=demo_users) == len(PLANS)
    return today


def test_the_demo_has_cases_at_every_stage_and_some_overdue(
    demo_users: dict[str, User], today: date
) -> None:
    stages = set(Case.objects.values_list("stage", flat=True))
    assert stages == {stage.value for stage in Stage}
    sizes = queue_sizes(actor=demo_users["demo-caseworker"], today=today)
    assert sizes[Queue.OVERDUE] >= 3
    assert sizes[Queue.REVIEW_DUE] >= 1
    assert sizes[Queue.SUSPENDED] == 2
    assert sizes[Queue.NEW] >= 3
    assert CaseEvent.objects.filter(event="reallocate").count() == 1
    assert CaseEvent.objects.filter(event="reconsider").count() == 1


def test_some_open_cases_are_assigned_to_the_demo_caseworker(
    demo_users: dict[str, User], today: date
) -> None:
    caseworker = demo_users["demo-caseworker"]
    mine = queue_sizes(actor=caseworker, today=today, filters=QueueFilters(assigned_to_me=True))
    every = queue_sizes(actor=caseworker, today=today)
    assert 0 < mine[Queue.OPEN] < every[Queue.OPEN]
    assert 0 < mine[Queue.NEW] < every[Queue.NEW]


def _decided(referral_id: int, outcome: tuple[str, str]) -> date | None:
    decision = Decision.objects.filter(
        referral_id=referral_id, stage=outcome[0], outcome=outcome[1]
    ).first()
    return decision.decided_on if decision else None


def test_support_follows_each_case_offered_on_the_rg_day_accepted_after_and_ended_after_cg(
    demo_users: dict[str, User], today: date
) -> None:
    offers = SupportReferral.objects.select_related("provider").prefetch_related("episodes")
    positive_rg = Decision.objects.filter(stage="rg", outcome="positive")
    assert offers.count() == positive_rg.count() > 5
    statuses = set()
    for offer in offers:
        case = Case.objects.get(pk=offer.referral_id)
        offered = timezone.localdate(offer.offered_at)
        assert offered == _decided(offer.referral_id, ("rg", "positive"))
        statuses.add(offer.status)
        if offer.status == SupportReferralStatus.OFFERED:
            assert offer.responded_at is None and not offer.episodes.exists()
            continue
        answered = timezone.localdate(offer.responded_at)
        (episode,) = offer.episodes.all()
        assert offered <= answered <= episode.start <= today
        concluded = _decided(offer.referral_id, ("cg", case.stage.removeprefix("cg_")))
        if case.stage in (Stage.CG_POSITIVE, Stage.CG_NEGATIVE):
            assert concluded is not None and offer.status == SupportReferralStatus.ENDED
            assert episode.end == min(concluded + timedelta(days=SUPPORT_ENDS_AFTER_CG_DAYS), today)
            assert episode.exit_route
        else:
            assert offer.status == SupportReferralStatus.ACCEPTED and episode.end is None
    assert statuses == {
        SupportReferralStatus.OFFERED,
        SupportReferralStatus.ACCEPTED,
        SupportReferralStatus.ENDED,
    }


def test_a_child_is_supported_by_childrens_services_through_their_demo_account(
    demo_users: dict[str, User], today: date
) -> None:
    account = demo_users["demo-childrens-services"]
    (offer,) = SupportReferral.objects.filter(referral__age_group=AgeGroup.MINOR)
    assert offer.provider_id == account.organisation_id
    assert offer.responded_by_id == account.pk
    assert offer.status == SupportReferralStatus.ACCEPTED
