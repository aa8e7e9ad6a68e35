"""The whole journey in the browser, each person on their own pages: a first responder refers,
a caseworker records a positive RG, the support provider accepts the person into support, the
caseworker records a positive CG, and the analyst sees the referral counted in the year's tables."""

import re
from collections.abc import Callable
from datetime import date, timedelta

import pytest
from django.utils import timezone
from playwright.sync_api import Browser, Page, expect

from nrm.accounts.models import Organisation, User
from nrm.accounts.roles import DefaultRole
from nrm.cases.models import Referral
from nrm.config.bootstrap import database_prepare

from .conftest import Checked, sign_in

pytestmark = pytest.mark.django_db(transaction=True)


def fill_date(page: Page, legend: str, on: date) -> None:
    group = page.get_by_role("group", name=legend)
    group.get_by_label("Day").fill(str(on.day))
    group.get_by_label("Month").fill(str(on.month))
    group.get_by_label("Year").fill(str(on.year))


def as_user(browser: Browser, base: str, user: User, check: Checked) -> Page:
    """A fresh browser context signed in as ``user``."""
    page = browser.new_context(viewport={"width": 1200, "height": 900}).new_page()
    sign_in(page, base, user, check)
    return page


def refer(page: Page, received: date, check: Checked) -> str:
    page.get_by_role("navigation", name="Menu").get_by_role("link", name="Referrals").click()
    check(page, "referrals")
    page.get_by_role("button", name="Start a referral").click()
    fill_date(page, "Date of the referral", received)
    page.get_by_role("radio", name="England").check()
    page.get_by_label("Police region or country where the person presented").select_option("london")
    page.get_by_role("group", name=re.compile("immigration")).get_by_label("Yes").check()
    page.get_by_label("Your name").fill("PC Journey")
    check(page, "about")
    page.get_by_role("button", name="Continue").click()
    page.get_by_role("link", name="The person", exact=True).click()
    page.get_by_label("Given names").fill("Journey")
    page.get_by_label("Estimated age in years").fill("30")
    page.get_by_role("radio", name="Female").check()
    page.get_by_label("Nationality the person claims").fill("NGA")
    check(page, "person")
    page.get_by_role("button", name="Continue").click()
    page.get_by_role("link", name="Consent").click()
    page.get_by_role("radio", name="Yes").check()
    page.get_by_role("button", name="Continue").click()
    page.get_by_role("link", name="The exploitation").click()
    page.get_by_role("radio", name="Labour exploitation").check()
    page.get_by_role("checkbox", name="Labour exploitation: Construction").check()
    check(page, "exploitation")
    page.get_by_role("button", name="Continue").click()
    page.get_by_role("link", name="The person's account").click()
    page.get_by_role("button", name="Continue").click()
    page.get_by_role("link", name="Check your answers and submit").click()
    check(page, "check-answers")
    page.get_by_role("button", name="Submit referral").click()
    expect(page.locator(".govuk-panel__title")).to_have_text("Referral submitted")
    check(page, "confirmation")
    return page.locator("#reference").inner_text().strip()


def decide(page: Page, reference: str, which: str, on: date, check: Checked) -> None:
    page.get_by_role("navigation", name="Menu").get_by_role("link", name="Work queue").click()
    page.get_by_role("link", name="All open").first.click()
    page.locator("#queue tbody tr").filter(has_text=reference).get_by_role(
        "link", name=reference
    ).click()
    check(page, f"case-before-{which}")
    page.get_by_role("link", name=f"Record the {which} decision").click()
    page.get_by_label("Positive").check()
    fill_date(page, "Date of the decision", on)
    check(page, f"{which}-form")
    page.get_by_role("button", name="Save the decision").click()
    expect(page.locator(".govuk-notification-banner--success")).to_be_visible()
    check(page, f"case-after-{which}")


def test_referral_to_decision_to_support_to_statistics_across_five_people(
    live_server: object,
    browser: Browser,
    web_user: Callable[..., User],
    check: Checked,
) -> None:
    database_prepare()
    base = str(live_server)
    org = Organisation.objects.get
    officer = web_user("officer", org(code="met-police"), DefaultRole.FIRST_RESPONDER)
    caseworker = web_user("caseworker", org(code="home-office-ca"), DefaultRole.CASEWORKER)
    support = web_user("tsa-worker", org(code="salvation-army"), DefaultRole.SUPPORT_PROVIDER)
    analyst = web_user("analyst", org(code="nca-ukhtc"), DefaultRole.ANALYST)
    today = timezone.localdate()
    received = today - timedelta(days=60)

    reference = refer(as_user(browser, base, officer, check), received, check)
    assert Referral.objects.get(reference=reference).competent_authority == "home_office"

    caseworker_page = as_user(browser, base, caseworker, check)
    decide(caseworker_page, reference, "reasonable grounds", received + timedelta(days=3), check)

    page = as_user(browser, base, support, check)
    page.get_by_role("navigation", name="Menu").get_by_role("link", name="Support").click()
    page.get_by_role("link", name=reference).click()
    check(page, "support-offered")
    page.get_by_role("button", name="Accept").click()
    page.get_by_label("The Salvation Army (your organisation)").check()
    page.get_by_role("button", name="Accept").click()
    expect(page.locator(".govuk-notification-banner--success")).to_contain_text("accepted")
    check(page, "support-accepted")

    decide(caseworker_page, reference, "conclusive grounds", received + timedelta(days=50), check)

    page = as_user(browser, base, analyst, check)
    page.goto(f"{base}/statistics/{received.year}/")
    check(page, "statistics")
    england = page.locator("#t01-table").get_by_role("row", name="England")
    expect(england.get_by_role("cell").nth(1)).to_have_text("1")
    positive_rg = page.locator("#t04-table").get_by_role("row", name="Positive")
    expect(positive_rg.get_by_role("cell").first).to_have_text("1")
    positive_cg = page.locator("#t05-table").get_by_role("row", name="Positive")
    expect(positive_cg.get_by_role("cell").first).to_have_text("1")
