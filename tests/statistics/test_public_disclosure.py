"""No exact count of an internal table is reachable anonymously: on the demo's referrals (small
cells in every year), every figure the public site shows, on its pages and in its CSV and ODS
downloads, is the disclosure-controlled figure; every count the rule hides is hidden everywhere;
every count shown is rounded; no hidden count can be worked out from the counts and totals of
its table; and the charts draw the controlled counts only."""

from datetime import date
from typing import Any

import ibis
import pyarrow as pa
import pytest
from django.test import Client

from nrm.statistics import selectors
from nrm.statistics.disclosure import SUPPRESSED, Grid, recoverable
from nrm.statistics.edition import _chart
from nrm.statistics.engine import backend_connect, referrals_table, specs_evaluate
from nrm.statistics.models import Release, ReleaseStatus
from nrm.statistics.present import Presented, result_present
from nrm.statistics.public import PUBLIC_RULE
from nrm.statistics.result import Result
from nrm.statistics.selectors import statistics_cache_clear
from nrm.statistics.specs import ALL

from .public_pages import csv_rows, html_tables, ods_rows, shown

pytestmark = pytest.mark.django_db

YEARS = (2012, 2013)  # a full year and the demo's small half year


@pytest.fixture
def public_demo(demo_extract: pa.Table, monkeypatch: pytest.MonkeyPatch) -> ibis.Table:
    """The public site over the demo's pseudonymised extract, 2011 to 2013 released."""
    monkeypatch.setattr(selectors, "extract_table", lambda: demo_extract)
    statistics_cache_clear()
    for year in (2011, *YEARS):
        Release.objects.create(
            year=year, release_date=date(year + 1, 6, 1), status=ReleaseStatus.RELEASED
        )
    yield referrals_table(backend_connect(), demo_extract)
    statistics_cache_clear()


def _exact(referrals: ibis.Table, year: int) -> list[Result]:
    return specs_evaluate(ALL, referrals, year=year)


def _counts(table: Presented, row: list[Any]) -> slice:
    spec = table.result.spec
    labels = len(spec.rows)
    width = len(table.result.column_keys) + (1 if spec.total_column else 0)
    return slice(labels, labels + width)


def test_every_public_figure_is_the_controlled_figure_and_no_hidden_count_is_shown(
    public_demo: ibis.Table,
) -> None:
    client = Client()
    hidden = shown_counts = 0
    for year in YEARS:
        page = client.get(f"/official-statistics/{year}/")
        assert page.status_code == 200
        text = page.content.decode()
        tables = html_tables(text)
        for result in _exact(public_demo, year):
            exact, public = result_present(result), result_present(result, PUBLIC_RULE)
            expected = [[shown(v) for v in row] for row in public.rows]
            assert tables[f"{public.id}-table"][1:] == expected, (year, public.id)
            downloads = {
                "csv": csv_rows(client.get(f"/official-statistics/{year}/{public.id}.csv").content),
                "ods": ods_rows(client.get(f"/official-statistics/{year}/{public.id}.ods").content),
            }
            assert downloads["csv"][1:] == expected, (year, public.id)
            assert downloads["ods"][2 : 2 + len(expected)] == expected, (year, public.id)
            for exact_row, public_row in zip(exact.rows, public.rows, strict=True):
                where = _counts(public, public_row)
                for n, value in zip(exact_row[where], public_row[where], strict=True):
                    assert isinstance(n, int)
                    if 0 < n < PUBLIC_RULE.threshold:  # every small count is hidden
                        assert value == SUPPRESSED, (year, public.id, exact_row)
                    if value == SUPPRESSED:
                        hidden += 1
                        continue
                    shown_counts += 1
                    assert isinstance(value, int) and value % 5 == 0, (year, public.id, value)
                    assert abs(value - n) <= 2, (year, public.id)
            if public.result.spec.chart is not None and f"chart-{public.id}" in text:
                assert _chart(public, year) in text, (year, public.id)
            assert not {"Rank", "Position"} & {h.split()[0] for h in public.header}
    assert hidden > 100 and shown_counts > 100  # the demo has small cells in plenty


def _grid(result: Result, public: Presented) -> tuple[Grid, set[tuple[str, int, int]]]:
    """The table as disclosure control saw it, and the numbers the public page hides."""
    spec = result.spec
    width = len(result.column_keys)
    labels = len(spec.rows)
    body = [(r, p) for r, p in zip(result.rows, public.rows, strict=True) if not r.is_total]
    grid = Grid(
        [r.counts for r, _ in body] or [[0] * width],
        row_totals=spec.total_column,
        column_totals=spec.total_row and spec.top is None,
    )
    suppressed = set()
    for i, (_r, row) in enumerate(body):
        for j in range(width):
            if row[labels + j] == SUPPRESSED:
                suppressed.add(("cell", i, j))
        if spec.total_column and row[labels + width] == SUPPRESSED:
            suppressed.add(("row", i, 0))
    total = next((p for r, p in zip(result.rows, public.rows, strict=True) if r.is_total), None)
    if total is not None and grid.column_totals:
        for j in range(width):
            if total[labels + j] == SUPPRESSED:
                suppressed.add(("column", 0, j))
        if spec.total_column and total[labels + width] == SUPPRESSED:
            suppressed.add(("grand", 0, 0))
    return grid, suppressed


def test_no_hidden_count_can_be_worked_out_from_the_totals_of_its_table(
    public_demo: ibis.Table,
) -> None:
    """Differencing within a table: with every shown count and total taken as exact (they are
    rounded, which only makes it harder), the hidden ones are not determined."""
    for year in YEARS:
        for result in _exact(public_demo, year):
            public = result_present(result, PUBLIC_RULE)
            grid, suppressed = _grid(result, public)
            assert recoverable(grid, suppressed) == [], (year, result.spec.id)


def test_nothing_of_a_year_not_released_is_reachable(public_demo: ibis.Table) -> None:
    client = Client()
    Release.objects.filter(year=2013).update(status=ReleaseStatus.ANNOUNCED)
    for path in ("", "t01.csv", "t01.ods", "fig02.csv", "verification/"):
        assert client.get(f"/official-statistics/2013/{path}").status_code == 404, path
    for path in ("2010/", "2014/", "2013/t01.xlsx", "2012/t01.xlsx", "2012/nope.csv", "x/"):
        assert client.get(f"/official-statistics/{path}").status_code == 404, path
    index = client.get("/official-statistics/").content.decode()
    assert "/official-statistics/2013/" not in index
