"""The border guidance in the browser: a Border Force duty officer opens the guidance from the
menu, chooses their port and prints it: on A4, without the menu, the account bar or the footer.
Every page passes axe, on a desktop and at 320 px."""

import re
from collections.abc import Callable

import pytest
from playwright.sync_api import Page, expect

from nrm.accounts.models import User
from nrm.accounts.roles import DefaultRole
from nrm.cases.casework.organisations import competent_authorities_seed
from nrm.support.services import support_providers_seed
from tests.border.factories import active_profile_version
from tests.border.test_crew_factories import port_office

from .conftest import Checked, sign_in

pytestmark = pytest.mark.django_db(transaction=True)
A4_POINTS = (595, 842)  # the media box of an A4 page, in points


def test_an_officer_prints_the_guidance_of_their_port(
    live_server: object, page: Page, web_user: Callable[..., User], check: Checked
) -> None:
    base = str(live_server)
    competent_authorities_seed()
    support_providers_seed()
    heathrow = port_office("LHR")
    active_profile_version(heathrow, name="One-way tickets paid in cash")
    officer = web_user("bfo-heathrow", heathrow, DefaultRole.BORDER_FORCE_DUTY_OFFICER)
    sign_in(page, base, officer)

    page.get_by_role("navigation", name="Menu").get_by_role("link", name="Border guidance").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Border guidance")
    check(page, "ports")
    page.get_by_role("link", name="London Heathrow").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("London Heathrow")
    expect(page.locator("#profiles")).to_contain_text("One-way tickets paid in cash")
    expect(page.locator("#refers")).to_contain_text("Border Force LHR")
    expect(page.locator("#child-support")).to_contain_text("local authority (England)")
    check(page, "port")

    page.set_viewport_size({"width": 320, "height": 640})
    check(page, "port-phone")
    assert page.evaluate("document.documentElement.scrollWidth") <= 320
    page.set_viewport_size({"width": 1200, "height": 900})

    page.emulate_media(media="print")
    for hidden in (".nrm-header", ".govuk-footer", "nav[aria-label='Back']", ".nrm-no-print"):
        expect(page.locator(hidden).first).to_be_hidden()
    expect(page.get_by_role("heading", name="Who decides")).to_be_visible()
    printed = page.pdf(prefer_css_page_size=True)
    boxes = re.findall(rb"/MediaBox \[0 0 ([\d.]+) ([\d.]+)\]", printed)
    assert boxes, "the page printed"
    assert {(round(float(w)), round(float(h))) for w, h in boxes} == {A4_POINTS}
    assert len(boxes) <= 4  # a few sheets for the arrivals hall, not a ream
