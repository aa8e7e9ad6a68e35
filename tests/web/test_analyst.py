"""An analyst in the browser: chooses a year, sees the tables, the referral map and the check of
the published figures, and downloads a table as CSV; on a 320 px phone the charts and the map
are legible, in the page's font, and the map's shades all hold regions."""

import csv
import io
import re
from collections.abc import Callable
from typing import Any

import pytest
from playwright.sync_api import Page, expect

from nrm.accounts.models import Organisation, User
from nrm.accounts.roles import DefaultRole
from nrm.cases.referrals.services import referral_submit
from nrm.statistics.selectors import statistics_cache_clear

from .conftest import Checked, sign_in

pytestmark = pytest.mark.django_db(transaction=True)


def test_an_analyst_chooses_a_year_and_sees_tables_map_and_verification_and_downloads_a_csv(
    live_server: object,
    page: Page,
    web_user: Callable[..., User],
    make_user: Callable[..., User],
    organisation: Organisation,
    valid_referral: dict[str, Any],
    check: Checked,
) -> None:
    statistics_cache_clear()
    officer = make_user("officer", organisation)
    scotland = {
        **valid_referral,
        "nation": "scotland",
        "police_region": "scotland",
        "exploitation_region": "scotland",
    }
    for data in (valid_referral, valid_referral, scotland):
        referral_submit(actor=officer, data=data, organisation=organisation)
    analyst = web_user("analyst", None, DefaultRole.ANALYST)

    sign_in(page, str(live_server), analyst, check)
    page.get_by_role("navigation", name="Menu").get_by_role("link", name="Statistics").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Statistics")
    check(page, "statistics-index")
    page.get_by_label("Year").select_option("2012")
    page.get_by_role("button", name="Show statistics").click()
    expect(page.get_by_role("heading", level=1)).to_contain_text("Statistics for 2012")
    check(page, "statistics-2012")

    england = page.locator("#t01-table").get_by_role("row", name="England")
    expect(england.get_by_role("cell").nth(1)).to_have_text("2")  # 2011, 2012
    map_ = page.locator("#referral-map")
    expect(map_.locator(".nrm-tile")).to_have_count(12)
    expect(map_.locator('[data-region="london"]')).to_have_attribute("data-count", "2")
    expect(map_.locator('[data-region="scotland"]')).to_have_attribute("data-count", "1")
    expect(page.locator("#source-countries .nrm-bar")).to_have_count(1)

    with page.expect_download() as info:
        page.get_by_role("link", name="CSV file of Table 1").click()
    rows = list(csv.reader(io.StringIO(info.value.path().read_text(encoding="utf-8"))))
    assert rows[1][:3] == ["England", "0", "2"]

    page.get_by_role("link", name="Check the published figures for 2012").click()
    expect(page.get_by_role("heading", level=1)).to_contain_text("Published figures checked")
    expect(page.locator("#new-discrepancies")).to_be_visible()
    check(page, "verification-2012")


# Every text of the charts and the map: its font family, and its size as drawn on the screen
# (the computed font size times the scale the SVG is drawn at).
CHART_TEXT = """() => [
  ...document.querySelectorAll('svg.nrm-bar-chart text, svg.nrm-tile-map text')
].map(text => {
    const matrix = text.getScreenCTM();
    return {
      chart: text.closest('svg').id,
      text: text.textContent,
      family: getComputedStyle(text).fontFamily,
      px: parseFloat(getComputedStyle(text).fontSize) * Math.hypot(matrix.a, matrix.b),
    };
  })"""


def test_on_a_phone_the_charts_and_the_map_are_legible_in_the_pages_font(
    live_server: object,
    page: Page,
    web_user: Callable[..., User],
    make_user: Callable[..., User],
    organisation: Organisation,
    valid_referral: dict[str, Any],
    check: Checked,
) -> None:
    statistics_cache_clear()
    officer = make_user("officer", organisation)
    places = ("london", "london", "london", "scotland", "wales", "north_west", "south_east")
    for region in places:
        nation = region if region in ("scotland", "wales") else "england"
        data = {**valid_referral, "nation": nation, "police_region": region}
        referral_submit(actor=officer, data=data, organisation=organisation)
    referral_submit(
        actor=officer,
        data={**valid_referral, "referral_date": "2013-02-01"},
        organisation=organisation,
    )
    sign_in(page, str(live_server), web_user("analyst", None, DefaultRole.ANALYST))
    page.set_viewport_size({"width": 320, "height": 800})
    page.goto(f"{live_server}/statistics/2012/")
    check(page, "statistics-2012-at-320px")

    texts = page.evaluate(CHART_TEXT)
    charts = {t["chart"] for t in texts}
    assert {"referral-map", "source-countries", "chart-t02", "chart-fig05"} <= charts
    heading = page.get_by_role("heading", level=1).evaluate("h => getComputedStyle(h).fontFamily")
    assert "sans-serif" in heading
    assert {t["family"] for t in texts} == {heading}
    too_small = [t for t in texts if t["px"] < 12]
    assert too_small == [], too_small
    assert page.evaluate("document.documentElement.scrollWidth") <= 320  # no sideways scrolling

    map_ = page.locator("#referral-map")
    legend = map_.locator(".nrm-legend-entry")
    bands = [legend.nth(i).get_attribute("data-class") for i in range(legend.count())]
    tiles = map_.locator(".nrm-tile")
    held = [tiles.nth(i).get_attribute("data-class") for i in range(tiles.count())]
    assert bands == ["0", "1", "2"]  # none; 1 (four regions); 2 to 3 (London)
    assert set(held) == set(bands)  # every band of the legend holds a region
    expect(map_).to_contain_text("quantile classes")
    expect(page.get_by_role("link", name="Check the published figures for 2012")).to_be_visible()

    page.goto(f"{live_server}/statistics/2013/")
    expect(page.get_by_role("heading", level=1)).to_contain_text("Statistics for 2013")
    expect(page.get_by_role("link", name=re.compile("Check the published figures"))).to_have_count(
        0
    )
    check(page, "statistics-2013-at-320px")
