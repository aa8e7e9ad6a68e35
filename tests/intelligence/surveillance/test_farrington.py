import numpy as np
import pytest

from nrm.intelligence.surveillance.farrington import Control, blocks, farrington_at, improved


def test_improved_settings_per_frequency() -> None:
    weekly, monthly, quarterly = improved(52), improved(12), improved(4)
    assert (weekly.b, weekly.w, weekly.no_periods, weekly.excluded) == (5, 3, 10, 26)
    assert (monthly.w, monthly.no_periods, monthly.excluded) == (1, 4, 6)
    assert (quarterly.w, quarterly.no_periods, quarterly.excluded) == (1, 1, 2)
    assert weekly.threshold_method == "nbPlugin" and weekly.weights_threshold == 2.58
    assert monthly.history_needed == 61 and improved(12, b=2).history_needed == 25
    with pytest.raises(ValueError, match="52, 12 or 4"):
        improved(365)


def test_the_weekly_set_does_not_fit_a_quarterly_year() -> None:
    # R stops with the same words: a 7-quarter window leaves no room for 9 other periods
    with pytest.raises(ValueError, match="Number of factors too big!"):
        blocks(60, 60, Control(freq=4, b=5, w=3, no_periods=10))


def test_blocks_monthly_layout() -> None:
    levels = blocks(72, 72, improved(12))
    # the current window (w = 1: the month and the one before), then per year back a 3-month
    # window at level 4 and the 9 months between in 3 blocks of 3 months (levels 1 to 3)
    assert levels[-2:].tolist() == [4, 4]
    assert levels[10:13].tolist() == [4, 4, 4]
    assert levels[13:22].tolist() == [1, 1, 1, 2, 2, 2, 3, 3, 3]
    assert np.isnan(levels[:10]).all()


def test_reference_too_short_is_refused() -> None:
    with pytest.raises(ValueError, match="needs 61 earlier periods"):
        farrington_at(np.ones(61), 61, improved(12))
    assert farrington_at(np.full(62, 6.0), 62, improved(12)).alarm is False
