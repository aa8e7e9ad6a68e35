"""Demo organised crime groups (2011-2012), so that the OCG register and its tables show the
pattern of the strategic assessment's chapter 2 (paras 2.4-2.7): for more than half of the groups
linked to trafficking the nationality is unknown or mixed; the groups of the nationalities of the
top five source countries of 2012 (Nigeria, Vietnam, Albania, Romania, China) are the largest;
and trafficking goes with immigration crime, sexual offences, violence and money laundering much
more than with drugs.

Every group, person and place is fictional ("Demo Group Alder", "Demo Member Alder 1"). One
report names each group, with its members, a victim it controls for every other group and a
place it operates from; two groups are named in 2011 as well (Demo Group Alder's nationality
was unknown then). Written through the intelligence service, like every door."""

from typing import Any

from nrm.accounts.actors import DEMO
from nrm.demo.generator import DEMO_TODAY
from nrm.intelligence.services import intelligence_report_submit

_S, _L, _C = "trafficking_sexual", "trafficking_labour", "trafficking_criminal"
_IMM, _SEX, _VIO = "immigration_crime", "sexual_offences", "violence"
_ML, _DRUGS, _CANNABIS = "money_laundering", "drugs", "cannabis_cultivation"

# (name, year, predominant nationality or None when not recorded, activities, members)
GROUPS: tuple[tuple[str, int, str | None, tuple[str, ...], int], ...] = (
    ("Alder", 2011, "unknown", (_S, _IMM), 2),
    ("Thorn", 2011, "mixed", (_S,), 1),
    ("Nutmeg", 2011, "mixed", (_S, _IMM), 1),
    ("Olive", 2011, "unknown", (_L,), 0),
    ("Poplar", 2011, "ALB", (_S, _VIO), 4),
    ("Quince", 2011, "NGA", (_S, _ML), 3),
    ("Redwood", 2011, "mixed", (_L, _DRUGS), 1),
    # 2012: the groups of the top five source countries' nationalities, the largest
    ("Alder", 2012, "NGA", (_S, _IMM, _VIO, _ML), 6),
    ("Birch", 2012, "NGA", (_S, _SEX, _ML), 5),
    ("Cedar", 2012, "VNM", (_C, _CANNABIS, _IMM, _VIO), 6),
    ("Damson", 2012, "VNM", (_L, _IMM, _ML), 4),
    ("Elder", 2012, "ALB", (_S, _VIO, _ML, _IMM), 5),
    ("Fir", 2012, "ALB", (_S, _SEX, _VIO), 4),
    ("Gorse", 2012, "ROU", (_L, _C, _IMM, _ML), 6),
    ("Hazel", 2012, "ROU", (_S, _VIO), 5),
    ("Juniper", 2012, "CHN", (_S, _IMM, _ML), 4),
    ("Larch", 2012, "CHN", (_L, _IMM), 5),
    # other nationalities
    ("Maple", 2012, "POL", (_L, _ML), 2),
    ("Oak", 2012, "SVK", (_L, _VIO), 1),
    ("Pine", 2012, "LTU", (_S, _VIO), 2),
    ("Rowan", 2012, "HUN", (_S, _SEX), 1),
    ("Spruce", 2012, "IND", (_L, _IMM), 2),
    # unknown, mixed or not recorded: more than half of 2012's groups
    ("Thorn", 2012, "mixed", (_S, _IMM), 3),
    ("Willow", 2012, "mixed", (_S, _VIO), 2),
    ("Yew", 2012, "unknown", (_L, _ML), 1),
    ("Ash", 2012, "unknown", (_S, _SEX), 0),
    ("Beech", 2012, "mixed", (_C, _DRUGS), 2),
    ("Chestnut", 2012, None, (_L,), 1),
    ("Dogwood", 2012, "unknown", (_S, _IMM, _VIO), 0),
    ("Ebony", 2012, "mixed", (_L, _IMM, _ML), 3),
    ("Fig", 2012, "unknown", (_S,), 1),
    ("Ginkgo", 2012, "mixed", (_S, _SEX, _VIO), 2),
    ("Holly", 2012, "unknown", (_L, _IMM), 0),
    ("Ivy", 2012, "mixed", (_C, _VIO), 1),
    ("Jasmine", 2012, "unknown", (_S, _ML), 0),
    ("Kapok", 2012, None, (_S, _IMM), 1),
    ("Laurel", 2012, "mixed", (_L, _VIO), 2),
    ("Magnolia", 2012, "unknown", (_S, _SEX), 1),
)

_SOURCES = (
    ("met-police", "police_force", "DC Demo Example"),
    ("west-midlands-police", "police_force", "PC Demo Sample"),
    ("nca-ukhtc", "ukhtc", "Analyst Demo"),
    ("home-office-border-force", "border_force", "BFO Demo"),
)
_GRADINGS = (("2", "B"), ("1", "A"), ("2", "C"), ("3", "D"), ("1", "B"))
_PREMISES = ("brothel", "private_residence", "nail_bar", "car_wash", "farm", "factory")


def _report(n: int, name: str, year: int, nationality: str | None, activities: tuple[str, ...],
            members: int) -> dict[str, Any]:  # fmt: skip
    organisation, kind, officer = _SOURCES[n % len(_SOURCES)]
    evaluation, assessment = _GRADINGS[n % len(_GRADINGS)]
    group: dict[str, Any] = {"key": "g", "type": "ocg", "ocg_name": f"Demo Group {name}",
                             "ocg_activities": list(activities)}  # fmt: skip
    if nationality:
        group["ocg_nationality"] = nationality
    entities: list[dict[str, Any]] = [group]
    links: list[dict[str, Any]] = []
    for m in range(1, members + 1):
        entities.append({"key": f"m{m}", "type": "person", "person_role": "suspect",
                         "given_name": "Demo", "family_name": f"Member {name} {m}"})  # fmt: skip
        links.append({"from_key": f"m{m}", "to_key": "g", "type": "member_of",
                      "confidence": "confirmed" if m == 1 else "unconfirmed"})  # fmt: skip
    entities.append({"key": "l", "type": "location", "address": f"{n + 1} Demo Street, Exampleton",
                     "premises_type": _PREMISES[n % len(_PREMISES)]})  # fmt: skip
    links.append({"from_key": "g", "to_key": "l", "type": "operates_from"})
    if n % 2 == 0:
        entities.append({"key": "v", "type": "person", "person_role": "potential_victim"})
        links += [{"from_key": "g", "to_key": "v", "type": "controls"},
                  {"from_key": "v", "to_key": "l", "type": "exploited_at"}]  # fmt: skip
    shared = n % 7 == 3  # some only on conditions, shared with the hub
    return {
        "organisation": organisation,
        "source_kind": kind,
        "officer": officer,
        "received_date": f"{year}-{n % 12 + 1:02d}-{n % 20 + 5:02d}",
        "source_evaluation": evaluation,
        "intelligence_assessment": assessment,
        "handling_code": "C" if shared else "P",
        "handling_conditions": ["nca-ukhtc"] if shared else [],
        "narrative": f"A fictional report on Demo Group {name} and the people it exploits.",
        "entities": entities,
        "links": links,
    }


def demo_ocgs_create() -> int:
    """Record the reports naming the demo groups; return how many."""
    for n, group in enumerate(GROUPS):
        data = _report(n, *group)
        intelligence_report_submit(actor=DEMO, data=data, today=DEMO_TODAY, door="demo")
    return len(GROUPS)
