"""The verifier's comparisons: counts, percentages at their published precision, positions."""

from fractions import Fraction

import pytest

from nrm.statistics.published.verifier import Verifier


@pytest.fixture
def verifier() -> Verifier:
    return Verifier(None, year=2012, reference=None)  # type: ignore[arg-type]


def _last(v: Verifier) -> tuple[bool, str]:
    check = v.checks[-1]
    return check.ok, check.computed


def test_a_blank_published_count_is_no_referral(verifier: Verifier) -> None:
    verifier.count("Table 2", "Isle of Man 2011", " ", 0)
    assert verifier.checks[-1].published == "blank" and verifier.checks[-1].ok
    verifier.count("Table 2", "Isle of Man 2011", "", 1)
    assert not verifier.checks[-1].ok


def test_a_percentage_is_compared_at_the_precision_it_is_published_with(
    verifier: Verifier,
) -> None:
    verifier.percent("Table 1", "share", "3.5%", Fraction(32 * 100, 946))
    assert _last(verifier) == (False, "3.4%")
    verifier.percent("Table 1", "share", "3%", Fraction(32 * 100, 946))
    assert _last(verifier) == (True, "3%")
    verifier.percent("Table 2", "change", "No change", Fraction(0))
    assert _last(verifier) == (True, "0%")
    verifier.percent("Table 2", "change", "+5%", None)
    assert _last(verifier) == (False, "undefined (zero base)")


def test_a_position_allows_ties_by_default(verifier: Verifier) -> None:
    counts = {"A": 9, "B": 5, "C": 5, "D": 2}
    verifier.position("Table 24", "C", 2, counts, "C")
    assert _last(verifier) == (True, "2-3 (tied)")
    verifier.position("Table 24", "C", 3, counts, "C")
    assert _last(verifier) == (True, "2-3 (tied)")
    verifier.position("Table 24", "D", 3, counts, "D")
    assert _last(verifier) == (False, "4")
    assert verifier.checks[-1].cell == "D position"


def test_a_top_list_may_not_leave_out_a_country_tied_with_its_last(verifier: Verifier) -> None:
    counts = {"A": 9, "B": 5, "C": 5}
    verifier.position("Table 6", "B", 2, counts, "B", listed=2)
    assert _last(verifier) == (False, "2-3 (tied)")
    verifier.position("Table 6", "B", 2, counts, "B", listed=3)
    assert _last(verifier) == (True, "2-3 (tied)")
    verifier.position("Table 6", "A", 1, counts, "A", listed=2)
    assert _last(verifier) == (True, "1")


def test_a_ranking_with_joint_places_is_strict(verifier: Verifier) -> None:
    counts = {"A": 9, "B": 5, "C": 5, "D": 4}
    verifier.position("Table 7", "B", 2, counts, "B", joint=2)
    assert _last(verifier) == (True, "2-3 (tied)")
    verifier.position("Table 7", "B", 2, counts, "B", joint=1)
    assert _last(verifier) == (False, "2-3 (tied)")
    verifier.position("Table 7", "C", 3, counts, "C", joint=1)
    assert _last(verifier) == (False, "2-3 (tied)")
    verifier.position("Table 7", "D", 4, counts, "D", joint=2)
    assert _last(verifier) == (False, "4, not joint")
    verifier.position("Table 7", "D", 4, counts, "D", joint=1)
    assert _last(verifier) == (True, "4")


def test_a_discrepancy_is_explained_only_by_its_own_table_and_cell(verifier: Verifier) -> None:
    verifier.count("Table 1", "Wales % change 2011-2012", "1", 2)
    verifier.count("Table 1", "Wales 2012", "34", 33)
    known, new = verifier.discrepancies
    assert known.known and known.explained and not known.found
    assert not new.explained
