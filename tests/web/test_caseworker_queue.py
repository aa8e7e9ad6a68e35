"""The work queue in the browser: new work on the first page with the cases that have no
deadline last, a case found by its NRM reference, only the caseworker's own cases, and a page
that fits a 320 px screen without sideways scrolling."""

from collections.abc import Callable
from datetime import timedelta
from typing import Any

import pytest
from django.utils import timezone
from playwright.sync_api import Browser, Page, expect

from nrm.accounts.models import Organisation, User
from nrm.accounts.roles import DefaultRole
from nrm.cases.casework import messages, selectors
from nrm.cases.casework.services.decisions import case_event_record
from nrm.cases.casework.services.edits import case_assign
from nrm.cases.referrals.services import referral_submit
from nrm.cases.stages import Event
from nrm.support.services import support_providers_seed

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
def caseworker(web_user: Callable[..., User], home_office: Organisation) -> User:
    return web_user("caseworker", home_office, DefaultRole.CASEWORKER)


@pytest.fixture
def queue(
    make_user: Callable[..., User],
    organisation: Organisation,
    home_office: Organisation,
    caseworker: User,
    valid_referral: dict[str, Any],
    monkeypatch: pytest.MonkeyPatch,
) -> dict[str, list[str]]:
    """Six old cases suspended (no deadline), then two new referrals, one of them assigned to
    the caseworker; five cases a page."""
    monkeypatch.setattr(selectors, "PAGE_SIZE", 5)
    support_providers_seed()
    officer = make_user("officer", organisation)
    manager = make_user("manager", home_office, DefaultRole.MANAGER)

    def refer(on: str) -> str:
        data = {**valid_referral, "referral_date": on}
        return referral_submit(actor=officer, data=data, organisation=organisation).reference

    old = [refer(f"2012-05-0{day}") for day in range(1, 7)]
    for reference in old:
        case_event_record(
            actor=caseworker,
            reference=reference,
            event=Event.SUSPEND,
            on=timezone.localdate(),
            expected_version=1,
        )
    today = timezone.localdate()
    new = [refer((today - timedelta(days=days)).isoformat()) for days in (1, 0)]
    case_assign(actor=manager, reference=new[0], assignee=caseworker, expected_version=1)
    return {"old": old, "new": new}


def _queue_rows(page: Page) -> list[str]:
    return [text.split()[0] for text in page.locator("#queue tbody tr").all_inner_texts()]


def test_new_work_is_on_the_first_page_and_cases_with_no_deadline_come_last(
    live_server: Any, page: Page, caseworker: User, queue: dict[str, list[str]], check: Checked
) -> None:
    sign_in(page, str(live_server), caseworker)
    page.get_by_role("navigation", name="Menu").get_by_role("link", name="Work queue").click()
    expect(page.get_by_role("heading", level=2, name="All open: 8 cases")).to_be_visible()
    rows = _queue_rows(page)
    assert rows[:2] == queue["new"] and rows[2:] == queue["old"][:3]
    expect(page.locator("#queue tbody tr").nth(4)).to_contain_text("No deadline")
    check(page, "queue-first-page")
    page.get_by_role("link", name="Next").click()
    assert _queue_rows(page) == queue["old"][3:]
    page.get_by_role("navigation", name="Queues").get_by_role("link", name="New referrals").click()
    assert _queue_rows(page) == queue["new"]
    check(page, "new-referrals")


def test_a_case_is_found_by_its_reference_and_a_missing_one_is_said_so(
    live_server: Any, page: Page, caseworker: User, queue: dict[str, list[str]], check: Checked
) -> None:
    sign_in(page, str(live_server), caseworker)
    page.goto(f"{live_server}/casework/queue/")
    wanted = queue["old"][-1]
    page.get_by_label("Find a case by its NRM reference").fill(wanted.lower())
    page.get_by_role("button", name="Find the case").click()
    expect(page.get_by_role("heading", level=1)).to_have_text(wanted)
    page.goto(f"{live_server}/casework/queue/")
    page.get_by_label("Find a case by its NRM reference").fill("NRM-2012-999999")
    page.get_by_role("button", name="Find the case").click()
    missing = messages.CASE_NOT_FOUND.format(reference="NRM-2012-999999")
    expect(page.locator(".govuk-error-summary")).to_contain_text(missing)
    expect(page.locator("#id_reference-error")).to_contain_text(missing)
    check(page, "reference-not-found")


def test_only_cases_assigned_to_me_shows_the_caseworkers_own(
    live_server: Any, page: Page, caseworker: User, queue: dict[str, list[str]], check: Checked
) -> None:
    sign_in(page, str(live_server), caseworker)
    page.goto(f"{live_server}/casework/queue/")
    page.get_by_label("Only cases assigned to me").check()
    page.get_by_role("button", name="Apply filters").click()
    assert _queue_rows(page) == queue["new"][:1]
    expect(page.get_by_label("Only cases assigned to me")).to_be_checked()
    expect(page.locator("#queue")).to_contain_text("caseworker")
    check(page, "assigned-to-me")


def test_the_queue_and_a_case_fit_a_320_pixel_screen(
    live_server: Any, page: Page, caseworker: User, queue: dict[str, list[str]], check: Checked
) -> None:
    sign_in(page, str(live_server), caseworker)
    for width in (1280, 320):
        page.set_viewport_size({"width": width, "height": 900})
        for path in ("/casework/queue/", f"/casework/cases/{queue['new'][0]}/"):
            page.goto(f"{live_server}{path}")
            assert page.evaluate("document.documentElement.scrollWidth") <= width, (width, path)
            table = page.locator("#queue")
            if table.count():
                box = table.bounding_box()
                main = page.locator("main").bounding_box()
                assert box is not None and main is not None
                assert box["x"] + box["width"] <= main["x"] + main["width"] + 1, width
            check(page, f"{path}-{width}")


def test_the_referral_list_and_the_managers_dashboard_fit_a_320_pixel_screen(
    live_server: Any,
    browser: Browser,
    web_user: Callable[..., User],
    organisation: Organisation,
    home_office: Organisation,
    queue: dict[str, list[str]],
    check: Checked,
) -> None:
    pages = {
        web_user("responder", organisation): "/referrals/",
        web_user("lead", home_office, DefaultRole.MANAGER): "/casework/dashboard/",
    }
    for user, path in pages.items():
        context = browser.new_context(viewport={"width": 320, "height": 900})
        page = context.new_page()
        sign_in(page, str(live_server), user)
        page.goto(f"{live_server}{path}")
        assert page.evaluate("document.documentElement.scrollWidth") <= 320, path
        check(page, f"{path}-320")
        context.close()
