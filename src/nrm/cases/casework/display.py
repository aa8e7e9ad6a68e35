"""How casework pages write dates, lengths of time and a person's nationalities and languages:
"2 July 2012", "17 years 7 months", country and language names (never codes or ISO dates)."""

import calendar
from collections.abc import Iterable
from datetime import date

from nrm.standard.nationality import country_label


def _plural(count: int, unit: str) -> str:
    return f"{count} {unit}{'' if count == 1 else 's'}"


def _months_after(start: date, months: int) -> date:
    year, month = divmod(start.month - 1 + months, 12)
    year += start.year
    return date(year, month + 1, min(start.day, calendar.monthrange(year, month + 1)[1]))


def duration_words(start: date, end: date) -> str:
    """The time from ``start`` to ``end`` as a person says it: "17 years 7 months" from a year
    on, "2 months 5 days" from a month on, "12 days", "1 day", or "Less than a day"."""
    months = (end.year - start.year) * 12 + end.month - start.month
    if _months_after(start, months) > end:
        months -= 1
    if months <= 0:
        days = (end - start).days
        return _plural(days, "day") if days > 0 else "Less than a day"
    years, left = divmod(months, 12)
    if years:
        return " ".join([_plural(years, "year"), *([_plural(left, "month")] if left else [])])
    days = (end - _months_after(start, months)).days
    return " ".join([_plural(months, "month"), *([_plural(days, "day")] if days else [])])


def nationalities_words(nationalities: Iterable[tuple[str, str]]) -> str:
    """Nationalities with how they are known, ("NGA", "claimed") as "Nigeria (claimed)"."""
    return ", ".join(f"{country_label(code)} ({basis})" for code, basis in nationalities)
