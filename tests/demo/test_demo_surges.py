"""The demo's referral counts seen by the surge detector (the generated records, no database):
the Albanian rise of 2012 (paras 3.5-3.6) is flagged in April, the month it starts, and not
before; the top nationalities whose published yearly counts did not change significantly from
2009 to 2011 raise no more false alarms than the method's nominal rate allows."""

from functools import cache

import pandas as pd
from scipy.stats import binom, binomtest

from nrm.demo import plan_2012
from nrm.demo.generator import generate_records
from nrm.intelligence.surveillance import assess, count_series
from nrm.intelligence.surveillance.farrington import improved
from nrm.statistics.extract import nationality_counted

START = "2009-04"
MONTHS_IN = {2009: 9, 2010: 12, 2011: 12}


@cache
def _rows() -> pd.DataFrame:
    rows = pd.DataFrame(
        [
            (
                r["referral_date"],
                nationality_counted(
                    (
                        r["claimed_nationalities"] or [],
                        r["assessed_nationality"],
                        r["assessed_nationality_certainty"],
                    )
                ),
            )
            for r in generate_records()
        ],
        columns=["referred_on", "nationality"],
    )
    rows["referred_on"] = pd.to_datetime(rows["referred_on"])
    return rows


def _monthly(nationalities: list[str], month: pd.Period) -> pd.DataFrame:
    rows = _rows()
    counts = count_series(
        rows[rows["nationality"].isin(nationalities)], ["nationality"], "M", START, month
    )
    return assess(counts, month)


def test_the_albanian_rise_is_flagged_in_the_month_it_starts_and_not_before() -> None:
    flagged = {
        month.month: bool(_monthly(["Albania"], month).iloc[0]["alarm"])
        for month in pd.period_range("2012-01", "2012-06", freq="M")
    }
    start = plan_2012.ALBANIA_RISE_STARTS
    assert next(m for m, alarm in flagged.items() if alarm) == start
    assert not any(flagged[m] for m in range(1, start))


def _stable_top_nationalities() -> list[str]:
    """Of the ten nationalities most referred in 2009-2011, those whose monthly rate did not
    change significantly (exact test, 5%) from 2009 to 2010 or from 2010 to 2011."""
    old = _rows()[_rows()["referred_on"] < "2012-01-01"]
    top = old["nationality"].value_counts().head(10).index
    yearly = old.groupby([old["nationality"], old["referred_on"].dt.year]).size()
    stable = []
    for name in top:
        tests = [
            binomtest(
                int(yearly[name, after]),
                int(yearly[name, before] + yearly[name, after]),
                MONTHS_IN[after] / (MONTHS_IN[before] + MONTHS_IN[after]),
            ).pvalue
            for before, after in ((2009, 2010), (2010, 2011))
        ]
        if min(tests) >= 0.05:
            stable.append(str(name))
    return stable


def test_stable_series_raise_no_more_false_alarms_than_the_nominal_rate() -> None:
    stable = _stable_top_nationalities()
    assert len(stable) >= 4, stable
    assessed = alarms = 0
    for month in pd.period_range("2010-01", "2011-12", freq="M"):
        found = _monthly(stable, month)
        farrington = found[found["method"] == "farrington"]
        assessed += len(farrington)
        alarms += int(farrington["alarm"].sum())
    alpha = improved(12).alpha
    assert assessed >= 40
    # Not significantly more than the nominal rate (one-sided, 1%).
    assert alarms <= binom.ppf(0.99, assessed, alpha), (alarms, assessed, alpha)
