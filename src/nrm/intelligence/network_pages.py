"""How a network reads on the web: the chart, its key, and the same nodes and links as tables,
so the chart can be read without seeing it."""

from typing import Any

from nrm.intelligence.chart import LINES, chart_svg, line_icon, shape_icon
from nrm.intelligence.graph import distances, measures
from nrm.intelligence.selectors import NetworkRead
from nrm.standard.intelligence_codes import EntityType, LinkConfidence, LinkType

HOPS_INVALID = "Choose how many links away to show: 1, 2 or 3"


def _steps(hops: int) -> str:
    return "1 link" if hops == 1 else f"{hops} links"


def _count(number: int, one: str, many: str) -> str:
    return f"{number} {one if number == 1 else many}"


def network_context(read: NetworkRead, hops: int) -> dict[str, Any]:
    """What the network page shows of ``read``."""
    whole, part, centre = read
    name = whole.nodes[centre].name
    reports = sorted({r for node in part.nodes.values() for r in node.reports})
    title = f"The network of {name} within {_steps(hops)}"
    description = (
        f"{_count(len(part.nodes), 'person or thing', 'people and things')} and "
        f"{_count(len(part.edges), 'link', 'links')} between them, "
        f"from {_count(len(reports), 'report', 'reports')}: " + ", ".join(reports) + "."
    )
    near, measured, overall = distances(part, centre), measures(part), measures(whole)
    ranked = sorted(overall, key=lambda k: -overall[k].betweenness)
    nodes = [
        {
            "key": key,
            "type": EntityType(node.type).label,
            "name": node.name,
            "details": node.details,
            "steps": near[key],
            "degree": measured[key].degree,
            "betweenness": f"{measured[key].betweenness:.2f}",
            "group": measured[key].community,
            "reports": ", ".join(node.reports),
            "centre": key == centre,
        }
        for key, node in sorted(part.nodes.items(), key=lambda kv: (near[kv[0]], kv[1].name))
    ]
    links = [
        {
            "from": part.nodes[edge.source].name,
            "type": str(LinkType(edge.type).label).lower(),
            "to": part.nodes[edge.target].name,
            "confidence": LinkConfidence(edge.confidence).label,
            "reports": ", ".join(edge.reports),
        }
        for edge in part.edges
    ]
    return {
        "centre": {"key": centre, "name": name},
        "hops": hops,
        "title": title,
        "description": description,
        "svg": chart_svg(part, centre=centre, title=title, description=description),
        "nodes": nodes,
        "links": links,
        "groups": len({m.community for m in measured.values()}),
        "overall": {
            "nodes": len(whole.nodes),
            "links": len(whole.edges),
            "degree": overall[centre].degree,
            "rank": ranked.index(centre) + 1,
        },
        "shapes": [{"icon": shape_icon(kind), "label": kind.label} for kind in EntityType],
        "lines": [{"icon": line_icon(c), "label": LINES[c][1]} for c in LinkConfidence],
    }
