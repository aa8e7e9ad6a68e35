"""The quasi-Poisson GLM fits of the Farrington method, as R's ``glm`` makes them.

statsmodels fits the Poisson GLM by iteratively reweighted least squares. Three settings make
its path the one R's ``glm.fit`` takes, so the estimates agree to rounding rather than only to
the convergence tolerance: the start (R's Poisson ``initialize``: mu = y + 0.1), the stopping
rule (R's ``glm.control``: |dev - dev_old| / (|dev| + 0.1) < 1e-8, i.e. atol 1e-9 and rtol
1e-8 on the deviance) and the iteration limit (25). The quantities R's ``summary.glm`` and
``predict.glm`` read are then computed as R computes them: the working weights of the last
iteration (from the fitted values before its update), the working residuals from the fitted
values after it, the dispersion as the weighted sum of squared working residuals over the
residual degrees of freedom, and the unscaled covariance (X'WX)^-1 with those weights.
"""

import warnings
from dataclasses import dataclass

import numpy as np
import statsmodels.api as sm
from numpy.typing import NDArray
from scipy import stats

Array = NDArray[np.float64]

EPSILON = 1e-8
MAXIT = 25


class _RPoisson(sm.families.Poisson):
    """Poisson family starting where R's ``poisson()$initialize`` starts: mu = y + 0.1."""

    def starting_mu(self, y: Array) -> Array:
        return np.asarray(y, dtype=float) + 0.1


@dataclass(frozen=True)
class Fit:
    """A converged (or not) quasi-Poisson fit with R's summary quantities."""

    params: Array
    fitted: Array
    working_weights: Array
    cov_unscaled: Array
    dispersion: float
    df_residual: int
    converged: bool

    def linear_predictor(self, row: Array, dispersion: float) -> tuple[float, float]:
        """The linear predictor at one design row and its standard error, as ``predict.glm``
        gives them for the dispersion ``summary.glm`` reports."""
        eta = float(row @ self.params)
        se = float(np.sqrt(row @ self.cov_unscaled @ row) * np.sqrt(dispersion))
        return eta, se

    def p_value(self, column: int, dispersion: float) -> float:
        """The two-sided t-test p-value ``summary.glm`` gives for one coefficient."""
        se = np.sqrt(dispersion * self.cov_unscaled[column, column])
        t = self.params[column] / se
        return float(2 * stats.t.sf(abs(t), self.df_residual))

    def dispersion_with(self, response: Array, weights: Array) -> float:
        """What ``summary.glm`` reports as the dispersion once the fit's ``weights`` component
        has been replaced by ``weights``: sum(weights * working residual^2) / df."""
        residuals = (response - self.fitted) / self.fitted
        positive = weights > 0
        return float(np.sum((weights * residuals**2)[positive]) / self.df_residual)

    def hat_values(self, design: Array) -> Array:
        """The diagonal of the weighted hat matrix, as R's ``hatvalues`` on a glm."""
        return self.working_weights * np.einsum("ij,jk,ik->i", design, self.cov_unscaled, design)


def fit_quasi_poisson(response: Array, design: Array, weights: Array | None = None) -> Fit:
    """Fit ``response ~ design`` (log link, prior ``weights``) the way R's ``glm`` does."""
    family = _RPoisson()
    model = sm.GLM(response, design, family=family, var_weights=weights)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        result = model.fit(
            method="IRLS", maxiter=MAXIT, tol=EPSILON / 10, atol=EPSILON / 10, rtol=EPSILON
        )
    fitted = np.asarray(result.fittedvalues, dtype=float)
    working = np.asarray(model.weights, dtype=float)
    df_residual = round(model.df_resid)
    residuals = (response - fitted) / fitted
    positive = working > 0
    dispersion = (
        float(np.sum((working * residuals**2)[positive]) / df_residual)
        if df_residual > 0
        else float("nan")
    )
    return Fit(
        params=np.asarray(result.params, dtype=float),
        fitted=fitted,
        working_weights=working,
        cov_unscaled=np.asarray(result.normalized_cov_params, dtype=float),
        dispersion=dispersion,
        df_residual=df_residual,
        converged=bool(result.converged),
    )
