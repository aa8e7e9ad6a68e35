"""The case page: summary, person, account by capability, timeline, scope, the actions."""

import re
from collections.abc import Callable
from datetime import date, timedelta
from typing import Any

import pytest
from django.test import Client
from django.utils import timezone

from nrm.accounts.models import Organisation, User
from nrm.accounts.roles import DefaultRole
from nrm.audit.models import AuditEvent, AuditVerb
from nrm.cases.casework import messages
from nrm.cases.casework.display import duration_words
from nrm.cases.casework.services.decisions import rg_decision_record
from nrm.cases.casework.services.edits import case_assign, case_edit
from nrm.standard.words import long_date
from nrm.support.models import SupportReferral
from nrm.support.services import support_episode_start, support_referral_accept

pytestmark = pytest.mark.django_db

ISO_DATE = re.compile(r"\b\d{4}-\d{2}-\d{2}\b")


def url(reference: str, action: str = "") -> str:
    return f"/casework/cases/{reference}/" + (f"{action}/" if action else "")


def test_the_case_page_shows_the_summary_the_person_and_their_account(
    caseworker: User, reference: str, signed_in: Callable[[User], Client]
) -> None:
    page = signed_in(caseworker).get(url(reference)).content.decode()
    for text in (
        reference,
        "14 May 2012",
        "England",
        "London",
        "Metropolitan Police Service",
        "Home Office",
        "Awaiting reasonable grounds decision",
        "Testa Fictiva",
        "A fictional account used in tests.",
        "Unassigned",
    ):
        assert text in page, text


def test_the_account_is_left_out_for_a_reader_without_the_account_capability(
    officer: User, reference: str, signed_in: Callable[[User], Client]
) -> None:
    page = signed_in(officer).get(url(reference)).content.decode()
    assert "Testa Fictiva" in page
    assert "A fictional account used in tests." not in page and 'id="account"' not in page


def test_a_case_of_another_authority_looks_like_it_does_not_exist_and_is_audited(
    make_user: Callable[..., User],
    ukhtc: Organisation,
    reference: str,
    signed_in: Callable[[User], Client],
) -> None:
    stranger = make_user("stranger", ukhtc, DefaultRole.CASEWORKER)
    client = signed_in(stranger)
    for path in (url(reference), url(reference, "rg-decision")):
        response = client.get(path)
        assert response.status_code == 404 and b"Page not found" in response.content
    denials = AuditEvent.objects.filter(actor=stranger, verb=AuditVerb.ACCESS_DENIED)
    assert [d.detail["reference"] for d in denials] == [reference, reference]


def test_the_timeline_shows_receipt_allocation_decision_support_assignment_and_edits(
    caseworker: User,
    manager: User,
    reference: str,
    signed_in: Callable[[User], Client],
) -> None:
    case = rg_decision_record(
        actor=caseworker,
        reference=reference,
        positive=True,
        on=date(2012, 5, 18),
        expected_version=1,
    )
    case = case_assign(
        actor=manager, reference=reference, assignee=caseworker, expected_version=case.version
    )
    case_edit(actor=caseworker, reference=reference, expected_version=case.version, summary="S")
    assert SupportReferral.objects.filter(referral__reference=reference).exists()
    page = signed_in(caseworker).get(url(reference)).content.decode()
    timeline = page[page.index('id="timeline"') :]
    order = [
        "Referral received",
        "Allocated to Home Office",
        "Positive reasonable grounds decision",
        "Referred for support to",
        "Assigned to caseworker",
        "Case summary edited",
    ]
    positions = [timeline.index(text) for text in order]
    assert positions == sorted(positions)


def test_the_case_page_offers_only_the_changes_the_user_may_make_now(
    caseworker: User, manager: User, reference: str, signed_in: Callable[[User], Client]
) -> None:
    worker_page = signed_in(caseworker).get(url(reference)).content.decode()
    assert url(reference, "rg-decision") in worker_page
    assert url(reference, "cg-decision") not in worker_page
    assert url(reference, "reallocate") not in worker_page
    manager_page = signed_in(manager).get(url(reference)).content.decode()
    assert url(reference, "reallocate") in manager_page and url(reference, "assign") in manager_page


