"""Referral dates of 2009-2011 that move smoothly from one year's level to the next.

The published tables give each nationality's referrals a year; spread evenly over each year,
a nationality's monthly count would jump every January, which no real series does and which a
surge detector rightly flags. Instead each nationality's referrals lean towards the year they
are heading for: a person's place in the year is drawn from the density 1 + g(2t - 1) on
[0, 1), where g is the change of the monthly rate from the year before to the year after over
four times this year's rate (the slope of a straight line through the three, clamped to
[-0.9, 0.9]). The dates themselves (the year's slots) are unchanged: only who gets which.
Albania's next year is the first quarter of 2012, before the rise (``plan_2012.ALBANIA_MONTHS``).
"""

import math
import random
from collections.abc import Sequence

from nrm.demo import plan_2012, plan_history
from nrm.demo.people import Person

MONTHS = {2009: 9, 2010: 12, 2011: 12, 2012: 12}
LEAN_LIMIT = 0.9


def _counts(year: int) -> dict[str, int]:
    if year == 2012:
        return dict(plan_2012.ADULTS)
    found = dict(plan_history.ADULTS[year])
    for code, n in plan_history.MINORS[year].items():
        found[code] = found.get(code, 0) + n
    return found


def _rate(code: str, year: int) -> float | None:
    if year not in MONTHS:
        return None
    if year == 2012 and code == "ALB":
        first_quarter = [plan_2012.ALBANIA_MONTHS[m] for m in (1, 2, 3)]
        return sum(first_quarter) / 3
    return _counts(year).get(code, 0) / MONTHS[year]


def lean(code: str, year: int) -> float:
    """How far a nationality's referrals of ``year`` lean towards its end (g, see above)."""
    now = _rate(code, year) or 0.0
    if now <= 0:
        return 0.0
    before = _rate(code, year - 1)
    after = _rate(code, year + 1)
    before = now if before is None else before
    after = now if after is None else after
    return max(-LEAN_LIMIT, min(LEAN_LIMIT, (after - before) / (4 * now)))


def place(g: float, u: float) -> float:
    """The place in the year (0 to 1) at which the density 1 + g(2t - 1) reaches ``u``."""
    if abs(g) < 1e-9:
        return u
    return (-(1 - g) + math.sqrt((1 - g) ** 2 + 4 * g * u)) / (2 * g)


def smoothed(people: Sequence[Person], year: int, rng: random.Random) -> list[Person]:
    """``people`` in the order the year's sorted date slots are to be given out."""
    leans = {code: lean(code, year) for code in {p.claimed[0] for p in people if p.claimed}}
    places = [
        (place(leans.get(p.claimed[0], 0.0) if p.claimed else 0.0, rng.random()), i)
        for i, p in enumerate(people)
    ]
    return [people[i] for _t, i in sorted(places)]
