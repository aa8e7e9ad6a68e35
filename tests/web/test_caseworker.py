"""A caseworker in the browser: the work queue with its deadline tags, a case decided from a
positive RG to a positive CG, two pages saving the same case version, the timeline in the order
things happened, and the CG decision offered only from the day it can be made."""

from collections.abc import Callable
from datetime import date, timedelta
from typing import Any

import pytest
from django.utils import timezone
from playwright.sync_api import Page, expect

from nrm.accounts.models import Organisation, User
from nrm.accounts.roles import DefaultRole
from nrm.cases.casework import messages
from nrm.cases.casework.services.decisions import rg_decision_record
from nrm.cases.referrals.services import referral_submit
from nrm.support.models import SupportReferral
from nrm.support.services import (
    support_episode_start,
    support_providers_seed,
    support_referral_accept,
)

from .conftest import Checked, sign_in

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def home_office(db: Any) -> Organisation:
    return Organisation.objects.create(
        code="home-office-ca",
        name="Home Office Competent Authority",
        competent_authority="home_office",
    )


@pytest.fixture
def old_case(
    make_user: Callable[..., User], organisation: Organisation, valid_referral: dict[str, Any]
) -> str:
    """A case referred on 14 May 2012: its RG is long overdue, its recovery period long over."""
    support_providers_seed()
    officer = make_user("officer", organisation)
    return referral_submit(actor=officer, data=valid_referral, organisation=organisation).reference


def fill_date(page: Page, legend: str, on: date) -> None:
    group = page.get_by_role("group", name=legend)
    group.get_by_label("Day").fill(str(on.day))
    group.get_by_label("Month").fill(str(on.month))
    group.get_by_label("Year").fill(str(on.year))


def test_a_caseworker_records_a_positive_rg_then_a_positive_cg_from_the_queue(
    live_server: Any,
    page: Page,
    web_user: Callable[..., User],
    home_office: Organisation,
    old_case: str,
    check: Checked,
) -> None:
    user = web_user("caseworker", home_office, DefaultRole.CASEWORKER)
    sign_in(page, str(live_server), user, check)
    page.get_by_role("navigation", name="Menu").get_by_role("link", name="Work queue").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Work queue")
    row = page.locator("#queue tbody tr").filter(has_text=old_case)
    expect(row.locator(".govuk-tag--red")).to_have_text("Overdue")
    check(page, "queue")

    row.get_by_role("link", name=old_case).click()
    expect(page.get_by_role("heading", level=1)).to_have_text(old_case)
    expect(page.locator("#case-summary")).to_contain_text("Awaiting reasonable grounds decision")
    check(page, "case")

    page.get_by_role("link", name="Record the reasonable grounds decision").click()
    check(page, "rg-decision")
    page.get_by_label("Positive").check()
    fill_date(page, "Date of the decision", date(2012, 5, 18))
    page.get_by_role("button", name="Save the decision").click()
    expect(page.locator(".govuk-notification-banner--success")).to_contain_text(
        f"Reasonable grounds decision recorded for {old_case}"
    )
    expect(page.locator("#timeline")).to_contain_text("Positive reasonable grounds decision")
    expect(page.locator("#timeline")).to_contain_text("Referred for support")
    check(page, "case-after-rg")

    page.get_by_role("link", name="Record the conclusive grounds decision").click()
    page.get_by_label("Positive").check()
    fill_date(page, "Date of the decision", date(2012, 7, 2))
    check(page, "cg-decision")
    page.get_by_role("button", name="Save the decision").click()
    expect(page.locator("#case-summary")).to_contain_text("Positive conclusive grounds decision")
    expect(page.locator("#timeline")).to_contain_text("Positive conclusive grounds decision")
    check(page, "case-after-cg")


def test_the_second_of_two_pages_saving_the_same_version_sees_the_conflict_and_keeps_its_text(
    live_server: Any,
    page: Page,
    web_user: Callable[..., User],
    home_office: Organisation,
    old_case: str,
    check: Checked,
) -> None:
    user = web_user("caseworker", home_office, DefaultRole.CASEWORKER)
    sign_in(page, str(live_server), user)
    summary_url = f"{live_server}/casework/cases/{old_case}/summary/"
    first = page
    second = page.context.new_page()
    first.goto(summary_url)
    second.goto(summary_url)
    check(first, "summary-form")
    first.get_by_label("Case summary").fill("Interview booked for Thursday.")
    first.get_by_role("button", name="Save the summary").click()
    expect(first.locator(".govuk-notification-banner--success")).to_be_visible()

    typed = "Interpreter needed: Yoruba. Second caseworker's note."
    second.get_by_label("Case summary").fill(typed)
    second.get_by_role("button", name="Save the summary").click()
    summary = second.locator(".govuk-error-summary")
    expect(summary).to_contain_text(messages.CASE_CONFLICT.format(expected=1, current=2))
    expect(second.get_by_label("Case summary")).to_have_value(typed)
    check(second, "summary-conflict")

    second.get_by_role("button", name="Save the summary").click()
    expect(second.locator("#case-summary")).to_contain_text(typed)


@pytest.fixture
def supported_today(
    make_user: Callable[..., User], home_office: Organisation, old_case: str, web_user: Any
) -> tuple[User, str]:
    """A case with a positive RG recorded today; its provider accepted the support referral and
    started the support on the same day."""
    user = web_user("caseworker", home_office, DefaultRole.CASEWORKER)
    today = timezone.localdate()
    rg_decision_record(actor=user, reference=old_case, positive=True, on=today, expected_version=1)
    offer = SupportReferral.objects.select_related("provider").get(referral__reference=old_case)
    provider = make_user("provider", offer.provider, DefaultRole.SUPPORT_PROVIDER)
    support_referral_accept(support_referral=offer, actor=provider)
    support_episode_start(
        support_referral=offer, actor=provider, support_type="managed_accommodation", start=today
    )
    return user, old_case


def test_the_timeline_lists_support_after_the_decision_it_follows_from(
    live_server: Any, page: Page, supported_today: tuple[User, str], check: Checked
) -> None:
    user, reference = supported_today
    sign_in(page, str(live_server), user)
    page.goto(f"{live_server}/casework/cases/{reference}/")
    titles = page.locator("#timeline h3").all_inner_texts()
    assert titles[:2] == ["Referral received", "Allocated to Home Office"]
    assert titles[2:] == [
        "Positive reasonable grounds decision",
        "Referred for support to The Salvation Army",
        "Support referral accepted by The Salvation Army",
        "Support started: Managed accommodation",
    ]
    check(page, "timeline")


def test_the_cg_decision_is_not_offered_before_the_recovery_period_ends_but_its_day_is_shown(
    live_server: Any, page: Page, supported_today: tuple[User, str], check: Checked
) -> None:
    user, reference = supported_today
    sign_in(page, str(live_server), user)
    page.goto(f"{live_server}/casework/cases/{reference}/")
    ends = timezone.localdate() + timedelta(days=45)
    expect(page.locator("#not-yet")).to_have_text(
        messages.CG_NOT_YET.format(day=f"{ends.day} {ends:%B %Y}")
    )
    expect(page.get_by_role("link", name="Record the conclusive grounds decision")).to_have_count(0)
    expect(page.get_by_role("link", name="Record the day-30 review")).to_be_visible()
    check(page, "cg-not-yet")
