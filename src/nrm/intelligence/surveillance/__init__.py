"""Surveillance of referral counts: is this month's (or quarter's) count unusually high?

A pure package (no models, no database). For every series of referral counts (by nationality
and exploitation type, by nationality, by nation, by first responder organisation...), the
expected count and an upper threshold come from the series' own history:

- ``farrington``: Farrington flexible, a port of R ``surveillance::farringtonFlexible``
  (surveillance 1.20.3) with the improved method of Noufaily et al. (2013) as its default
  (quasi-Poisson GLM with trend and seasonal factor, past outbreaks down-weighted, negative
  binomial threshold); the quasi-Poisson fits are statsmodels' (``glm``);
- ``ears``: EARS C1, C2 and C3, a port of R ``surveillance::earsC``, for short series.

The entry points:

- ``count_series(rows, by, freq, start, end)``: one row per referral (``referred_on`` and the
  key columns) to complete, zero-filled counts per key per month ("M") or quarter ("Q");
- ``assess(counts_table, as_of, method="auto")``: every series at the period ``as_of`` falls
  in, one row each: key columns, ``period``, ``observed``, ``expected``, ``upper``, ``score``
  (the exceedance score, above 1 alarms), ``alarm``, ``method``, ``reason`` and ``sparkline``;
  "auto" is Farrington flexible with as many years back (5 down to 2) as the history allows,
  else EARS C2 (with Farrington's minimum of 5 referrals in the last 4 periods), else not
  assessed;
- ``history(series, periods)``: one series' expected counts and thresholds over its last
  periods (a chart's threshold band), with the observed counts (its sparkline);
- ``Assessment``: the frozen result for one period of one series.
"""

from nrm.intelligence.surveillance.result import Assessment
from nrm.intelligence.surveillance.series import (
    assess,
    assess_counts,
    count_series,
    history,
    sparkline,
)

__all__ = ["Assessment", "assess", "assess_counts", "count_series", "history", "sparkline"]
