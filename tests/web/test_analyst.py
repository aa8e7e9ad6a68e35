"""An analyst in the browser: chooses a year, sees the tables, the referral map and the check of
the published figures, and downloads a table as CSV."""

import csv
import io
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
