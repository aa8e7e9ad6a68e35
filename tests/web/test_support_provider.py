"""A support provider in the browser: a person referred after a positive reasonable grounds
decision is accepted into support, an episode is started and closed."""

from collections.abc import Callable
from datetime import date
from typing import Any

import pytest
from django.utils import timezone
from playwright.sync_api import Page, expect

from nrm.accounts.models import Organisation, User
from nrm.accounts.roles import DefaultRole
from nrm.cases.casework.services.decisions import rg_decision_record
from nrm.cases.referrals.services import referral_submit
from nrm.support.models import SupportEpisode, SupportReferral
from nrm.support.services import support_providers_seed

from .conftest import Checked, sign_in

pytestmark = pytest.mark.django_db(transaction=True)


def _date_fill(page: Page, legend: str, day: date) -> None:
    group = page.get_by_role("group", name=legend)
    group.get_by_label("Day").fill(str(day.day))
    group.get_by_label("Month").fill(str(day.month))
    group.get_by_label("Year").fill(str(day.year))


def test_a_support_provider_accepts_a_person_into_support_and_records_an_episode(
    live_server: object,
    page: Page,
    web_user: Callable[..., User],
    make_user: Callable[..., User],
    organisation: Organisation,
    valid_referral: dict[str, Any],
    check: Checked,
) -> None:
    support_providers_seed()
    home_office = Organisation.objects.create(
        code="home-office-ca",
        name="Home Office Competent Authority",
        competent_authority="home_office",
    )
    officer = make_user("officer", organisation)
    caseworker = make_user("caseworker", home_office, DefaultRole.CASEWORKER)
    reference = referral_submit(
        actor=officer, data=valid_referral, organisation=organisation
    ).reference
    rg_decision_record(
        actor=caseworker,
        reference=reference,
        positive=True,
        on=date(2012, 5, 18),
        expected_version=1,
    )
    salvation_army = Organisation.objects.get(code="salvation-army")
    worker = web_user("tsa-worker", salvation_army, DefaultRole.SUPPORT_PROVIDER)
    today = timezone.localdate()

    sign_in(page, str(live_server), worker, check)
    page.get_by_role("navigation", name="Menu").get_by_role("link", name="Support").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Support referrals")
    check(page, "support-referrals")
    page.get_by_role("link", name=reference).click()
    expect(page.get_by_role("heading", level=1)).to_contain_text(reference)
    expect(page.get_by_text("Testa")).to_have_count(0)
    check(page, "support-referral-offered")

    page.get_by_role("button", name="Accept").click()
    check(page, "accept")
    page.get_by_label("The Salvation Army (your organisation)").check()
    page.get_by_role("button", name="Accept").click()
    expect(page.locator(".govuk-notification-banner--success")).to_contain_text("accepted")
    check(page, "support-referral-accepted")

    page.get_by_role("button", name="Start a support episode").click()
    page.get_by_label("Managed accommodation").check()
    _date_fill(page, "Start date", today)
    page.get_by_label("Accommodation", exact=True).check()
    page.get_by_label("Medical").check()
    check(page, "episode-start")
    page.get_by_role("button", name="Start the episode").click()
    expect(page.locator(".govuk-summary-card")).to_contain_text("Accommodation, Medical")
    check(page, "episode-open")

    page.get_by_role("link", name="Close this episode").click()
    page.get_by_role("button", name="Close the episode").click()
    expect(page.locator(".govuk-error-summary")).to_contain_text("Enter the date the support ended")
    check(page, "episode-close-errors")
    _date_fill(page, "End date", today)
    page.get_by_label("Independent living in the UK").check()
    page.get_by_role("button", name="Close the episode").click()
    expect(page.locator(".govuk-notification-banner--success")).to_contain_text("closed")
    check(page, "support-ended")

    support_referral = SupportReferral.objects.get(referral__reference=reference)
    assert support_referral.status == "ended"
    episode = SupportEpisode.objects.get(support_referral=support_referral)
    assert (episode.start, episode.end, episode.exit_route) == (
        today,
        today,
        "independent_living_uk",
    )
    assert episode.services == ["accommodation", "medical"]


def test_childrens_services_take_a_referred_child_into_support(
    live_server: object,
    page: Page,
    web_user: Callable[..., User],
    make_user: Callable[..., User],
    organisation: Organisation,
    valid_referral: dict[str, Any],
    check: Checked,
) -> None:
    support_providers_seed()
    home_office = Organisation.objects.create(
        code="home-office-ca",
        name="Home Office Competent Authority",
        competent_authority="home_office",
    )
    officer = make_user("officer", organisation)
    caseworker = make_user("caseworker", home_office, DefaultRole.CASEWORKER)
    child = {**valid_referral, "date_of_birth": "1997-01-05", "consent": None}
    reference = referral_submit(actor=officer, data=child, organisation=organisation).reference
    rg_decision_record(
        actor=caseworker,
        reference=reference,
        positive=True,
        on=date(2012, 5, 18),
        expected_version=1,
    )
    childrens_services = Organisation.objects.get(code="childrens-services-england")
    worker = web_user("social-worker", childrens_services, DefaultRole.SUPPORT_PROVIDER)

    sign_in(page, str(live_server), worker)
    page.get_by_role("navigation", name="Menu").get_by_role("link", name="Support").click()
    page.get_by_role("link", name=reference).click()
    page.get_by_role("button", name="Accept").click()
    page.get_by_role("button", name="Accept").click()
    expect(page.locator(".govuk-notification-banner--success")).to_contain_text("accepted")
    page.get_by_role("button", name="Start a support episode").click()
    page.get_by_label("Managed accommodation").check()
    _date_fill(page, "Start date", timezone.localdate())
    page.get_by_role("button", name="Start the episode").click()
    expect(page.locator(".govuk-summary-card")).to_contain_text("Managed accommodation")
    check(page, "child-in-support")
    offer = SupportReferral.objects.get(referral__reference=reference)
    assert (offer.provider, offer.status) == (childrens_services, "accepted")
