"""The referral map: one square tile per police region of presentation (and per country of the
NRM outside England), placed by the project's own layout (``region_tiles.json``) and shaded by the
number of referrals. Drawn as SVG on the server: no external tiles, geometry or scripts.

Shading uses **quantile classes**: the regions with referrals are ranked by their count and cut
into up to five classes holding about the same number of regions each (equal counts always share
a class), so one large region cannot leave the others in one or two shades. Regions without
referrals have a shade of their own. Every class in the legend holds at least one region.

The map is drawn in a ``viewBox`` whose width is about that of a 320 px phone's column (290 px),
so its text is drawn at no less than the font sizes below there; on a wider screen it grows up
to ``SCALE`` times that. The font is the page's own (``.nrm-tile-map`` in the app stylesheet).
"""

import json
import math
from dataclasses import dataclass
from functools import cache
from html import escape
from pathlib import Path

from nrm.standard.codes import PoliceRegion

LAYOUT = Path(__file__).with_name("region_tiles.json")
TILE = 54
GAP = 4
SCALE = 1.5  # how much larger than its viewBox the map is drawn where there is room
LABEL_FONT, COUNT_FONT, LEGEND_FONT = 14, 16, 14
LEGEND_TITLE = 26  # the legend's title line
LEGEND_ROW = 26
CLASSES = "quantile classes"
# Light to dark GOV.UK blues; the text on each keeps a contrast of at least 4.5:1.
SHADES = ("#d2e2f1", "#a5c6e3", "#5694ca", "#1d70b8", "#003078")
DARK_TEXT, LIGHT_TEXT = "#0b0c0c", "#ffffff"
EMPTY = "#f3f2f1"


@dataclass(frozen=True)
class Tile:
    code: str
    column: int
    row: int
    short: str

    @property
    def label(self) -> str:
        return str(PoliceRegion(self.code).label)


@cache
def tiles() -> tuple[Tile, ...]:
    """The tiles of the layout, each for a code of ``PoliceRegion``."""
    layout = json.loads(LAYOUT.read_text(encoding="utf-8"))["tiles"]
    return tuple(
        Tile(code=PoliceRegion(code).value, column=t["column"], row=t["row"], short=t["short"])
        for code, t in layout.items()
    )


def classes(counts: list[int]) -> list[tuple[int, int]]:
    """Quantile classes of the positive ``counts``: up to five ranges (low, high) covering 1 to
    the largest count without gaps, each ending at a count it holds; none when nothing is
    counted. The ``k``-th class ends at the count ranked at the ``k``/5 quantile."""
    ranked = sorted(n for n in counts if n > 0)
    if not ranked:
        return []
    number = min(len(SHADES), len(set(ranked)))
    highs: list[int] = []
    for k in range(1, number):
        high = ranked[math.ceil(k * len(ranked) / number) - 1]
        if (not highs or high > highs[-1]) and high < ranked[-1]:
            highs.append(high)
    highs.append(ranked[-1])
    lows = [1] + [high + 1 for high in highs[:-1]]
    return list(zip(lows, highs, strict=True))


def band(count: int, ranges: list[tuple[int, int]]) -> int:
    """The class of ``count``: 0 for none, else 1 for the lowest range up to ``len(ranges)``."""
    return next((k for k, (low, high) in enumerate(ranges, 1) if low <= count <= high), 0)


def shade(count: int, ranges: list[tuple[int, int]]) -> tuple[str, str]:
    """Fill and text colours of a tile holding ``count``: the darkest shades for the highest
    classes, so fewer than five classes keep the darker end."""
    k = band(count, ranges)
    if k == 0:
        return EMPTY, DARK_TEXT
    step = k - 1 + len(SHADES) - len(ranges)
    return SHADES[step], LIGHT_TEXT if step >= 3 else DARK_TEXT


def _legend(ranges: list[tuple[int, int]], *, zero: bool, top: int, width: int) -> list[str]:
    """The legend below the map: its title names the classification, then a swatch per class
    (and one for no referrals when a region has none), in two columns, lightest first."""
    parts = [
        f'<text x="0" y="{top + LEGEND_FONT}" font-size="{LEGEND_FONT}" font-weight="bold" '
        f'fill="{DARK_TEXT}">Referrals ({CLASSES})</text>'
    ]
    entries = [(0, "0")] if zero else []
    entries += [
        (k, str(lo) if lo == hi else f"{lo} to {hi}") for k, (lo, hi) in enumerate(ranges, 1)
    ]
    rows = math.ceil(len(entries) / 2)
    for i, (k, text) in enumerate(entries):
        x, y = (i // rows) * (width // 2), top + LEGEND_TITLE + (i % rows) * LEGEND_ROW
        fill = EMPTY if k == 0 else shade(ranges[k - 1][0], ranges)[0]
        parts.append(
            f'<g class="nrm-legend-entry" data-class="{k}"><rect x="{x}" y="{y}" width="20" '
            f'height="20" fill="{fill}" stroke="#505a5f"/><text x="{x + 28}" y="{y + 15}" '
            f'font-size="{LEGEND_FONT}" fill="{DARK_TEXT}">{text}</text></g>'
        )
    return parts


def tile_map_svg(counts: dict[str, int], *, title: str, element_id: str = "referral-map") -> str:
    """The map as SVG markup: a tile per region with its short name and count, and a legend."""
    layout = tiles()
    drawn = [counts.get(t.code, 0) for t in layout]
    ranges = classes(drawn)
    zero = 0 in drawn
    columns = max(t.column for t in layout) + 1
    rows = max(t.row for t in layout) + 1
    width = columns * (TILE + GAP) - GAP
    legend_top = rows * (TILE + GAP) + 8
    height = legend_top + LEGEND_TITLE + math.ceil((len(ranges) + zero) / 2) * LEGEND_ROW
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" class="nrm-tile-map" id="{element_id}" '
        f'viewBox="0 0 {width} {height}" width="{round(width * SCALE)}" '
        f'height="{round(height * SCALE)}" role="img" aria-labelledby="{element_id}-title" '
        f'focusable="false">',
        f'<title id="{element_id}-title">{escape(title)}</title>',
    ]
    for t, n in zip(layout, drawn, strict=True):
        fill, ink = shade(n, ranges)
        x, y = t.column * (TILE + GAP), t.row * (TILE + GAP)
        middle = x + TILE // 2
        parts.append(
            f'<g class="nrm-tile" data-region="{t.code}" data-count="{n}" '
            f'data-class="{band(n, ranges)}"><title>{escape(t.label)}: {n}</title>'
            f'<rect x="{x}" y="{y}" width="{TILE}" height="{TILE}" rx="3" fill="{fill}" '
            f'stroke="#505a5f"/>'
            f'<text x="{middle}" y="{y + 22}" text-anchor="middle" font-size="{LABEL_FONT}" '
            f'font-weight="bold" fill="{ink}">{escape(t.short)}</text>'
            f'<text x="{middle}" y="{y + 43}" text-anchor="middle" font-size="{COUNT_FONT}" '
            f'fill="{ink}">{n}</text></g>'
        )
    parts += _legend(ranges, zero=zero, top=legend_top, width=width)
    parts.append("</svg>")
    return "".join(parts)
