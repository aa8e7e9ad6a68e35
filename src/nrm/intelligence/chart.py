"""The link chart: a network drawn as SVG on the server (no script, no CDN).

The layout is networkx's spring layout with a fixed seed, so the same network is drawn the same
way every time. Each kind of entity has its own shape (and colour), each confidence its own line
(confirmed solid, unconfirmed dashed, tentative dotted), the centre is ringed, and the text
is in the page's font. The drawing scales with its viewBox, so it fits a 320 px screen.
"""

from xml.sax.saxutils import escape, quoteattr

import networkx as nx

from nrm.intelligence.graph import Network
from nrm.standard.intelligence_codes import EntityType, LinkConfidence

WIDTH = 300
HEIGHT = 340
MARGIN_X, MARGIN_TOP, MARGIN_BOTTOM = 10, 24, 34
FONT_SIZE = 15  # about 14 px on a 320 px screen
LABEL_CHARACTERS = 16
# The page's font (GOV.UK Frontend's fallback stack, as the stylesheet sets it).
FONT = 'system-ui,-apple-system,"Segoe UI",arial,sans-serif'
SEED = 20120501
INK, GREY = "#0b0c0c", "#505a5f"

# The shape of each kind of entity, drawn around (0, 0), and its fill.
SHAPES: dict[str, tuple[str, str]] = {
    EntityType.PERSON: ('<circle r="10"/>', "#1d70b8"),
    EntityType.OCG: ('<polygon points="0,-13 11,-6.5 11,6.5 0,13 -11,6.5 -11,-6.5"/>', "#d4351c"),
    EntityType.LOCATION: ('<polygon points="0,-12 11,9 -11,9"/>', "#00703c"),
    EntityType.PHONE: ('<rect x="-7" y="-11" width="14" height="22" rx="3"/>', "#4c2c92"),
    EntityType.VEHICLE: ('<polygon points="0,-12 12,0 0,12 -12,0"/>', "#b58840"),
    EntityType.BUSINESS: ('<rect x="-10" y="-10" width="20" height="20"/>', GREY),
}
# How each confidence is drawn: its dash pattern (none is a solid line) and its words.
LINES: dict[str, tuple[str, str]] = {
    LinkConfidence.CONFIRMED: ("", "Confirmed: solid line"),
    LinkConfidence.UNCONFIRMED: ("9 5", "Unconfirmed: dashed line"),
    LinkConfidence.TENTATIVE: ("2 5", "Tentative: dotted line"),
}


def short(text: str) -> str:
    """A label that fits under its shape: long names end with an ellipsis."""
    return text if len(text) <= LABEL_CHARACTERS else text[: LABEL_CHARACTERS - 1].rstrip() + "…"


def layout(network: Network) -> dict[str, tuple[float, float]]:
    """Where each node goes in the drawing (spring layout, fixed seed, scaled to fit)."""
    graph = network.graph()
    if len(graph) == 1:
        return {key: (WIDTH / 2, HEIGHT / 2) for key in graph}
    raw = nx.spring_layout(graph, seed=SEED)
    xs = [float(p[0]) for p in raw.values()]
    ys = [float(p[1]) for p in raw.values()]

    def scale(value: float, low: float, high: float, start: float, room: float) -> float:
        return start + room / 2 if high == low else start + (value - low) / (high - low) * room

    room_x = WIDTH - 2 * MARGIN_X - 60  # room for labels either side
    room_y = HEIGHT - MARGIN_TOP - MARGIN_BOTTOM
    return {
        key: (
            round(scale(float(p[0]), min(xs), max(xs), MARGIN_X + 30, room_x), 1),
            round(scale(float(p[1]), min(ys), max(ys), MARGIN_TOP, room_y), 1),
        )
        for key, p in raw.items()
    }


def _label_x(x: float, label: str) -> float:
    half = len(label) * FONT_SIZE * 0.3
    return round(min(max(x, half + 2), WIDTH - half - 2), 1)


