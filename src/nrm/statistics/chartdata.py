"""What a figure's chart shows, decided once for every output: the report's SVG and PNG files
(``charts``), its HTML page (``html_report``) and the analyst's web page (``selectors``).

A chart draws the published counts of its table. A count withheld by disclosure control
(``[c]``) is not drawn, and the chart says so. A figure with nothing to draw (every count zero
or withheld: a year without referrals, or a small year after disclosure control) is a valid
outcome, not an error: every output then shows the same sentence instead of a chart
(``ChartData.blank``).
"""

from dataclasses import dataclass

from nrm.statistics.disclosure import SUPPRESSED
from nrm.statistics.present import Presented

NOTHING_TO_SHOW_NO_REFERRALS = (
    "There is nothing to show in this chart: no referrals are counted in it for {years}."
)
NOTHING_TO_SHOW_WITHHELD = (
    "There is nothing to show in this chart: every figure in it is zero or withheld to protect "
    "confidentiality ([c] in the table)."
)
WITHHELD_NOT_DRAWN = "Figures withheld to protect confidentiality ([c] in the table) are not drawn."


@dataclass(frozen=True)
class ChartData:
    """The chart of one figure: ``values[i][j]`` is category ``i`` in series ``j``, a withheld
    count drawn as nothing (0); ``withheld`` counts the values withheld."""

    kind: str
    years: str  # the years the figure covers: "2012" or "2011 and 2012"
    categories: list[str]
    series: list[str]
    values: list[list[int]]
    withheld: int
    hidden: frozenset[tuple[int, int]] = frozenset()  # (category, series) of each withheld value

    @property
    def blank(self) -> str | None:
        """Why nothing is drawn (the sentence every output shows), or None when there is."""
        if any(v > 0 for row in self.values for v in row):
            return None
        if self.withheld:
            return NOTHING_TO_SHOW_WITHHELD
        return NOTHING_TO_SHOW_NO_REFERRALS.format(years=self.years)

    @property
    def footnote(self) -> str | None:
        """The note a drawn chart carries when some of its counts are withheld."""
        return WITHHELD_NOT_DRAWN if self.withheld and self.blank is None else None


def chart_data(table: Presented) -> ChartData | None:
    """The chart of a presented table (public or internal); None if its spec draws no chart."""
    result = table.result
    spec = result.spec
    if spec.chart is None:
        return None
    body = [row for row, r in zip(table.rows, result.rows, strict=True) if not r.is_total]
    labels = len(spec.rows)
    width = len(result.column_keys)
    cells = [row[labels : labels + width] for row in body]
    years = spec.year_range(result.year)
    return ChartData(
        kind=spec.chart,
        years=" and ".join(str(y) for y in years) if len(years) <= 2 else f"{years[0]}-{years[-1]}",
        categories=[" ".join(str(v) for v in row[:labels]) for row in body],
        series=result.column_labels if result.column_keys != [()] else [spec.counted],
        values=[[v if isinstance(v, int) else 0 for v in row] for row in cells],
        withheld=sum(1 for row in cells for v in row if v == SUPPRESSED),
        hidden=frozenset(
            (i, j) for i, row in enumerate(cells) for j, v in enumerate(row) if v == SUPPRESSED
        ),
    )
