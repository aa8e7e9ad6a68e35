"""The data standard in HTCDS v2.0 and the CTDC layout: every code placed, rows read back."""

from datetime import date
from typing import Any

import pytest

from nrm.standard import ctdc, ctdc_layout, htcds_codes
from nrm.standard.export import _code_list
from nrm.standard.htcds import (
    CASE_COLUMNS,
    EXTENSION,
    CaseFacts,
    alpha_2,
    alpha_3,
    case_row,
    event_rows,
    record_from_htcds,
    trafficking_status,
)
from nrm.standard.schema import Referral

# Picklists of the HTCDS v2.0 field reference (UNMigration/HTCDS, "HTCDS Field Standards 2.0").
PICKLISTS = {
    "prs_Gender": "Feminine Masculine TransgenderFeminine TransgenderMasculine NonConforming "
    "NonSpecifiedUnknown",
    "vic_TypeOfExploitation": "ForcedLabour SexualExploitation ChildLabour ForcedMarriage "
    "Servitude ForcedMilitaryByNonStateActors OrganRemoval ForcedBegging ForcedAdoption "
    "Surrogacy Other",
    "vic_ForcedLabourIndustry": " ".join(htcds_codes.INDUSTRIES),
    "vic_TypeOfSexExploitation": "Prostitution Pornography RemoteInteractiveServices "
    "PrivateSexualServices",
    "vic_TraffickingStatus": "PossibleVictimOfTrafficking ActualVictimOfTrafficking "
    "NotAVictimOfTrafficking",
    "vic_TraffickingStatusDecisionMakingOrg": "Police NGO CourtOrProsecution "
    "NonPoliceGovernmentalOrganization Other",
    "org_Type": "NGO LawEnforcement HealthServiceOrganisation CentralGovernmentOrganisation "
    "LocalGovernmentOrganisation ImmigrationService LegalService CorporateBusiness "
    "SchoolOrCollege",
}


def _schema_code_lists() -> set[type]:
    return {
        found
        for info in Referral.model_fields.values()
        if (found := _code_list(info.annotation)) is not None
    }


def test_every_code_list_a_referral_uses_is_in_the_htcds_mapping() -> None:
    missing = _schema_code_lists() - set(htcds_codes.REFERRAL_CODE_LISTS)
    assert not missing, f"code lists of the referral schema not mapped: {missing}"


@pytest.mark.parametrize("code_list", htcds_codes.REFERRAL_CODE_LISTS, ids=lambda c: c.__name__)
def test_every_code_is_mapped_to_htcds_or_declared_unmappable(code_list: Any) -> None:
    mapped = set(htcds_codes.TO_HTCDS.get(code_list, {}))
    declared = set(htcds_codes.UNMAPPABLE.get(code_list, {}))
    codes = {member.value for member in code_list}
    assert not mapped & declared, f"both mapped and unmappable: {mapped & declared}"
    assert codes - mapped - declared == set(), "neither mapped nor declared unmappable"
    assert (mapped | declared) - codes == set(), "mapping names codes the list does not have"


@pytest.mark.parametrize("code_list", ctdc_layout.CTDC_CODE_LISTS, ids=lambda c: c.__name__)
def test_every_code_is_mapped_to_ctdc_or_declared_unmappable(code_list: Any) -> None:
    mapped = set(ctdc_layout.TO_CTDC.get(code_list, {}))
    declared = set(ctdc_layout.UNMAPPABLE.get(code_list, {}))
    assert {m.value for m in code_list} == mapped | declared
    assert not mapped & declared


def test_every_mapped_value_is_a_value_of_the_htcds_picklist() -> None:
    for code_list, mapping in htcds_codes.TO_HTCDS.items():
        for code, (column, value) in mapping.items():
            if column in PICKLISTS:
                assert value in PICKLISTS[column].split(), (code_list.__name__, code, value)


def _record(**changes: Any) -> dict[str, Any]:
    record = {
        "referral_date": date(2013, 3, 4),
        "nation": "scotland",
        "police_region": "scotland",
        "first_responder_organisation": "police-scotland",
        "consent": True,
        "linked_immigration_interest": True,
        "competent_authority": "ukhtc",
        "age_group": "adult",
        "gender": "female",
        "claimed_nationalities": ["VNM", "XXA"],
        "assessed_nationality": "CHN",
        "assessed_nationality_certainty": "possible",
        "exploitation_type": "labour",
        "exploitation_sub_types": ["labour_maritime", "labour_nail_bar"],
        "exploitation_means": ["sham_or_forced_marriage"],
        "exploitation_region": "overseas",
        "exploitation_country": "XKX",
        "exploitation_start": date(2012, 1, 2),
        "exploitation_end": date(2012, 11, 30),
        "rg_outcome": "positive",
        "rg_date": date(2013, 3, 8),
        "cg_outcome": "negative",
        "cg_date": date(2013, 6, 1),
    }
    return {**record, **changes}


