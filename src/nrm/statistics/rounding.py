"""Rounding as the publication rounds: half away from zero, on exact fractions."""

from decimal import ROUND_HALF_UP, Decimal
from fractions import Fraction


def half_up(value: Fraction, decimals: int = 0) -> Decimal:
    """Rounded half away from zero, as the reference data's checks round."""
    exact = Decimal(value.numerator) / Decimal(value.denominator)
    sign = -1 if exact < 0 else 1
    rounded = abs(exact).quantize(Decimal(1).scaleb(-decimals), rounding=ROUND_HALF_UP)
    return sign * rounded if rounded else rounded  # never -0: a fall that rounds to nothing is 0
