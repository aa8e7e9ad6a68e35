"""EARS C1, C2 and C3: a port of R ``surveillance::earsC`` (surveillance 1.20.3).

C1 compares a count with the mean and standard deviation of the ``baseline`` periods just
before it; C2 the same with a gap of two periods (periods ``k - baseline - 2 .. k - 3``). The
upper threshold is ``mean + z(1 - alpha) * max(sd, min_sigma)``; a count above it alarms.

C3 is R's: with ``C2(t) = (y_t - mean_t) / max(sd_t, min_sigma)``, the upper threshold at ``k``
is ``y_k + max(sd_k, min_sigma) * (z - max(0, C2(k-2) - 1) - max(0, C2(k-1) - 1))``, floored
at 0. Read as R writes it, a C3 alarm depends only on the two periods before ``k`` (their C2
excess over 1 must reach ``z``) and on the count at ``k`` being above 0; we keep it so the
results are R's.

Alpha: R's ``earsC`` has 0.001 in its default control list, used whenever no control is given;
a control list without ``alpha`` gets 0.001 for C1 and C2 and 0.025 for C3. Ours is 0.001
unless given.
"""

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
from numpy.typing import NDArray
from scipy import stats

from nrm.intelligence.surveillance.result import EARS_C1, EARS_C2, EARS_C3, Assessment, exceedance

Array = NDArray[np.float64]
METHODS = {"C1": EARS_C1, "C2": EARS_C2, "C3": EARS_C3}


@dataclass(frozen=True)
class EarsDetail:
    """One time point: the count, the baseline mean, R's upper threshold and alarm (None where
    R's is NA: a constant C3 baseline)."""

    observed: int
    expected: float
    upper: float | None
    alarm: bool | None
    method: str

    def assessment(self) -> Assessment:
        """The period as a public ``Assessment``."""
        name = METHODS[self.method]
        if self.upper is None:
            return Assessment(
                self.observed, self.expected, None, None, False, name, "constant baseline"
            )
        score = exceedance(self.observed, self.expected, self.upper)
        return Assessment(self.observed, self.expected, self.upper, score, bool(self.alarm), name)


def lag_needed(method: str, baseline: int = 7) -> int:
    """How many periods must precede a time point for ``method``."""
    return {"C1": baseline, "C2": baseline + 2, "C3": baseline + 4}[method]


def _baseline(series: Array, points: Array, first_lag: int, baseline: int) -> Array:
    lags = np.arange(first_lag + baseline - 1, first_lag - 1, -1)
    return series[points[:, None] - 1 - lags[None, :]]


def ears_c(
    observed: Sequence[float] | Array,
    method: str = "C1",
    *,
    baseline: int = 7,
    alpha: float = 0.001,
    min_sigma: float = 0.0,
    time_points: Sequence[int] | None = None,
) -> list[EarsDetail]:
    """``earsC`` at the 1-based ``time_points`` (by default every point with enough history)."""
    if method not in METHODS:
        raise ValueError(f"method must be one of {sorted(METHODS)}")
    if baseline < 3:
        raise ValueError("Minimum baseline to use is 3.")
    if min_sigma < 0:
        raise ValueError("The minimum sigma parameter (min_sigma) needs to be positive")
    series = np.asarray(observed, dtype=float)
    need = lag_needed(method, baseline)
    points = np.asarray(
        sorted(time_points) if time_points is not None else range(need + 1, len(series) + 1),
        dtype=int,
    )
    if len(points) == 0:
        return []
    if points[0] - need < 1:
        raise ValueError("The vector of observed is too short!")
    z = float(stats.norm.ppf(1 - alpha))
    first_lag = 1 if method == "C1" else 3
    reference = _baseline(series, points, first_lag, baseline)
    mean = reference.mean(axis=1)
    sd = np.maximum(reference.std(axis=1, ddof=1), min_sigma)
    y = series[points - 1]
    if method in ("C1", "C2"):
        upper = mean + z * sd
    else:
        lagged = []
        for shift in (2, 1):
            earlier = _baseline(series, points - shift, first_lag, baseline)
            with np.errstate(divide="ignore", invalid="ignore"):
                c2 = (series[points - shift - 1] - earlier.mean(axis=1)) / np.maximum(
                    earlier.std(axis=1, ddof=1), min_sigma
                )
            lagged.append(np.maximum(0.0, c2 - 1))
        with np.errstate(invalid="ignore"):
            upper = np.maximum(0.0, y + sd * (z - (lagged[0] + lagged[1])))
    details = []
    for count, expected, bound in zip(y, mean, upper, strict=True):
        known = not np.isnan(bound)
        details.append(
            EarsDetail(
                observed=int(count),
                expected=float(expected),
                upper=float(bound) if known else None,
                alarm=bool(count > bound) if known else None,
                method=method,
            )
        )
    return details
