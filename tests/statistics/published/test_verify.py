"""Verification of the published figures on the demo extract."""

import ibis
import pytest

from nrm.statistics.published.figures import figures_load, published_years
from nrm.statistics.published.known import FOUND, KNOWN, KNOWN_ASSESSMENT, KNOWN_JUSTICE
from nrm.statistics.published.verifier import Verifier
from nrm.statistics.published.verify import verify, verify_lines

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
    expected = {
        k
        for k in KNOWN
        if not k[0].startswith("Press release")
        and k not in KNOWN_ASSESSMENT
        and k not in KNOWN_JUSTICE
    }
    assert found == expected


def test_the_2012_summary_counts_every_figure_checked_on_the_demo(
    verified_2012: Verifier,
) -> None:
    assert verify_lines(verified_2012)[0] == (
        "2012: 695 published figures checked, 678 match, 17 differ (17 known published "
        "inconsistencies, 0 found beyond the reference README, 0 new)"
    )


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
    assert lines[0] == (
        "2011: 77 published figures checked, 66 match, 11 differ (9 known published "
        "inconsistencies, 2 found beyond the reference README, 0 new)"
    )


def test_the_press_release_order_for_england_2011_is_impossible_with_the_report_counts() -> None:
    """The reasoning behind FOUND, recomputed from the published tables."""
    adults = {
        r["country"]: int(r["potential_victims"])
        for r in figures_load("t24_adult_top10_by_year.csv")
        if r["year"] == "2011"
    }
    children = {
        r["country"]: int(r["potential_victims"])
        for r in figures_load("t25_child_top10_countries_2009_2012.csv")
        if r["year"] == "2011"
    }
    nations = {
        r["uk_country"]: int(r["referrals"])
        for r in figures_load("t01_referrals_by_uk_country.csv")
        if r["year"] == "2011"
    }
    top3 = {
        (r["uk_country"], int(r["rank"])): r["source_country"]
        for r in figures_load("pr2011_top3_source_countries_by_uk_country.csv")
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


def test_table9_values_moved_to_another_unrecovered_cell_are_a_new_discrepancy(
    demo_referrals: ibis.Table,
) -> None:
    t = demo_referrals
    moved = (
        (t.nationality == "Nigeria") & (t.age_group == "minor") & (t.referral_year == 2012)
        & (t.exploitation_type == "sexual") & (t.gender == "male")
    )  # fmt: skip
    changed = t.mutate(exploitation_type=ibis.ifelse(moved, "labour", t.exploitation_type))
    lines = verify_lines(verify(changed, year=2012))
    assert (
        "[NEW] Table 9: Nigeria (row 2) values in the unrecovered cells, left to right: "
        "published 4, 25, 1, should be 4, 1, 25"
    ) in lines


def test_a_joint_place_that_is_no_longer_joint_is_a_new_discrepancy(
    demo_referrals: ibis.Table,
) -> None:
    """Wales 2012: Nigeria/Vietnam joint third. With one Vietnamese adult recorded as Nigerian
    instead, Nigeria is third alone: a published joint place must be joint."""
    t = demo_referrals
    wales = (t.nation == "wales") & (t.referral_year == 2012)
    vietnamese = t.filter(wales & (t.nationality == "Vietnam") & (t.age_group == "adult"))
    one = vietnamese.limit(1).pseudonym.execute()[0]
    changed = t.mutate(nationality=ibis.ifelse(t.pseudonym == one, "Nigeria", t.nationality))
    lines = verify_lines(verify(changed, year=2012))
    assert "[NEW] Table 7: Wales Nigeria position: published 3, should be 3, not joint" in lines
    vietnam = "[NEW] Table 7: Wales Vietnam position: published 3, should be 4"
    assert any(line.startswith(vietnam) for line in lines)


def test_the_years_with_published_figures_are_those_the_verification_has_figures_to_check(
    demo_referrals: ibis.Table,
) -> None:
    years = published_years()
    assert years == {2009, 2010, 2011, 2012}
    for year in (min(years) - 1, 2010, max(years) + 1):
        assert bool(verify(demo_referrals, year=year).checks) is (year in years), year
