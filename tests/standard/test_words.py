"""Words people read: dates as GOV.UK writes them."""

from datetime import date

from nrm.standard.words import long_date


def test_a_date_reads_as_gov_uk_writes_it_with_no_leading_zero() -> None:
    assert long_date(date(2031, 10, 10)) == "10 October 2031"
    assert long_date(date(2012, 7, 2)) == "2 July 2012"
