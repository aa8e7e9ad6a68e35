"""A result made ready to show: header, rows of display values, notes; disclosure applied.

Internal outputs show exact counts. Public outputs (a ``DisclosureRule``) suppress counts as
``disclosure`` decides, show ``[c]`` in their place, and work out shares and % changes from the
published (rounded) counts only, never from a suppressed one. They have no positions or ranks:
those are worked out from exact counts, and equal ranks would say that two hidden counts are
equal.
"""

from dataclasses import dataclass
from fractions import Fraction
from typing import Any

from nrm.standard.words import one_of
from nrm.statistics.disclosure import SUPPRESSED, DisclosureRule, Grid, Protected, grid_protect
from nrm.statistics.engine import label
from nrm.statistics.result import Result
from nrm.statistics.rounding import half_up
from nrm.statistics.specs.model import DIMENSION_LABELS, UNIT, period_label

NO_POSITION = "N/A"  # the position of a row with nothing counted in the year, as published

Cell = int | str | None


@dataclass
class Presented:
    id: str
    number: str
    title: str
    header: list[str]
    rows: list[list[Cell]]
    notes: list[str]
    result: Result


def _percent(value: Fraction | None, decimals: int) -> str:
    return "" if value is None else f"{half_up(value, decimals)}%"


def _money(result: Result) -> set[int]:
    """The columns of ``result`` that hold amounts in pence rather than counts."""
    return {j for j, key in enumerate(result.column_keys) if key and key[-1] in result.spec.money}


def pounds(pence: int) -> str:
    """An amount in pence as the tables write it: "£24,609", or "£24,609.50"."""
    whole, part = divmod(pence, 100)
    return f"£{whole:,}" if part == 0 else f"£{whole:,}.{part:02d}"


def _protect(result: Result, rule: DisclosureRule, counted: list[int]) -> Protected:
    """Disclosure control over the count columns ``counted`` (amounts of money are shown or
    hidden with their row's counts, in ``result_present``)."""
    spec = result.spec
    body = [r for r in result.rows if not r.is_total]
    grid = Grid(
        [[r.counts[j] for j in counted] for r in body],
        row_totals=spec.total_column,
        column_totals=spec.total_row and spec.top is None,
    )
    if not body:
        grid.cells = [[0] * len(counted)]
    return grid_protect(grid, rule)


def _describe(result: Result) -> str:
    spec = result.spec
    years = [period_label(spec.year_column, y) for y in spec.year_range(result.year)]
    when = years[0] if len(years) == 1 else f"{years[0]} to {years[-1]}"
    parts = [f"{spec.counted} in {when} counted by "]
    parts.append(" and ".join(DIMENSION_LABELS.get(d, d).lower() for d in spec.rows + spec.columns))
    for column, values in spec.where:
        if column == UNIT:  # what is counted, said by ``counted``
            continue
        shown = one_of([label(column, value) for value in values])
        named = DIMENSION_LABELS.get(column)
        parts.append(f"; only {named.lower()} {shown}" if named else f"; only {shown.lower()}")
    if spec.share:
        parts.append("; % of the column total")
    if spec.change:
        parts.append(f"; % change {years[-2]} to {years[-1]} (undefined from zero)")
    if spec.top:
        within = (
            f" within each {DIMENSION_LABELS[spec.top_within].lower()}" if spec.top_within else ""
        )
        parts.append(f"; the top {spec.top}{within}, ties kept, ranked 1 for the largest count")
    return "".join(parts) + "."


