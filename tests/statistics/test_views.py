"""The analyst's statistics pages through the Django test client: who may see them, what a small
known dataset shows, and downloads that are real, audited CSV, ODS and XLSX files."""

import csv
import io
import re
import zipfile
from collections.abc import Callable
from datetime import date, timedelta
from typing import Any

import openpyxl
import pytest
from django.test import Client
from odf.opendocument import load as odf_load
from odf.table import TableCell, TableRow
from odf.text import P

from nrm.accounts.models import Organisation, User
from nrm.accounts.roles import DefaultRole
from nrm.audit.models import AuditEvent, AuditVerb
from nrm.cases.casework.organisations import competent_authorities_seed
from nrm.cases.casework.services.decisions import cg_decision_record, rg_decision_record
from nrm.cases.referrals.services import referral_submit
from nrm.standard.codes import PoliceRegion
from nrm.standard.nationality import country_name
from nrm.statistics.selectors import statistics_cache_clear
from nrm.statistics.views import CHOOSE_YEAR
from nrm.support.services import support_providers_seed

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _fresh_cache() -> None:
    statistics_cache_clear()


@pytest.fixture
def dataset(
    make_user: Callable[..., User], organisation: Organisation, valid_referral: dict[str, Any]
) -> dict[str, Any]:
    """2012: two referrals in London, one in Scotland; 2011: one in London."""
    officer = make_user("officer", organisation)
    scotland = {
        **valid_referral,
        "nation": "scotland",
        "police_region": "scotland",
        "exploitation_region": "scotland",
        "claimed_nationalities": ["VNM"],
    }
    references = []
    for data in (
        valid_referral,
        valid_referral,
        scotland,
        {
            **valid_referral,
            "referral_date": "2011-03-01",
            "exploitation_start": "2010-06-01",
            "exploitation_end": "2011-02-01",
        },
    ):
        references.append(
            referral_submit(actor=officer, data=data, organisation=organisation).reference
        )
    return {"references": references}


@pytest.fixture
def analyst(signed_in: Callable[[User], Client], make_user: Callable[..., User]) -> Client:
    return signed_in(make_user("analyst", None, DefaultRole.ANALYST))


def _text(response: Any) -> str:
    return re.sub(r"\s+", " ", response.content.decode())


@pytest.mark.parametrize(
    "role",
    [r for r in DefaultRole if r != DefaultRole.ANALYST],
)
def test_every_other_role_is_refused_the_statistics_pages(
    role: DefaultRole,
    signed_in: Callable[[User], Client],
    make_user: Callable[..., User],
    organisation: Organisation,
    dataset: dict[str, Any],
) -> None:
    client = signed_in(make_user(f"user-{role.value}", organisation, role))
    for url in (
        "/statistics/",
        "/statistics/2012/",
        "/statistics/2012/verification/",
        "/statistics/2012/t01.csv",
        "/statistics/2012/report.zip",
    ):
        assert client.get(url).status_code == 403, (role, url)
    assert not AuditEvent.objects.filter(verb=AuditVerb.STATISTICS_READ).exists()


def test_the_index_lists_the_years_with_referrals_and_the_form_goes_to_the_year(
    analyst: Client, dataset: dict[str, Any]
) -> None:
    page = _text(analyst.get("/statistics/"))
    assert '<option value="2012"' in page and '<option value="2011"' in page
    assert '<option value="2010"' not in page
    assert "for 2009 to 2012, the check of the published figures" in page
    response = analyst.get("/statistics/", {"year": "2012"})
    assert response.status_code == 302 and response["Location"] == "/statistics/2012/"


def test_a_year_without_referrals_is_refused_with_a_clear_message(
    analyst: Client, dataset: dict[str, Any]
) -> None:
    response = analyst.get("/statistics/", {"year": "1999"})
    assert response.status_code == 200
    assert CHOOSE_YEAR in response.content.decode()
    assert analyst.get("/statistics/1999/").status_code == 404
    assert analyst.get("/statistics/twelve/").status_code == 404
    assert analyst.get("/statistics/2012x/t01.csv").status_code == 404


