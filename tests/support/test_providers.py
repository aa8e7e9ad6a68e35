"""The provider configuration and the routing rule, without the database."""

from pathlib import Path

import pytest
from django.test import override_settings
from hypothesis import given
from hypothesis import strategies as st

from nrm.standard.codes import SUPPORT_CODE_LISTS, AgeGroup, ExploitationType, Gender, Nation
from nrm.support import messages
from nrm.support.providers import (
    PROVIDERS_FILE,
    ROUTING_FILE,
    SupportCase,
    SupportConfigError,
    provider_config,
)


def case(**changes: object) -> SupportCase:
    values: dict[str, object] = {
        "nation": "england",
        "age_group": "adult",
        "gender": "female",
        "exploitation_type": "labour",
        "referrer_code": "met-police",
        "referrer_is_local_authority": False,
        **changes,
    }
    return SupportCase(**values)  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("nation", "provider"),
    [
        ("england", "salvation-army"),
        ("wales", "salvation-army"),
        ("scotland", "migrant-help"),
        ("northern_ireland", "migrant-help"),
    ],
)
def test_an_adult_goes_to_the_provider_of_the_nation(nation: str, provider: str) -> None:
    assert provider_config().provider_for(case(nation=nation)) == provider


def test_a_woman_trafficked_for_sexual_exploitation_in_scotland_goes_to_tara() -> None:
    config = provider_config()
    assert config.provider_for(case(nation="scotland", exploitation_type="sexual")) == "tara"
    man = case(nation="scotland", exploitation_type="sexual", gender="male")
    assert config.provider_for(man) == "migrant-help"


def test_tara_is_only_for_scotland() -> None:
    woman = case(nation="northern_ireland", exploitation_type="sexual")
    assert provider_config().provider_for(woman) == "migrant-help"


@pytest.mark.parametrize("nation", [n.value for n in Nation])
def test_a_child_goes_to_childrens_services_of_the_nation(nation: str) -> None:
    code = provider_config().provider_for(case(nation=nation, age_group="minor"))
    assert code == "childrens-services-" + nation.replace("_", "-")


def test_a_child_referred_by_a_local_authority_stays_with_that_authority() -> None:
    child = case(
        age_group="minor", referrer_code="glasgow-city-council", referrer_is_local_authority=True
    )
    assert provider_config().provider_for(child) == "glasgow-city-council"


def test_an_adult_referred_by_a_local_authority_goes_to_the_adult_provider() -> None:
    adult = case(referrer_code="cardiff-council", referrer_is_local_authority=True)
    assert provider_config().provider_for(adult) == "salvation-army"


def test_the_salvation_army_has_sub_contractors_and_tara_has_none() -> None:
    config = provider_config()
    assert {"medaille-trust", "migrant-help", "bawso"} <= config.subcontractors_of("salvation-army")
    assert config.subcontractors_of("tara") == frozenset()


@given(
    nation=st.sampled_from(Nation.values),
    age_group=st.sampled_from(AgeGroup.values),
    gender=st.sampled_from(Gender.values),
    exploitation_type=st.sampled_from(ExploitationType.values),
    local_authority=st.booleans(),
)
def test_every_case_reaches_a_configured_provider_of_its_age_group(
    nation: str, age_group: str, gender: str, exploitation_type: str, local_authority: bool
) -> None:
    config = provider_config()
    subject = case(
        nation=nation,
        age_group=age_group,
        gender=gender,
        exploitation_type=exploitation_type,
        referrer_code="cardiff-council",
        referrer_is_local_authority=local_authority,
    )
    code = config.provider_for(subject)
    if age_group == AgeGroup.MINOR and local_authority:
        assert code == "cardiff-council"
        return
    expected = "local_authority" if age_group == AgeGroup.MINOR else "ngo"
    assert config.providers[code].responder_type == expected
    assert config.providers[code].nation in ("", nation, "england")


def _write(tmp_path: Path, name: str, text: str) -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def test_a_routing_file_can_replace_the_packaged_one(tmp_path: Path) -> None:
    routing = ROUTING_FILE.read_text(encoding="utf-8").replace(
        "scotland,adult,,,migrant-help", "scotland,adult,,,tara"
    )
    path = _write(tmp_path, "routing.csv", routing)
    with override_settings(NRM_SUPPORT_ROUTING_FILE=str(path)):
        assert provider_config().provider_for(case(nation="scotland", gender="male")) == "tara"
    assert provider_config().provider_for(case(nation="scotland", gender="male")) != "tara"


def test_an_unknown_provider_in_the_rules_is_refused_with_its_line(tmp_path: Path) -> None:
    routing = ROUTING_FILE.read_text(encoding="utf-8") + "wales,adult,,,nobody\n"
    path = _write(tmp_path, "routing.csv", routing)
    line = routing.count("\n")
    expected = messages.CONFIG_UNKNOWN_CODE.format(
        file="routing.csv", line=line, column="provider", value="nobody"
    )
    with (
        override_settings(NRM_SUPPORT_ROUTING_FILE=str(path)),
        pytest.raises(SupportConfigError) as raised,
    ):
        provider_config()
    assert str(raised.value) == expected


def test_a_nation_without_a_rule_is_refused(tmp_path: Path) -> None:
    routing = ROUTING_FILE.read_text(encoding="utf-8").replace(
        "northern_ireland,adult,,,migrant-help\n", ""
    )
    path = _write(tmp_path, "routing.csv", routing)
    expected = messages.CONFIG_NOT_COVERED.format(
        file="routing.csv", nation="northern_ireland", age_group="adult"
    )
    with (
        override_settings(NRM_SUPPORT_ROUTING_FILE=str(path)),
        pytest.raises(SupportConfigError, match=expected),
    ):
        provider_config()


def test_a_sub_contractor_of_an_unknown_provider_is_refused(tmp_path: Path) -> None:
    providers = PROVIDERS_FILE.read_text(encoding="utf-8") + "x,X,ngo,england,nobody\n"
    path = _write(tmp_path, "providers.csv", providers)
    with (
        override_settings(NRM_SUPPORT_PROVIDERS_FILE=str(path)),
        pytest.raises(SupportConfigError, match="'nobody' is not a known subcontractor_of"),
    ):
        provider_config()


def test_the_support_documentation_lists_every_support_code() -> None:
    text = (Path(__file__).resolve().parents[2] / "docs" / "support.md").read_text()
    for code_list in SUPPORT_CODE_LISTS:
        for code in code_list.values:
            assert f"`{code}`" in text, (code_list.__name__, code)


@pytest.mark.parametrize(
    ("routing", "message"),
    [
        (
            "nation,age_group,provider\nengland,adult,salvation-army\n",
            messages.CONFIG_MISSING_COLUMNS.format(
                file="routing.csv", columns="gender, exploitation_type"
            ),
        ),
        (
            "nation,age_group,gender,exploitation_type,provider\nengland,adult,,,\n",
            messages.CONFIG_NO_PROVIDER.format(file="routing.csv", line=2),
        ),
        (
            "nation,age_group,gender,exploitation_type,provider\nengland,elderly,,,tara\n",
            messages.CONFIG_UNKNOWN_CODE.format(
                file="routing.csv", line=2, column="age_group", value="elderly"
            ),
        ),
    ],
)
def test_a_malformed_routing_file_is_refused_with_a_clear_message(
    tmp_path: Path, routing: str, message: str
) -> None:
    path = _write(tmp_path, "routing.csv", routing)
    with (
        override_settings(NRM_SUPPORT_ROUTING_FILE=str(path)),
        pytest.raises(SupportConfigError) as raised,
    ):
        provider_config()
    assert str(raised.value) == message
