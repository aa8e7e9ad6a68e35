"""Steps that give planned people their places, first responders, authorities and decisions."""

import random
from collections.abc import Mapping, Sequence
from datetime import date, timedelta
from functools import cache

from nrm.demo.allocate import expand
from nrm.demo.people import DEMO_TODAY, Person, overseas_country
from nrm.standard.organisations import seed_organisations

_POLICE = {
    "london": ("met-police",),
    "west_midlands": ("west-midlands-police",),
    "north_west": ("greater-manchester-police",),
    "north_east": ("northumbria-police", "west-yorkshire-police"),
    "south_east": ("kent-police",),
    "south_west": ("avon-somerset-police",),
    "eastern": ("essex-police",),
    "east_midlands": ("nottinghamshire-police",),
    "wales": ("south-wales-police",),
    "scotland": ("police-scotland",),
    "northern_ireland": ("psni",),
    "isle_of_man": ("isle-of-man-constabulary",),
}
_LOCAL_AUTHORITY = {
    "london": "london-borough-hillingdon",
    "west_midlands": "birmingham-city-council",
    "south_east": "west-sussex-county-council",
    "wales": "cardiff-council",
    "scotland": "glasgow-city-council",
    "northern_ireland": "belfast-hsc-trust",
}
_ENGLISH_LOCAL_AUTHORITIES = (
    "london-borough-hillingdon",
    "birmingham-city-council",
    "west-sussex-county-council",
)
_HOME_OFFICE = (
    "home-office-ukvi",
    "home-office-immigration-enforcement",
    "home-office-border-force",
)
_ADULT_TYPES = {"police": 40, "ngo": 40, "gla": 10, "nca_ukhtc": 6, "health": 3}
_MINOR_TYPES = {"police": 35, "local_authority": 35, "ngo": 25, "nca_ukhtc": 5}


@cache
def _type_of() -> dict[str, str]:
    return {org.code: str(org.type) for org in seed_organisations()}


def responder_type(code: str) -> str:
    return _type_of()[code]


def assign_police_regions(
    people: Sequence[Person], regions: Mapping[str, int], rng: random.Random
) -> None:
    """Share ``regions`` (region -> count) out among ``people`` (all of one nation)."""
    pool = expand(regions)
    rng.shuffle(pool)
    for person, region in zip(people, pool, strict=True):
        person.police_region = region


def assign_dates(people: Sequence[Person], slots: Sequence[date]) -> None:
    for person, day in zip(people, slots, strict=True):
        person.referral_date = day


def assign_exploitation_regions(
    people: Sequence[Person], regions: Mapping[str, int], rng: random.Random
) -> None:
    """Exploited where they presented when the table allows (mostly), otherwise anywhere left."""
    remaining = dict(regions)
    order = list(people)
    rng.shuffle(order)
    unplaced = []
    for person in order:
        region = person.police_region
        if remaining.get(region, 0) > 0 and region != "not_recorded" and rng.random() < 0.85:
            person.exploitation_region = region
            remaining[region] -= 1
        else:
            unplaced.append(person)
    pool = expand(remaining)
    rng.shuffle(pool)
    for person, region in zip(unplaced, pool, strict=True):
        person.exploitation_region = region
    for person in people:
        if person.exploitation_region == "overseas":
            person.exploitation_country = overseas_country(person, rng)


def _other_responder(person: Person, rng: random.Random, police: bool) -> str:
    """A first responder that is not the Home Office, suited to the person and the place."""
    region = person.police_region
    options = dict(_MINOR_TYPES if person.age == "minor" else _ADULT_TYPES)
    if not police or region not in _POLICE:
        options.pop("police", None)
    if person.etype != "labour":
        options.pop("gla", None)
    if person.nation != "england":
        options.pop("health", None)
    local = _LOCAL_AUTHORITY.get(region)
    if local is None and person.nation == "england" and region == "not_recorded":
        local = rng.choice(_ENGLISH_LOCAL_AUTHORITIES)
    if local is None:
        options.pop("local_authority", None)
    kind = rng.choices(list(options), weights=list(options.values()))[0]
    if kind == "police":
        return rng.choice(_POLICE[region])
    if kind == "local_authority" and local is not None:
        return local
    if kind == "gla":
        return "gla"
    if kind == "nca_ukhtc":
        return "nca-ukhtc"
    if kind == "health":
        return "nhs-england"
    return _ngo(person, rng)


