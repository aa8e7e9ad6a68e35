from datetime import date

import numpy as np
import pandas as pd
import pytest

from nrm.intelligence.surveillance import (
    Assessment,
    assess,
    assess_counts,
    count_series,
    history,
    sparkline,
)
from nrm.intelligence.surveillance.ears import ears_c
from nrm.intelligence.surveillance.farrington import farrington_at, improved


def _referrals(counts: dict[tuple[str, str], list[int]], start: str = "2015-01") -> pd.DataFrame:
    """One row per referral from monthly counts per (nationality, type), on the 10th."""
    rows = []
    months = pd.period_range(start, periods=max(len(c) for c in counts.values()), freq="M")
    for (nationality, kind), series in counts.items():
        for month, n in zip(months, series, strict=False):
            rows += [(month.start_time + pd.Timedelta(days=9), nationality, kind)] * n
    return pd.DataFrame(rows, columns=["referred_on", "nationality", "exploitation_type"])


def test_counts_are_zero_filled_per_key_seen_and_period() -> None:
    rows = pd.DataFrame(
        {
            "referred_on": [
                date(2020, 1, 5),
                date(2020, 1, 20),
                date(2020, 3, 1),
                date(2019, 12, 31),
                date(2020, 4, 1),
            ],
            "nationality": ["AL", "AL", "VN", "AL", "AL"],
            "exploitation_type": ["labour", "labour", "sexual", "labour", "labour"],
        }
    )
    counts = count_series(rows, ["nationality", "exploitation_type"], "M", "2020-01", "2020-03")
    assert counts.columns.tolist() == ["nationality", "exploitation_type", "period", "count"]
    # two keys seen in the periods (not the four combinations), three months each
    assert counts[["nationality", "exploitation_type"]].drop_duplicates().values.tolist() == [
        ["AL", "labour"],
        ["VN", "sexual"],
    ]
    assert counts["count"].tolist() == [2, 0, 0, 0, 0, 1]  # outside the months: left out
    assert counts["period"].tolist()[:3] == list(pd.period_range("2020-01", "2020-03", freq="M"))


def test_quarterly_counts_and_a_single_key() -> None:
    rows = pd.DataFrame(
        {
            "referred_on": ["2021-01-31", "2021-03-31", "2021-04-01", "2021-12-31"],
            "nation": ["E", "E", "E", "S"],
        }
    )
    counts = count_series(rows, ["nation"], "Q", "2021Q1", "2021Q4")
    assert counts["count"].tolist() == [2, 1, 0, 0, 0, 0, 0, 1]
    with pytest.raises(ValueError, match="freq"):
        count_series(rows, ["nation"], "W", "2021-01", "2021-12")


def _table(series: dict[tuple[str, str], list[int]]) -> pd.DataFrame:
    n = max(len(s) for s in series.values())
    end = str(pd.Period("2015-01", freq="M") + n - 1)
    return count_series(
        _referrals(series), ["nationality", "exploitation_type"], "M", "2015-01", end
    )


def test_assess_chooses_farrington_ears_or_nothing_by_history() -> None:
    rng = np.random.default_rng(4)
    long, medium, short, tiny = (list(rng.poisson(9, n)) for n in (84, 30, 18, 8))
    assert assess_counts(long, 12).method == "farrington"
    # 29 months before the current one: b = 2 is the most years back that fits (2 * 12 + 1)
    two_years = assess_counts(medium, 12)
    assert two_years == farrington_at(np.array(medium, float), 30, improved(12, b=2)).assessment(
        improved(12)
    )
    assert assess_counts(medium[:25], 12).method == "ears-c2"  # 24 before: not 2 years and a window
    c2 = assess_counts(short, 12)
    assert c2 == ears_c(short, "C2", time_points=[18])[0].assessment()
    assert c2.method == "ears-c2"
    # A short series with a referral or two: EARS C2 would alarm on 1 after zeros, the
    # minimum (5 referrals in the last 4 periods) keeps it quiet, its expected count kept.
    sparse = [0] * 17 + [1]
    assert ears_c(sparse, "C2", time_points=[18])[0].assessment().alarm
    quiet = assess_counts(sparse, 12)
    assert (quiet.method, quiet.alarm, quiet.upper, quiet.expected) == ("ears-c2", False, None, 0.0)
    assert quiet.reason == "fewer than 5 referrals in the last 4 periods"
    nothing = assess_counts(tiny, 12)
    assert (nothing.method, nothing.expected, nothing.alarm) == ("not assessed", None, False)
    assert nothing.reason == "under 10 periods of history"  # C2: 7 and a gap of 2 before
    assert assess_counts(short, 12, method="farrington").method == "not assessed"
    assert assess_counts(long, 12, method="ears-c1").method == "ears-c1"
    with pytest.raises(ValueError):
        assess_counts(long, 12, method="cusum")


