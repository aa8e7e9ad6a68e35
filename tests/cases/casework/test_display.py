"""Dates, lengths of time, countries and languages as casework pages write them."""

from datetime import date

import pytest

from nrm.cases.casework.display import (
    duration_words,
    nationalities_words,
)


@pytest.mark.parametrize(
    ("start", "end", "words"),
    [
        (date(2009, 4, 21), date(2026, 12, 5), "17 years 7 months"),
        (date(2012, 5, 14), date(2013, 5, 14), "1 year"),
        (date(2012, 5, 14), date(2012, 7, 2), "1 month 18 days"),
        (date(2012, 1, 31), date(2012, 2, 29), "1 month"),
        (date(2012, 1, 31), date(2012, 3, 1), "1 month 1 day"),
        (date(2012, 5, 14), date(2012, 6, 14), "1 month"),
        (date(2012, 5, 14), date(2012, 5, 26), "12 days"),
        (date(2012, 5, 14), date(2012, 5, 15), "1 day"),
        (date(2012, 5, 14), date(2012, 5, 14), "Less than a day"),
    ],
)
def test_a_length_of_time_reads_as_a_person_says_it(start: date, end: date, words: str) -> None:
    assert duration_words(start, end) == words


def test_nationalities_read_as_names_not_codes() -> None:
    assert nationalities_words([("NGA", "claimed"), ("GBR", "assessed")]) == (
        "Nigeria (claimed), UK (assessed)"
    )