def result_present(result: Result, rule: DisclosureRule | None = None) -> Presented:
    spec = result.spec
    money = _money(result)
    counted = [j for j in range(len(result.column_keys)) if j not in money]
    at = {j: k for k, j in enumerate(counted)}
    protected = _protect(result, rule, counted) if rule is not None else None
    body_index = {id(r): i for i, r in enumerate(r for r in result.rows if not r.is_total)}
    labels = result.column_labels if result.column_keys != [()] else [spec.counted]
    header = [DIMENSION_LABELS.get(d, d) for d in spec.rows] + list(labels)
    if spec.total_column:
        header.append("Total")
    if spec.share:
        header += [f"% of total {label}".strip() if label != spec.counted else "% of total"
                   for label in labels]  # fmt: skip
    if spec.change:
        header.append("% change")
    ranked = rule is None  # positions and ranks come from exact counts: internal only
    if ranked and spec.positions and len(result.column_keys) > 1:
        header += [f"Position {label}" for label in labels]
    if ranked and spec.top:
        header.append("Rank")
    rows: list[list[Cell]] = []
    for r in result.rows:

        def shown(kind: str, i: int, j: int, exact: int) -> int | None:
            if protected is None:
                return exact
            if kind in ("cell", "column") and j in money:  # shown with the count before it
                counted_with = at.get(j - 1)
                pairs = at.values() if counted_with is None else [counted_with]
                hidden = any(protected.published((kind, i, k)) is None for k in pairs)
                return None if hidden else exact
            return protected.published((kind, i, at.get(j, j)))

        i = body_index.get(id(r), 0)
        if r.is_total:
            counts = [shown("column", 0, j, n) for j, n in enumerate(r.counts)]
            total = shown("grand", 0, 0, r.total)
        else:
            counts = [shown("cell", i, j, n) for j, n in enumerate(r.counts)]
            total = shown("row", i, 0, r.total)
        line: list[Cell] = list(r.labels)
        line += [
            SUPPRESSED if n is None else pounds(n) if j in money else n
            for j, n in enumerate(counts)
        ]
        if spec.total_column:
            line.append(SUPPRESSED if total is None else total)
        if spec.share and protected is None:
            line += [_percent(s, spec.decimals) for s in r.shares]
        elif spec.share:
            column_totals = _column_totals(result, protected)
            for n, t in zip(counts, column_totals, strict=True):
                line.append(_percent(Fraction(100 * n, t), spec.decimals)
                            if n is not None and t else "")  # fmt: skip
        if spec.change and protected is None:
            line.append(_percent(r.change, spec.decimals))
        elif spec.change:
            old, new = counts[-2], counts[-1]
            line.append(_percent(Fraction(100 * (new - old), old), spec.decimals)
                        if old and new is not None else "")  # fmt: skip
        if ranked and spec.positions and len(result.column_keys) > 1:
            line += [NO_POSITION if p is None else p for p in r.positions] or [""] * len(labels)
        if ranked and spec.top:
            line.append(r.rank)
        rows.append(line)
    notes = [_describe(result)] + ([spec.notes] if spec.notes else [])
    if rule is not None:
        notes.append(_rule_note(rule))
    return Presented(spec.id, spec.number, spec.title, header, rows, notes, result)


def _column_totals(result: Result, protected: Protected | None) -> list[int | None]:
    exact = result.column_totals
    if protected is None:
        return list(exact)
    if result.spec.total_row and result.spec.top is None:
        return [protected.published(("column", 0, j)) for j in range(len(exact))]
    return [protected.rule.rounded(n) for n in exact]


def _rule_note(rule: DisclosureRule) -> str:
    text = (
        f"Disclosure control: counts below {rule.threshold} are suppressed ({SUPPRESSED}), with "
        "further counts suppressed so that none can be worked out from the totals"
    )
    if rule.round_to:
        text += f"; published counts are rounded to the nearest {rule.round_to}"
    return text + "."


def presented_cells(table: Presented) -> list[list[dict[str, Any]]]:
    """A presented table's rows as the cells the shared table template draws
    (``statistics/_table.html``): the first of each row a header, the counts numeric."""
    labels = len(table.result.spec.rows)
    return [
        [
            {"value": "" if value is None else value, "header": i == 0, "numeric": i >= labels}
            for i, value in enumerate(row)
        ]
        for row in table.rows
    ]
