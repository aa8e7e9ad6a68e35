import json
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from nrm.accounts.models import Organisation, User
from nrm.cases.casework.allocation import (
    RuleSetInvalid,
    competent_authority_allocate,
    rule_set_active,
    rule_set_parse,
    rule_sets,
)
from nrm.cases.models import Case
from nrm.cases.referrals.services import referral_submit
from nrm.standard.codes import CompetentAuthority
from nrm.standard.nationality import UK, is_eea
from nrm.standard.schema import Referral

NATIONALITIES = ["GBR", "ROU", "POL", "NGA", "VNM", "CHN", "ALB", "FRA", "XXA", "XXX"]


def record(**changes: Any) -> Referral:
    base: dict[str, Any] = {
        "referral_date": date(2012, 5, 14),
        "nation": "england",
        "police_region": "london",
        "consent": True,
        "gender": "female",
        "estimated_age": 30,
        "claimed_nationalities": ["GBR"],
        "exploitation_type": "labour",
        "exploitation_region": "london",
    }
    return Referral.model_validate({**base, **changes})


@given(
    claimed=st.lists(st.sampled_from(NATIONALITIES), min_size=1, max_size=3, unique=True),
    immigration=st.booleans(),
)
def test_the_2013_rule_gives_the_home_office_a_linked_immigration_interest_or_non_eea_national(
    claimed: list[str], immigration: bool
) -> None:
    r = record(claimed_nationalities=claimed, linked_immigration_interest=immigration)
    non_eea = any(c != UK and not is_eea(c) for c in claimed)
    expected = (
        CompetentAuthority.HOME_OFFICE if immigration or non_eea else CompetentAuthority.UKHTC
    )
    assert competent_authority_allocate(r, rule_set=rule_sets()["nrm_2013"]) == expected


@given(claimed=st.lists(st.sampled_from(NATIONALITIES), min_size=1, max_size=3, unique=True))
def test_the_single_rule_set_allocates_everything_to_one_authority(claimed: list[str]) -> None:
    r = record(claimed_nationalities=claimed, linked_immigration_interest=True)
    single = rule_sets()["single"]
    assert (
        competent_authority_allocate(r, rule_set=single)
        == CompetentAuthority.SINGLE_COMPETENT_AUTHORITY
    )


def test_an_authority_named_in_the_referral_is_kept() -> None:
    r = record(competent_authority="ukhtc", claimed_nationalities=["NGA"])
    assert competent_authority_allocate(r, rule_set=rule_sets()["nrm_2013"]) == "ukhtc"


def test_the_rule_set_is_switched_by_setting(
    settings: Any, officer: User, organisation: Organisation, valid_referral: dict[str, Any]
) -> None:
    settings.NRM_ALLOCATION_RULES = "single"
    referral = referral_submit(actor=officer, data=valid_referral, organisation=organisation)
    assert referral.competent_authority == CompetentAuthority.SINGLE_COMPETENT_AUTHORITY
    assert Case.objects.get(pk=referral.pk).allocation_rule_set == "single"


def test_an_unknown_rule_set_names_the_available_ones(settings: Any) -> None:
    settings.NRM_ALLOCATION_RULES = "nrm_1999"
    with pytest.raises(RuleSetInvalid, match="available: nrm_2013, single"):
        rule_set_active()


def test_a_rules_file_adds_a_rule_set_and_is_checked(settings: Any, tmp_path: Path) -> None:
    path = tmp_path / "rules.json"
    path.write_text(
        json.dumps(
            {
                "minors_to_ukhtc": {
                    "rules": [{"when": {"minor": True}, "authority": "ukhtc"}],
                    "otherwise": "home_office",
                }
            }
        )
    )
    settings.NRM_ALLOCATION_RULES = "minors_to_ukhtc"
    settings.NRM_ALLOCATION_RULES_FILE = str(path)
    rules = rule_set_active()
    assert rules.allocate(record(estimated_age=15, claimed_nationalities=["NGA"])) == "ukhtc"
    assert rules.allocate(record(estimated_age=30)) == "home_office"


@pytest.mark.parametrize(
    ("body", "message"),
    [
        (
            {"rules": [{"when": {"tall": True}, "authority": "ukhtc"}], "otherwise": "ukhtc"},
            "tests 'tall'",
        ),
        (
            {"rules": [{"when": {"minor": True}, "authority": "police"}], "otherwise": "ukhtc"},
            "'police'",
        ),
        ({"rules": [{"when": {}, "authority": "ukhtc"}], "otherwise": "ukhtc"}, "non-empty 'when'"),
        ({"rules": [], "otherwise": "nobody"}, "'nobody'"),
    ],
)
def test_a_malformed_rule_set_is_refused_with_what_is_wrong(
    body: dict[str, Any], message: str
) -> None:
    with pytest.raises(RuleSetInvalid, match=message):
        rule_set_parse("custom", body)
