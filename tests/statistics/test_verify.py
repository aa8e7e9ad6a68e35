"""Verification of the published figures on the demo extract."""

from fractions import Fraction

import ibis
import pytest

from nrm.statistics.verify import Verifier, half_up, verify, verify_lines
from nrm.statistics.verify_known import KNOWN

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


def test_2011_finds_the_press_release_inconsistencies(demo_referrals: ibis.Table) -> None:
    verified = verify(demo_referrals, year=2011)
    found = {(c.table, c.cell) for c in verified.checks if not c.ok}
    press = {k for k in KNOWN if k[0].startswith("Press release")}
    assert press <= found


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