def _cell(page: str, table: str, row: str) -> list[str]:
    """The cells of the row headed ``row`` in the table with id ``table``."""
    body = page.split(f'id="{table}-table"')[1].split("</table>")[0]
    found = re.search(
        rf'<th scope="row" class="govuk-table__header">{re.escape(row)}</th>(.*?)</tr>', body
    )
    assert found, (table, row)
    return re.findall(r"<td[^>]*>(.*?)</td>", found.group(1))


def test_the_year_page_shows_the_counts_of_the_dataset(
    analyst: Client, dataset: dict[str, Any]
) -> None:
    response = analyst.get("/statistics/2012/")
    assert response.status_code == 200
    page = _text(response)
    assert _cell(page, "t01", "England")[:2] == ["1", "2"]  # 2011, 2012
    assert _cell(page, "t01", "Scotland")[:2] == ["0", "1"]
    assert _cell(page, "t01", "Total")[:2] == ["1", "3"]
    assert _cell(page, "t04", "Pending")[0] == "3"
    assert _cell(page, "t06", "Nigeria")[:2] == ["1", "2"]
    assert "Testa" not in page and "Fictiva" not in page and "PC Example" not in page
    assert AuditEvent.objects.filter(verb=AuditVerb.STATISTICS_READ).count() == 1
    assert page.count('role="img"') >= 2 + 1  # the map, the source countries, report charts


def test_the_map_has_one_tile_per_region_with_its_count(
    analyst: Client, dataset: dict[str, Any]
) -> None:
    page = _text(analyst.get("/statistics/2012/"))
    svg = page.split('id="referral-map"')[1].split("</svg>")[0]
    tiles = dict(re.findall(r'data-region="(\w+)" data-count="(\d+)"', svg))
    expected = {code: "0" for code in PoliceRegion.values if code != "not_recorded"}
    expected.update({"london": "2", "scotland": "1"})
    assert tiles == expected


def test_the_source_countries_chart_has_a_bar_per_top_nationality(
    analyst: Client, dataset: dict[str, Any]
) -> None:
    page = _text(analyst.get("/statistics/2012/"))
    svg = page.split('id="source-countries"')[1].split("</svg>")[0]
    assert re.findall(r'data-label="([^"]+)" data-count="(\d+)"', svg) == [
        ("Nigeria", "2"),
        (country_name("VNM"), "1"),
    ]


def _download(client: Client, url: str) -> bytes:
    response = client.get(url)
    assert response.status_code == 200, url
    assert response["Content-Disposition"].startswith("attachment")
    return b"".join(response.streaming_content) if response.streaming else response.content


def test_downloads_are_valid_files_with_the_counts_and_each_is_audited(
    analyst: Client, dataset: dict[str, Any]
) -> None:
    rows = list(csv.reader(io.StringIO(_download(analyst, "/statistics/2012/t01.csv").decode())))
    assert rows[0][:3] == ["UK country", "2011", "2012"]
    assert rows[1][:3] == ["England", "1", "2"]

    book = openpyxl.load_workbook(io.BytesIO(_download(analyst, "/statistics/2012/t01.xlsx")))
    values = [[c for c in row] for row in book.active.iter_rows(values_only=True)]
    assert values[0][0] == "Table 1: Referrals by UK country"
    assert list(values[2][:3]) == ["England", 1, 2]

    document = odf_load(io.BytesIO(_download(analyst, "/statistics/2012/t01.ods")))
    lines = [
        [
            "".join(str(p) for p in cell.getElementsByType(P))
            for cell in row.getElementsByType(TableCell)
        ]
        for row in document.spreadsheet.getElementsByType(TableRow)
    ]
    assert lines[2][:3] == ["England", "1", "2"]

    audited = AuditEvent.objects.filter(verb=AuditVerb.STATISTICS_READ).order_by("seq")
    assert [(e.detail["table"], e.detail["format"]) for e in audited] == [
        ("t01", "csv"),
        ("t01", "xlsx"),
        ("t01", "ods"),
    ]
    assert all(e.actor_id is not None for e in audited)


