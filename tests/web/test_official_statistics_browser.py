"""The public site in the browser, as an anonymous visitor (no account): the released years,
a year's disclosure-controlled tables and charts, a download, the verification of the published
figures and the release calendar. Every page passes axe and fits a 1280 px and a 320 px screen
without sideways scrolling; a year not released is not found."""

from collections.abc import Callable
from datetime import date
from typing import Any

import pytest
from playwright.sync_api import Page, expect

from nrm.accounts.models import Organisation, User
from nrm.cases.referrals.services import referral_submit
from nrm.standard.codes import ReleaseStatus
from nrm.statistics.models import Release
from nrm.statistics.selectors import statistics_cache_clear

from .conftest import Checked

pytestmark = pytest.mark.django_db(transaction=True)


def _fits(page: Page, check: Checked, label: str) -> None:
    for width in (1280, 320):
        page.set_viewport_size({"width": width, "height": 900})
        check(page, f"{label}-at-{width}px")
        assert page.evaluate("document.documentElement.scrollWidth") <= width, (label, width)
    page.set_viewport_size({"width": 1280, "height": 900})


def test_an_anonymous_visitor_reads_a_released_year_and_the_calendar(
    live_server: object,
    page: Page,
    make_user: Callable[..., User],
    organisation: Organisation,
    valid_referral: dict[str, Any],
    check: Checked,
) -> None:
    statistics_cache_clear()
    officer = make_user("officer", organisation)
    scotland = {**valid_referral, "nation": "scotland", "police_region": "scotland",
                "exploitation_region": "scotland", "claimed_nationalities": ["VNM"]}  # fmt: skip
    wales = {**scotland, "nation": "wales", "police_region": "wales",
             "exploitation_region": "wales"}  # fmt: skip
    for data in [valid_referral] * 14 + [scotland] * 12 + [wales] * 3:
        referral_submit(actor=officer, data=data, organisation=organisation)
    Release.objects.create(year=2012, release_date=date(2013, 6, 28),
                           status=ReleaseStatus.RELEASED)  # fmt: skip
    Release.objects.create(year=2013, release_date=date(2999, 6, 27),
                           status=ReleaseStatus.ANNOUNCED)  # fmt: skip
    base = str(live_server)

    page.goto(f"{base}/official-statistics/")
    expect(page.get_by_role("heading", level=1)).to_contain_text("Official statistics")
    expect(page.locator("#account-bar")).to_have_count(0)  # nobody is signed in
    _fits(page, check, "index")

    page.get_by_role("link", name="NRM statistics for 2012").click()
    expect(page.get_by_role("heading", level=1)).to_contain_text(
        "National Referral Mechanism statistics for 2012"
    )
    expect(page.locator("#released-on")).to_have_text("Released 28 June 2013.")
    england = page.locator("#t01-table tbody tr").first
    expect(england).to_contain_text("England")
    expect(england).to_contain_text("15")  # 14, rounded to the nearest 5
    expect(page.locator("#t01-table")).to_contain_text("[c]")  # Wales's 3, and Scotland's 12
    expect(page.locator("#disclosure-control")).to_be_visible()
    _fits(page, check, "year")

    with page.expect_download() as download:
        page.get_by_role("link", name="CSV file of Table 1").click()
    assert download.value.suggested_filename == "nrm-official-statistics-2012-t01.csv"

    page.get_by_role("link", name="How these figures compare").click()
    expect(page.get_by_role("heading", level=1)).to_contain_text("Published figures checked")
    _fits(page, check, "verification")

    page.get_by_role("link", name="NRM statistics for 2012").click()
    page.get_by_role("link", name="Release calendar").click()
    expect(page.locator("#calendar-announced")).to_contain_text("27 June 2999")
    expect(page.locator("#calendar-released")).to_contain_text("28 June 2013")
    _fits(page, check, "calendar")

    response = page.goto(f"{base}/official-statistics/2013/")
    assert response is not None and response.status == 404
    check(page, "not-released")
