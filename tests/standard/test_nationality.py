"""Countries are exact ISO codes, names or documented aliases; anything else is refused with
suggestions, never guessed."""

import itertools
import random
import string
from typing import Any

import pycountry
import pytest

from nrm.standard.nationality import (
    _ALIASES,
    SPECIAL,
    country_code,
    country_suggestions,
    languages_label,
)
from nrm.standard.validation import referral_validate

ALPHA_2 = {str(c.alpha_2) for c in pycountry.countries}
ALPHA_3 = {str(c.alpha_3) for c in pycountry.countries} | set(SPECIAL) | {"XKX"}
ALIASES = {alias.upper() for alias in _ALIASES}


def test_no_two_letter_text_that_is_not_an_iso_code_or_alias_becomes_a_country() -> None:
    others = [
        "".join(pair)
        for pair in itertools.product(string.ascii_uppercase, repeat=2)
        if "".join(pair) not in ALPHA_2 | ALIASES
    ]
    assert len(others) > 400
    assert {text: country_code(text) for text in others if country_code(text)} == {}


def test_no_random_three_letter_text_that_is_not_an_iso_code_becomes_a_country() -> None:
    rng = random.Random(3166)
    others = (
        {"".join(rng.choices(string.ascii_uppercase, k=3)) for _ in range(2_000)}
        - ALPHA_3
        - ALIASES
    )
    assert {text: country_code(text) for text in others if country_code(text)} == {}


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("GB", "GBR"), ("gbr", "GBR"), ("826", "GBR"), ("United Kingdom", "GBR"), ("UK", "GBR"),
        ("Viet Nam", "VNM"), ("Vietnam", "VNM"), ("Côte d'Ivoire", "CIV"), ("Ivory Coast", "CIV"),
        ("stateless", "XXA"), ("unknown", "XXX"), ("Kosovo", "XKX"),
    ],
)  # fmt: skip
def test_codes_names_and_documented_aliases_are_countries(text: str, code: str) -> None:
    assert country_code(text) == code


def test_a_near_miss_is_refused_with_what_it_may_have_meant(valid_referral: dict[str, Any]) -> None:
    assert country_code("Albainia") is None
    assert country_suggestions("Albainia") == ["Albania"]
    errors = referral_validate({**valid_referral, "claimed_nationalities": ["Albainia"]}).errors
    assert [e.field for e in errors] == ["claimed_nationalities"]
    assert "Did you mean Albania?" in errors[0].message


def test_junk_gets_no_suggestion() -> None:
    assert country_suggestions("JT") == []
    assert country_suggestions("qqqqzzzz") == []


def test_languages_read_as_names_in_the_order_given_and_unknown_ones_as_written() -> None:
    assert languages_label(["yor", "eng"]) == "Yoruba, English"
    assert languages_label(["ZHO"]) == "Chinese"
    assert languages_label(["Klingon-ish"]) == "Klingon-ish"
    assert languages_label([]) == ""
