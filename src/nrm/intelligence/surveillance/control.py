"""The settings of Farrington flexible (R ``farringtonFlexible``'s control list), the improved
method's values for weekly, monthly and quarterly counts, and the minimum count below which no
period alarms (R's ``limit54``)."""

from dataclasses import dataclass, replace

import numpy as np
from numpy.typing import NDArray

from nrm.intelligence.surveillance.result import FARRINGTON, Assessment

Array = NDArray[np.float64]
THRESHOLD_METHODS = ("delta", "nbPlugin", "muan")


@dataclass(frozen=True)
class Control:
    """The settings of ``farringtonFlexible``, with the improved method's values by default.

    ``freq`` is the number of periods a year (52 weekly, 12 monthly, 4 quarterly);
    ``limit54 = (cases, periods)``: no alarm unless at least ``cases`` were counted in the last
    ``periods`` periods (the current one included). ``past_periods_not_included`` is R's
    ``pastWeeksNotIncluded`` (None means ``w``, R's default).
    """

    freq: int = 52
    b: int = 5
    w: int = 3
    reweight: bool = True
    weights_threshold: float = 2.58
    alpha: float = 0.05
    trend: bool = True
    p_threshold_trend: float = 0.05
    limit54: tuple[int, int] = (5, 4)
    powertrans: str = "2/3"
    no_periods: int = 10
    past_periods_not_included: int | None = 26
    threshold_method: str = "nbPlugin"

    @property
    def excluded(self) -> int:
        """How many periods before the current one are left out of the reference data."""
        return self.w if self.past_periods_not_included is None else self.past_periods_not_included

    @property
    def history_needed(self) -> int:
        """How many periods must precede the current one: ``b`` years and a half-window."""
        return self.b * self.freq + self.w


def improved(freq: int, **changes: object) -> Control:
    """The improved method (Noufaily et al. 2013) for weekly, monthly or quarterly counts.

    Weekly (52) is the package's documented set: b 5, w 3, 10 periods, reweighting at 2.58,
    26 past weeks left out, trend at 0.05, ``nbPlugin``, alpha 0.05. Monthly and quarterly keep
    the spirit rather than the numbers, which do not fit a year of 12 or 4 periods (a window of
    7 quarters overlaps the next year's and R stops with "Number of factors too big!"; 10
    periods in the 5 months between monthly windows would make R's block layout write over the
    windows):

    - monthly (12): w 1 (a 3-month window, about the 7 weeks of the weekly set), 4 periods (the
      9 months between windows in 3 blocks of 3 months, about the weekly blocks of 5 weeks
      scaled to the year), 6 past months left out (26 weeks);
    - quarterly (4): w 1 (the quarter and those either side of it) and 1 period (the other
      quarters left out of the fit), 2 past quarters left out. With a few years of history a
      factor for each quarter would rest on two or three counts each: a quarter that happened
      to be empty in the years before would expect 0 and alarm on 1.
    """
    if freq == 52:
        base = Control(freq=52)
    elif freq == 12:
        base = Control(freq=12, w=1, no_periods=4, past_periods_not_included=6)
    elif freq == 4:
        base = Control(freq=4, w=1, no_periods=1, past_periods_not_included=2)
    else:
        raise ValueError(f"no improved settings for {freq} periods a year (52, 12 or 4)")
    return replace(base, **changes)  # type: ignore[arg-type]


def enough_cases(series: Array, k: int, control: Control) -> bool:
    """R's limit54 rule at the 1-based ``k``: at least ``cases`` counted in the last
    ``periods`` periods, the current one included."""
    cases, periods = control.limit54
    return bool(series[max(0, k - periods) : k].sum() >= cases)


def too_few(observed: int, control: Control) -> Assessment:
    """The assessment of a period that cannot alarm under the limit54 rule."""
    cases, periods = control.limit54
    reason = f"fewer than {cases} referrals in the last {periods} periods"
    return Assessment(observed, None, None, None, False, FARRINGTON, reason)
