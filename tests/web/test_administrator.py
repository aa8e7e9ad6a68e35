"""An administrator in the browser: adds a user and disables another, and looks at the
organisations and roles; no case content is on any of these pages."""

from collections.abc import Callable

import pytest
from playwright.sync_api import Page, expect

from nrm.accounts.admin_services import ROLE_REQUIRED
from nrm.accounts.models import Organisation, User
from nrm.accounts.roles import DefaultRole

from .conftest import Checked, sign_in

pytestmark = pytest.mark.django_db(transaction=True)

NEW_PASSWORD = "a-long-enough-passphrase-917"


def test_an_administrator_adds_a_user_and_disables_another(
    live_server: object,
    page: Page,
    web_user: Callable[..., User],
    make_user: Callable[..., User],
    organisation: Organisation,
    check: Checked,
) -> None:
    administrator = web_user("admin", organisation, DefaultRole.ADMINISTRATOR)
    leaver = make_user("leaver", organisation)
    sign_in(page, str(live_server), administrator, check)
    page.get_by_role("navigation", name="Menu").get_by_role("link", name="Accounts").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Accounts")
    check(page, "accounts")

    page.get_by_role("link", name="Organisations", exact=True).first.click()
    expect(page.get_by_role("table")).to_contain_text("Metropolitan Police Service")
    check(page, "organisations")
    page.get_by_role("link", name="Change Metropolitan Police Service").click()
    check(page, "organisation-change")
    page.get_by_role("link", name="Back to organisations").click()
    page.get_by_role("link", name="Roles", exact=True).click()
    expect(page.get_by_role("heading", level=2, name="Administrator")).to_be_visible()
    check(page, "roles")

    page.get_by_role("link", name="Users", exact=True).click()
    check(page, "users")
    page.get_by_role("button", name="Add a user").click()
    page.get_by_role("button", name="Add the user").click()
    expect(page.locator(".govuk-error-summary")).to_contain_text(ROLE_REQUIRED)
    check(page, "add-user-errors")
    page.get_by_label("Username").fill("new-analyst")
    page.get_by_label("Password").fill(NEW_PASSWORD)
    page.get_by_label("Organisation").select_option(label="Metropolitan Police Service")
    page.get_by_label("Role").select_option(label="Analyst")
    page.get_by_role("button", name="Add the user").click()
    expect(page.locator(".govuk-notification-banner--success")).to_contain_text("new-analyst")
    check(page, "user-added")
    created = User.objects.get(username="new-analyst")
    assert created.role is not None and created.role.code == "analyst"

    page.get_by_role("link", name="Back to users").click()
    page.get_by_role("link", name="leaver").click()
    page.get_by_role("link", name="Disable this user").click()
    check(page, "disable-confirm")
    page.get_by_role("button", name="Disable the user").click()
    expect(page.locator(".govuk-summary-list")).to_contain_text("Disabled")
    check(page, "user-disabled")
    leaver.refresh_from_db()
    assert not leaver.is_active
