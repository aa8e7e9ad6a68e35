"""Error pages in the browser, signed in and not: GOV.UK pages in the service's layout that pass
axe (with its best practices: every piece of content inside a landmark)."""

from collections.abc import Callable
from typing import Any

import pytest
from playwright.sync_api import Page, expect

from nrm.accounts.models import Organisation, User
from nrm.accounts.roles import DefaultRole

from .conftest import PASSWORD, Checked, sign_in

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture(autouse=True)
def _raising_pages(settings: Any) -> None:
    settings.ROOT_URLCONF = "tests.web.error_urls"


def _visit(page: Page, url: str, status: int, heading: str, check: Checked) -> None:
    response = page.goto(url)
    assert response is not None and response.status == status, url
    expect(page.get_by_role("heading", level=1)).to_have_text(heading)
    check(page, f"{status}-{heading}")


def test_error_pages_follow_the_services_layout_signed_in_and_not(
    live_server: object,
    page: Page,
    web_user: Callable[..., User],
    organisation: Organisation,
    check: Checked,
) -> None:
    base = str(live_server)
    _visit(page, f"{base}/no-such-page/", 404, "Page not found", check)
    expect(page.get_by_role("link", name="Sign in")).to_be_visible()
    _visit(page, f"{base}/raise/403/", 403, "You cannot use this page", check)
    _visit(page, f"{base}/raise/400/", 400, "Sorry, there is a problem with the service", check)

    officer = web_user("officer", organisation, DefaultRole.FIRST_RESPONDER)
    sign_in(page, base, officer)
    _visit(page, f"{base}/no-such-page/", 404, "Page not found", check)
    expect(page.locator("#account-bar")).to_contain_text("officer")
    expect(page.get_by_role("navigation", name="Menu")).to_be_visible()
    _visit(page, f"{base}/statistics/", 403, "You cannot use this page", check)
    _visit(page, f"{base}/raise/400/", 400, "Sorry, there is a problem with the service", check)
    expect(page.get_by_role("link", name="Go to your home page")).to_be_visible()


def test_a_form_sent_after_its_session_cookie_is_gone_gets_the_session_page(
    live_server: object, page: Page, web_user: Callable[..., User], check: Checked
) -> None:
    person = web_user("officer", None, DefaultRole.FIRST_RESPONDER)
    page.goto(f"{live_server}/sign-in/")
    page.context.clear_cookies()
    page.get_by_label("Username").fill(person.username)
    page.get_by_label("Password").fill(PASSWORD)
    with page.expect_response(lambda r: r.request.method == "POST") as sent:
        page.get_by_role("button", name="Continue").click()
    assert sent.value.status == 403
    expect(page.get_by_role("heading", level=1)).to_have_text("Your session may have ended")
    expect(page.get_by_text("Go back and try again.")).to_be_visible()
    check(page, "csrf-failure")
