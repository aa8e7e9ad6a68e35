"""The order of the work queue: soonest deadline first, cases with no deadline (suspended) last,
the same whether the queue is read whole or page by page from either end; new referrals; the
way to a case by its reference."""

from collections.abc import Callable
from datetime import date, timedelta
from typing import Any

import pytest

from nrm.accounts.models import Organisation, User
from nrm.accounts.roles import DefaultRole
from nrm.audit.models import AuditEvent, AuditVerb
from nrm.cases.casework import selectors
from nrm.cases.casework.selectors import (
    Queue,
    QueueFilters,
    case_reference_find,
    queue_sizes,
    work_queue,
    work_queue_page,
)
from nrm.cases.models import Case

pytestmark = pytest.mark.django_db

TODAY = date(2012, 6, 1)


def _suspend(references: list[str]) -> None:
    Case.objects.filter(referral__reference__in=references).update(
        stage="suspended", resume_to="awaiting_rg", due_on=None
    )


def _walk(caseworker: User, queue: Queue = Queue.OPEN, **kwargs: Any) -> tuple[list[int], int]:
    first, pages = work_queue_page(actor=caseworker, queue=queue, today=TODAY, page=1, **kwargs)
    walked = [case.pk for case in first]
    for number in range(2, pages + 1):
        current, _ = work_queue_page(
            actor=caseworker, queue=queue, today=TODAY, page=number, **kwargs
        )
        walked += [case.pk for case in current]
    return walked, pages


def test_cases_with_no_deadline_come_after_every_case_with_one(
    caseworker: User, make_cases: Callable[..., list[str]], valid_referral: dict[str, Any]
) -> None:
    old = make_cases(3, valid_referral, referral_date="2012-05-02")
    new = make_cases(2, valid_referral, referral_date="2012-05-28")
    _suspend(old)
    found = work_queue(actor=caseworker, queue=Queue.OPEN, today=TODAY)
    order = [case.referral.reference for case in found]
    assert order == [*new, *old]
    assert [case.due_on is None for case in found] == [False, False, True, True, True]


def test_every_page_read_from_either_end_keeps_the_order_across_the_cases_without_a_deadline(
    caseworker: User,
    make_cases: Callable[..., list[str]],
    valid_referral: dict[str, Any],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(selectors, "PAGE_SIZE", 3)
    suspended = []
    for day in (1, 2, 3):
        suspended += make_cases(2, valid_referral, referral_date=f"2012-05-0{day}")
    for day in (14, 15, 16, 17):
        make_cases(2, valid_referral, referral_date=f"2012-05-{day}")
    _suspend(suspended[:5])
    expected = list(
        work_queue(actor=caseworker, queue=Queue.OPEN, today=TODAY).values_list("pk", flat=True)
    )
    walked, pages = _walk(caseworker)
    assert (pages, len(expected)) == (5, 14)
    assert walked == expected
    # Told the count (as the page is, by the queue sizes), the pages are the same.
    size = queue_sizes(actor=caseworker, today=TODAY)[Queue.OPEN]
    assert _walk(caseworker, count=size) == (expected, 5)
    assert [pk for pk in expected[-5:]] == list(
        Case.objects.filter(referral__reference__in=suspended[:5])
        .order_by("received_on", "referral_id")
        .values_list("pk", flat=True)
    )


def test_the_filters_narrow_both_parts_of_the_queue(
    caseworker: User,
    make_cases: Callable[..., list[str]],
    valid_referral: dict[str, Any],
) -> None:
    (welsh_old,) = make_cases(
        1, valid_referral, referral_date="2012-05-02", nation="wales", police_region="wales"
    )
    (welsh_new,) = make_cases(1, valid_referral, nation="wales", police_region="wales")
    (english_old,) = make_cases(1, valid_referral, referral_date="2012-05-02")
    _suspend([welsh_old, english_old])
    page, pages = work_queue_page(
        actor=caseworker,
        queue=Queue.OPEN,
        today=TODAY,
        page=1,
        filters=QueueFilters(nation="wales"),
    )
    assert [case.referral.reference for case in page] == [welsh_new, welsh_old]
    assert pages == 1


def test_new_referrals_are_those_awaiting_an_rg_decision_that_is_not_yet_overdue(
    caseworker: User, make_cases: Callable[..., list[str]], valid_referral: dict[str, Any]
) -> None:
    (late,) = make_cases(1, valid_referral, referral_date="2012-05-14")  # RG due 21 May
    (fresh,) = make_cases(1, valid_referral, referral_date="2012-05-30")  # RG due 6 June
    (suspended,) = make_cases(1, valid_referral, referral_date="2012-05-31")
    _suspend([suspended])
    found = work_queue(actor=caseworker, queue=Queue.NEW, today=TODAY)
    assert [case.referral.reference for case in found] == [fresh]
    sizes = queue_sizes(actor=caseworker, today=TODAY)
    assert (sizes[Queue.NEW], sizes[Queue.OVERDUE], sizes[Queue.OPEN]) == (1, 1, 3)
    assert late not in {case.referral.reference for case in found}
    assert queue_sizes(actor=caseworker, today=TODAY + timedelta(days=10))[Queue.NEW] == 0


def test_a_case_is_found_by_its_reference_only_in_the_actors_scope_and_a_miss_is_audited(
    caseworker: User,
    make_user: Callable[..., User],
    ukhtc: Organisation,
    reference: str,
) -> None:
    assert case_reference_find(actor=caseworker, reference=reference)
    stranger = make_user("stranger", ukhtc, DefaultRole.CASEWORKER)
    assert not case_reference_find(actor=stranger, reference=reference)
    assert not case_reference_find(actor=caseworker, reference="NRM-2012-999999")
    misses = AuditEvent.objects.filter(verb=AuditVerb.ACCESS_DENIED).order_by("id")
    assert [(m.actor_id, m.detail["reference"]) for m in misses] == [
        (stranger.pk, reference),
        (caseworker.pk, "NRM-2012-999999"),
    ]
