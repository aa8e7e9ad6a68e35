"""Generate the demo referrals of April 2009 - December 2012 from the plans.

``generate_records()`` returns 3,381 flat records in the referral data standard, the same on every
call, ordered by referral date. They reproduce the published tables: the statistics'
verification of the published figures (``nrm.statistics.published``) finds no difference in them
beyond the publication's own known inconsistencies (tests/demo/test_generator.py); see
``docs/demo-data.md`` for every choice made where the tables are silent or disagree.
"""

import random
from datetime import date
from typing import Any

from nrm.demo import plan_2012, plan_history, table9
from nrm.demo.allocate import assign_cells, clean_cut, date_slots, expand, split, subtract
from nrm.demo.people import DEMO_TODAY, Person, to_record, type_weight
from nrm.demo.repeats import repeats_apply
from nrm.demo.smoothing import smoothed
from nrm.demo.steps import (
    assign_authorities,
    assign_dates,
    assign_decisions,
    assign_exploitation_regions,
    assign_police_regions,
    assign_responders,
)
from nrm.demo.victim_accounts import accounts_apply
from nrm.statistics.published.table9 import ROW_BY_ORDER

__all__ = ["DEMO_TODAY", "generate_records"]

YEARS = (2009, 2010, 2011, 2012)
NATIONS = ("england", "wales", "scotland", "northern_ireland")
_OWN_REGION = {"wales": "wales", "scotland": "scotland", "northern_ireland": "northern_ireland"}


def _rng(year: int, step: str) -> random.Random:
    return random.Random(f"open-nrm-demo/{year}/{step}")


def _adults(year: int, counts: dict[str, int], nation: str = "") -> list[Person]:
    return [Person(year, "adult", (code,), nation=nation) for code in expand(counts)]


def _minors_2012() -> list[Person]:
    """The 371 minors of Table 9, in the nations of the plan (Table 8); the rest in England."""
    cells = table9.minor_cells()
    placed: list[tuple[int, str, str, int, str]] = []
    for nation, planned in plan_2012.MINORS_OUTSIDE_ENGLAND.items():
        for order, etype, gender, n in planned:
            cells[(order, etype, gender)] -= n
            placed.append((order, etype, gender, n, nation))
    placed += [(order, etype, gender, n, "england") for (order, etype, gender), n in cells.items()]
    people: list[Person] = []
    for order, etype, gender, n, nation in placed:
        if n < 0:
            raise ValueError(f"Table 9 row {order} {etype}/{gender}: plan exceeds the cell")
        row = ROW_BY_ORDER[order]
        claimed, assessed, certainty = row.claimed, row.assessed, row.certainty
        people += [
            Person(2012, "minor", claimed, assessed, certainty, gender, etype, nation)
            for _ in range(n)
        ]
    return people


def _people_2012() -> list[Person]:
    minors = _minors_2012()
    adults: list[Person] = []
    outside = plan_2012.ADULTS_OUTSIDE_ENGLAND
    for nation, counts in outside.items():
        adults += _adults(2012, counts, nation)
    adults += _adults(2012, subtract(plan_2012.ADULTS, *outside.values()), "england")
    cells = assign_cells(adults, plan_2012.ADULT_CELLS, type_weight, _rng(2012, "types"))
    for person, (etype, gender) in zip(adults, cells, strict=True):
        person.etype, person.gender = etype, gender
    people = minors + adults
    rng = _rng(2012, "regions")
    for nation in NATIONS:
        here = [p for p in people if p.nation == nation]
        assert len(here) == plan_2012.NATIONS[nation], (nation, len(here))
        assign_police_regions(here, plan_2012.POLICE_REGIONS[nation], rng)
    _dates_2012(people)
    assign_exploitation_regions(people, plan_2012.EXPLOITATION_REGIONS, _rng(2012, "exploitation"))
    assign_responders(
        people,
        _rng(2012, "responders"),
        home_office=plan_2012.HOME_OFFICE_RESPONDERS,
        police_in_scotland=plan_2012.POLICE_IN_SCOTLAND,
    )
    assign_authorities(people, _rng(2012, "authority"), hosted=plan_2012.HOSTED_IN_UKHTC)
    assign_decisions(people, _rng(2012, "decisions"), plan_2012.RG, plan_2012.CG)
    return people


