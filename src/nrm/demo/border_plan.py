"""The demo's risk profiles and their story, modelled on the Nigerian case study of the Second
report of the Inter-Departmental Ministerial Group on Human Trafficking (paras 5.43-5.48):
intelligence from the Risk and Liaison Overseas Network (RALON) in Lagos identified the profile
of young Nigerian women brought to the UK on visit visas, sponsored and accompanied by an adult
not related to them, for sexual exploitation; entry clearance officers gave matching
applications more scrutiny; the route closed and the risk was displaced, and a new risk profile
was circulated.

Everything is dated in days before the day the demo is built (``days``), as the live casework
is: the first profile is written ten months ago, refined two months later, stops hitting when
the route closes and is retired; the displaced route (student visas sponsored by agents,
through a transit airport to other UK airports) goes unnoticed for a month until the second
profile is circulated; an analyst has since drafted a third version of it. Intelligence
references, names and rationale are invented.
"""

from dataclasses import dataclass
from typing import Any

FIRST = "first"
SECOND = "second"

NIGERIAN_WOMEN: list[dict[str, Any]] = [
    {"field": "nationality", "operator": "in", "values": ["NGA"]},
    {"field": "sex", "operator": "in", "values": ["female"]},
]


def _conditions(ages: list[str], visas: list[str], sponsors: list[str]) -> list[dict[str, Any]]:
    return [
        *NIGERIAN_WOMEN,
        {"field": "age_band", "operator": "in", "values": ages},
        {"field": "visa_category", "operator": "in", "values": visas},
        {"field": "sponsor_relationship", "operator": "in", "values": sponsors},
    ]


@dataclass(frozen=True)
class ProfileStep:
    """One change to a demo profile, ``days`` before the demo is built: a version written
    (``data``; ``review``/``expires`` in days after it is written), made active, or the
    profile retired."""

    days: int
    profile: str
    action: str  # "write", "activate" or "retire"
    data: dict[str, Any] | None = None
    review: int = 0
    expires: int = 0


FIRST_V1 = {
    "name": "Young Nigerian women on visit visas sponsored by an unrelated adult",
    "conditions": _conditions(["18_24"], ["visitor"], ["unrelated"]),
    "rationale": (
        "Emerging intelligence from RALON Lagos: young Nigerian women are brought to the UK on "
        "visit visas and sexually exploited on arrival. Their applications are sponsored by an "
        "adult who is not related to them and who often travels with them. Entry clearance "
        "officers: give matching applications more scrutiny (interview, check the sponsor). "
        "Border Force: speak to matching passengers away from their companion on arrival."
    ),
    "intelligence_references": ["RALON-LOS-014", "UKHTC-IR-0873"],
}
FIRST_V2 = {
    **FIRST_V1,
    "conditions": _conditions(["under_18", "18_24"], ["visitor"], ["unrelated", "agent"]),
    "rationale": str(FIRST_V1["rationale"])
    + " Version 2: the first two months' interviews found girls under 18 travelling on the "
    "same route, and travel agents sponsoring in the place of an unrelated adult.",
    "intelligence_references": ["RALON-LOS-014", "UKHTC-IR-0873", "RALON-LOS-019"],
}
SECOND_V1 = {
    "name": "Young Nigerian women on student visas sponsored by an agent or unrelated adult",
    "conditions": _conditions(["18_24"], ["student"], ["agent", "unrelated"]),
    "rationale": (
        "A new risk profile: since the visit-visa route closed (profile 'Young Nigerian women "
        "on visit visas sponsored by an unrelated adult', retired) the risk has been "
        "displaced. The same facilitators now apply for student visas, sponsored by an agent "
        "or an unrelated adult, and the journeys go through a transit airport (Accra, "
        "Istanbul) to Manchester and Gatwick rather than direct from Lagos to Heathrow. Entry "
        "clearance officers: check the course and the sponsor. Border Force: speak to "
        "matching passengers on arrival."
    ),
    "intelligence_references": ["RALON-LOS-027", "UKHTC-IR-1102"],
}
SECOND_V2 = {
    **SECOND_V1,
    "conditions": _conditions(["18_24"], ["student", "work"], ["agent", "unrelated"]),
    "rationale": str(SECOND_V1["rationale"])
    + " Proposed version 2: add work visas, after two reports of recruits sent on work visas.",
    "intelligence_references": ["RALON-LOS-027", "UKHTC-IR-1102", "RALON-ACC-003"],
}

STEPS: list[ProfileStep] = [
    ProfileStep(302, FIRST, "write", FIRST_V1, review=60, expires=365),
    ProfileStep(300, FIRST, "activate"),
    ProfileStep(242, FIRST, "write", FIRST_V2, review=60, expires=365),
    ProfileStep(240, FIRST, "activate"),
    ProfileStep(150, FIRST, "retire"),  # no match since the route closed
    ProfileStep(132, SECOND, "write", SECOND_V1, review=180, expires=365),
    ProfileStep(130, SECOND, "activate"),
    ProfileStep(10, SECOND, "write", SECOND_V2, review=90, expires=365),  # a draft
]
# The versions that screen at some time, in order: what background records must never match.
SCREENING_VERSIONS = [FIRST_V1, FIRST_V2, SECOND_V1]

# A visa application batch and a passenger manifest every fortnight, 294 to 14 days ago.
BATCH_DAYS = list(range(294, 0, -14))
APPLICATIONS_PER_BATCH = 160
PASSENGERS_PER_BATCH = 240
# The first route: its pattern is seen until the route closes; the displaced one after.
FIRST_ROUTE_LAST = 182
DISPLACED_FROM = 168
# Hits of the latest batch have no outcome yet: the officers have not reviewed them.
UNREVIEWED_WITHIN = 14