def label_places(
    labels: dict[str, tuple[str, tuple[float, float]]],
) -> dict[str, tuple[float, float]]:
    """Where each label goes: below its shape, else above it, else further below, whichever
    first keeps clear of the labels placed before it (in the order given)."""
    placed: list[tuple[float, float, float, float]] = []
    found: dict[str, tuple[float, float]] = {}
    for key, (text, (x, y)) in labels.items():
        half = len(text) * FONT_SIZE * 0.3
        label_x = _label_x(x, text)
        tries = [y + 30, y - 20, y + 30 + FONT_SIZE + 2, y - 22 - FONT_SIZE]
        for label_y in tries:
            box = (label_x - half, label_y - FONT_SIZE, label_x + half, label_y + 3)
            if not any(
                box[0] < b[2] and b[0] < box[2] and box[1] < b[3] and b[1] < box[3] for b in placed
            ):
                break
        else:
            label_y = tries[0]
        label_y = min(max(label_y, FONT_SIZE + 2), HEIGHT - 4)
        placed.append((label_x - half, label_y - FONT_SIZE, label_x + half, label_y + 3))
        found[key] = (label_x, round(label_y, 1))
    return found


def _line(x1: float, y1: float, x2: float, y2: float, confidence: str, kind: str = "link") -> str:
    dashes, _ = LINES[confidence]
    dash = f' stroke-dasharray="{dashes}" stroke-linecap="round"' if dashes else ""
    return (
        f'<line class="{kind}" x1="{x1}" y1="{y1}" x2="{x2}" y2="{y2}" stroke="{INK}"'
        f' stroke-width="2"{dash}/>'
    )


def shape_icon(kind: str, size: int = 28) -> str:
    """A small drawing of the shape of ``kind`` for the key (hidden from screen readers: the
    words beside it say the same)."""
    shape, fill = SHAPES[kind]
    return (
        f'<svg aria-hidden="true" focusable="false" width="{size}" height="{size}"'
        f' viewBox="-14 -14 28 28"><g fill="{fill}" stroke="{INK}">{shape}</g></svg>'
    )


def line_icon(confidence: str) -> str:
    """A short line in the style of ``confidence``, for the key."""
    return (
        '<svg aria-hidden="true" focusable="false" width="44" height="12" viewBox="0 0 44 12">'
        + _line(2, 6, 42, 6, confidence, kind="key")
        + "</svg>"
    )


def chart_svg(network: Network, *, centre: str, title: str, description: str) -> str:
    """The network as an SVG image: one ``g.node`` a node and one ``line.link`` a link."""
    where = layout(network)
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" class="nrm-network" role="img"'
        f' aria-labelledby="network-title network-desc" viewBox="0 0 {WIDTH} {HEIGHT}"'
        f' width="100%" font-size="{FONT_SIZE}" font-family={quoteattr(FONT)}>',
        f'<title id="network-title">{escape(title)}</title>',
        f'<desc id="network-desc">{escape(description)}</desc>',
        '<rect width="100%" height="100%" fill="#ffffff"/>',
    ]
    for edge in network.edges:
        (x1, y1), (x2, y2) = where[edge.source], where[edge.target]
        parts.append(_line(x1, y1, x2, y2, edge.confidence))
    order = sorted(network.nodes, key=lambda k: (k != centre, k))  # the centre's label first
    labels = label_places({k: (short(network.nodes[k].name), where[k]) for k in order})
    for key in reversed(order):  # the centre drawn last, on top
        node = network.nodes[key]
        x, y = where[key]
        shape, fill = SHAPES[node.type]
        label, (label_x, label_y) = short(node.name), labels[key]
        ring = (
            f'<circle r="17" fill="none" stroke="{INK}" stroke-width="3"/>' if key == centre else ""
        )
        weight = ' font-weight="bold"' if key == centre else ""
        parts.append(
            f'<g class="node" data-key={quoteattr(key)}>'
            f'<g transform="translate({x},{y})">{ring}'
            f'<g fill="{fill}" stroke="{INK}" stroke-width="1.5">{shape}</g></g>'
            f'<text x="{label_x}" y="{label_y}" text-anchor="middle"'
            f' fill="{INK}" stroke="#ffffff" stroke-width="4" paint-order="stroke"'
            f' stroke-linejoin="round"{weight}>{escape(label)}</text></g>'
        )
    parts.append("</svg>")
    return "".join(parts)
