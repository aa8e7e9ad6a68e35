"""Working days of each UK nation, for decision deadlines.

England and Wales, Scotland and Northern Ireland keep different bank holidays (the Isle of Man
its own); the calendars come from the ``holidays`` package, never from a hand-made list.
A working day is a Monday to Friday that is not a bank holiday of the nation concerned.
"""

from datetime import date, timedelta
from functools import cache, lru_cache

import holidays

from nrm.standard.codes import Nation

# (country, subdivision) in the ``holidays`` package for each nation of the data standard.
CALENDARS: dict[str, tuple[str, str | None]] = {
    Nation.ENGLAND: ("GB", "ENG"),
    Nation.WALES: ("GB", "WLS"),
    Nation.SCOTLAND: ("GB", "SCT"),
    Nation.NORTHERN_IRELAND: ("GB", "NIR"),
    Nation.ISLE_OF_MAN: ("IM", None),
}


@cache
def bank_holidays(nation: str, year: int) -> frozenset[date]:
    """The bank holidays of ``nation`` in ``year`` (substitute days included)."""
    country, subdivision = CALENDARS[nation]
    return frozenset(holidays.country_holidays(country, subdiv=subdivision, years=year))


def is_working_day(day: date, *, nation: str) -> bool:
    return day.weekday() < 5 and day not in bank_holidays(nation, day.year)


@lru_cache(maxsize=8192)
def working_days_add(start: date, days: int, *, nation: str) -> date:
    """The day that is ``days`` working days after ``start`` (``start`` itself not counted)."""
    if days < 0:
        raise ValueError("days must not be negative")
    day = start
    remaining = days
    while remaining:
        day += timedelta(days=1)
        if is_working_day(day, nation=nation):
            remaining -= 1
    return day


def working_days_between(start: date, end: date, *, nation: str) -> int:
    """Working days after ``start`` up to and including ``end`` (negative if ``end`` is earlier)."""
    if end < start:
        return -working_days_between(end, start, nation=nation)
    return sum(
        is_working_day(start + timedelta(days=offset), nation=nation)
        for offset in range(1, (end - start).days + 1)
    )
