"""Selectors of the web pages: queue filters, counts in one pass, caseworker loads, the
caseworkers a case may be assigned to, the support of a case."""

from collections.abc import Callable
from datetime import date, timedelta
from typing import Any

import pytest
from django.utils import timezone

from nrm.accounts.models import Organisation, User
from nrm.accounts.roles import DefaultRole
from nrm.cases.casework.selectors import (
    Queue,
    QueueFilters,
    case_support,
    caseworkers_for,
    queue_sizes,
    queue_sizes_by_assignee,
    work_queue,
)
from nrm.cases.casework.services.decisions import rg_decision_record
from nrm.cases.models import Case

from .conftest import case_of

pytestmark = pytest.mark.django_db


def test_queue_filters_narrow_by_assignee_nation_and_exploitation_type(
    caseworker: User, make_cases: Callable[..., list[str]], valid_referral: dict[str, Any]
) -> None:
    english, mine = make_cases(2, valid_referral)
    (welsh,) = make_cases(1, valid_referral, nation="wales", police_region="wales")
    Case.objects.filter(referral__reference=mine).update(assigned_to=caseworker)
    today = timezone.localdate()

    def refs(filters: QueueFilters) -> set[str]:
        found = work_queue(actor=caseworker, queue=Queue.OPEN, today=today, filters=filters)
        return {case.referral.reference for case in found}

    assert refs(QueueFilters()) == {english, mine, welsh}
    assert refs(QueueFilters(assigned_to_me=True)) == {mine}
    assert refs(QueueFilters(nation="wales")) == {welsh}
    assert refs(QueueFilters(exploitation_type="labour")) == set()


def test_queue_sizes_count_every_queue_with_the_filters(
    caseworker: User, make_cases: Callable[..., list[str]], valid_referral: dict[str, Any]
) -> None:
    today = timezone.localdate()
    _overdue, due, suspended = make_cases(3, valid_referral)
    Case.objects.filter(referral__reference=due).update(due_on=today)
    Case.objects.filter(referral__reference=suspended).update(stage="suspended", due_on=None)
    sizes = queue_sizes(actor=caseworker, today=today)
    assert sizes[Queue.OPEN] == 3 and sizes[Queue.OVERDUE] == 1
    assert sizes[Queue.DUE_TODAY] == 1 and sizes[Queue.SUSPENDED] == 1
    assert sizes[Queue.REVIEW_DUE] == 0 and sizes[Queue.UPCOMING_CG] == 0
    assert queue_sizes(actor=caseworker, today=today, filters=QueueFilters(nation="wales")) == {
        queue: 0 for queue in Queue
    }


def test_loads_give_open_and_overdue_cases_per_caseworker_with_unassigned_last(
    caseworker: User, make_cases: Callable[..., list[str]], valid_referral: dict[str, Any]
) -> None:
    first, second, _ = make_cases(3, valid_referral)
    Case.objects.filter(referral__reference__in=[first, second]).update(assigned_to=caseworker)
    Case.objects.filter(referral__reference=second).update(
        due_on=timezone.localdate() + timedelta(days=2)
    )
    loads = queue_sizes_by_assignee(actor=caseworker, today=timezone.localdate())
    assert [(load.username, load.open, load.overdue) for load in loads] == [
        ("caseworker", 2, 1),
        ("", 1, 1),
    ]


def test_only_active_deciding_staff_of_the_authority_can_be_assigned(
    caseworker: User,
    manager: User,
    make_user: Callable[..., User],
    home_office: Organisation,
    ukhtc: Organisation,
) -> None:
    make_user("elsewhere", ukhtc, DefaultRole.CASEWORKER)
    make_user("analyst", home_office, DefaultRole.ANALYST)
    gone = make_user("gone", home_office, DefaultRole.CASEWORKER)
    gone.is_active = False
    gone.save()
    assert [u.username for u in caseworkers_for(actor=manager)] == ["caseworker", "manager"]


def test_a_positive_rg_shows_the_support_referral_of_the_case(
    caseworker: User, reference: str
) -> None:
    assert case_support(case=case_of(reference)) == []
    rg_decision_record(
        actor=caseworker,
        reference=reference,
        positive=True,
        on=date(2012, 5, 18),
        expected_version=1,
    )
    (offer,) = case_support(case=case_of(reference))
    assert offer.referral_id == case_of(reference).pk


def test_pages_read_from_either_end_give_the_queue_in_order_with_nothing_missed(
    make_cases: Any, valid_referral: dict[str, Any], caseworker: User, monkeypatch: Any
) -> None:
    from nrm.cases.casework import selectors
    from nrm.cases.casework.selectors import Queue, work_queue, work_queue_page

    monkeypatch.setattr(selectors, "PAGE_SIZE", 3)
    for day in (14, 15, 16, 17):
        make_cases(2, valid_referral, referral_date=f"2012-05-{day}")
    today = date(2012, 6, 1)
    expected = list(
        work_queue(actor=caseworker, queue=Queue.OPEN, today=today).values_list("pk", flat=True)
    )
    first, pages = work_queue_page(actor=caseworker, queue=Queue.OPEN, today=today, page=1)
    walked = [case.pk for case in first]
    for number in range(2, pages + 1):
        current, _ = work_queue_page(actor=caseworker, queue=Queue.OPEN, today=today, page=number)
        walked += [case.pk for case in current]
    assert (pages, len(expected)) == (3, 8)
    assert walked == expected
