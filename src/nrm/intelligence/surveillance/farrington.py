"""Farrington flexible: a port of R ``surveillance::farringtonFlexible`` (surveillance 1.20.3).

For one time point ``k`` of a count series (time points are positions, as in an ``sts`` object
without dates): the reference data are the windows of ``2w + 1`` periods around the same period
``1..b`` years back and the ``w`` periods up to ``k``; with ``no_periods > 1`` the rest of each
year between windows is cut into ``no_periods - 1`` blocks, and the block is a factor of the
model (Noufaily et al. 2013). The last ``past_periods_not_included`` periods before ``k`` (and
``k``) are left out. A quasi-Poisson GLM with a linear trend is fitted (``glm.fit_quasi_poisson``),
past outbreaks are down-weighted with Anscombe residuals above ``weights_threshold`` and the
model refitted; the trend is kept only if it is significant at ``p_threshold_trend``, ``b >= 3``
and the prediction does not exceed the largest reference count, otherwise the model is refitted
without it. The upper threshold is the ``1 - alpha`` quantile by one of three methods: ``delta``
(Farrington 1996: normal approximation on the 2/3-power scale), ``nbPlugin`` (negative binomial
with the fitted mean and dispersion) or ``muan`` (the same with the upper ``1 - alpha`` quantile
of the mean).

Kept as R has them, on purpose, so that the results are R's:

- after reweighting, R stores the Anscombe weights in the model's ``weights`` component, where
  ``summary.glm`` and ``predict.glm`` expect the working weights: the trend's p-value and the
  prediction's standard error use sum(omega * ((y - mu) / mu)^2) / df as the dispersion, while
  the threshold uses phi = max(1, the true quasi-Poisson dispersion);
- the block layout uses R's colon operator, so a block of length 0 writes two positions counting
  down (this matters only when ``no_periods`` exceeds the periods between windows);
- R's score for ``nbPlugin``/``muan`` subtracts the linear predictor (log scale) rather than the
  expected count (``Detail.r_score``); ``Detail.score`` is the count-scale score. Both cross 1
  exactly when the count crosses a threshold above the linear predictor / expected count.
"""

from collections.abc import Sequence
from dataclasses import dataclass
from math import exp, isfinite

import numpy as np
from numpy.typing import NDArray
from scipy import special, stats

from nrm.intelligence.surveillance.control import (
    THRESHOLD_METHODS,
    Control,
    enough_cases,
    improved,
    too_few,
)
from nrm.intelligence.surveillance.glm import Fit, fit_quasi_poisson
from nrm.intelligence.surveillance.result import FARRINGTON, Assessment, exceedance

__all__ = [
    "THRESHOLD_METHODS",
    "Control",
    "Detail",
    "enough_cases",
    "farrington_at",
    "farrington_range",
    "improved",
    "too_few",
]

Array = NDArray[np.float64]
_FUZZ = 1 - 64 * np.finfo(float).eps


@dataclass(frozen=True)
class Detail:
    """Everything ``farringtonFlexible`` computes for one time point.

    ``expected`` and ``upper`` are given whatever the count of the last periods; ``r_expected``
    and ``r_upper`` are what R reports (NA, here None, when ``enough_cases`` is false).
    """

    observed: int
    expected: float | None
    upper: float | None
    lower: float | None
    score: float | None
    r_score: float | None
    pvalue: float | None
    phi: float | None
    trend: bool | None
    enough_cases: bool
    alarm: bool | None

    @property
    def r_expected(self) -> float | None:
        return self.expected if self.enough_cases and self.upper is not None else None

    @property
    def r_upper(self) -> float | None:
        return self.upper if self.enough_cases else None

    def assessment(self, control: "Control") -> Assessment:
        """The period as a public ``Assessment``: like R, no expected count or threshold when
        too few were counted in the last periods to alarm."""
        if not self.enough_cases:
            return too_few(self.observed, control)
        if self.expected is None or self.upper is None:
            return Assessment(
                self.observed, None, None, None, False, FARRINGTON, "the model did not converge"
            )
        return Assessment(
            self.observed, self.expected, self.upper, self.score, bool(self.alarm), FARRINGTON
        )


def _r_range(start: int, stop: int) -> list[int]:
    """R's ``start:stop`` (counting down when ``stop < start``)."""
    return list(range(start, stop + 1)) if start <= stop else list(range(start, stop - 1, -1))


