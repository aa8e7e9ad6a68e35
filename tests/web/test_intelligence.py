"""Intelligence in the browser: an officer records a graded report on one page and sees it; an
analyst finds it among the reports, opens it and follows its victim to the NRM record, and opens
the network of a demo group, with and without script. Every page passes axe and fits a 1280 px
and a 320 px screen without sideways scrolling."""

import re
from collections.abc import Callable
from typing import Any

import pytest
from playwright.sync_api import Browser, Page, expect

from nrm.accounts.models import Organisation, User
from nrm.accounts.roles import DefaultRole
from nrm.cases.referrals.services import referral_submit
from nrm.config.bootstrap import database_prepare
from nrm.demo.intelligence import demo_intelligence_create
from nrm.intelligence.models import Entity
from nrm.intelligence.services import intelligence_report_submit

from .conftest import ARTIFACTS, Checked, sign_in

pytestmark = pytest.mark.django_db(transaction=True)


def _fits(page: Page, check: Checked, label: str) -> None:
    for width in (1280, 320):
        page.set_viewport_size({"width": width, "height": 900})
        check(page, f"{label}-at-{width}px")
        assert page.evaluate("document.documentElement.scrollWidth") <= width, (label, width)


def test_an_officer_records_a_report_and_an_analyst_follows_it_to_the_nrm_record(
    live_server: object,
    page: Page,
    web_user: Callable[..., User],
    make_user: Callable[..., User],
    organisation: Organisation,
    valid_referral: dict[str, Any],
    valid_intelligence_report: dict[str, Any],
    check: Checked,
) -> None:
    hub = Organisation.objects.create(code="nca-ukhtc", name="NCA / UKHTC")
    referral = referral_submit(
        actor=make_user("responder", organisation), data=valid_referral, organisation=organisation
    )
    officer = web_user("intel-officer", organisation, DefaultRole.INTELLIGENCE_OFFICER)
    data = valid_intelligence_report
    data["entities"][1]["nrm_reference"] = referral.reference
    linked = intelligence_report_submit(actor=officer, data=data, organisation=organisation)

    sign_in(page, str(live_server), officer)
    page.get_by_role("navigation", name="Menu").get_by_role("link", name="Intelligence").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Intelligence reports")
    page.get_by_role("button", name="Record an intelligence report").click()
    _fits(page, check, "new-report")
    page.get_by_label("Your name").fill("DC Example")
    page.get_by_label("Police force").check()
    page.get_by_label("Day").first.fill("1")
    page.get_by_label("Month").first.fill("6")
    page.get_by_label("Year").first.fill("2012")
    page.get_by_label("2: Untested").check()
    page.get_by_label("B: Known indirectly to the source but corroborated").check()
    page.get_by_label("C: Lawful sharing permitted subject to conditions").check()
    page.get_by_label("What did the source say?").fill("A fictional report.")
    page.get_by_label("Suspect", exact=True).check()
    page.get_by_label("Phone number (optional)").fill("12")
    page.get_by_role("button", name="Record the report").click()
    expect(page.locator(".govuk-error-summary")).to_be_visible()
    _fits(page, check, "new-report-problems")
    page.get_by_label("Phone number (optional)").fill("07911 123456")
    page.get_by_label("NCA / UKHTC").check()
    page.get_by_role("button", name="Record the report").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Intelligence report recorded")
    _fits(page, check, "report-recorded")

    analyst = web_user("intel-analyst", hub, DefaultRole.INTELLIGENCE_ANALYST)
    page.context.clear_cookies()
    sign_in(page, str(live_server), analyst)
    page.goto(f"{live_server}/intelligence/")
    expect(page.locator("#reports tbody tr")).to_have_count(2)
    _fits(page, check, "reports")
    page.get_by_role("link", name=linked.reference).click()
    expect(page.locator("#entities tbody tr")).to_have_count(4)
    _fits(page, check, "report")
    page.get_by_role("link", name=referral.reference).click()
    expect(page.get_by_role("heading", level=1)).to_have_text(referral.reference)
    _fits(page, check, "nrm-record")


def test_an_analyst_opens_the_network_of_a_demo_group_and_reads_it_with_or_without_script(
    live_server: object,
    page: Page,
    browser: Browser,
    web_user: Callable[..., User],
    check: Checked,
) -> None:
    database_prepare()
    demo_intelligence_create()
    group = Entity.objects.get(ocg_name="Demo Group One")
    analyst = web_user("intel-analyst", Organisation.objects.get(code="nca-ukhtc"),
                       DefaultRole.INTELLIGENCE_ANALYST)  # fmt: skip
    sign_in(page, str(live_server), analyst)
    page.goto(f"{live_server}/intelligence/reports/{group.report.reference}/")
    page.get_by_role("link", name="See its network (Demo Group One)").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Demo Group One")
    chart = page.get_by_role("img", name="The network of Demo Group One within 2 links")
    expect(chart).to_be_visible()
    expect(chart.locator("g.node")).to_have_count(6)  # the group, its phone, the car wash's man…
    expect(chart.locator("line.link")).to_have_count(5)
    expect(page.locator("#nodes tbody tr")).to_have_count(6)
    expect(page.locator("#links tbody tr")).to_have_count(5)
    expect(page.locator("#nodes")).to_contain_text("Demo Controller")  # from the other report
    _fits(page, check, "network")
    page.get_by_label("How many links away").select_option("1")
    page.get_by_role("button", name="Show the network").click()
    expect(page.locator("#nodes tbody tr")).to_have_count(4)
    page.goto(f"{live_server}/intelligence/network/{group.pk}/?hops=9")
    expect(page.locator(".govuk-error-summary")).to_contain_text("1, 2 or 3")
    _fits(page, check, "network-hops-refused")

    quiet = browser.new_context(  # the same session, with script turned off
        java_script_enabled=False,
        viewport={"width": 320, "height": 900},
        storage_state=page.context.storage_state(),
    )
    try:
        bare = quiet.new_page()
        bare.goto(f"{live_server}/intelligence/network/{group.pk}/?hops=2")
        expect(bare.get_by_role("img", name=re.compile("Demo Group One"))).to_be_visible()
        expect(bare.locator("#nodes tbody tr")).to_have_count(6)
        for part in ("#chart svg", "#nodes", "#links", "main"):  # no script: the box, not axe
            box = bare.locator(part).bounding_box()
            assert box is not None and box["x"] >= 0 and box["x"] + box["width"] <= 320, part
        bare.screenshot(path=str(ARTIFACTS / "network-without-script-at-320px.png"), full_page=True)
    finally:
        quiet.close()
