from datetime import date, timedelta

from dateutil.easter import easter
from hypothesis import given
from hypothesis import strategies as st

from nrm.cases.casework.working_days import (
    CALENDARS,
    is_working_day,
    working_days_add,
    working_days_between,
)
from nrm.standard.codes import Nation

UK_NATIONS = [Nation.ENGLAND, Nation.WALES, Nation.SCOTLAND, Nation.NORTHERN_IRELAND]
years = st.integers(min_value=2009, max_value=2035)
nations = st.sampled_from(list(CALENDARS))
days = st.dates(min_value=date(2009, 1, 1), max_value=date(2035, 12, 31))


def _easter_monday(year: int) -> date:
    return easter(year) + timedelta(days=1)


@given(years)
def test_st_andrews_day_is_a_holiday_in_scotland_only(year: int) -> None:
    day = date(year, 11, 30)
    if day.weekday() >= 5:  # the holiday moves to the Monday after
        day += timedelta(days=7 - day.weekday())
    assert not is_working_day(day, nation=Nation.SCOTLAND)
    for nation in (Nation.ENGLAND, Nation.WALES, Nation.NORTHERN_IRELAND):
        assert is_working_day(day, nation=nation)


@given(years)
def test_easter_monday_is_a_working_day_in_scotland_only(year: int) -> None:
    day = _easter_monday(year)
    assert is_working_day(day, nation=Nation.SCOTLAND)
    for nation in (Nation.ENGLAND, Nation.WALES, Nation.NORTHERN_IRELAND):
        assert not is_working_day(day, nation=nation)


@given(years)
def test_st_patricks_day_is_a_holiday_in_northern_ireland_only(year: int) -> None:
    day = date(year, 3, 17)
    if day.weekday() >= 5:
        day += timedelta(days=7 - day.weekday())
    if day == _easter_monday(year):  # then a bank holiday everywhere but Scotland anyway
        return
    assert not is_working_day(day, nation=Nation.NORTHERN_IRELAND)
    for nation in (Nation.ENGLAND, Nation.WALES, Nation.SCOTLAND):
        assert is_working_day(day, nation=nation)


@given(days, nations)
def test_weekends_are_never_working_days(day: date, nation: str) -> None:
    if day.weekday() >= 5:
        assert not is_working_day(day, nation=nation)


@given(days, st.integers(min_value=0, max_value=60), nations)
def test_adding_working_days_lands_on_a_working_day_that_many_days_later(
    start: date, count: int, nation: str
) -> None:
    due = working_days_add(start, count, nation=nation)
    assert working_days_between(start, due, nation=nation) == count
    if count:
        assert is_working_day(due, nation=nation)
        assert due > start
        # no earlier day would do
        assert working_days_between(start, due - timedelta(days=1), nation=nation) == count - 1
    else:
        assert due == start


@given(days, days, nations)
def test_working_days_between_is_antisymmetric(a: date, b: date, nation: str) -> None:
    assert working_days_between(a, b, nation=nation) == -working_days_between(b, a, nation=nation)


def test_five_working_days_after_a_referral_before_christmas_2012() -> None:
    # Friday 21 Dec 2012: Christmas Day, Boxing Day and New Year's Day are holidays in England
    assert working_days_add(date(2012, 12, 21), 5, nation=Nation.ENGLAND) == date(2013, 1, 2)
    # Scotland also keeps 1 and 2 January
    assert working_days_add(date(2012, 12, 28), 5, nation=Nation.SCOTLAND) == date(2013, 1, 8)
    assert working_days_add(date(2012, 12, 28), 5, nation=Nation.ENGLAND) == date(2013, 1, 7)