def test_an_unknown_table_or_format_is_not_found(analyst: Client, dataset: dict[str, Any]) -> None:
    assert analyst.get("/statistics/2012/t99.csv").status_code == 404
    assert analyst.get("/statistics/2012/t01.pdf").status_code == 404
    assert not AuditEvent.objects.filter(verb=AuditVerb.STATISTICS_READ).exists()


def test_the_whole_report_downloads_as_a_zip_and_is_audited_as_a_report(
    analyst: Client, dataset: dict[str, Any]
) -> None:
    archive = zipfile.ZipFile(io.BytesIO(_download(analyst, "/statistics/2012/report.zip")))
    names = set(archive.namelist())
    assert {"t01.csv", "t01.ods", "t01.xlsx", "index.html"} <= names
    assert archive.read("t01.csv").decode().splitlines()[1].startswith("England,1,2")
    event = AuditEvent.objects.get(verb=AuditVerb.REPORT_CREATE)
    assert event.detail["year"] == 2012 and event.detail["files"] == len(names)


def test_the_verification_page_shows_the_checks_of_the_year(
    analyst: Client, dataset: dict[str, Any]
) -> None:
    page = _text(analyst.get("/statistics/2012/verification/"))
    checked = int(re.search(r'id="figures-checked">(\d+)<', page).group(1))
    new = int(re.search(r'id="figures-new">(\d+)', page).group(1))
    assert checked > 100 and new > 0  # the tiny dataset is far from the published figures
    assert 'id="new-discrepancies"' in page and "govuk-tag--red" in page
    assert AuditEvent.objects.filter(
        verb=AuditVerb.REPORT_CREATE, detail__kind="verify-published"
    ).exists()


def test_a_year_without_published_figures_says_so(
    analyst: Client,
    make_user: Callable[..., User],
    organisation: Organisation,
    valid_referral: dict[str, Any],
) -> None:
    officer = make_user("officer", organisation)
    referral_submit(
        actor=officer,
        data={**valid_referral, "referral_date": "2013-02-01"},
        organisation=organisation,
    )
    page = _text(analyst.get("/statistics/2013/verification/"))
    assert 'id="no-published-figures"' in page and 'id="figures-checked"' not in page
    assert "/statistics/2013/verification/" not in _text(analyst.get("/statistics/2013/"))


def test_the_check_of_the_published_figures_is_offered_for_a_year_they_cover(
    analyst: Client, dataset: dict[str, Any]
) -> None:
    page = _text(analyst.get("/statistics/2012/"))
    assert (
        '<a class="govuk-link" href="/statistics/2012/verification/">'
        "Check the published figures for 2012</a>" in page
    )


def test_a_referral_submitted_and_decided_this_year_is_counted_in_its_years_tables(
    analyst: Client,
    make_user: Callable[..., User],
    organisation: Organisation,
    valid_referral: dict[str, Any],
    dataset: dict[str, Any],
) -> None:
    today = date.today()
    referred = today - timedelta(days=60)  # room for the 45-day recovery period before the CG
    assert analyst.get(f"/statistics/{referred.year}/").status_code == 404  # none yet that year
    competent_authorities_seed()
    support_providers_seed()
    officer = make_user("officer-now", organisation)
    caseworker = make_user(
        "caseworker", Organisation.objects.get(code="home-office-ca"), DefaultRole.CASEWORKER
    )
    reference = referral_submit(
        actor=officer,
        data={**valid_referral, "referral_date": referred.isoformat()},
        organisation=organisation,
    ).reference
    case = rg_decision_record(
        actor=caseworker,
        reference=reference,
        positive=True,
        on=referred + timedelta(days=3),
        expected_version=1,
    )
    cg_decision_record(
        actor=caseworker,
        reference=reference,
        positive=True,
        on=today,
        expected_version=case.version,
    )
    page = _text(analyst.get(f"/statistics/{referred.year}/"))
    assert _cell(page, "t01", "England")[1] == "1"
    assert _cell(page, "t04", "Positive")[0] == "1"
    assert _cell(page, "t05", "Positive")[0] == "1"
