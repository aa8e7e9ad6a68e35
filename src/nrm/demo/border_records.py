"""The demo's visa application batches and passenger manifests: invented records (references,
never names) with matches planted for the demo profiles (``border_plan``), the same on every
call (``random.Random`` with a fixed seed).

Each fortnight has a batch of visa applications and a manifest of passengers. Most records are
background, drawn from plausible mixes of nationalities, visas, sponsors and journeys and
redrawn whenever one would match a profile that screens, so that every hit is planted. Planted
are: records of the first route (young Nigerian women on visit visas, sponsored by an unrelated
adult or, from the first profile's second version, an agent; passengers flying direct from
Lagos or Abuja to Heathrow) until the route closes; then records of the displaced route
(student visas, through Accra or Istanbul to Manchester or Gatwick); and near misses, which
differ from a profile in one condition and must not be hit.
"""

import random
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from nrm.border.profile_conditions import Condition, conditions_parse
from nrm.border.profile_rules import profile_matches
from nrm.demo import border_plan as plan
from nrm.standard import border_codes as bc

NEAR_MISS = "near_miss"
SEED = "demo-border-2026"

# (nationality, weight, origin airports, visa needed)
NATIONALITIES: list[tuple[str, int, list[str], bool]] = [
    ("NGA", 16, ["LOS", "ABV"], True),
    ("GHA", 7, ["ACC"], True),
    ("IND", 14, ["DEL", "BOM", "BLR"], True),
    ("PAK", 9, ["LHE", "ISB", "KHI"], True),
    ("CHN", 9, ["PEK", "PVG", "CAN"], True),
    ("ZAF", 4, ["JNB", "CPT"], True),
    ("KEN", 4, ["NBO"], True),
    ("EGY", 3, ["CAI"], True),
    ("TUR", 4, ["IST"], True),
    ("PHL", 4, ["MNL"], True),
    ("VNM", 3, ["SGN", "HAN"], True),
    ("ALB", 3, ["TIA"], True),
    ("USA", 8, ["JFK", "ORD", "BOS"], False),
    ("CAN", 4, ["YYZ", "YUL"], False),
    ("AUS", 3, ["SYD", "MEL"], False),
    ("BRA", 3, ["GRU"], False),
]
AGE_BANDS = [("under_18", 6), ("18_24", 22), ("25_34", 31), ("35_49", 27), ("50_plus", 14)]
VISAS = [("visitor", 55), ("student", 20), ("work", 12), ("family", 8), ("domestic_worker", 2)]
PURPOSES = {
    "visitor": ["tourism", "visiting_family", "business", "medical"],
    "student": ["study"],
    "work": ["work"],
    "family": ["visiting_family", "marriage"],
    "domestic_worker": ["work"],
    "none": ["tourism", "business", "visiting_family"],
}
SPONSORS = [
    ("none", 40), ("spouse", 10), ("parent", 14), ("other_relative", 13),
    ("employer", 12), ("agent", 5), ("unrelated", 6),
]  # fmt: skip
DESTINATIONS = [("LHR", 55), ("MAN", 15), ("LGW", 14), ("BHX", 8), ("EDI", 8)]
HUBS = ["AMS", "CDG", "FRA", "DXB", "DOH", "IST"]


@dataclass
class Batch:
    """One screening: its day (days before the demo is built), its kind, its records, and the
    references planted (reference → ``plan.FIRST``, ``plan.SECOND`` or ``NEAR_MISS``)."""

    days: int
    kind: str
    records: list[dict[str, Any]] = field(default_factory=list)
    planted: dict[str, str] = field(default_factory=dict)


def _weighted(rng: random.Random, pairs: list[tuple[str, int]]) -> str:
    return rng.choices([p[0] for p in pairs], weights=[p[1] for p in pairs])[0]


class _References:
    def __init__(self, rng: random.Random) -> None:
        self.rng = rng
        self.seen: set[str] = set()

    def application(self) -> str:
        return self._new(lambda: f"GWF{self.rng.randrange(10**9):09d}")

    def booking(self) -> str:
        letters = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789"
        return self._new(lambda: "".join(self.rng.choice(letters) for _ in range(6)) + "-1")

    def _new(self, make: Callable[[], str]) -> str:
        while True:
            reference = make()
            if reference not in self.seen:
                self.seen.add(reference)
                return reference


def _person(rng: random.Random, kind: str) -> dict[str, Any]:
    nationality, _, origins, needs_visa = rng.choices(
        NATIONALITIES, weights=[n[1] for n in NATIONALITIES]
    )[0]
    visa = _weighted(rng, VISAS) if needs_visa else "none"
    record: dict[str, Any] = {
        "nationality": nationality,
        "sex": rng.choice(["female", "male"]),
        "age_band": _weighted(rng, AGE_BANDS),
        "visa_category": visa,
        "purpose_of_travel": rng.choice(PURPOSES[visa]),
        "sponsor_relationship": _weighted(rng, SPONSORS),
    }
    if kind == bc.RecordKind.PASSENGER:
        direct = rng.random() < 0.6
        one_way = visa in ("student", "work") and rng.random() < 0.5
        record |= {
            "origin_airport": rng.choice(origins),
            "transit_airport": None if direct else rng.choice(HUBS),
            "destination_airport": _weighted(rng, DESTINATIONS),
            "journey": "one_way" if one_way else "return",
            "return_within_days": None if one_way else rng.randint(3, 90),
            "paid_in_cash": rng.random() < 0.04,
            "booked_by_third_party": rng.random() < 0.15,
            "hours_booked_before_departure": rng.randint(12, 2400),
        }
    return record