def _ngo(person: Person, rng: random.Random) -> str:
    if person.age == "minor":
        return rng.choice(("barnardos", "nspcc", "migrant-help"))
    if person.nation == "scotland":
        if person.etype == "sexual" and person.gender == "female":
            return "tara"
        return "migrant-help"
    if person.nation != "england":
        return "migrant-help"
    choices = ["salvation-army", "salvation-army", "migrant-help", "unseen", "medaille-trust"]
    if person.etype == "domestic_servitude":
        choices.append("kalayaan")
    if person.etype == "sexual" and person.gender == "female":
        choices.append("poppy-project")
    return rng.choice(choices)


def assign_responders(
    people: Sequence[Person],
    rng: random.Random,
    home_office: Mapping[str, int] | None = None,
    home_office_share: float = 0.55,
    police_in_scotland: int | None = None,
) -> None:
    """First responders. ``home_office``: exact Home Office referrals per nation (else a share of
    the people with an immigration interest); ``police_in_scotland``: exact police referrals there.
    """
    chosen: set[int] = set()
    for nation in ("england", "wales", "scotland", "northern_ireland"):
        pool = [i for i, p in enumerate(people) if p.nation == nation and not p.eea_or_uk]
        n = home_office[nation] if home_office else round(len(pool) * home_office_share)
        chosen.update(rng.sample(pool, n))
    police: set[int] = set()
    if police_in_scotland is not None:
        pool = [
            i
            for i, p in enumerate(people)
            if i not in chosen and p.nation == "scotland" and p.police_region == "scotland"
        ]
        police.update(rng.sample(pool, police_in_scotland))
    for i, person in enumerate(people):
        if i in chosen:
            person.organisation = rng.choices(_HOME_OFFICE, weights=(5, 3, 2))[0]
        elif i in police:
            person.organisation = "police-scotland"
        else:
            allow = police_in_scotland is None or person.nation != "scotland"
            person.organisation = _other_responder(person, rng, police=allow)
        person.responder_type = responder_type(person.organisation)


def assign_authorities(people: Sequence[Person], rng: random.Random, hosted: int = 0) -> None:
    """UKHTC for EEA and UK nationals; the Home Office (``hosted`` of them in UKHTC) for others."""
    others = [p for p in people if not p.eea_or_uk]

    def weight(person: Person) -> float:  # police and NCA referrals more often went to UKHTC
        return 3.0 if person.responder_type in ("police", "nca_ukhtc") else 1.0

    ranked = sorted(others, key=lambda p: rng.random() ** (1 / weight(p)), reverse=True)
    in_ukhtc = {id(p) for p in ranked[:hosted]}
    for person in people:
        if person.eea_or_uk:
            person.authority = "ukhtc"
        else:
            person.authority = "home_office_ukhtc" if id(person) in in_ukhtc else "home_office"


def assign_decisions(
    people: Sequence[Person],
    rng: random.Random,
    rg: Mapping[str, int],
    cg: Mapping[str, int],
) -> None:
    """Reasonable and conclusive grounds. Pending RG: the latest referrals; pending CG: the
    latest positive RGs. Decisions come 2-25 days after referral; CG 45-200 days after RG."""
    by_date = sorted(people, key=lambda p: p.referral_date)
    waiting = rg.get("pending", 0)
    decided = by_date[: len(by_date) - waiting]
    rng.shuffle(decided)
    outcomes = expand((o, n) for o, n in rg.items() if o != "pending")
    for person, outcome in zip(decided, outcomes, strict=True):
        person.rg_outcome = outcome
        person.rg_date = person.referral_date + timedelta(days=rng.randint(2, 25))
    positive = sorted(
        (p for p in decided if p.rg_outcome == "positive"),
        key=lambda p: p.rg_date or p.referral_date,
    )
    pending = cg.get("pending", 0)
    concluded = positive[: len(positive) - pending]
    if pending and concluded:
        boundary = positive[len(positive) - pending].rg_date
        assert boundary is not None
        for person in concluded:
            if person.rg_date == boundary:  # keep every pending RG strictly the latest
                person.rg_date = boundary - timedelta(days=1)
    rng.shuffle(concluded)
    outcomes = expand((o, n) for o, n in cg.items() if o != "pending")
    for person, outcome in zip(concluded, outcomes, strict=True):
        assert person.rg_date is not None
        person.cg_outcome = outcome
        person.cg_date = min(DEMO_TODAY, person.rg_date + timedelta(days=rng.randint(45, 200)))
