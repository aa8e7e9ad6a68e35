"""A figure with nothing to draw (every count zero, or withheld by disclosure control) is a valid
outcome: the report is written, and the report's images, its HTML page and the analyst's page
all say the same sentence instead of a chart."""

import re
from collections.abc import Callable
from pathlib import Path
from typing import Any

import ibis
import pyarrow as pa
import pyarrow.compute as pc
import pyarrow.parquet as pq
import pytest
from django.test import Client

from nrm.accounts.actors import OPERATOR
from nrm.accounts.models import Organisation, User
from nrm.accounts.roles import DefaultRole
from nrm.audit.models import AuditEvent, AuditVerb
from nrm.cases.referrals.services import referral_submit
from nrm.cli import main
from nrm.demo.generator import generate_records
from nrm.statistics.chartdata import (
    NOTHING_TO_SHOW_NO_REFERRALS,
    NOTHING_TO_SHOW_WITHHELD,
    WITHHELD_NOT_DRAWN,
    chart_data,
)
from nrm.statistics.disclosure import SUPPRESSED, DisclosureRule
from nrm.statistics.engine import backend_connect, referrals_table, specs_evaluate
from nrm.statistics.present import result_present
from nrm.statistics.records import records_extract
from nrm.statistics.report import report_write
from nrm.statistics.selectors import statistics_cache_clear, year_statistics_get
from nrm.statistics.specs import ALL, BY_ID

FIGURES = [spec for spec in ALL if spec.chart]
EVERY_FILE = 3 * len(ALL) + 2 * len(FIGURES) + 1  # csv, ods, xlsx; svg, png; index.html


@pytest.fixture(scope="module")
def extract_2012() -> pa.Table:
    """300 referrals of 2012 from the demo records: 192 allocated to the Home Office, 83 to
    UKHTC and 25 to the Home Office hosted in UKHTC."""
    wanted = {"home_office": 192, "ukhtc": 83, "home_office_ukhtc": 25}
    records = []
    for record in generate_records():
        authority = record["competent_authority"]
        if record["referral_date"].startswith("2012") and wanted.get(authority, 0) > 0:
            wanted[authority] -= 1
            records.append(record)
    assert not any(wanted.values())
    return records_extract(records)


@pytest.fixture(scope="module")
def small_extract(extract_2012: pa.Table) -> pa.Table:
    """Twelve referrals of 2012 from the demo records: 8 allocated to the Home Office and 4 to
    UKHTC. Disclosure control withholds the 4 (below 10) and then the 8 (the total would give
    it away): Fig. 2 has nothing left to draw, as with the demo's current year."""
    extract = extract_2012
    authority = extract["competent_authority"]
    return pa.concat_tables(
        [
            extract.filter(pc.equal(authority, "home_office")).slice(0, 8),
            extract.filter(pc.equal(authority, "ukhtc")).slice(0, 4),
        ]
    )


@pytest.fixture(scope="module")
def small_year(small_extract: pa.Table) -> ibis.Table:
    return referrals_table(backend_connect(), small_extract)


@pytest.fixture
def analyst_with_a_referral(
    signed_in: Callable[[User], Client],
    make_user: Callable[..., User],
    organisation: Organisation,
    valid_referral: dict[str, Any],
) -> Client:
    """An analyst signed in, and one referral of 2012 in the case store."""
    officer = make_user("officer", organisation)
    referral_submit(actor=officer, data=valid_referral, organisation=organisation)
    return signed_in(make_user("analyst", None, DefaultRole.ANALYST))


def _svg_text(path: Path) -> str:
    """The words of an SVG chart, its lines joined."""
    return " ".join(" ".join(re.findall(r">([^<>]+)</text>", path.read_text())).split())


def _section(page: str, spec_id: str) -> str:
    start = page.index(f"<section id='{spec_id}'>")
    return page[start : page.index("</section>", start)]


def test_a_public_report_whose_figure_is_all_withheld_is_written_whole(
    small_year: ibis.Table, tmp_path: Path
) -> None:
    files = report_write(small_year, year=2012, out=tmp_path, rule=DisclosureRule())
    assert len(files) == EVERY_FILE == len(list(tmp_path.iterdir()))
    assert (tmp_path / "fig02.csv").read_text().splitlines()[1:3] == [
        f"Home Office,{SUPPRESSED},",
        f"UKHTC,{SUPPRESSED},",
    ]
    assert NOTHING_TO_SHOW_WITHHELD in _svg_text(tmp_path / "fig02.svg")
    assert (tmp_path / "fig02.png").read_bytes().startswith(b"\x89PNG")
    section = _section((tmp_path / "index.html").read_text(), "fig02")
    assert NOTHING_TO_SHOW_WITHHELD in section and "<svg" not in section


