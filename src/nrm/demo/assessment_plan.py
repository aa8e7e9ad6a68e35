"""How many potential victims the demo intelligence of 2011 and 2012 adds, by year, age group,
nationality and exploitation, so that the strategic assessment of the demo reproduces the
published one (``shared/reference/t10_…csv`` and the strategic-assessment rows of
``paragraph_figures.csv``).

The published assessment counts people; the demo NRM counts referrals. What intelligence adds
is the difference, worked out from what the case store already holds (``Baseline``: the people
the assessment finds before this step). Where the publication is silent the choices are the
demo's own, and stated here:
- the 2011 counts behind Table 10's % changes are the integer bases that give them (Bangladesh:
  6, the base nearest the published +66%, which no integer base gives);
- the 2011 positions of Table 10 need countries at positions 6, 8 and 11 that are not in the
  2012 top ten: Sudan (20), Eritrea (11) and Pakistan (7); below Bangladesh (6) no other
  country has more than 6 children, and Somalia (1) is at 31 with fewer than 31 countries
  above it;
- in 2012 no country outside the top ten has 8 children or more;
- children 2011: 490 (549 is +12%); people 2011: the NRM's and 700 more adults known only to
  intelligence; Albanians: 50 in 2011, 140 in 2012 (+180%);
- one police operation of 2012 found 18 Filipino adults exploited on fishing boats.
"""

from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

MINORS: dict[int, dict[str, int]] = {
    2012: {
        "Vietnam": 103, "Nigeria": 78, "Slovakia": 43, "Romania": 39, "UK": 38, "Albania": 22,
        "China": 13, "Bangladesh": 10, "Democratic Republic of the Congo": 10, "Somalia": 8,
    },
    2011: {
        "Romania": 95, "Vietnam": 65, "Nigeria": 54, "UK": 46, "Slovakia": 42, "Sudan": 20,
        "China": 13, "Eritrea": 11, "Albania": 9, "Democratic Republic of the Congo": 8,
        "Pakistan": 7, "Bangladesh": 6, "Somalia": 1,
    },
}  # fmt: skip
CHILDREN = {2011: 490, 2012: 549}
PEOPLE_2012 = 2255
ADULTS_ADDED_2011 = 700
# Other countries' children: at most this many, and in 2011 only countries that already have
# two or more (so that Somalia, with one, stays at position 31).
OTHERS_CAP = {2011: 6, 2012: 7}
OTHERS_FLOOR = {2011: 2, 2012: 1}
ALBANIANS = {2011: 50, 2012: 140}
OPERATION = "Operation Demo Harbour"
OPERATION_COUNTRY = "Philippines"
OPERATION_VICTIMS = 18
NOT_RECORDED_2012 = 360
SEXUAL_ENCOUNTERS_2012 = 803
# Sexual exploitation encounters of 2012 by setting; the rest record none (458 published).
SEXUAL_SETTINGS_2012 = {
    "sexual_brothel": 204, "sexual_private_residence": 90, "sexual_on_street": 9,
    "sexual_online": 30, "sexual_other": 12,
}  # fmt: skip
# Intelligence mentions of people the NRM already knows, and of people mentioned twice.
DUPLICATES = {2011: 150, 2012: 250}
REPEATED = {2011: 30, 2012: 60}


@dataclass(frozen=True)
class Baseline:
    """The people the assessment counts in a year before the demo intelligence is added."""

    people: int
    minors: Counter[str]
    adults: Counter[str]


class PlanImpossible(Exception):
    """The case store's people leave no way to reach a published figure."""


def _one_country(key: str) -> bool:
    """Whether a nationality as counted is one country (not unknown, disputed or several)."""
    return key != "Unknown" and "(" not in key and "/" not in key


def _fill(counts: Counter[str], needed: int, cap: int, floor: int,
          exclude: Iterable[str]) -> Counter[str]:  # fmt: skip
    """``needed`` more, one at a time round the countries with at least ``floor`` and fewer
    than ``cap`` (most first), never above ``cap``."""
    added: Counter[str] = Counter()
    skip = set(exclude)
    order = sorted((k for k, n in counts.items() if n >= floor and k not in skip
                    and _one_country(k)), key=lambda k: (-counts[k], k))  # fmt: skip
    while needed > 0:
        grew = False
        for country in order:
            if needed and counts[country] + added[country] < cap:
                added[country] += 1
                needed -= 1
                grew = True
        if not grew:
            raise PlanImpossible(f"{needed} more children than the other countries can hold")
    return added


def _share(total: int, weights: Mapping[str, int]) -> Counter[str]:
    """``total`` split by ``weights``, largest remainder first (ties by name)."""
    whole = sum(weights.values())
    exact = {k: total * w / whole for k, w in weights.items()}
    share = Counter({k: int(v) for k, v in exact.items()})
    rest = total - sum(share.values())
    for k in sorted(exact, key=lambda k: (-(exact[k] - int(exact[k])), k))[:rest]:
        share[k] += 1
    return share


def minors_added(year: int, base: Baseline) -> Counter[str]:
    """Children intelligence adds in ``year``, by nationality."""
    fixed = MINORS[year]
    added: Counter[str] = Counter()
    for country, target in fixed.items():
        more = target - base.minors[country]
        if more < 0:
            raise PlanImpossible(f"{year}: {base.minors[country]} {country} children, not {target}")
        added[country] = more
    others = CHILDREN[year] - sum(base.minors.values()) - sum(added.values())
    added += _fill(base.minors, others, OTHERS_CAP[year], OTHERS_FLOOR[year], fixed)
    return added


def adults_added(year: int, base: Baseline, minors: int) -> Counter[str]:
    """Adults intelligence adds in ``year``, by nationality: Albanians to the published
    change, the operation's Filipinos, and the rest in the NRM's shares."""
    total = PEOPLE_2012 - base.people - minors if year == 2012 else ADULTS_ADDED_2011
    albanians = ALBANIANS[year] - MINORS[year]["Albania"] - base.adults["Albania"]
    fixed = Counter({"Albania": albanians})
    if year == 2012:
        fixed[OPERATION_COUNTRY] = OPERATION_VICTIMS
    rest = total - sum(fixed.values())
    if albanians < 0 or rest < 0:
        raise PlanImpossible(f"{year}: the adults cannot reach the published figures")
    weights = {k: n for k, n in base.adults.items() if k not in fixed and _one_country(k)}
    return fixed + _share(rest, weights)
