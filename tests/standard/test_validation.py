from datetime import date
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from nrm.standard import codes, messages
from nrm.standard.codes import REGION_NATIONS, AgeGroup
from nrm.standard.nationality import country_code, nationality_key
from nrm.standard.rules import derived_age_group
from nrm.standard.schema import Referral
from nrm.standard.types import values_from_text
from nrm.standard.validation import referral_validate
from nrm.standard.words import say

TODAY = date(2013, 6, 30)


def errors_of(record: dict[str, Any]) -> dict[str, str]:
    return {e.field: e.message for e in referral_validate(record, today=TODAY).errors}


def test_the_valid_fixture_passes(valid_referral: dict[str, Any]) -> None:
    assert errors_of(valid_referral) == {}


def test_an_age_disputed_person_is_treated_as_a_minor(valid_referral: dict[str, Any]) -> None:
    record = referral_validate(
        {**valid_referral, "age_disputed": True, "consent": None}, today=TODAY
    ).record
    assert record is not None and derived_age_group(record) == AgeGroup.MINOR
    assert errors_of({**valid_referral, "age_disputed": True, "age_group": "adult"}) == {
        "age_group": say(messages.AGE_DISPUTED_IS_MINOR, minor="Minor")
    }


def test_the_age_group_is_taken_at_the_start_of_exploitation(
    valid_referral: dict[str, Any],
) -> None:
    # 17 when exploited, 19 when referred: a minor at the time of exploitation
    record = {
        **valid_referral,
        "date_of_birth": "1993-01-01",
        "exploitation_start": "2010-06-01",
        "consent": None,
    }
    parsed = referral_validate(record, today=TODAY).record
    assert parsed is not None and derived_age_group(parsed) == AgeGroup.MINOR


def test_an_age_must_be_known_somehow(valid_referral: dict[str, Any]) -> None:
    record = {**valid_referral, "date_of_birth": None}
    assert errors_of(record) == {"age_group": say(messages.AGE_UNKNOWN)}
    assert errors_of({**record, "estimated_age": 30}) == {}
    assert errors_of({**record, "age_group": "adult"}) == {}


def test_decision_dates_must_be_in_a_possible_order(valid_referral: dict[str, Any]) -> None:
    good = {
        **valid_referral,
        "rg_outcome": "positive",
        "rg_date": "2012-05-19",
        "cg_outcome": "negative",
        "cg_date": "2012-08-01",
    }
    assert errors_of(good) == {}
    assert "rg_date" in errors_of({**good, "rg_date": "2012-05-01"})
    assert "cg_date" in errors_of({**good, "cg_date": "2012-05-10"})
    assert "cg_outcome" in errors_of({**good, "rg_outcome": "negative"})
    assert "rg_date" in errors_of({**good, "rg_date": None})


def test_a_country_of_exploitation_goes_with_overseas_only(valid_referral: dict[str, Any]) -> None:
    assert (
        errors_of(
            {**valid_referral, "exploitation_region": "overseas", "exploitation_country": "Nigeria"}
        )
        == {}
    )
    assert "exploitation_country" in errors_of({**valid_referral, "exploitation_country": "NGA"})
    assert "exploitation_country" in errors_of(
        {**valid_referral, "exploitation_region": "overseas", "exploitation_country": "UK"}
    )


def test_nationality_keys_keep_disputed_nationalities_apart() -> None:
    assert nationality_key(["NGA"], None, None) == "Nigeria"
    assert nationality_key(["NGA"], "NGA", "confirmed") == "Nigeria"
    assert nationality_key(["GBR"], "NGA", "possible") == "UK (claimed) Nigeria (possible)"
    assert country_code("Atlantis") is None


@given(
    nation=st.sampled_from(list(codes.Nation)),
    region=st.sampled_from(list(codes.PoliceRegion)),
)
def test_a_police_region_is_accepted_exactly_when_it_lies_in_the_nation(
    nation: codes.Nation, region: codes.PoliceRegion
) -> None:
    record = {
        "referral_date": "2012-05-14",
        "nation": nation,
        "police_region": region,
        "given_name": "A",
        "gender": "male",
        "claimed_nationalities": ["POL"],
        "age_group": "minor",
        "exploitation_type": "labour",
    }
    fields = errors_of(record)
    assert ("police_region" not in fields) == (nation in REGION_NATIONS[region])


@given(st.dates(min_value=date(1900, 1, 1), max_value=date(2030, 1, 1)))
def test_no_date_in_the_future_is_accepted(day: date) -> None:
    record = {
        "referral_date": day.isoformat(),
        "nation": "england",
        "given_name": "A",
        "gender": "male",
        "claimed_nationalities": ["POL"],
        "age_group": "minor",
        "exploitation_type": "labour",
    }
    assert ("referral_date" in errors_of(record)) == (day > TODAY)


@given(born=st.dates(min_value=date(1950, 1, 1), max_value=date(2012, 1, 1)))
def test_consent_is_required_exactly_for_adults(born: date) -> None:
    referred = date(2012, 6, 1)
    record = {
        "referral_date": referred.isoformat(),
        "nation": "england",
        "given_name": "A",
        "gender": "male",
        "claimed_nationalities": ["POL"],
        "date_of_birth": born.isoformat(),
        "exploitation_type": "labour",
    }
    try:
        eighteenth = born.replace(year=born.year + 18)
    except ValueError:  # born on 29 February: of age on 1 March in a common year
        eighteenth = date(born.year + 18, 3, 1)
    adult = referred >= eighteenth
    assert ("consent" in errors_of(record)) == adult


def test_a_date_before_1900_is_refused(valid_referral: dict[str, Any]) -> None:
    errors = referral_validate({**valid_referral, "date_of_birth": "0001-01-01"}).errors
    assert [(e.field, e.code) for e in errors] == [("date_of_birth", "date_too_early")]


@pytest.mark.parametrize("value", [True, "yes", "34", 34.5])
def test_an_estimated_age_must_be_a_whole_number(
    valid_referral: dict[str, Any], value: Any
) -> None:
    record = {**valid_referral, "date_of_birth": None, "estimated_age": value}
    assert [e.field for e in referral_validate(record).errors] == ["estimated_age"]


@pytest.mark.parametrize("value", ["yes", "true", 1, "1"])
def test_consent_must_be_true_or_false(valid_referral: dict[str, Any], value: Any) -> None:
    assert [e.field for e in referral_validate({**valid_referral, "consent": value}).errors] == [
        "consent"
    ]


def test_an_estimated_age_beside_a_date_of_birth_must_agree_with_it(
    valid_referral: dict[str, Any],
) -> None:
    # born 3 February 1990, referred 14 May 2012: 22 on the referral date
    assert referral_validate({**valid_referral, "estimated_age": 23}).ok
    errors = referral_validate({**valid_referral, "estimated_age": 1}).errors
    assert [(e.field, e.code) for e in errors] == [("estimated_age", "contradicts_dob")]


def test_doors_that_only_have_text_give_yes_no_and_numbers_by_one_rule() -> None:
    data = {"consent": "Yes", "age_disputed": "0", "estimated_age": "34", "given_name": "1"}
    assert values_from_text(Referral, data) == {
        "consent": True,
        "age_disputed": False,
        "estimated_age": 34,
        "given_name": "1",
    }
    assert values_from_text(Referral, {"consent": "maybe"}) == {"consent": "maybe"}
