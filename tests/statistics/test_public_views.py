"""The public site through the Django test client: what an anonymous visitor reads, the caching
headers, no audit of anonymous reads, and no name or case reference anywhere."""

from collections.abc import Callable, Iterator
from datetime import date
from typing import Any

import pytest
from django.test import Client

from nrm.accounts.models import Organisation, User
from nrm.accounts.roles import DefaultRole
from nrm.audit.models import AuditEvent
from nrm.cases.referrals.services import referral_submit
from nrm.statistics.models import Release, ReleaseStatus
from nrm.statistics.selectors import statistics_cache_clear

from .public_pages import csv_rows, html_tables

pytestmark = pytest.mark.django_db

PAGES = (
    "/official-statistics/",
    "/official-statistics/calendar/",
    "/official-statistics/2012/",
    "/official-statistics/2012/verification/",
    "/official-statistics/2012/t01.csv",
    "/official-statistics/2012/fig03.ods",
)


@pytest.fixture
def released(
    make_user: Callable[..., User], organisation: Organisation, valid_referral: dict[str, Any]
) -> Iterator[list[str]]:
    """Twelve referrals in London in 2012 and one in Scotland; 2011 and 2012 released, 2013
    announced."""
    statistics_cache_clear()
    officer = make_user("officer", organisation)
    scotland = {**valid_referral, "nation": "scotland", "police_region": "scotland",
                "exploitation_region": "scotland"}  # fmt: skip
    references = [
        referral_submit(actor=officer, data=data, organisation=organisation).reference
        for data in [valid_referral] * 12 + [scotland]
    ]
    for year, on, status in (
        (2011, date(2012, 6, 15), ReleaseStatus.RELEASED),
        (2012, date(2013, 6, 28), ReleaseStatus.RELEASED),
        (2013, date(2999, 6, 27), ReleaseStatus.ANNOUNCED),
    ):
        Release.objects.create(year=year, release_date=on, status=status)
    yield references
    statistics_cache_clear()


def test_an_anonymous_visitor_reads_the_released_years_and_the_calendar(
    released: list[str],
) -> None:
    client = Client()
    index = client.get("/official-statistics/").content.decode()
    assert "NRM statistics for 2012" in index and "NRM statistics for 2011" in index
    assert 'href="/official-statistics/2013/"' not in index
    assert "Statistics for 2013: 27 June 2999" in index
    calendar = html_tables(client.get("/official-statistics/calendar/").content.decode())
    assert calendar["calendar-announced"][1] == ["NRM statistics for 2013", "27 June 2999"]
    assert [row[:2] for row in calendar["calendar-released"][1:]] == [
        ["NRM statistics for 2012", "28 June 2013"],
        ["NRM statistics for 2011", "15 June 2012"],
    ]


def test_the_year_page_shows_the_controlled_counts_and_says_how(released: list[str]) -> None:
    page = Client().get("/official-statistics/2012/").content.decode()
    t01 = html_tables(page)["t01-table"]
    assert t01[0][:3] == ["UK country", "2011", "2012"]
    rows = {row[0]: row[1:3] for row in t01[1:]}
    assert rows["Scotland"] == ["0", "[c]"]  # 1 referral
    assert rows["England"] == ["0", "[c]"]  # 12, hidden too: the total less 12 would give 1
    assert rows["Total"] == ["0", "15"]  # 13, rounded to the nearest 5
    assert "Released 28 June 2013." in page
    assert 'id="disclosure-control"' in page
    csv = csv_rows(Client().get("/official-statistics/2012/t01.csv").content)
    assert csv[1:] == t01[1:]


def test_the_verification_shows_published_figures_and_no_figure_computed_from_records(
    released: list[str],
) -> None:
    page = Client().get("/official-statistics/2012/verification/").content.decode()
    assert 'id="known-inconsistencies"' in page
    assert "Table 9: row China</h3>" in page
    assert html_tables(page)["matches-by-table"][0] == ["Table", "Checked", "Agree"]
    assert "Should be" not in page
    assert Client().get("/official-statistics/2011/verification/").status_code == 200


def test_anonymous_answers_may_be_cached_and_signed_in_answers_are_private(
    released: list[str], signed_in: Callable[[User], Client], make_user: Callable[..., User]
) -> None:
    for url in PAGES:
        response = Client().get(url)
        assert response.status_code == 200, url
        assert "public" in response["Cache-Control"] and "max-age=300" in response["Cache-Control"]
        assert "Set-Cookie" not in response, url
    assert Client().head("/official-statistics/2012/").status_code == 200  # link checkers, CDNs
    assert "no-cache" in Client().get("/official-statistics/2013/")["Cache-Control"]
    analyst = signed_in(make_user("analyst", None, DefaultRole.ANALYST))
    response = analyst.get("/official-statistics/2012/")
    assert "private" in response["Cache-Control"], response["Cache-Control"]


def test_anonymous_reads_are_not_audited_and_show_no_name_or_case_reference(
    released: list[str], valid_referral: dict[str, Any]
) -> None:
    before = AuditEvent.objects.count()
    client = Client()
    for url in PAGES:
        content = client.get(url).content
        for secret in (*released, valid_referral["family_name"], "PC Example", "met-police"):
            assert secret.encode() not in content, (url, secret)
    assert AuditEvent.objects.count() == before


def test_a_download_is_named_for_the_year_and_table(released: list[str]) -> None:
    response = Client().get("/official-statistics/2012/t01.ods")
    assert response["Content-Type"] == "application/vnd.oasis.opendocument.spreadsheet"
    expected = 'attachment; filename="nrm-official-statistics-2012-t01.ods"'
    assert response["Content-Disposition"] == expected
