from fractions import Fraction

from nrm.statistics.present import _percent
from nrm.statistics.rounding import half_up


def test_percentages_round_half_away_from_zero() -> None:
    assert half_up(Fraction(-125, 2)) == -63
    assert half_up(Fraction(125, 2)) == 63
    assert str(half_up(Fraction(338, 100), 1)) == "3.4"


def test_a_fall_that_rounds_to_nothing_is_printed_0_percent_not_minus_0() -> None:
    """201 -> 200 is -0.497%: rounded half away from zero it is 0%, never "-0%"."""
    assert str(half_up(Fraction(-100, 201))) == "0"
    assert str(half_up(Fraction(-1, 2000), 1)) == "0.0"
    assert _percent(Fraction(100 * (200 - 201), 201), 0) == "0%"
    assert _percent(Fraction(-1, 2), 0) == "-1%"