def test_a_surge_alarms_and_an_ordinary_month_does_not() -> None:
    rng = np.random.default_rng(7)
    base = list(rng.poisson(10, 95))
    table = _table({("AL", "labour"): [*base, 40], ("VN", "sexual"): [*base, 10]})
    result = assess(table, date(2022, 12, 20)).set_index("nationality")
    assert result.loc["AL", "period"] == pd.Period("2022-12", freq="M")
    surge, ordinary = result.loc["AL"], result.loc["VN"]
    assert surge["method"] == ordinary["method"] == "farrington"
    assert surge["alarm"] and surge["score"] > 1 and surge["observed"] == 40
    assert surge["upper"] < 40 and 7 < surge["expected"] < 13
    assert not ordinary["alarm"] and ordinary["score"] < 1
    assert ordinary["expected"] == pytest.approx(surge["expected"])  # same history, same fit
    # the threshold is the one the engine gives for the series up to that month
    detail = farrington_at(np.array([*base, 40], float), 96, improved(12))
    assert surge["upper"] == detail.upper and surge["expected"] == detail.expected


def test_assess_uses_only_the_history_up_to_as_of() -> None:
    rng = np.random.default_rng(8)
    series = [*rng.poisson(10, 90), 45, *rng.poisson(10, 5)]
    table = _table({("AL", "labour"): series})
    at_surge = assess(table, "2022-07")
    assert at_surge["period"].iloc[0] == pd.Period("2022-07", freq="M")
    assert at_surge["observed"].iloc[0] == 45 and at_surge["alarm"].iloc[0]
    assert assess(table, "2022-12")["observed"].iloc[0] == series[-1]


def test_a_series_that_starts_late_has_zeros_before_its_first_referral() -> None:
    table = _table({("AL", "labour"): [5] * 72, ("ER", "domestic servitude"): [0] * 71 + [7]})
    new = assess(table, "2020-12").set_index("nationality").loc["ER"]
    assert new["method"] == "farrington"  # six years of history, all zero
    assert new["alarm"] and new["upper"] == 0
    few = assess(
        _table({("AL", "labour"): [5] * 72, ("ER", "criminal"): [0] * 70 + [1, 3]}), "2020-12"
    )
    few_row = few.set_index("nationality").loc["ER"]
    assert not few_row["alarm"] and pd.isna(few_row["expected"]) and pd.isna(few_row["upper"])
    assert few_row["reason"] == "fewer than 5 referrals in the last 4 periods"


def test_history_gives_the_band_and_the_sparkline() -> None:
    rng = np.random.default_rng(9)
    series = [*rng.poisson(12, 80), 50]
    table = _table({("AL", "labour"): series})
    counts = table.set_index("period")["count"]
    band = history(counts, periods=6)
    assert band.index.tolist() == counts.index[-6:].tolist()
    assert band["observed"].tolist() == series[-6:]
    assert band["alarm"].tolist() == [False] * 5 + [True]
    for period in band.index:
        assessed = assess(table, period).iloc[0]
        assert band.loc[period, "upper"] == assessed["upper"]
        assert band.loc[period, "expected"] == assessed["expected"]
    assert (band["upper"] > band["expected"]).all()
    assert len(history(counts, periods=200)) == len(series)


def test_sparkline_and_result_type() -> None:
    assert sparkline([0, 1, 2, 4]) == "▁▃▅█"
    assert sparkline([0, 0]) == "▁▁"
    assert sparkline([]) == ""
    table = _table({("AL", "labour"): [3] * 12 + [9]})
    assert assess(table, "2016-01")["sparkline"].iloc[0] == "▃" * 11 + "█"
    result = Assessment(3, 2.0, 6.0, 0.25, False, "farrington")
    with pytest.raises(AttributeError):
        result.alarm = True  # type: ignore[misc]
