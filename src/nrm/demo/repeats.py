"""Repeat referrals: some demo children are referred more than once in a year, by different
first responders, under a name spelt a little differently. The NRM counts referrals, so every
table is unchanged; the UKHTC strategic assessment counts people, and finds each of them once
(``nrm.intelligence.assessment``). The groups below are where the published strategic
assessment counts fewer children of a nationality than the NRM referred (Table 10 against Tables
9 and 25), and where its 2011 positions need fewer nationalities with two or more children.

A repeat takes the first referral's name (respelt), date of birth and gender, only where the
date of birth keeps the repeat a child when its exploitation began (the one age rule) and when
it was referred. Children
recorded with one gender are grouped where there are enough (always in 2012, whose tables count
children by gender and nationality); everything else the tables count stays as it was.
"""

from collections import defaultdict
from datetime import date
from typing import Any

from nrm.standard.codes import ADULT_AGE, AgeGroup
from nrm.standard.nationality import nationality_key
from nrm.standard.rules import age_group_at_exploitation, age_on

# (year, nationality as counted) -> sizes of the groups of referrals of one child.
REPEATS: dict[tuple[int, str], tuple[int, ...]] = {
    (2011, "Vietnam"): (2, 2, 2),
    (2011, "China"): (2,),
    (2011, "Bangladesh"): (2, 2, 2, 2),
    (2011, "Somalia"): (3,),
    (2011, "Iran"): (2,),
    (2011, "Congo"): (2,),
    (2011, "Czech Republic"): (2,),
    (2011, "Egypt"): (2,),
    (2011, "Hungary"): (2,),
    (2012, "Albania"): (2, 2, 2),
    (2012, "China"): (2, 2, 2, 2, 2, 2, 2),
    (2012, "Bangladesh"): (2,),
    (2012, "Afghanistan"): (2, 2, 2),
}


def respelt(name: str, variant: int) -> str:
    """A name as another first responder might write it: a letter doubled, or dropped."""
    if len(name) < 4 or variant == 0:
        return name
    at = 1 + variant % (len(name) - 2)
    if variant % 2:
        return name[:at] + name[at] + name[at:]
    return name[:at] + name[at + 1 :]


def _day(text: str | None) -> date | None:
    return None if text is None else date.fromisoformat(text)


def _child_with(record: dict[str, Any], born: str) -> bool:
    group = age_group_at_exploitation(
        referral_date=date.fromisoformat(record["referral_date"]),
        exploitation_start=_day(record.get("exploitation_start")),
        date_of_birth=date.fromisoformat(born),
    )
    start = date.fromisoformat(record.get("exploitation_start") or record["referral_date"])
    referred = date.fromisoformat(record["referral_date"])
    birth = date.fromisoformat(born)
    return group == AgeGroup.MINOR and birth <= start and age_on(birth, referred) < ADULT_AGE


def _candidates(records: list[dict[str, Any]]) -> dict[tuple[int, str], list[dict[str, Any]]]:
    found: dict[tuple[int, str], list[dict[str, Any]]] = defaultdict(list)
    for record in records:
        if record["age_group"] != AgeGroup.MINOR:
            continue
        key = nationality_key(
            list(record["claimed_nationalities"]),
            record.get("assessed_nationality"),
            record.get("assessed_nationality_certainty"),
        )
        found[(int(record["referral_date"][:4]), key)].append(record)
    return found


def repeats_apply(records: list[dict[str, Any]]) -> list[list[dict[str, Any]]]:
    """Make the ``REPEATS`` groups of ``records`` (ordered by referral date) one child each, in
    place; return the groups (the referral whose name the others take first). Children of one
    gender are grouped first."""
    candidates = _candidates(records)
    groups: list[list[dict[str, Any]]] = []
    for key, sizes in REPEATS.items():
        pool = sorted(candidates[key], key=lambda r: (r["gender"], r["referral_date"]))
        for size in sizes:
            group = _group(pool, size)
            if group is None:
                raise ValueError(f"no repeat referrals possible for {key}")
            for used in group:
                pool.remove(used)
            first = group[0]
            for n, repeat in enumerate(group[1:], start=1):
                repeat["given_name"] = respelt(first["given_name"], n)
                repeat["family_name"] = first["family_name"]
                repeat["date_of_birth"] = first["date_of_birth"]
                repeat["gender"] = first["gender"]
            groups.append(group)
    return groups


def _group(pool: list[dict[str, Any]], size: int) -> list[dict[str, Any]] | None:
    """The first ``size`` referrals of ``pool`` that the first one's date of birth keeps
    children, the first one first (whose name, date of birth and gender the others take):
    children recorded with one gender if there are enough, else any."""
    for same_gender in (True, False):
        for at, first in enumerate(pool):
            group = [first]
            for other in pool[at + 1 :]:
                if same_gender and other["gender"] != first["gender"]:
                    continue
                if len(group) < size and _child_with(other, first["date_of_birth"]):
                    group.append(other)
            if len(group) == size:
                return group
    return None
