"""A series' chart: its counts as bars, the expected count as a line and the band up to the
threshold shaded, drawn as SVG on the server (no script). Bars above the threshold are dark
red. It is drawn at its own size, text at 14 px on every screen; on a phone the page scrolls it
sideways inside its own region (``nrm-scroll``), and the table below it holds the same
figures."""

from collections.abc import Sequence
from dataclasses import dataclass
from xml.sax.saxutils import escape, quoteattr

WIDTH, HEIGHT = 640, 300
LEFT, RIGHT, TOP, BOTTOM = 44, 10, 12, 46
FONT = 'system-ui,-apple-system,"Segoe UI",arial,sans-serif'
FONT_SIZE = 14
BAR, ALARM, BAND, LINE, INK = "#5694ca", "#942514", "#f3f2f1", "#0b0c0c", "#505a5f"


@dataclass(frozen=True)
class Point:
    label: str  # the period, short ("Apr 2012")
    observed: int
    expected: float | None
    upper: float | None
    alarm: bool
    note: str = ""  # why there is no threshold, in words


def _ticks(top: float) -> list[int]:
    step = max(1, round(top / 4))
    return list(range(0, int(top) + 1, step))


def series_chart(points: Sequence[Point], title: str) -> str:
    """The chart of ``points`` (oldest first)."""
    if not points:
        return ""
    uppers = [p.upper for p in points if p.upper is not None]
    top = max([p.observed for p in points] + uppers + [1.0]) * 1.1
    inner_w, inner_h = WIDTH - LEFT - RIGHT, HEIGHT - TOP - BOTTOM
    slot = inner_w / len(points)

    def y(value: float) -> float:
        return round(TOP + inner_h - inner_h * value / top, 1)

    parts = [
        f'<svg class="nrm-surge-chart" viewBox="0 0 {WIDTH} {HEIGHT}" role="img"'
        f" aria-label={quoteattr(title)} font-family={quoteattr(FONT)}"
        f' font-size="{FONT_SIZE}" width="{WIDTH}" height="{HEIGHT}">'
    ]
    for tick in _ticks(top):
        parts.append(
            f'<line x1="{LEFT}" x2="{WIDTH - RIGHT}" y1="{y(tick)}" y2="{y(tick)}"'
            ' stroke="#b1b4b6" stroke-width="0.5"/>'
            f'<text x="{LEFT - 6}" y="{y(tick) + 5}" text-anchor="end" fill="{INK}">{tick}</text>'
        )
    band_top, band_bottom = [], []
    for i, point in enumerate(points):
        x = LEFT + i * slot
        if point.upper is not None and point.expected is not None:
            band_top.append(f"{round(x + slot / 2, 1)},{y(point.upper)}")
            band_bottom.append(f"{round(x + slot / 2, 1)},{y(point.expected)}")
    if band_top:
        polygon = " ".join(band_top + band_bottom[::-1])
        parts.append(f'<polygon points="{polygon}" fill="{BAND}" stroke="#b1b4b6"/>')
    for i, point in enumerate(points):
        x = LEFT + i * slot
        colour = ALARM if point.alarm else BAR
        bar_y = y(point.observed)
        parts.append(
            f'<rect x="{round(x + slot * 0.2, 1)}" y="{bar_y}" width="{round(slot * 0.6, 1)}"'
            f' height="{round(TOP + inner_h - bar_y, 1)}" fill="{colour}"/>'
        )
    if band_bottom:
        parts.append(
            f'<polyline points="{" ".join(band_bottom)}" fill="none" stroke="{LINE}"'
            ' stroke-width="2"/>'
        )
    every = max(1, len(points) // 6)
    for i, point in enumerate(points):
        if i % every == 0:
            x = round(LEFT + i * slot + slot / 2, 1)
            parts.append(
                f'<text x="{x}" y="{HEIGHT - BOTTOM + 20}" text-anchor="middle"'
                f' fill="{INK}">{escape(point.label)}</text>'
            )
    parts.append("</svg>")
    return "".join(parts)