def blocks(n: int, k: int, control: Control) -> Array:
    """R's ``blocks``: the factor level of each of ``n`` periods (1-based ``k``), NaN outside."""
    b, w, p, freq = control.b, control.w, control.no_periods, control.freq
    factors = np.full(n + 1, np.nan)  # index 0 unused: R positions are 1-based
    factors[_r_range(k - w, k)] = p
    reference = [k - i * freq for i in range(b + 1)]
    for i in range(1, b + 1):
        ref = reference[i]
        factors[_r_range(ref - w, ref + w)] = p
        if p != 1:
            period = reference[i - 1] - 2 * w - 1 - ref
            if period < p - (2 * w + 1):
                raise ValueError("Number of factors too big!")
            lengths = [period // (p - 1)] * (p - 1)
            for j in range(period % (p - 1)):
                lengths[j] += 1
            cumulative = np.cumsum([0, *lengths])
            for j in range(1, p):
                start = ref + w + 1 + int(cumulative[j - 1])
                stop = ref + w + 1 + int(cumulative[j]) - 1
                factors[_r_range(start, stop)] = j
    return factors[1:]


@dataclass(frozen=True)
class ReferenceData:
    """The reference counts of one time point, their times and their factor levels."""

    response: Array
    wtime: Array
    groups: Array


def reference_data(observed: Array, k: int, control: Control) -> ReferenceData:
    """R's ``algo.farrington.data.glm`` for the 1-based time point ``k``."""
    if k - control.history_needed < 1:
        raise ValueError(f"time point {k} needs {control.history_needed} earlier periods")
    factors = blocks(len(observed), k, control)
    ids = factors.copy()
    ids[[i - 1 for i in _r_range(k - control.excluded, k)]] = np.nan
    index = np.flatnonzero(~np.isnan(ids))
    return ReferenceData(
        response=np.asarray(observed, dtype=float)[index],
        wtime=(index + 1).astype(float),
        groups=factors[index],
    )


def _design(data: ReferenceData, trend: bool, factors: bool) -> tuple[Array, list[float]]:
    columns = [np.ones(len(data.response))]
    if trend:
        columns.append(data.wtime)
    levels = sorted(set(data.groups.tolist())) if factors else []
    columns.extend((data.groups == level).astype(float) for level in levels[1:])
    return np.column_stack(columns), levels


def _row(k: int, trend: bool, levels: Sequence[float], level: int) -> Array:
    row = [1.0]
    if trend:
        row.append(float(k))
    row.extend(1.0 if lv == level else 0.0 for lv in levels[1:])
    return np.asarray(row)


def anscombe_residuals(fit: Fit, response: Array, design: Array, phi: float) -> Array:
    """R's ``anscombe.residuals``: standardised Anscombe residuals of a Poisson fit."""
    mu = fit.fitted
    raw = 1.5 * (response ** (2 / 3) * mu ** (-1 / 6) - mu**0.5)
    # A leverage of 1 (a period alone in its factor level) gives NaN, as in R.
    with np.errstate(invalid="ignore", divide="ignore"):
        return np.asarray(raw / np.sqrt(phi * (1 - fit.hat_values(design))), dtype=float)


def assign_weights(residuals: Array, threshold: float) -> Array:
    """R's ``algo.farrington.assign.weights``: 1/s^2 above the threshold, 1 below, scaled to
    sum to the number of reference periods."""
    high = residuals > threshold
    with np.errstate(divide="ignore"):
        inverse = np.where(high, residuals ** (-2.0), 1.0)
    gamma = len(residuals) / np.sum(inverse)
    return np.asarray(gamma * inverse, dtype=float)


@dataclass(frozen=True)
class _Model:
    fit: Fit
    trend: bool
    levels: list[float]
    phi: float
    dispersion: float


def _fit_flexible(data: ReferenceData, trend: bool, control: Control) -> _Model | None:
    """R's ``algo.farrington.fitGLM.flexible``: fit, fall back to no trend when the fit does
    not converge, reweight and refit."""
    factors = control.no_periods != 1
    design, levels = _design(data, trend, factors)
    fit = fit_quasi_poisson(data.response, design)
    if not fit.converged:
        if trend:
            trend = False
            design, levels = _design(data, trend, factors)
            fit = fit_quasi_poisson(data.response, design)
        if not fit.converged:
            return None
    phi = max(fit.dispersion, 1.0)
    if not control.reweight:
        return _Model(fit, trend, levels, phi, fit.dispersion)
    residuals = anscombe_residuals(fit, data.response, design, phi)
    omega = assign_weights(residuals, control.weights_threshold)
    fit = fit_quasi_poisson(data.response, design, omega)
    phi = max(fit.dispersion, 1.0)
    # R then stores the Anscombe weights in the model's ``weights`` component, where
    # ``summary.glm`` and ``predict.glm`` read the working weights: the trend's p-value and the
    # prediction's standard error use the dispersion computed with them.
    return _Model(fit, trend, levels, phi, fit.dispersion_with(data.response, omega))


class _Counts:
    """The negative binomial (size, prob) or Poisson distribution of the threshold, through
    the regularised incomplete beta and gamma functions R's ``pnbinom`` and ``ppois`` use."""

    def __init__(self, mu: float, phi: float) -> None:
        self.mu = mu
        self.negative_binomial = phi > 1
        self.size = mu / (phi - 1) if phi > 1 else 0.0
        self.prob = 1 / phi

    def cdf(self, x: float) -> float:
        """P(X <= x) for a whole x >= 0."""
        if self.negative_binomial:
            return float(special.betainc(self.size, x + 1, self.prob))
        return float(special.gammaincc(x + 1, self.mu))

    def tail(self, y: int) -> float:
        """P(X >= y)."""
        if y <= 0:
            return 1.0
        if self.negative_binomial:
            return float(special.betainc(y, self.size, 1 - self.prob))
        return float(special.gammainc(y, self.mu))

    def quantile(self, p: float) -> float:
        """The smallest whole x with P(X <= x) >= p, with R's fuzz (p * (1 - 64 eps))."""
        target = p * _FUZZ
        x = float(np.floor(self.mu))
        while x > 0 and self.cdf(x - 1) >= target:
            x -= 1
        while self.cdf(x) < target:
            x += 1
        return x


def _threshold_delta(
    mu0: float, se: float, phi: float, y: int, control: Control
) -> tuple[float, float, float]:
    tau = phi + se**2 / mu0
    if control.powertrans == "none":
        sd, exponent = np.sqrt(mu0 * tau), 1.0
    elif control.powertrans == "1/2":
        sd, exponent = np.sqrt(0.25 * tau), 0.5
    elif control.powertrans == "2/3":
        sd, exponent = np.sqrt(4 / 9 * mu0 ** (1 / 3) * tau), 2 / 3
    else:
        raise ValueError(f"no power transformation {control.powertrans!r}")
    z = stats.norm.ppf(1 - control.alpha)
    with np.errstate(invalid="ignore"):
        bounds = np.power(mu0**exponent + np.array([-1.0, 1.0]) * z * sd, 1 / exponent)
    finite = np.sort(bounds[~np.isnan(bounds)])
    upper = float(finite[-1])
    lower = max(0.0, float(finite[0])) if len(finite) == 2 else 0.0
    pvalue = float(stats.norm.sf(y**exponent, loc=mu0**exponent, scale=sd))
    return lower, upper, pvalue


def _threshold_noufaily(
    eta: float, se: float, phi: float, y: int, control: Control
) -> tuple[float, float, float] | None:
    quantile = (
        eta
        if control.threshold_method == "nbPlugin"
        else stats.norm.ppf(1 - control.alpha, eta, se)
    )
    with np.errstate(over="ignore"):
        mu = float(np.exp(quantile))
    if not isfinite(mu):
        return None
    counts = _Counts(mu, phi)
    return counts.quantile(control.alpha), counts.quantile(1 - control.alpha), counts.tail(y)


def _empty(y: int, enough: bool) -> Detail:
    return Detail(y, None, None, None, None, None, None, None, None, enough, None)


def farrington_at(
    observed: Sequence[float] | Array, k: int, control: Control | None = None
) -> Detail:
    """``farringtonFlexible`` at the 1-based time point ``k`` of ``observed``."""
    control = control or Control()
    if control.threshold_method not in THRESHOLD_METHODS:
        raise ValueError(f"threshold_method must be one of {THRESHOLD_METHODS}")
    series = np.asarray(observed, dtype=float)
    y = int(series[k - 1])
    enough = enough_cases(series, k, control)
    data = reference_data(series, k, control)
    model = _fit_flexible(data, control.trend, control)
    if model is None:
        return _empty(y, enough)
    do_trend = False
    if model.trend:
        row = _row(k, True, model.levels, control.no_periods)
        eta, _ = model.fit.linear_predictor(row, model.dispersion)
        significant = model.fit.p_value(1, model.dispersion) < control.p_threshold_trend
        no_extrapolation = exp(eta) <= data.response.max()
        do_trend = control.b >= 3 and significant and no_extrapolation
        if not do_trend:
            model = _fit_flexible(data, False, control)
            if model is None:  # R would stop here with an error; treat as not converged
                return _empty(y, enough)
    row = _row(k, model.trend, model.levels, control.no_periods)
    eta, se = model.fit.linear_predictor(row, model.dispersion)
    if control.threshold_method == "delta":
        mu0 = exp(eta)
        lower, upper, pvalue = _threshold_delta(mu0, se * mu0, model.phi, y, control)
        pred_fit = mu0
    else:
        bounds = _threshold_noufaily(eta, se, model.phi, y, control)
        if bounds is None:
            return Detail(y, None, None, None, None, None, None, model.phi, do_trend, enough, False)
        lower, upper, pvalue = bounds
        pred_fit = eta
    expected = exp(eta)
    r_score = (y - pred_fit) / (upper - pred_fit)
    alarm = enough and r_score > 1 and y != 0
    return Detail(
        observed=y,
        expected=expected,
        upper=upper,
        lower=lower,
        score=exceedance(y, expected, upper),
        r_score=r_score,
        pvalue=pvalue,
        phi=model.phi,
        trend=do_trend,
        enough_cases=enough,
        alarm=alarm,
    )


def farrington_range(
    observed: Sequence[float] | Array,
    control: Control | None = None,
    time_points: Sequence[int] | None = None,
) -> list[Detail]:
    """``farringtonFlexible`` over 1-based ``time_points`` (by default R's default range:
    from ``freq * b + w + 1`` to the end)."""
    control = control or Control()
    n = len(observed)
    points = time_points if time_points is not None else range(control.history_needed + 1, n + 1)
    return [farrington_at(observed, k, control) for k in points]
