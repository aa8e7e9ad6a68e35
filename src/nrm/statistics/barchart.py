"""A horizontal bar chart drawn as SVG on the server (the source countries on the analyst's page):
one bar per category, its count written beside it."""

from html import escape

LABEL_WIDTH = 280
BAR_WIDTH = 380
BAR = 24
GAP = 8
COLOUR = "#1d70b8"
INK = "#0b0c0c"


def bar_chart_svg(items: list[tuple[str, int]], *, title: str, element_id: str) -> str:
    """``items`` (label, count), drawn in the order given; the chart is one labelled image."""
    largest = max((n for _label, n in items), default=0) or 1
    height = max(1, len(items)) * (BAR + GAP) + GAP
    width = LABEL_WIDTH + BAR_WIDTH + 60
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" class="nrm-tile-map" id="{element_id}" '
        f'viewBox="0 0 {width} {height}" width="{width}" height="{height}" role="img" '
        f'aria-labelledby="{element_id}-title" focusable="false">',
        f'<title id="{element_id}-title">{escape(title)}</title>',
    ]
    for i, (label, n) in enumerate(items):
        y = GAP + i * (BAR + GAP)
        length = round(BAR_WIDTH * n / largest)
        parts.append(
            f'<g class="nrm-bar" data-label="{escape(label)}" data-count="{n}">'
            f'<text x="{LABEL_WIDTH - 8}" y="{y + 17}" text-anchor="end" font-size="15" '
            f'fill="{INK}">{escape(label)}</text>'
            f'<rect x="{LABEL_WIDTH}" y="{y}" width="{length}" height="{BAR}" fill="{COLOUR}"/>'
            f'<text x="{LABEL_WIDTH + length + 6}" y="{y + 17}" font-size="15" '
            f'fill="{INK}">{n}</text></g>'
        )
    parts.append("</svg>")
    return "".join(parts)


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
ROW = 18
ROW_GAP = 10


def grouped_bar_svg(
    categories: list[str],
    series: list[str],
    values: list[list[int]],
    *,
    title: str,
    element_id: str,
    stacked: bool = False,
) -> str:
    """Horizontal bars for each category: one bar per series side by side, or one bar whose
    segments are the series (``stacked``); a legend names the series. ``values[i][j]`` is the
    count of category ``i`` in series ``j``."""
    totals = [sum(row) for row in values]
    largest = (
        max(totals, default=0) if stacked else max((n for row in values for n in row), default=0)
    ) or 1
    per_category = ROW if stacked else ROW * max(1, len(series))
    legend = 26 * ((len(series) + 2) // 3) if len(series) > 1 else 0
    height = legend + max(1, len(categories)) * (per_category + ROW_GAP) + ROW_GAP
    width = LABEL_WIDTH + BAR_WIDTH + 70
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" class="nrm-tile-map" id="{element_id}" '
        f'viewBox="0 0 {width} {height}" width="{width}" height="{height}" role="img" '
        f'aria-labelledby="{element_id}-title" focusable="false">',
        f'<title id="{element_id}-title">{escape(title)}</title>',
    ]
    if len(series) > 1:
        for j, name in enumerate(series):
            x, y = 10 + (j % 3) * 240, 4 + (j // 3) * 26
            parts.append(
                f'<rect x="{x}" y="{y}" width="16" height="16" fill="{SERIES[j % len(SERIES)]}"/>'
                f'<text x="{x + 22}" y="{y + 13}" font-size="14" fill="{INK}">'
                f"{escape(name)}</text>"
            )
    for i, (category, row) in enumerate(zip(categories, values, strict=True)):
        top = legend + ROW_GAP + i * (per_category + ROW_GAP)
        parts.append(
            f'<g class="nrm-bar" data-label="{escape(category)}" data-count="{totals[i]}">'
            f'<text x="{LABEL_WIDTH - 8}" y="{top + 14}" text-anchor="end" font-size="14" '
            f'fill="{INK}">{escape(category)}</text>'
        )
        left = LABEL_WIDTH
        for j, n in enumerate(row):
            length = round(BAR_WIDTH * n / largest)
            colour = SERIES[j % len(SERIES)]
            y = top if stacked else top + j * ROW
            x = left if stacked else LABEL_WIDTH
            parts.append(
                f'<rect x="{x}" y="{y}" width="{length}" height="{ROW - 2}" '
                f'fill="{colour}"><title>{escape(series[j])}: {n}</title></rect>'
            )
            if stacked:
                left += length
            else:
                parts.append(
                    f'<text x="{x + length + 4}" y="{y + 13}" font-size="13" '
                    f'fill="{INK}">{n}</text>'
                )
        if stacked:
            parts.append(
                f'<text x="{left + 4}" y="{top + 13}" font-size="13" '
                f'fill="{INK}">{totals[i]}</text>'
            )
        parts.append("</g>")
    parts.append("</svg>")
    return "".join(parts)