def _text(value: Any) -> Any:
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, list):
        return [str(v) for v in value]
    if isinstance(value, bool):
        return "true" if value else "false"
    return None if value is None else str(value)


def test_a_case_row_and_its_event_read_back_as_the_same_record() -> None:
    record = _record()
    facts = CaseFacts("c1", "p1", record, "police", 24, 25)
    row = case_row(facts)
    assert list(row) == list(CASE_COLUMNS)
    read = record_from_htcds(row, event_rows(facts)[0])
    assert read.problems == []
    for name, value in record.items():
        assert _text(read.data.get(name)) == _text(value), name


def test_without_the_nrm_columns_the_htcds_fields_alone_carry_what_they_can() -> None:
    record = _record(
        exploitation_type="sexual", exploitation_sub_types=["sexual_private_residence"]
    )
    facts = CaseFacts("c1", "p1", record)
    htcds_only = {c: v for c, v in case_row(facts).items() if c not in EXTENSION}
    read = record_from_htcds(htcds_only, event_rows(facts)[0])
    assert read.data["gender"] == "female"
    assert read.data["claimed_nationalities"] == ["VNM"]  # stateless has no ISO 3166 code
    assert read.data["exploitation_type"] == "sexual"
    assert read.data["exploitation_sub_types"] == ["sexual_private_residence"]
    assert read.data["exploitation_means"] == ["sham_or_forced_marriage"]
    assert read.data["exploitation_country"] == "XKX"
    assert read.data["exploitation_start"] == "2012-01-02"
    assert read.data["referral_date"] == "2013-03-04"
    assert "nation" not in read.data  # HTCDS has no UK nation


def test_a_uk_region_is_the_state_of_an_exploitation_in_gb() -> None:
    facts = CaseFacts("c", "p", _record(exploitation_region="london", exploitation_country=None))
    (event,) = event_rows(facts)
    assert (event["hte_Country"], event["hte_State"]) == ("GB", "London")
    read = record_from_htcds({}, event)
    assert read.data["exploitation_region"] == "london"


def test_htcds_values_it_does_not_allow_are_refused_naming_their_column() -> None:
    read = record_from_htcds(
        {"prs_Gender": "Woman", "prs_Citizenship": "NG;ZZ", "vic_TypeOfExploitation": "Theft"}
    )
    columns = [(column, value) for column, value, _message in read.problems]
    assert columns == [
        ("prs_Gender", "Woman"),
        ("prs_Citizenship", "ZZ"),
        ("vic_TypeOfExploitation", "Theft"),
    ]
    assert "Feminine" in read.problems[0][2]


def test_the_trafficking_status_follows_the_latest_decision() -> None:
    assert trafficking_status("pending", "pending") == "PossibleVictimOfTrafficking"
    assert trafficking_status("positive", "pending") == "PossibleVictimOfTrafficking"
    assert trafficking_status("positive", "positive") == "ActualVictimOfTrafficking"
    assert trafficking_status("negative", "pending") == "NotAVictimOfTrafficking"
    assert trafficking_status("positive", "negative") == "NotAVictimOfTrafficking"


def test_countries_are_iso_alpha_2_both_ways() -> None:
    assert (alpha_2("NGA"), alpha_2("XKX"), alpha_2("XXA")) == ("NG", "XK", None)
    assert (alpha_3("NG"), alpha_3("xk"), alpha_3("Q1")) == ("NGA", "XKX", None)


def test_a_ctdc_row_reads_back_through_the_ctdc_mapping() -> None:
    for etype in ("sexual", "labour", "domestic_servitude", "organ_harvesting", "criminal"):
        record = _record(exploitation_type=etype, exploitation_sub_types=[])
        row = ctdc_layout.ctdc_row(CaseFacts("c", "p", record, age_at_referral=16))
        assert ctdc.ctdc_exploitation_type(row) == etype
        assert ctdc.ctdc_gender(row["gender"]) == "female"
        assert ctdc.ctdc_age_group(row) == "adult"  # at exploitation, as recorded
        assert row["ageBroad"] == "9--17"
        assert ctdc.ctdc_country(row["citizenship"]) == "VNM"
        assert ctdc.ctdc_forced_marriage(row)
        assert row[ctdc_layout.DECISION] == "cg_negative"
