from fractions import Fraction

from nrm.statistics.rounding import half_up


def test_percentages_round_half_away_from_zero() -> None:
    assert half_up(Fraction(-125, 2)) == -63
    assert half_up(Fraction(125, 2)) == 63
    assert str(half_up(Fraction(338, 100), 1)) == "3.4"
