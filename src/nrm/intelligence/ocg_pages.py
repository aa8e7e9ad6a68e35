"""How the OCG register and its tables read on the web: the list with its filters, one group
with its members, victims, places and reports, and the tables as GOV.UK tables."""

from typing import Any

from nrm.intelligence.graph import Node
from nrm.intelligence.ocg_specs import DIMENSIONS
from nrm.intelligence.ocg_tables import nationality_label
from nrm.intelligence.ocgs import Ocg
from nrm.justice.page_selectors import ProsecutionRead
from nrm.justice.pages import prosecution_context
from nrm.standard.intelligence_codes import OcgActivity, OcgNationality
from nrm.statistics.present import Presented, result_present
from nrm.statistics.result import Result

NRM_PREFIX = "person:nrm:"


def _activities(group: Ocg) -> str:
    return ", ".join(str(OcgActivity(a).label) for a in group.activities) or "None recorded"


def _count(number: int, one: str, many: str) -> str:
    return f"{number} {one if number == 1 else many}"


def ocg_rows(groups: list[Ocg]) -> list[dict[str, Any]]:
    return [
        {
            "key": group.key,
            "name": group.name,
            "nationality": nationality_label(group.nationality),
            "activities": _activities(group),
            "members": len(group.members),
            "victims": len(group.victims),
            "reports": len(group.reports),
        }
        for group in groups
    ]


def filter_options(nationalities: list[str], chosen: dict[str, str]) -> dict[str, Any]:
    """The choices of the list's two filters, countries by name then the others."""
    special = [n for n in OcgNationality.values if n in nationalities]
    countries = sorted(
        (n for n in nationalities if n not in OcgNationality.values), key=nationality_label
    )
    return {
        "nationalities": [
            {"value": n, "text": nationality_label(n), "selected": n == chosen["nationality"]}
            for n in countries + special
        ],
        "activities": [
            {"value": a.value, "text": a.label, "selected": a.value == chosen["activity"]}
            for a in OcgActivity
        ],
    }


def _people(nodes: list[Node], can_read_nrm: bool) -> list[dict[str, str]]:
    return [
        {
            "key": node.key,
            "name": node.name,
            "details": node.details,
            "nrm_reference": node.key.removeprefix(NRM_PREFIX)
            if can_read_nrm and node.key.startswith(NRM_PREFIX)
            else "",
        }
        for node in nodes
    ]


def ocg_context(group: Ocg, can_read_nrm: bool) -> dict[str, Any]:
    received = {m.report: m.received for m in group.mentions}
    return {
        "group": group,
        "rows": [
            {"key": "Predominant nationality", "value": nationality_label(group.nationality)},
            {"key": "Involved in", "value": _activities(group)},
            {"key": "Named in", "value": _count(len(group.reports), "report", "reports")},
        ],
        "members": _people(group.members, can_read_nrm),
        "victims": _people(group.victims, can_read_nrm),
        "locations": [{"name": n.name, "details": n.details} for n in group.locations],
        "reports": [{"reference": r, "received": received.get(r)} for r in sorted(group.reports)],
    }


def table_present(result: Result) -> Presented:
    """A table as the pages show it: exact counts (analysts only see it), headed in words."""
    presented = result_present(result)
    spec = result.spec
    presented.header[: len(spec.rows)] = [DIMENSIONS.get(d, d) for d in spec.rows]
    if result.column_keys == [()]:
        counted = spec.counted
        presented.header[len(spec.rows)] = counted
    presented.notes = [spec.notes] if spec.notes else []
    return presented


def ocg_prosecutions(reads: list[ProsecutionRead], linked: set[int]) -> list[dict[str, Any]]:
    """The prosecutions of the group's linked defendants, each showing only those defendants
    (the others in the same prosecution are not linked to the group)."""
    shown = []
    for read in reads:
        context = prosecution_context(read)
        context["defendant_rows"] = [d for d in context["defendant_rows"] if d["id"] in linked]
        shown.append(context)
    return shown
