"""The referral map: one square tile per police region of presentation (and per country of the
NRM outside England), placed by the project's own layout (``region_tiles.json``) and shaded by the
number of referrals. Drawn as SVG on the server: no external tiles, geometry or scripts."""

import json
import math
from dataclasses import dataclass
from functools import cache
from html import escape
from pathlib import Path

from nrm.standard.codes import PoliceRegion

LAYOUT = Path(__file__).with_name("region_tiles.json")
TILE = 92
GAP = 6
LEGEND_WIDTH = 170
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


def bins(largest: int) -> list[tuple[int, int]]:
    """Up to five equal ranges (low, high) covering 1..largest; none when nothing is counted."""
    if largest <= 0:
        return []
    count = min(len(SHADES), largest)
    highs = [math.ceil(largest * (k + 1) / count) for k in range(count)]
    lows = [1] + [h + 1 for h in highs[:-1]]
    return list(zip(lows, highs, strict=True))


def shade(count: int, ranges: list[tuple[int, int]]) -> tuple[str, str]:
    """Fill and text colours of a tile holding ``count``."""
    for index, (low, high) in enumerate(ranges):
        if low <= count <= high:
            step = index + len(SHADES) - len(ranges)
            return SHADES[step], LIGHT_TEXT if step >= 3 else DARK_TEXT
    return EMPTY, DARK_TEXT


def _legend(ranges: list[tuple[int, int]], x: int) -> list[str]:
    parts = [
        f'<text x="{x}" y="16" font-size="15" font-weight="bold" fill="{DARK_TEXT}">'
        "Referrals</text>"
    ]
    entries = [("0", EMPTY)] + [
        (str(low) if low == high else f"{low} to {high}", shade(low, ranges)[0])
        for low, high in ranges
    ]
    for i, (text, fill) in enumerate(entries):
        y = 30 + i * 28
        parts.append(
            f'<rect x="{x}" y="{y}" width="22" height="22" fill="{fill}" stroke="#505a5f"/>'
            f'<text x="{x + 30}" y="{y + 16}" font-size="15" fill="{DARK_TEXT}">{text}</text>'
        )
    return parts


def tile_map_svg(counts: dict[str, int], *, title: str, element_id: str = "referral-map") -> str:
    """The map as SVG markup: a tile per region with its short name and count, and a legend."""
    layout = tiles()
    ranges = bins(max((counts.get(t.code, 0) for t in layout), default=0))
    columns = max(t.column for t in layout) + 1
    rows = max(t.row for t in layout) + 1
    width = columns * (TILE + GAP) + LEGEND_WIDTH
    height = max(rows * (TILE + GAP), 30 + 28 * (len(ranges) + 1))
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" class="nrm-tile-map" id="{element_id}" '
        f'viewBox="0 0 {width} {height}" width="{width}" height="{height}" role="img" '
        f'aria-labelledby="{element_id}-title" focusable="false">',
        f'<title id="{element_id}-title">{escape(title)}</title>',
    ]
    for t in layout:
        n = counts.get(t.code, 0)
        fill, ink = shade(n, ranges)
        x, y = t.column * (TILE + GAP), t.row * (TILE + GAP)
        middle = x + TILE // 2
        parts.append(
            f'<g class="nrm-tile" data-region="{t.code}" data-count="{n}">'
            f"<title>{escape(t.label)}: {n}</title>"
            f'<rect x="{x}" y="{y}" width="{TILE}" height="{TILE}" rx="4" fill="{fill}" '
            f'stroke="#505a5f"/>'
            f'<text x="{middle}" y="{y + 38}" text-anchor="middle" font-size="17" '
            f'font-weight="bold" fill="{ink}">{escape(t.short)}</text>'
            f'<text x="{middle}" y="{y + 64}" text-anchor="middle" font-size="19" '
            f'fill="{ink}">{n}</text></g>'
        )
    parts += _legend(ranges, columns * (TILE + GAP) + 16)
    parts.append("</svg>")
    return "".join(parts)
