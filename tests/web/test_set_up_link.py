"""The second factor in the browser: an administrator issues a set-up link, the person opens it,
signs in with their password and sets up their authenticator app; without a link a password
alone stops at a page asking them to contact their administrator."""

import re
from base64 import b32decode
from collections.abc import Callable

import pytest
from django_otp.oath import totp
from django_otp.plugins.otp_totp.models import TOTPDevice
from playwright.sync_api import Browser, Page, expect

from nrm.accounts.models import Organisation, User
from nrm.accounts.roles import DefaultRole
from nrm.accounts.setup_links import LINK_NEEDED, LINK_OPENED

from .conftest import PASSWORD, Checked, sign_in

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def newcomer(make_user: Callable[..., User], organisation: Organisation) -> User:
    """A new account: a password, no authenticator app yet."""
    user = make_user("newcomer", organisation, DefaultRole.FIRST_RESPONDER)
    user.set_password(PASSWORD)
    user.save()
    return user


def _password(page: Page, user: User) -> None:
    page.get_by_label("Username").fill(user.username)
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Continue").click()


def test_an_administrator_issues_a_set_up_link_and_the_person_sets_up_their_app_with_it(
    live_server: object,
    browser: Browser,
    page: Page,
    web_user: Callable[..., User],
    newcomer: User,
    organisation: Organisation,
    check: Checked,
) -> None:
    administrator = web_user("admin", organisation, DefaultRole.ADMINISTRATOR)
    sign_in(page, str(live_server), administrator)
    page.get_by_role("navigation", name="Menu").get_by_role("link", name="Accounts").click()
    page.get_by_role("link", name="Users", exact=True).first.click()
    page.get_by_role("link", name="newcomer").click()
    expect(page.locator(".govuk-summary-list")).to_contain_text("Not set up")
    check(page, "user-without-app")
    page.get_by_role("link", name="Issue a set-up link").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Issue a set-up link?")
    check(page, "issue-confirm")
    page.get_by_role("button", name="Issue a set-up link").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Set-up link issued")
    check(page, "link-issued")
    link = page.get_by_label("Set-up link").input_value()
    assert re.fullmatch(rf"{live_server}/sign-in/set-up/[A-Za-z0-9_-]+/", link), link

    # The person, in their own browser.
    context = browser.new_context(viewport={"width": 1200, "height": 900})
    theirs = context.new_page()
    theirs.goto(link)
    expect(theirs.locator(".govuk-notification-banner")).to_contain_text(LINK_OPENED)
    check(theirs, "link-opened")
    _password(theirs, newcomer)
    expect(theirs.get_by_role("heading", level=1)).to_have_text("Set up two-factor authentication")
    check(theirs, "set-up")
    key = theirs.locator("code").inner_text().replace(" ", "")
    code = totp(b32decode(key), step=30, t0=0, digits=6)
    theirs.get_by_role("textbox", name=re.compile("code", re.I)).fill(f"{code:06d}")
    theirs.get_by_role("button", name="Confirm and sign in").click()
    expect(theirs.locator("#account-bar")).to_contain_text("newcomer")
    check(theirs, "signed-in")
    assert TOTPDevice.objects.get(user=newcomer).confirmed

    # The link does not work again.
    again = browser.new_context().new_page()
    again.goto(link)
    expect(again.get_by_role("heading", level=1)).to_have_text("This set-up link cannot be used")
    check(again, "link-used")
    again.context.close()
    context.close()


def test_a_person_without_a_set_up_link_is_stopped_after_their_password(
    live_server: object, page: Page, newcomer: User, check: Checked
) -> None:
    page.goto(f"{live_server}/sign-in/")
    _password(page, newcomer)
    expect(page.get_by_role("heading", level=1)).to_have_text("You need a set-up link")
    expect(page.get_by_text(LINK_NEEDED)).to_be_visible()
    check(page, "stopped")
    assert "otpauth://" not in page.content()
    assert not TOTPDevice.objects.filter(user=newcomer).exists()
    page.goto(f"{live_server}/sign-in/two-factor/set-up/")
    expect(page.get_by_role("heading", level=1)).to_have_text("Sign in to Open NRM")