def test_the_case_page_writes_names_dates_and_lengths_of_time_not_codes(
    caseworker: User, reference: str, signed_in: Callable[[User], Client]
) -> None:
    page = signed_in(caseworker).get(url(reference)).content.decode()
    person = page[page.index('id="person"') :]
    assert "Nigeria (claimed)" in person and "NGA" not in person
    assert "English, Yoruba" in person and "eng, yor" not in person.lower()
    age = re.search(r"Open for</dt><dd [^>]*>([^<]*)<", page)
    assert age is not None
    assert age.group(1) == duration_words(date(2012, 5, 14), timezone.localdate())
    assert not ISO_DATE.search(page)
    assert "None" not in page[page.index("<main") :]
    assert "Case summary" not in page[: page.index('id="person"')]  # none written yet


def test_the_cg_decision_is_not_offered_before_the_recovery_period_ends_and_its_day_is_said(
    caseworker: User, reference: str, signed_in: Callable[[User], Client]
) -> None:
    decided = timezone.localdate() - timedelta(days=10)
    rg_decision_record(
        actor=caseworker, reference=reference, positive=True, on=decided, expected_version=1
    )
    ends = long_date(decided + timedelta(days=45))
    client = signed_in(caseworker)
    page = client.get(url(reference)).content.decode()
    assert url(reference, "cg-decision") not in page
    assert messages.CG_NOT_YET.format(day=ends) in page
    form = client.get(url(reference, "cg-decision")).content.decode()
    assert messages.CG_NOT_YET.format(day=ends) in form and "Save the decision" not in form


def test_the_cg_decision_is_offered_once_the_recovery_period_has_ended(
    caseworker: User, reference: str, signed_in: Callable[[User], Client]
) -> None:
    rg_decision_record(
        actor=caseworker,
        reference=reference,
        positive=True,
        on=date(2012, 5, 18),
        expected_version=1,
    )
    page = signed_in(caseworker).get(url(reference)).content.decode()
    assert url(reference, "cg-decision") in page and 'id="not-yet"' not in page


def test_support_on_the_day_of_the_decision_follows_the_decision_on_the_timeline(
    caseworker: User,
    make_user: Callable[..., User],
    reference: str,
    signed_in: Callable[[User], Client],
) -> None:
    today = timezone.localdate()
    rg_decision_record(
        actor=caseworker, reference=reference, positive=True, on=today, expected_version=1
    )
    offer = SupportReferral.objects.get(referral__reference=reference)
    provider = make_user("provider", offer.provider, DefaultRole.SUPPORT_PROVIDER)
    support_referral_accept(support_referral=offer, actor=provider)
    support_episode_start(
        support_referral=offer, actor=provider, support_type="outreach", start=today
    )
    page = signed_in(caseworker).get(url(reference)).content.decode()
    timeline = page[page.index('id="timeline"') :]
    order = [
        "Positive reasonable grounds decision",
        "Referred for support to",
        "Support referral accepted by",
        "Support started: Outreach",
    ]
    positions = [timeline.index(text) for text in order]
    assert positions == sorted(positions)


def test_decisions_a_case_arrived_with_are_on_its_timeline(
    caseworker: User,
    make_cases: Callable[..., list[str]],
    valid_referral: dict[str, Any],
    signed_in: Callable[[User], Client],
) -> None:
    history = {"rg_outcome": "positive", "rg_date": "2012-05-20", "cg_outcome": "pending"}
    (imported,) = make_cases(1, valid_referral, **history)
    page = signed_in(caseworker).get(url(imported)).content.decode()
    timeline = page[page.index('id="timeline"') :]
    assert "Positive reasonable grounds decision" in timeline
    assert "20 May 2012" in timeline and "Recorded with the referral" in timeline
    assert timeline.index("Allocated to") < timeline.index("Positive reasonable grounds")
