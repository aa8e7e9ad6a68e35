"""Count series of referrals and their assessment at one period.

``count_series`` turns one row per referral into complete, zero-filled counts per key per
month or quarter; ``assess`` assesses every series at the period a date falls in; ``history``
gives one series' expected counts and thresholds over its last periods, for a chart's threshold
band and a sparkline.

A series' history starts where the counts table starts (``start`` of ``count_series``), not at
the series' first referral: the referrals are complete for every period of the table, so a
period without a referral of that key is a true zero, and a nationality first referred last
year has years of zeros behind it, which is what makes its first referrals stand out.
"""

from collections.abc import Sequence
from dataclasses import asdict, replace
from datetime import date
from typing import Any

import numpy as np
import pandas as pd

from nrm.intelligence.surveillance.ears import ears_c, lag_needed
from nrm.intelligence.surveillance.farrington import (
    Control,
    enough_cases,
    farrington_at,
    improved,
    too_few,
)
from nrm.intelligence.surveillance.result import NOT_ASSESSED, Assessment

FREQUENCIES = {"M": 12, "Q": 4}
METHODS = ("auto", "farrington", "ears-c1", "ears-c2", "ears-c3")
RESULT_COLUMNS = ["observed", "expected", "upper", "score", "alarm", "method", "reason"]
SPARK = "▁▂▃▄▅▆▇█"
EARS_BASELINE = 7
AUTO_EARS = "C2"  # the fallback of "auto" for a series too short for Farrington flexible


def count_series(
    rows: pd.DataFrame, by: Sequence[str], freq: str, start: Any, end: Any
) -> pd.DataFrame:
    """Counts of ``rows`` (one per referral, a ``referred_on`` date and the ``by`` columns) per
    key and per period (``freq`` "M" or "Q") from ``start`` to ``end`` (anything
    ``pandas.Period`` takes), zero-filled: every key seen in the rows has a row for every
    period. Columns: the ``by`` columns, ``period`` (``pandas.Period``) and ``count``.
    Referrals outside the periods are left out; a referral with a missing key is counted under
    a missing key."""
    if freq not in FREQUENCIES:
        raise ValueError(f"freq must be one of {sorted(FREQUENCIES)}")
    by = list(by)
    periods = pd.period_range(pd.Period(start, freq=freq), pd.Period(end, freq=freq), freq=freq)
    data = rows[by].copy()
    data["period"] = pd.to_datetime(rows["referred_on"]).dt.to_period(freq)
    data = data[(data["period"] >= periods[0]) & (data["period"] <= periods[-1])]
    counted = data.groupby([*by, "period"], dropna=False).size().rename("count")
    keys = counted.reset_index()[by].drop_duplicates()
    if not by:
        full = pd.DataFrame({"period": periods})
    else:
        full = keys.merge(pd.DataFrame({"period": periods}), how="cross")
    out = full.merge(counted.reset_index(), on=[*by, "period"], how="left")
    out["count"] = out["count"].fillna(0).astype("int64")
    return out.sort_values([*by, "period"], ignore_index=True)


def _frequency(periods: pd.Series) -> int:
    code = periods.iloc[0].freqstr[0]
    return FREQUENCIES[code]


def assess_counts(
    counts: Sequence[float] | np.ndarray, freq: int, method: str = "auto"
) -> Assessment:
    """Assess the last of ``counts`` (one series, oldest first, ``freq`` periods a year).

    ``"auto"``: Farrington flexible (the improved settings of ``farrington.improved``) with the
    most years back, 5 down to 2, the history allows; else EARS C2 (baseline 7 periods before a
    gap of 2, alpha 0.001) under Farrington's minimum (no alarm with fewer than 5 referrals in
    the last 4 periods), so a short series does not alarm on a referral or two; else not
    assessed. C2 rather than C3: R's C3 alarms on the two periods before, not on the current
    count. ``"farrington"`` never falls back to EARS; ``"ears-c1"`` to ``"ears-c3"`` use that
    method only, as R computes it.
    """
    if method not in METHODS:
        raise ValueError(f"method must be one of {METHODS}")
    series = np.asarray(counts, dtype=float)
    k = len(series)
    observed = int(series[-1]) if k else 0
    if method in ("auto", "farrington"):
        for b in (5, 4, 3, 2):
            control = improved(freq, b=b)
            if k - 1 >= control.history_needed:
                return _farrington(series, k, control)
        if method == "farrington":
            return Assessment(
                observed, None, None, None, False, NOT_ASSESSED, "under 2 years of history"
            )
    ears = AUTO_EARS if method == "auto" else method[-2:].upper()
    if k - 1 >= lag_needed(ears, EARS_BASELINE):
        found = ears_c(series, ears, baseline=EARS_BASELINE, time_points=[k])[0].assessment()
        minimum = improved(freq)
        if method == "auto" and not enough_cases(series, k, minimum):
            return replace(too_few(observed, minimum), method=found.method, expected=found.expected)
        return found
    need = lag_needed(ears, EARS_BASELINE)
    return Assessment(
        observed, None, None, None, False, NOT_ASSESSED, f"under {need + 1} periods of history"
    )