def _dates_2012(people: list[Person]) -> None:
    """Referral dates through 2012; Albanians month by month (the rise of paras 3.5-3.6); the
    Nigeria Q3 peak; the RG-pending 44 strictly the latest."""
    rng = _rng(2012, "dates")
    slots = date_slots(date(2012, 1, 1), date(2012, 12, 31), len(people), rng, growth=0.03)
    slots = clean_cut(slots, plan_2012.RG["pending"])
    albanians = [p for p in people if p.claimed == ("ALB",)]
    if len(albanians) != sum(plan_2012.ALBANIA_MONTHS.values()):
        raise ValueError(f"plan does not fit: {len(albanians)} Albanians in 2012")
    free_slots = set(range(len(slots)))
    albanian_slots: list[int] = []
    for month, n in plan_2012.ALBANIA_MONTHS.items():
        here = sorted(i for i in free_slots if slots[i].month == month)
        chosen = rng.sample(here, n)
        albanian_slots += chosen
        free_slots -= set(chosen)
    q3 = [i for i in sorted(free_slots) if 7 <= slots[i].month <= 9]
    rest = [i for i in sorted(free_slots) if not 7 <= slots[i].month <= 9]
    rng.shuffle(q3)
    rng.shuffle(rest)
    nigerians = [p for p in people if p.key == "Nigeria"]
    others = [p for p in people if p.key != "Nigeria" and p.claimed != ("ALB",)]
    peak = plan_2012.NIGERIA_Q3
    taken = q3[:peak] + rest[: len(nigerians) - peak]
    free = q3[peak:] + rest[len(nigerians) - peak :]
    rng.shuffle(free)
    rng.shuffle(albanians)
    order = albanians + nigerians + others
    assign_dates(order, [slots[i] for i in albanian_slots + taken + free])


def _place_nations(people: list[Person], year: int, rng: random.Random) -> None:
    """The nation of each referral: by nationality where the plan says (2011), else at random."""
    placed = plan_history.OUTSIDE_ENGLAND_2011 if year == 2011 else {}
    free = list(people)
    rng.shuffle(free)
    for nation, counts in placed.items():
        for key, n in counts.items():
            chosen = [p for p in free if p.claimed == (key,)][:n]
            if len(chosen) != n:
                raise ValueError(f"plan does not fit: {n} {key} in {nation}, {len(chosen)} left")
            for person in chosen:
                person.nation = nation
            free = [p for p in free if p.nation != nation]
    if placed:
        nations = ["england"] * len(free)
    else:
        nations = expand(plan_history.NATIONS[year])
        rng.shuffle(nations)
    for person, nation in zip(free, nations, strict=True):
        person.nation = nation
    for nation, planned in plan_history.NATIONS[year].items():
        placed_here = sum(1 for p in people if p.nation == nation)
        if placed_here != planned:
            raise ValueError(f"plan does not fit: {placed_here} in {nation}, {planned} planned")


def _people_history(year: int) -> list[Person]:
    rng = _rng(year, "people")
    people: list[Person] = []
    for age, counts in (("adult", plan_history.ADULTS[year]), ("minor", plan_history.MINORS[year])):
        group = [Person(year, age, (code,)) for code in expand(counts)]
        cells = assign_cells(group, plan_history.CELLS[year][age], type_weight, _rng(year, age))
        for person, (etype, gender) in zip(group, cells, strict=True):
            person.etype, person.gender = etype, gender
        people += group
    _place_nations(people, year, rng)
    for nation in NATIONS:
        here = [p for p in people if p.nation == nation]
        regions = (
            plan_history.ENGLAND_REGIONS[year]
            if nation == "england"
            else {_OWN_REGION[nation]: len(here)}
        )
        assign_police_regions(here, regions, rng)
    first = date(2009, 4, 1) if year == 2009 else date(year, 1, 1)
    slots = date_slots(first, date(year, 12, 31), len(people), rng, growth=0.02)
    order = list(people)
    rng.shuffle(order)
    assign_dates(smoothed(order, year, rng), slots)
    assign_exploitation_regions(people, plan_history.EXPLOITATION_REGIONS[year], rng)
    assign_responders(
        people, _rng(year, "responders"), home_office_share=plan_history.HOME_OFFICE_SHARE
    )
    assign_authorities(people, rng)
    rg = split(len(people), plan_history.RG_SHARES)
    cg = split(rg["positive"], plan_history.CG_SHARES)
    assign_decisions(people, _rng(year, "decisions"), rg, cg)
    return people


def generate_records() -> list[dict[str, Any]]:
    """All demo referrals, deterministic, ordered by referral date."""
    records: list[tuple[date, int, dict[str, Any]]] = []
    for year in YEARS:
        people = _people_2012() if year == 2012 else _people_history(year)
        rng = _rng(year, "records")
        for person in people:
            records.append((person.referral_date, len(records), to_record(person, rng)))
    records.sort(key=lambda item: (item[0], item[1]))
    ordered = [record for _day, _seq, record in records]
    repeats_apply(ordered)
    accounts_apply(ordered)
    return ordered
