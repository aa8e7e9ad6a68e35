"""Verification of the published figures on the demo extract."""

import csv
from fractions import Fraction

import ibis
import pytest

from nrm.statistics.verify import REFERENCE_DIR, Verifier, half_up, verify, verify_lines
from nrm.statistics.verify_known import FOUND, KNOWN

# The demo extract is built from the test database (once per session).
pytestmark = pytest.mark.django_db


@pytest.fixture(scope="module")
def verified_2012(demo_referrals: ibis.Table) -> Verifier:
    return verify(demo_referrals, year=2012)


def test_every_published_count_of_2012_is_reproduced_and_only_known_inconsistencies_differ(
    verified_2012: Verifier,
) -> None:
    checks = verified_2012.checks
    assert len(checks) > 600
    found = {(c.table, c.cell) for c in checks if not c.ok}
    assert found and all(key in KNOWN for key in found)


def test_every_known_2012_inconsistency_computed_from_referrals_is_found(
    verified_2012: Verifier,
) -> None:
    found = {(c.table, c.cell) for c in verified_2012.checks if not c.ok}
    expected = {k for k in KNOWN if not k[0].startswith("Press release")}
    assert found == expected


def test_the_northern_ireland_change_is_reported_with_its_correct_figure(
    verified_2012: Verifier,
) -> None:
    lines = verify_lines(verified_2012)
    assert (
        "[KNOWN] Table 1: Northern Ireland % change 2011-2012: published -63%, should be -53%"
        in lines
    )


def test_2011_finds_the_press_release_inconsistencies_and_nothing_unexplained(
    demo_referrals: ibis.Table,
) -> None:
    verified = verify(demo_referrals, year=2011)
    found = {(c.table, c.cell) for c in verified.discrepancies}
    press = {k for k in KNOWN if k[0].startswith("Press release")}
    assert press <= found
    assert set(FOUND) <= found
    assert [c for c in verified.discrepancies if not c.explained] == []
    lines = verify_lines(verified)
    assert "[FOUND] Press release note 5: England China position: published 2, should be 3" in lines


def _reference(name: str) -> list[dict[str, str]]:
    with (REFERENCE_DIR / name).open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


def test_the_press_release_order_for_england_2011_is_impossible_with_the_report_counts() -> None:
    """The reasoning behind FOUND, recomputed from the published tables."""
    adults = {
        r["country"]: int(r["potential_victims"])
        for r in _reference("t24_adult_top10_by_year.csv")
        if r["year"] == "2011"
    }
    children = {
        r["country"]: int(r["potential_victims"])
        for r in _reference("t25_child_top10_countries_2009_2012.csv")
        if r["year"] == "2011"
    }
    nations = {
        r["uk_country"]: int(r["referrals"])
        for r in _reference("t01_referrals_by_uk_country.csv")
        if r["year"] == "2011"
    }
    top3 = {
        (r["uk_country"], int(r["rank"])): r["source_country"]
        for r in _reference("pr2011_top3_source_countries_by_uk_country.csv")
    }
    assert top3[("England", 2)] == "China" and top3[("England", 3)] == "Vietnam"
    assert top3[("Wales", 3)] == "Vietnam" and top3[("Northern Ireland", 3)] == "China"
    assert "Vietnam" not in {top3[("Scotland", rank)] for rank in (1, 2, 3)}
    vietnam = adults["Vietnam"] + children["Vietnam"]
    china = adults["China"] + children["China"]
    # Vietnam third in Wales: v + (v + 1) + (v + 2) <= Wales; fourth at best in Scotland.
    wales_most = (nations["Wales"] - 3) // 3
    scotland_most = (nations["Scotland"] - 6) // 4
    # Northern Ireland: Vietnam below China, so it takes at least one more Chinese than Vietnamese.
    margin = vietnam - china - wales_most - scotland_most + 1
    assert (vietnam, china, wales_most, scotland_most, margin) == (92, 61, 7, 21, 4)
    assert margin > 0
    assert (
        f"{vietnam} - {china} - {wales_most} - {scotland_most} + 1 = {margin}"
        in FOUND[("Press release note 5", "England China position")]
    )


def test_a_changed_count_is_reported_as_a_new_discrepancy(demo_referrals: ibis.Table) -> None:
    changed = demo_referrals.mutate(
        nation=ibis.ifelse(
            (demo_referrals.nation == "wales") & (demo_referrals.referral_year == 2012)
            & (demo_referrals.police_region == "not_recorded"),
            "england",
            demo_referrals.nation,
        )
    )  # fmt: skip
    lines = verify_lines(verify(changed, year=2012))
    assert any(line.startswith("[NEW] Table 1: Wales 2012: published 34") for line in lines)


def test_percentages_round_half_away_from_zero() -> None:
    assert half_up(Fraction(-125, 2)) == -63
    assert half_up(Fraction(125, 2)) == 63
    assert str(half_up(Fraction(338, 100), 1)) == "3.4"