def _farrington(series: np.ndarray, k: int, control: Control) -> Assessment:
    if not enough_cases(series, k, control):
        # R reports no expected count and no threshold then: the fit is not needed.
        return too_few(int(series[k - 1]), control)
    return farrington_at(series, k, control).assessment(control)


def _matrix(
    counts_table: pd.DataFrame, as_of: pd.Period
) -> tuple[pd.DataFrame, np.ndarray, list[str]]:
    keys = [c for c in counts_table.columns if c not in ("period", "count")]
    table = counts_table[counts_table["period"] <= as_of]
    if keys:
        summed = table.groupby([*keys, "period"], dropna=False, sort=True)["count"].sum()
        wide = summed.unstack("period", fill_value=0)
        index = wide.index.to_frame(index=False)
    else:
        wide = table.set_index("period")[["count"]].T
        index = pd.DataFrame(index=[0])
    return index, wide.to_numpy(dtype=float), keys


def assess(
    counts_table: pd.DataFrame, as_of: date | str | pd.Period, *, method: str = "auto"
) -> pd.DataFrame:
    """Assess every series of ``counts_table`` (``count_series``' output: key columns,
    ``period``, ``count``) at the period ``as_of`` falls in, each with the history up to it.

    One row per series: the key columns, ``period``, then ``observed``, ``expected``,
    ``upper``, ``score``, ``alarm``, ``method``, ``reason`` (see ``Assessment`` and
    ``assess_counts`` for the methods) and ``sparkline`` (the last 12 counts as block
    characters, the current period last). Where an ``Assessment`` has None (no expected count,
    threshold or score), the table has NaN.
    """
    if counts_table.empty:
        raise ValueError("no counts to assess")
    freq_code = counts_table["period"].iloc[0].freqstr[0]
    period = pd.Period(as_of, freq=freq_code)
    freq = _frequency(counts_table["period"])
    index, matrix, keys = _matrix(counts_table, period)
    results = [asdict(assess_counts(row, freq, method)) for row in matrix]
    out = pd.concat(
        [index.reset_index(drop=True), pd.DataFrame(results, columns=RESULT_COLUMNS)], axis=1
    )
    out.insert(len(keys), "period", period)
    out["sparkline"] = [sparkline(row[-12:]) for row in matrix]
    return out


def history(series: pd.Series, periods: int = 24, *, method: str = "auto") -> pd.DataFrame:
    """One series (counts indexed by ``pandas.Period``, oldest first, zero-filled) assessed at
    each of its last ``periods`` periods with the history up to each: a row per period with
    ``observed`` (the sparkline's counts), ``expected`` and ``upper`` (the threshold band),
    ``score``, ``alarm``, ``method`` and ``reason``."""
    ordered = series.sort_index()
    freq = FREQUENCIES[ordered.index[0].freqstr[0]]
    values = ordered.to_numpy(dtype=float)
    first = max(0, len(values) - periods)
    rows = [asdict(assess_counts(values[: i + 1], freq, method)) for i in range(first, len(values))]
    return pd.DataFrame(rows, columns=RESULT_COLUMNS, index=ordered.index[first:])


def sparkline(counts: Sequence[float] | np.ndarray) -> str:
    """Counts as a line of block characters, scaled from 0 to the largest."""
    values = np.asarray(counts, dtype=float)
    if len(values) == 0:
        return ""
    top = values.max()
    if top <= 0:
        return SPARK[0] * len(values)
    return "".join(SPARK[round(v / top * (len(SPARK) - 1))] for v in values)
