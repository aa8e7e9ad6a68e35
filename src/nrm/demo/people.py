"""One demo person while the plan is applied, and the steps that finish them into a record."""

import random
from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import Any

from nrm.demo import names
from nrm.standard.codes import ADULT_AGE, REGION_NATIONS
from nrm.standard.nationality import EEA_2013, UK, UNKNOWN, nationality_key
from nrm.standard.rules import age_on

DEMO_TODAY = date(2013, 6, 30)

# Relative weight of each exploitation type for a nationality (sexual, labour, DS, not recorded).
_SEX, _LAB, _DOM, _MIX = (
    (6.0, 1.0, 1.0, 0.5),
    (1.0, 6.0, 0.5, 0.5),
    (1.0, 1.0, 6.0, 0.5),
    (3.0, 3.0, 2.0, 1.0),
)
_PROFILES: dict[str, tuple[float, float, float, float]] = {
    "NGA": (5, 1, 3, 0.7), "ALB": (7, 1, 0.5, 0.5), "ROU": (4, 4, 0.5, 0.5),
    "SVK": (3, 5, 0.5, 0.5), "VNM": (2, 6, 1, 0.5), "CHN": (6, 2, 1, 0.5),
    "HUN": (4, 4, 0.3, 0.5), "PAK": (1, 4, 3, 0.5), "CZE": (2, 6, 0.3, 0.5),
    "UGA": (5, 1, 3, 0.5), "GBR": (5, 3, 1, 1), "IND": (0.5, 4, 5, 0.5), "ZWE": (3, 1, 3, 1),
    "GHA": (3, 1, 3, 1), "MYS": (5, 2, 1, 0.5), "JAM": (5, 1, 1, 1), "BGR": (3, 4, 0.3, 0.5),
    "ERI": (2, 2, 3, 1), "SLE": (3, 1, 3, 1), "KEN": (3, 1, 4, 1), "LKA": (0.5, 3, 5, 0.5),
    "CMR": (4, 1, 3, 1), "IRN": (2, 3, 1, 2), "AFG": (0.5, 4, 1, 2), "COD": (3, 1, 3, 1),
    "SOM": (2, 1, 4, 1), "EGY": (1, 4, 2, 1), "GMB": (3, 1, 2, 1), "MAR": (2, 2, 3, 1),
    "IRQ": (1, 4, 1, 2), "AGO": (3, 1, 2, 1), "BDI": (2, 1, 3, 1), "SEN": (2, 2, 2, 1),
    "SDN": (1, 3, 1, 2), "BGD": (0.5, 5, 2, 1),
    "POL": _LAB, "LTU": _LAB, "LVA": _LAB, "TUR": _LAB, "PHL": _DOM, "IDN": _DOM, "ETH": _DOM,
    "THA": _SEX, "BRA": _SEX, "MDA": _SEX, "MNG": _SEX, "UKR": _SEX, "RUS": _SEX,
}  # fmt: skip
_TYPE_INDEX = {"sexual": 0, "labour": 1, "domestic_servitude": 2, "not_recorded": 3}

_LABOUR_SUBTYPES = {
    "VNM": ("labour_nail_bar", "labour_restaurant"),
    "CHN": ("labour_restaurant", "labour_factory"),
    "LTU": ("labour_agriculture", "labour_food_processing", "labour_factory"),
    "LVA": ("labour_agriculture", "labour_food_processing", "labour_factory"),
    "POL": ("labour_agriculture", "labour_factory", "labour_construction"),
}
_LABOUR_OTHER = (
    "labour_factory", "labour_ground_works", "labour_construction", "labour_car_wash",
    "labour_restaurant", "labour_maritime", "labour_other",
)  # fmt: skip
_SEXUAL_SUBTYPES = (
    "sexual_brothel", "sexual_private_residence", "sexual_online", "sexual_on_street",
)  # fmt: skip
_TRANSIT = ("FRA", "ITA", "ESP", "GRC", "BEL", "NLD")


@dataclass
class Person:
    year: int
    age: str
    claimed: tuple[str, ...]
    assessed: str | None = None
    certainty: str | None = None
    gender: str = ""
    etype: str = ""
    nation: str = ""
    police_region: str = "not_recorded"
    exploitation_region: str = "not_recorded"
    exploitation_country: str | None = None
    referral_date: date = date(2000, 1, 1)
    organisation: str = ""
    responder_type: str = ""
    authority: str = ""
    rg_outcome: str = "pending"
    rg_date: date | None = None
    cg_outcome: str = "pending"
    cg_date: date | None = None
    extra: dict[str, Any] = field(default_factory=dict)

    @property
    def key(self) -> str:
        return nationality_key(list(self.claimed), self.assessed, self.certainty)

    @property
    def eea_or_uk(self) -> bool:
        """An EEA or UK national beyond doubt: no linked immigration interest (UKHTC's caseload)."""
        codes = [*self.claimed, *([self.assessed] if self.assessed else [])]
        return all(code in EEA_2013 or code == UK for code in codes)

    @property
    def nationality(self) -> str:
        return self.claimed[0]


