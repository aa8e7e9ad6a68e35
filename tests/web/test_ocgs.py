"""The OCG register in the browser: an analyst lists the demo groups, filters them, opens one
and its network, and reads the tables of 2012, with and without script. Every page passes axe
and fits a 1280 px and a 320 px screen without sideways scrolling."""

from collections.abc import Callable

import pytest
from playwright.sync_api import Browser, Page, expect

from nrm.accounts.models import Organisation, User
from nrm.accounts.roles import DefaultRole
from nrm.config.bootstrap import database_prepare
from nrm.demo.intelligence_ocgs import demo_ocgs_create

from .conftest import Checked, sign_in

pytestmark = pytest.mark.django_db(transaction=True)


def _fits(page: Page, check: Checked, label: str) -> None:
    for width in (1280, 320):
        page.set_viewport_size({"width": width, "height": 900})
        check(page, f"{label}-at-{width}px")
        assert page.evaluate("document.documentElement.scrollWidth") <= width, (label, width)


def test_an_analyst_finds_a_group_opens_it_and_reads_the_tables(
    live_server: object,
    page: Page,
    browser: Browser,
    web_user: Callable[..., User],
    check: Checked,
) -> None:
    database_prepare()
    demo_ocgs_create()
    analyst = web_user("intel-analyst", Organisation.objects.get(code="nca-ukhtc"),
                       DefaultRole.INTELLIGENCE_ANALYST)  # fmt: skip
    sign_in(page, str(live_server), analyst)
    page.goto(f"{live_server}/intelligence/")
    page.get_by_role("link", name="See the organised crime groups they name").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Organised crime groups")
    expect(page.locator("#ocgs tbody tr")).to_have_count(36)
    _fits(page, check, "ocgs")
    page.get_by_label("Predominant nationality").select_option(label="Vietnam")
    page.get_by_label("Involved in").select_option(label="Cannabis cultivation")
    page.get_by_role("button", name="Show the groups").click()
    expect(page.locator("#ocgs tbody tr")).to_have_count(1)
    page.get_by_role("link", name="Demo Group Cedar").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Demo Group Cedar")
    expect(page.locator("#members tbody tr")).to_have_count(6)
    _fits(page, check, "ocg")
    page.get_by_role("link", name="See its network (Demo Group Cedar)").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Demo Group Cedar")

    page.goto(f"{live_server}/intelligence/ocgs/tables/")
    expect(page.get_by_role("heading", level=1)).to_have_text("Organised crime groups in 2012")
    expect(page.locator("table caption")).to_have_count(5)
    _fits(page, check, "ocg-tables")
    page.get_by_label("Year").select_option("2011")
    page.get_by_role("button", name="Show the tables").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Organised crime groups in 2011")
    page.goto(f"{live_server}/intelligence/ocgs/tables/?year=1999")
    expect(page.locator(".govuk-error-summary")).to_contain_text("Choose a year")
    _fits(page, check, "ocg-tables-year-refused")

    quiet = browser.new_context(  # the same session, with script turned off
        java_script_enabled=False,
        viewport={"width": 320, "height": 900},
        storage_state=page.context.storage_state(),
    )
    try:
        bare = quiet.new_page()
        bare.goto(f"{live_server}/intelligence/ocgs/?nationality=unknown&activity=money_laundering")
        expect(bare.locator("#ocgs tbody tr")).to_have_count(2)  # Yew and Jasmine
        box = bare.locator("main").bounding_box()
        assert box is not None and box["x"] >= 0 and box["x"] + box["width"] <= 320
    finally:
        quiet.close()