def _first_route(rng: random.Random, kind: str, *, second_version: bool) -> dict[str, Any]:
    """A record of the first route: what the first profile (its version then) matches."""
    under_18 = second_version and rng.random() < 0.25
    agent = second_version and rng.random() < 0.35
    record: dict[str, Any] = {
        "nationality": "NGA",
        "sex": "female",
        "age_band": "under_18" if under_18 else "18_24",
        "visa_category": "visitor",
        "purpose_of_travel": rng.choice(["tourism", "visiting_family"]),
        "sponsor_relationship": "agent" if agent else "unrelated",
    }
    if kind == bc.RecordKind.PASSENGER:
        record |= {
            "origin_airport": rng.choice(["LOS", "LOS", "ABV"]),
            "transit_airport": None,
            "destination_airport": "LHR",
            "journey": "return",
            "return_within_days": rng.randint(14, 30),
            "paid_in_cash": rng.random() < 0.3,
            "booked_by_third_party": True,
            "hours_booked_before_departure": rng.randint(24, 240),
        }
    return record


def _displaced_route(rng: random.Random, kind: str) -> dict[str, Any]:
    """A record of the displaced route: what the second profile matches."""
    record: dict[str, Any] = {
        "nationality": "NGA",
        "sex": "female",
        "age_band": "18_24",
        "visa_category": "student",
        "purpose_of_travel": "study",
        "sponsor_relationship": rng.choice(["agent", "agent", "unrelated"]),
    }
    if kind == bc.RecordKind.PASSENGER:
        record |= {
            "origin_airport": "LOS",
            "transit_airport": rng.choice(["ACC", "IST"]),
            "destination_airport": rng.choice(["MAN", "LGW"]),
            "journey": "one_way",
            "return_within_days": None,
            "paid_in_cash": False,
            "booked_by_third_party": True,
            "hours_booked_before_departure": rng.randint(24, 120),
        }
    return record


# A near miss changes one field of a planted record so that no profile matches it.
NEAR_MISS_CHANGES: list[tuple[str, str]] = [
    ("sponsor_relationship", "parent"),
    ("sponsor_relationship", "other_relative"),
    ("age_band", "25_34"),
    ("sex", "male"),
    ("nationality", "GHA"),
    ("visa_category", "family"),
]


def _matches_any(record: dict[str, Any], screening: list[list[Condition]]) -> bool:
    values = {str(f): record.get(str(f)) for f in bc.ScreenField}
    return any(profile_matches(conditions, values) for conditions in screening)


def _planted(days: int) -> list[tuple[str, int, int]]:
    """(pattern, applications, passengers) planted in the batches of ``days``."""
    found = []
    if days >= plan.FIRST_ROUTE_LAST:
        found.append((plan.FIRST, 4 + days % 3, 2 + days % 2))
    if days <= plan.DISPLACED_FROM:
        found.append((plan.SECOND, 3 + days % 4, 2 + (days // 14) % 2))
    return found


def border_batches() -> list[Batch]:
    """Every demo batch, oldest first, a visa application batch then a passenger manifest for
    each day of ``plan.BATCH_DAYS``."""
    rng = random.Random(SEED)
    references = _References(rng)
    screening = [conditions_parse(v["conditions"]) for v in plan.SCREENING_VERSIONS]
    second_version_from = next(
        s.days for s in plan.STEPS if s.profile == plan.FIRST and s.data is plan.FIRST_V2
    )
    batches = []
    for days in plan.BATCH_DAYS:
        for kind, size in (
            (bc.RecordKind.VISA_APPLICATION, plan.APPLICATIONS_PER_BATCH),
            (bc.RecordKind.PASSENGER, plan.PASSENGERS_PER_BATCH),
        ):
            batch = Batch(days, str(kind))
            new_reference = (
                references.application
                if kind == bc.RecordKind.VISA_APPLICATION
                else references.booking
            )
            planted: list[tuple[str, dict[str, Any]]] = []
            for pattern, applications, passengers in _planted(days):
                count = applications if kind == bc.RecordKind.VISA_APPLICATION else passengers
                for _ in range(count):
                    if pattern == plan.FIRST:
                        later = days < second_version_from
                        planted.append((pattern, _first_route(rng, kind, second_version=later)))
                    else:
                        planted.append((pattern, _displaced_route(rng, kind)))
            for _ in range(2):
                near = (
                    _first_route(rng, kind, second_version=False)
                    if days >= plan.FIRST_ROUTE_LAST
                    else _displaced_route(rng, kind)
                )
                name, value = rng.choice(NEAR_MISS_CHANGES)
                near |= {name: value}
                assert not _matches_any(near, screening), near
                planted.append((NEAR_MISS, near))
            background = size - len(planted)
            records = []
            for _ in range(background):
                record = _person(rng, kind)
                while _matches_any(record, screening):
                    record = _person(rng, kind)
                records.append(("", record))
            records += planted
            rng.shuffle(records)
            for pattern, record in records:
                reference = new_reference()
                batch.records.append({"kind": str(kind), "reference": reference, **record})
                if pattern:
                    batch.planted[reference] = pattern
            batches.append(batch)
    return batches
