"""An edition of a year's statistics: every table of the report presented (exact, or through a
disclosure rule) with its chart drawn as inline SVG for the web pages. The analyst's pages show
the exact edition (``selectors``), the public site the disclosure-controlled one (``public``)."""

from dataclasses import dataclass, replace
from typing import Any

import ibis

from nrm.statistics.barchart import grouped_bar_svg
from nrm.statistics.chartdata import chart_data
from nrm.statistics.disclosure import DisclosureRule
from nrm.statistics.engine import specs_evaluate
from nrm.statistics.present import Presented, presented_cells, result_present
from nrm.statistics.result import Result, Row
from nrm.statistics.specs import ALL


@dataclass
class Edition:
    year: int
    tables: list[Presented]
    charts: dict[str, str]  # spec id -> inline SVG
    blank_charts: dict[str, str]  # spec id -> why its chart shows nothing (``ChartData.blank``)
    chart_notes: dict[str, str]  # spec id -> the note of a chart with counts withheld

    def table(self, spec_id: str) -> Presented:
        return next(t for t in self.tables if t.id == spec_id)

    def find(self, spec_id: str) -> Presented | None:
        return next((t for t in self.tables if t.id == spec_id), None)

    def sections(self) -> list[dict[str, Any]]:
        """What the shared template ``statistics/_sections.html`` draws of each table."""
        return [
            {
                "table": t,
                "rows": presented_cells(t),
                "chart": self.charts.get(t.id),
                "chart_note": self.chart_notes.get(t.id),
                "no_chart": self.blank_charts.get(t.id),
            }
            for t in self.tables
        ]


def _chart(table: Presented, year: int) -> str:
    """The spec's chart for the web page, drawn as SVG without matplotlib (a few milliseconds):
    horizontal bars, stacked where the report stacks them; shares for a pie."""
    data = chart_data(table)
    assert data is not None and data.blank is None
    return grouped_bar_svg(
        data.categories,
        data.series,
        data.values,
        title=f"{table.number}: {table.title}, {year}",
        element_id=f"chart-{table.id}",
        stacked=data.kind in ("stacked", "pie"),
        withheld=data.hidden,
    )


def _blank(table: Presented) -> str | None:
    data = chart_data(table)
    return None if data is None else data.blank


def edition_compute(
    referrals: ibis.Table, year: int, rule: DisclosureRule | None = None
) -> tuple[Edition, list[Result]]:
    """Every spec for ``year`` presented (through ``rule`` when given) with its chart; and the
    exact results, for the figures an internal page adds."""
    results = specs_evaluate(ALL, referrals, year=year)
    tables = [result_present(r, rule) for r in results]
    blank = {t.id: reason for t in tables if (reason := _blank(t)) is not None}
    charts = {
        t.id: _chart(t, year)
        for t in tables
        if t.result.spec.chart is not None and t.id not in blank
    }
    notes = {
        t.id: note
        for t in tables
        if t.id in charts and (data := chart_data(t)) is not None and (note := data.footnote)
    }
    edition = Edition(
        year=year, tables=tables, charts=charts, blank_charts=blank, chart_notes=notes
    )
    return edition, results


def _scrub_row(row: Row) -> Row:
    return replace(row, counts=[], total=0, shares=[], change=None, positions=[])


def presented_scrub(table: Presented) -> Presented:
    """``table`` with the exact counts taken out of the result it carries (kept for its spec,
    years and labels): what a public edition holds, so no exact count is cached with it."""
    result = table.result
    scrubbed = replace(result, rows=[_scrub_row(r) for r in result.rows], column_totals=[])
    return replace(table, result=scrubbed)
