"""The surge pages in the browser: the hub's analyst finds the surges from the menu, filters
the series above their threshold, opens a series' chart and escalates its alert with a note
after being told one is needed. Every page passes axe and fits a 1280 px and a 320 px screen
without sideways scrolling."""

from collections.abc import Callable
from datetime import date
from typing import Any

import pytest
from playwright.sync_api import Page, expect

from nrm.accounts.actors import OPERATOR
from nrm.accounts.models import Organisation, User
from nrm.accounts.roles import DefaultRole
from nrm.intelligence.surges import surveillance_run
from nrm.intelligence.surveillance_models import SurgeAlert
from nrm.standard.surveillance_codes import AlertStatus

from .conftest import Checked, sign_in

pytestmark = pytest.mark.django_db(transaction=True)


def _fits(page: Page, check: Checked, label: str) -> None:
    for width in (1280, 320):
        page.set_viewport_size({"width": width, "height": 900})
        check(page, f"{label}-at-{width}px")
        assert page.evaluate("document.documentElement.scrollWidth") <= width, (label, width)
    page.set_viewport_size({"width": 1280, "height": 900})


def test_an_analyst_finds_a_rise_and_escalates_its_alert(
    live_server: object,
    page: Page,
    web_user: Callable[..., User],
    make_cases: Callable[..., list[str]],
    valid_referral: dict[str, Any],
    check: Checked,
) -> None:
    base = {**valid_referral, "exploitation_start": None, "exploitation_end": None}
    for year in (2010, 2011):
        for month in range(1, 13):
            day = date(year, month, 10).isoformat()
            make_cases(2, base, referral_date=day, claimed_nationalities=["ALB"])
            make_cases(3, base, referral_date=day, claimed_nationalities=["NGA"])
    for month in range(1, 6):
        day = date(2012, month, 10).isoformat()
        make_cases(2, base, referral_date=day, claimed_nationalities=["ALB"])
        make_cases(3, base, referral_date=day, claimed_nationalities=["NGA"])
    make_cases(15, base, referral_date="2012-06-12", claimed_nationalities=["ALB"])
    surveillance_run(actor=OPERATOR, as_of=date(2012, 7, 1), email=False)
    hub = Organisation.objects.create(code="nca-ukhtc", name="NCA / UKHTC")
    analyst = web_user("intel-analyst", hub, DefaultRole.INTELLIGENCE_ANALYST)

    sign_in(page, str(live_server), analyst)
    page.get_by_role("navigation", name="Menu").get_by_role("link", name="Surges").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Surges in referrals")
    expect(page.locator("#checked")).to_contain_text("Last checked for 1 July 2012")
    _fits(page, check, "surges")

    page.get_by_label("Period").select_option("month")
    page.get_by_label("Only series above their threshold").check()
    page.get_by_role("button", name="Filter").click()
    rows = page.locator("#series tbody tr")
    expect(rows.first).to_contain_text("Albania")
    expect(rows.first).to_contain_text("June 2012")
    expect(page.locator("#series")).not_to_contain_text("Nigeria")
    _fits(page, check, "surges-above-threshold")

    rows.first.get_by_role("link", name="Albania").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Referrals: Albania")
    expect(page.locator("svg.nrm-surge-chart rect")).to_have_count(30)  # January 2010 on
    first = page.locator("#points tbody tr").first
    expect(first).to_contain_text("Jun 2012")
    expect(first).to_contain_text("Above threshold")
    _fits(page, check, "series-chart")

    page.goto(f"{live_server}/surges/alerts/")
    alert = SurgeAlert.objects.get(kind="nationality", frequency="month", nationality="Albania")
    page.get_by_role("link", name="Albania").first.click()
    expect(page.get_by_role("heading", level=1)).to_contain_text("Albania")
    _fits(page, check, "alert")
    page.get_by_label("Escalate it for investigation").check()
    page.get_by_role("button", name="Save").click()
    expect(page.locator(".govuk-error-summary")).to_contain_text("Say what is to be investigated")
    check(page, "alert-error")
    page.get_by_label("Escalate it for investigation").check()
    page.get_by_label("Note").fill("Refer to the Albanian desk for an operation.")
    page.get_by_role("button", name="Save").click()
    expect(page.locator(".govuk-notification-banner")).to_contain_text(
        "You escalated the alert for investigation."
    )
    check(page, "alert-escalated")
    alert.refresh_from_db()
    assert alert.status == AlertStatus.ESCALATED
    assert alert.note == "Refer to the Albanian desk for an operation."
