"""The work queue page: capabilities, queues with counts, filters, deadline tags, pages."""

from collections.abc import Callable
from datetime import timedelta
from typing import Any

import pytest
from django.test import Client
from django.utils import timezone

from nrm.accounts.models import Organisation, User
from nrm.accounts.roles import DefaultRole
from nrm.audit.models import AuditEvent, AuditVerb
from nrm.cases.casework import messages
from nrm.cases.casework.forms import REFERENCE_FORMAT, REFERENCE_REQUIRED
from nrm.cases.casework.selectors import PAGE_SIZE
from nrm.cases.models import Case
from nrm.cases.stages import DUE_TODAY, OVERDUE

pytestmark = pytest.mark.django_db

QUEUE = "/casework/queue/"


def test_a_first_responder_cannot_open_the_work_queue(
    officer: User, signed_in: Callable[[User], Client]
) -> None:
    assert signed_in(officer).get(QUEUE).status_code == 403


def test_the_queue_lists_the_open_cases_with_an_overdue_tag_and_a_link(
    caseworker: User, reference: str, signed_in: Callable[[User], Client]
) -> None:
    page = signed_in(caseworker).get(QUEUE).content.decode()
    assert f'href="/casework/cases/{reference}/"' in page
    assert OVERDUE in page and "govuk-tag--red" in page
    assert "All open (1)" in page and "Overdue (1)" in page and "Due today (0)" in page


def test_cases_due_today_and_later_have_their_own_tags(
    caseworker: User,
    make_cases: Callable[..., list[str]],
    valid_referral: dict[str, Any],
    signed_in: Callable[[User], Client],
) -> None:
    today_ref, later_ref = make_cases(2, valid_referral)
    today = timezone.localdate()
    Case.objects.filter(referral__reference=today_ref).update(due_on=today)
    Case.objects.filter(referral__reference=later_ref).update(due_on=today + timedelta(days=3))
    client = signed_in(caseworker)
    page = client.get(QUEUE).content.decode()
    assert DUE_TODAY in page and "govuk-tag--orange" in page and "3 days left" in page
    due_today = client.get(QUEUE, {"queue": "due_today"}).content.decode()
    assert today_ref in due_today and later_ref not in due_today


def test_the_nation_and_exploitation_filters_narrow_the_queue_without_javascript(
    caseworker: User,
    make_cases: Callable[..., list[str]],
    valid_referral: dict[str, Any],
    signed_in: Callable[[User], Client],
) -> None:
    (english,) = make_cases(1, valid_referral)
    (scottish,) = make_cases(
        1,
        valid_referral,
        nation="scotland",
        police_region="scotland",
        exploitation_type="labour",
        exploitation_sub_types=[],
    )
    client = signed_in(caseworker)
    by_nation = client.get(QUEUE, {"nation": "scotland"}).content.decode()
    assert scottish in by_nation and english not in by_nation
    assert "All open (1)" in by_nation
    by_type = client.get(QUEUE, {"exploitation_type": "sexual"}).content.decode()
    assert english in by_type and scottish not in by_type


def test_only_assigned_to_me_shows_the_caseworkers_own_cases(
    caseworker: User,
    make_cases: Callable[..., list[str]],
    valid_referral: dict[str, Any],
    signed_in: Callable[[User], Client],
) -> None:
    mine, other = make_cases(2, valid_referral)
    Case.objects.filter(referral__reference=mine).update(assigned_to=caseworker)
    page = signed_in(caseworker).get(QUEUE, {"mine": "on"}).content.decode()
    assert mine in page and other not in page


def test_the_queue_is_paginated_and_keeps_its_filters_on_the_next_page(
    caseworker: User,
    make_cases: Callable[..., list[str]],
    valid_referral: dict[str, Any],
    signed_in: Callable[[User], Client],
) -> None:
    references = make_cases(PAGE_SIZE + 1, valid_referral)
    client = signed_in(caseworker)
    first = client.get(QUEUE, {"nation": "england"}).content.decode()
    assert "?queue=open&amp;nation=england&amp;page=2" in first
    second = client.get(QUEUE, {"nation": "england", "page": 2}).content.decode()
    assert second.count('href="/casework/cases/') == 1
    shown_first = sum(ref in first for ref in references)
    assert shown_first == PAGE_SIZE


def test_a_page_number_that_is_not_a_number_shows_the_first_page(
    caseworker: User, reference: str, signed_in: Callable[[User], Client]
) -> None:
    page = signed_in(caseworker).get(QUEUE, {"page": "x"}).content.decode()
    assert reference in page


def test_a_reference_typed_in_the_queue_opens_its_case(
    caseworker: User, reference: str, signed_in: Callable[[User], Client]
) -> None:
    typed = f" {reference.lower()} "
    response = signed_in(caseworker).get(QUEUE, {"reference": typed})
    assert response.status_code == 302
    assert response["Location"] == f"/casework/cases/{reference}/"


def test_a_reference_the_caseworker_cannot_see_is_said_so_and_the_queue_stays(
    make_user: Callable[..., User],
    ukhtc: Organisation,
    reference: str,
    signed_in: Callable[[User], Client],
) -> None:
    stranger = make_user("stranger", ukhtc, DefaultRole.CASEWORKER)
    response = signed_in(stranger).get(QUEUE, {"reference": reference})
    page = response.content.decode()
    assert response.status_code == 200
    assert messages.CASE_NOT_FOUND.format(reference=reference) in page
    assert "govuk-error-summary" in page and 'href="#id_reference"' in page
    assert "<title>Error: Work queue" in page
    assert f'href="/casework/cases/{reference}/"' not in page


def test_what_is_not_a_reference_is_refused_before_any_look_up(
    caseworker: User, reference: str, signed_in: Callable[[User], Client]
) -> None:
    for typed, message in (("Testa Fictiva", REFERENCE_FORMAT), ("", REFERENCE_REQUIRED)):
        page = signed_in(caseworker).get(QUEUE, {"reference": typed}).content.decode()
        assert message in page
    assert not AuditEvent.objects.filter(verb=AuditVerb.ACCESS_DENIED).exists()


def test_the_queue_names_no_deadline_in_words_and_lists_those_cases_last(
    caseworker: User,
    make_cases: Callable[..., list[str]],
    valid_referral: dict[str, Any],
    signed_in: Callable[[User], Client],
) -> None:
    (old,) = make_cases(1, valid_referral, referral_date="2012-05-02")
    (new,) = make_cases(1, valid_referral)
    Case.objects.filter(referral__reference=old).update(stage="suspended", due_on=None)
    page = signed_in(caseworker).get(QUEUE).content.decode()
    table = page[page.index('id="queue"') :]
    assert table.index(new) < table.index(old)
    assert "No deadline" in table and "None" not in table
    assert "2 May 2012" in table and "2012-05-02" not in table
    assert "New referrals (0)" in page
