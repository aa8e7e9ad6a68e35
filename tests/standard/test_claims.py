"""Claimed nationalities are a set: each country once, however its code was written, in one
canonical order, so the statistics count one person under one nationality."""

import random

from hypothesis import given
from hypothesis import strategies as st

from nrm.standard.nationality import claims_canonical, nationality_key

CODES = st.sampled_from(["NGA", "NG", "GBR", "GB", "ALB", "AL", "VNM", "VN", "XXX", "ETH"])


def test_a_country_claimed_twice_counts_as_that_country() -> None:
    assert claims_canonical(["NGA", "NG"]) == ["NGA"]
    assert nationality_key(["NGA", "NG"], None, None) == "Nigeria"
    assert nationality_key(["ALB", "ALB"], "ALB", "confirmed") == "Albania"


def test_claims_in_either_order_count_under_one_composite() -> None:
    assert nationality_key(["GBR", "NGA"], None, None) == "Nigeria/UK (claimed)"
    assert nationality_key(["NGA", "GBR"], None, None) == "Nigeria/UK (claimed)"
    assert nationality_key(["SOM", "GBR", "ETH"], None, None) == (
        nationality_key(["ETH", "SOM", "GB"], None, None)
    )


def test_an_assessment_is_compared_with_the_claims_as_a_set() -> None:
    assert nationality_key(["GBR", "GB"], "NGA", "possible") == "UK (claimed) Nigeria (possible)"
    assert nationality_key(["VNM", "VN"], "VNM", "confirmed") == "Vietnam"


@given(claims=st.lists(CODES, min_size=1, max_size=5), shuffled=st.randoms())
def test_the_order_and_repetition_of_claims_never_change_the_nationality_counted(
    claims: list[str], shuffled: random.Random
) -> None:
    again = claims * 2
    shuffled.shuffle(again)
    assert nationality_key(again, None, None) == nationality_key(claims, None, None)
    canonical = claims_canonical(claims)
    assert len(set(canonical)) == len(canonical) and claims_canonical(canonical) == canonical
