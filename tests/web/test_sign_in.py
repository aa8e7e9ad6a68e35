from collections.abc import Callable

import pytest
from playwright.sync_api import Browser, Page, expect

from nrm.accounts.models import Organisation, User
from nrm.accounts.roles import DefaultRole

from .conftest import PASSWORD, Checked, sign_in

pytestmark = pytest.mark.django_db(transaction=True)


def test_a_caseworker_signs_in_with_two_factors_and_sees_who_and_where_they_are(
    live_server: object, page: Page, web_user: Callable[..., User], check: Checked
) -> None:
    home = Organisation.objects.create(
        code="home-office-ca",
        name="Home Office Competent Authority",
        competent_authority="home_office",
    )
    user = web_user("caseworker", home, DefaultRole.CASEWORKER)
    sign_in(page, str(live_server), user, check)
    expect(page.locator("#account-bar")).to_contain_text("caseworker")
    expect(page.locator("#account-bar")).to_contain_text("Home Office Competent Authority")
    check(page, "home")
    page.get_by_role("button", name="Sign out").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Sign in to Open NRM")


def test_a_wrong_password_shows_the_error_summary_linked_to_the_problem(
    live_server: object,
    page: Page,
    web_user: Callable[..., User],
    organisation: Organisation,
    check: Checked,
) -> None:
    user = web_user("officer", organisation)
    page.goto(f"{live_server}/sign-in/")
    page.get_by_label("Username").fill(user.username)
    page.get_by_label("Password").fill(PASSWORD + "-wrong")
    page.get_by_role("button", name="Continue").click()
    expect(page.locator(".govuk-error-summary")).to_be_visible()
    expect(page).to_have_title("Error: Sign in \N{EN DASH} Open NRM")
    check(page, "sign-in-error")


def test_sign_in_works_with_javascript_disabled(
    live_server: object, browser: Browser, web_user: Callable[..., User], organisation: Organisation
) -> None:
    user = web_user("officer", organisation)
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    sign_in(page, str(live_server), user)
    expect(page.locator("#account-bar")).to_contain_text("officer")
    context.close()