def type_weight(person: Person, cell: tuple[str, str]) -> float:
    """How well an (exploitation type, gender) cell suits a person's nationality and age."""
    profile = _PROFILES.get(person.nationality, _MIX)
    weight = profile[_TYPE_INDEX.get(cell[0], 3)]
    if person.age == "minor" and cell[0] == "not_recorded":
        weight *= 3
    return weight


def years_before(day: date, years: int) -> date:
    try:
        return day.replace(year=day.year - years)
    except ValueError:  # 29 February
        return day.replace(year=day.year - years, day=28)


def years_after(day: date, years: int) -> date:
    try:
        return day.replace(year=day.year + years)
    except ValueError:  # born on 29 February: the birthday falls on 1 March
        return date(day.year + years, 3, 1)


def _birth_and_start(person: Person, rng: random.Random) -> tuple[date, date | None]:
    """A date of birth and exploitation start that put the person in their age group."""
    ref = person.referral_date
    if person.age == "minor":
        age = rng.choices(range(10, 18), weights=(1, 1, 2, 3, 5, 8, 10, 10))[0]
    else:
        age = int(rng.triangular(ADULT_AGE, 55, 24))
    latest = years_before(ref, age)
    earliest = years_before(ref, age + 1) + timedelta(days=1)
    born = earliest + timedelta(days=rng.randint(0, (latest - earliest).days))
    assert age_on(born, ref) == age
    if rng.random() < 0.15:
        return born, None
    start = ref - timedelta(days=rng.randint(14, 540))
    if person.age == "minor":
        start = max(start, years_after(born, 8))
    elif age_on(born, start) < ADULT_AGE:
        start = years_after(born, ADULT_AGE)
    return born, start


def overseas_country(person: Person, rng: random.Random) -> str:
    for code in (*person.claimed, person.assessed):
        if code and code not in (UK, UNKNOWN):
            return code
    return rng.choice(_TRANSIT)


def _sub_types(person: Person, rng: random.Random) -> list[str]:
    if rng.random() > 0.6:
        return []
    if person.etype == "labour":
        return [rng.choice(_LABOUR_SUBTYPES.get(person.nationality, _LABOUR_OTHER))]
    if person.etype == "sexual":
        return [rng.choices(_SEXUAL_SUBTYPES, weights=(4, 3, 2, 1))[0]]
    return []


def to_record(person: Person, rng: random.Random) -> dict[str, Any]:
    """The flat record of the data standard (JSON-like values)."""
    assert person.nation in REGION_NATIONS[person.police_region]
    born, start = _birth_and_start(person, rng)
    end = None
    if start is not None and rng.random() < 0.6:
        end = max(start, person.referral_date - timedelta(days=rng.randint(0, 20)))
    given, family = names.person_name(rng)
    spoken = names.language(person.nationality)
    assessed, certainty = person.assessed, person.certainty
    if assessed is None and person.age == "adult" and rng.random() < 0.1:
        assessed, certainty = person.nationality, "confirmed"  # an assessment that agrees
    minor = person.age == "minor"

    def iso(day: date | None) -> str | None:
        return None if day is None else day.isoformat()

    return {
        "referral_date": person.referral_date.isoformat(),
        "nation": person.nation,
        "police_region": person.police_region,
        "first_responder_organisation": person.organisation,
        "first_responder_officer": names.officer_name(rng),
        "consent": (True if rng.random() < 0.3 else None) if minor else True,
        "linked_immigration_interest": not person.eea_or_uk,
        "competent_authority": person.authority,
        "given_name": given,
        "family_name": family,
        "date_of_birth": born.isoformat(),
        "age_group": person.age,
        "gender": person.gender,
        "claimed_nationalities": list(person.claimed),
        "assessed_nationality": assessed,
        "assessed_nationality_certainty": certainty,
        "languages": [spoken] if spoken == "eng" else [spoken, "eng"][: rng.randint(1, 2)],
        "interpreter_needed": spoken != "eng",
        "exploitation_type": person.etype,
        "exploitation_sub_types": _sub_types(person, rng),
        "exploitation_region": person.exploitation_region,
        "exploitation_country": person.exploitation_country,
        "exploitation_start": iso(start),
        "exploitation_end": iso(end),
        "account": names.account(person.etype, rng) if rng.random() < 0.15 else None,
        "rg_outcome": person.rg_outcome,
        "rg_date": iso(person.rg_date),
        "cg_outcome": person.cg_outcome,
        "cg_date": iso(person.cg_date),
    }