@pytest.mark.django_db
def test_nrm_report_public_succeeds_on_that_year_and_is_audited(
    small_extract: pa.Table, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    extract = tmp_path / "small.parquet"
    pq.write_table(small_extract, extract)
    out = tmp_path / "public"
    code = main(["report", "--year", "2012", "--out", str(out), "--public",
                 "--extract", str(extract), "--no-progress"])  # fmt: skip
    assert code == 0, capsys.readouterr().err
    assert capsys.readouterr().out.strip() == f"wrote {EVERY_FILE} files to {out}"
    assert len(list(out.iterdir())) == EVERY_FILE
    event = AuditEvent.objects.get(verb=AuditVerb.REPORT_CREATE)
    assert event.detail["public"] is True and event.detail["files"] == EVERY_FILE


def test_the_same_year_unprotected_draws_the_figure(small_year: ibis.Table, tmp_path: Path) -> None:
    report_write(small_year, year=2012, out=tmp_path, formats=["html"], specs=[BY_ID["fig02"]])
    section = _section((tmp_path / "index.html").read_text(), "fig02")
    assert "<svg" in section and "nothing to show" not in section


def test_a_drawn_chart_with_withheld_counts_says_they_are_not_drawn(
    extract_2012: pa.Table,
) -> None:
    """With a threshold of 30, UKHTC's 25 is withheld, and then its 83 (the total would give
    the 25 away); the Home Office's 192 is drawn."""
    referrals = referrals_table(backend_connect(), extract_2012)
    (result,) = specs_evaluate([BY_ID["fig02"]], referrals, year=2012)
    data = chart_data(result_present(result, DisclosureRule(threshold=30)))
    assert data is not None and data.values == [[192], [0], [0]] and data.withheld == 2
    assert data.blank is None
    assert data.footnote == WITHHELD_NOT_DRAWN


def test_a_pie_with_a_withheld_slice_shows_no_percentages(
    extract_2012: pa.Table, tmp_path: Path
) -> None:
    referrals = referrals_table(backend_connect(), extract_2012)
    report_write(referrals, year=2012, out=tmp_path, formats=["html"],
                 rule=DisclosureRule(threshold=30), specs=[BY_ID["fig02"]])  # fmt: skip
    svg = _svg_text(tmp_path / "fig02.svg")
    assert WITHHELD_NOT_DRAWN in svg and "%" not in svg
    assert WITHHELD_NOT_DRAWN in _section((tmp_path / "index.html").read_text(), "fig02")


@pytest.mark.parametrize("rule", [None, DisclosureRule()], ids=["internal", "public"])
def test_a_year_without_referrals_gives_a_whole_report_that_says_so(
    small_year: ibis.Table, tmp_path: Path, rule: DisclosureRule | None
) -> None:
    files = report_write(small_year, year=2014, out=tmp_path, rule=rule)
    assert len(files) == EVERY_FILE
    page = (tmp_path / "index.html").read_text()
    says = NOTHING_TO_SHOW_NO_REFERRALS.format(years="2014")
    for spec in FIGURES:
        section = _section(page, spec.id)
        if spec.years == (0,):
            assert says in section and says in _svg_text(tmp_path / f"{spec.id}.svg")


@pytest.mark.django_db
@pytest.mark.parametrize("year", [2009, 2010, 2011, 2012, 2013])
@pytest.mark.parametrize("rule", [None, DisclosureRule()], ids=["internal", "public"])
def test_every_year_of_the_demo_gives_a_whole_report(
    demo_referrals: ibis.Table, tmp_path: Path, year: int, rule: DisclosureRule | None
) -> None:
    files = report_write(demo_referrals, year=year, out=tmp_path, formats=["html"], rule=rule)
    assert len(files) == 2 * len(FIGURES) + 1
    page = (tmp_path / "index.html").read_text()
    assert all(f"<section id='{spec.id}'>" in page for spec in ALL)


@pytest.mark.django_db
def test_the_analyst_page_says_the_same_for_a_figure_with_nothing_to_draw(
    monkeypatch: pytest.MonkeyPatch, analyst_with_a_referral: Client
) -> None:
    """The page of 2012 computed as if for 2014, a year without referrals: each figure of that
    year alone says it has nothing to show, where the report's HTML page says it."""
    statistics_cache_clear()
    stats = year_statistics_get(actor=OPERATOR, year=2014)
    says = NOTHING_TO_SHOW_NO_REFERRALS.format(years="2014")
    assert stats.blank_charts["fig02"] == says and "fig02" not in stats.charts
    monkeypatch.setattr("nrm.statistics.views.year_statistics_get", lambda *, actor, year: stats)
    page = analyst_with_a_referral.get("/statistics/2012/").content.decode()
    assert f'<div class="govuk-inset-text" id="fig02-no-chart">{says}</div>' in page
    assert 'id="chart-fig02"' not in page


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("year", "options", "says"),
    [
        ("2014", [], NOTHING_TO_SHOW_NO_REFERRALS.format(years="2014")),
        ("2012", ["--public"], NOTHING_TO_SHOW_WITHHELD),
    ],
    ids=["year-without-referrals", "figure-all-withheld"],
)
def test_nrm_report_in_csv_writes_a_whole_folder_when_a_chart_has_nothing_to_draw(
    small_extract: pa.Table,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    year: str,
    options: list[str],
    says: str,
) -> None:
    extract = tmp_path / "small.parquet"
    pq.write_table(small_extract, extract)
    out = tmp_path / "report"
    code = main(["report", "--year", year, "--out", str(out), "--format", "csv", *options,
                 "--extract", str(extract), "--no-progress"])  # fmt: skip
    assert code == 0, capsys.readouterr().err
    names = {path.name for path in out.iterdir()}
    assert names == {f"{spec.id}.csv" for spec in ALL} | {
        f"{spec.id}.{suffix}" for spec in FIGURES for suffix in ("svg", "png")
    }
    assert says in _svg_text(out / "fig02.svg")
    assert not [path for path in tmp_path.iterdir() if path.name.startswith(".nrm-report-")]
