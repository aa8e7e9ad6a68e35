"""Horizontal bar charts drawn as SVG on the server (the analyst's page: the source countries and
every chart of the report).

The charts are fluid: the SVG has no ``viewBox`` and is as wide as its column, bar lengths and
the counts beside them are percentages of that width, and every other measure is in CSS pixels.
Text is therefore never scaled: it is drawn at ``FONT`` pixels on a 320 px phone and on a wide
screen alike. Each category's label is written on its own line(s) above its bars, so a label
never competes with a bar for width. The font is the page's own (``.nrm-bar-chart`` in the app
stylesheet); colours are presentation attributes, which the Content-Security-Policy allows.
"""

import textwrap
from html import escape

FONT = 16  # px: every label, count and legend entry
WITHHELD = "[c]"  # a count withheld by disclosure control
LINE = 20  # px: the height of a line of text
BAR = 20  # px: the thickness of a bar
BAR_GAP = 4
GROUP_GAP = 16
SWATCH = 16
LONGEST = 80  # the longest bar, as a percentage of the width; the rest holds its count
WRAP = 30  # characters on a label line: 30 characters at 16 px fit in 290 px (a 320 px phone)
INK = "#0b0c0c"

# Series colours (GOV.UK palette), each at least 3:1 against the white background.
SERIES = (
    "#1d70b8",
    "#f47738",
    "#00703c",
    "#d4351c",
    "#4c2c92",
    "#b58840",
    "#28a197",
    "#6f72af",
    "#912b88",
    "#505a5f",
)


def _percent(value: float) -> str:
    return f"{value:.2f}".rstrip("0").rstrip(".") + "%"


def _text(x: str, y: int, text: str, **attributes: str) -> str:
    extra = "".join(f' {name.replace("_", "-")}="{value}"' for name, value in attributes.items())
    return f'<text x="{x}" y="{y}" font-size="{FONT}" fill="{INK}"{extra}>{escape(text)}</text>'


def _legend(series: list[str]) -> tuple[list[str], int]:
    """One entry per series, one per line (a line fits a 320 px phone); its height."""
    if len(series) < 2:
        return [], 0
    parts = []
    for j, name in enumerate(series):
        y = j * (LINE + 4)
        parts.append(
            f'<rect x="0" y="{y + 2}" width="{SWATCH}" height="{SWATCH}" '
            f'fill="{SERIES[j % len(SERIES)]}"/>' + _text(str(SWATCH + 8), y + FONT, name)
        )
    return parts, len(series) * (LINE + 4) + GROUP_GAP


def grouped_bar_svg(
    categories: list[str],
    series: list[str],
    values: list[list[int]],
    *,
    title: str,
    element_id: str,
    stacked: bool = False,
    withheld: frozenset[tuple[int, int]] = frozenset(),
) -> str:
    """Horizontal bars for each category: one bar per series, one under the other with its
    count, or one bar whose segments are the series and the total beside it (``stacked``); a
    legend names the series when there are several. ``values[i][j]`` is the count of category
    ``i`` in series ``j``; one ``withheld`` by disclosure control (category, series) is drawn
    as nothing and labelled [c], as is the total of a stacked bar with a part withheld."""
    totals = [sum(row) for row in values]
    largest = (
        max(totals, default=0) if stacked else max((n for row in values for n in row), default=0)
    ) or 1
    parts, top = _legend(series)
    for i, (category, row, total) in enumerate(zip(categories, values, totals, strict=True)):
        lines = textwrap.wrap(category, WRAP) or [""]
        group = [
            f'<g class="nrm-bar" data-label="{escape(category)}" data-count="{total}">',
            *(_text("0", top + k * LINE + FONT, line) for k, line in enumerate(lines)),
        ]
        top += len(lines) * LINE + 4
        left = 0.0
        for j, n in enumerate(row):
            length = LONGEST * n / largest
            label = WITHHELD if (i, j) in withheld else str(n)
            group.append(
                f'<rect x="{_percent(left)}" y="{top}" width="{_percent(length)}" '
                f'height="{BAR}" fill="{SERIES[j % len(SERIES)]}">'
                f"<title>{escape(series[j])}: {label}</title></rect>"
            )
            if stacked:
                left += length
            else:
                group.append(_text(_percent(length), top + FONT - 1, label, dx="6"))
                top += BAR + BAR_GAP
        if stacked:
            partial = any((i, j) in withheld for j in range(len(row)))
            label = WITHHELD if partial else str(total)
            group.append(_text(_percent(left), top + FONT - 1, label, dx="6"))
            top += BAR + BAR_GAP
        parts += [*group, "</g>"]
        top += GROUP_GAP - BAR_GAP
    height = max(top, LINE)
    return (
        f'<svg xmlns="http://www.w3.org/2000/svg" class="nrm-bar-chart" id="{element_id}" '
        f'width="100%" height="{height}" role="img" aria-labelledby="{element_id}-title" '
        f'focusable="false"><title id="{element_id}-title">{escape(title)}</title>'
        + "".join(parts)
        + "</svg>"
    )


def bar_chart_svg(items: list[tuple[str, int]], *, title: str, element_id: str) -> str:
    """``items`` (label, count), one bar each, drawn in the order given."""
    return grouped_bar_svg(
        [label for label, _n in items],
        ["Referrals"],
        [[n] for _label, n in items],
        title=title,
        element_id=element_id,
    )
