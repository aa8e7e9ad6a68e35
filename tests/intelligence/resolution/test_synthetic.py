import pandas as pd
import pytest

from nrm.intelligence.resolution.folding import name_fold
from nrm.intelligence.resolution.records import COLUMNS
from nrm.intelligence.resolution.synthetic import RATES, REGIONS, people_synthesise
from nrm.standard.intelligence_codes import PersonRecordSource


@pytest.fixture(scope="module")
def people() -> pd.DataFrame:
    return people_synthesise(records=5000, seed=7).to_pandas()


def test_the_generator_makes_the_records_asked_for_with_unique_ids(people: pd.DataFrame) -> None:
    assert len(people) == 5000
    assert people["record_id"].is_unique
    assert tuple(people.columns) == (*COLUMNS, "person_id")


def test_each_true_person_appears_one_to_four_times(people: pd.DataFrame) -> None:
    counts = people.groupby("person_id").size()
    assert counts.min() >= 1
    assert counts.max() <= 4
    assert set(counts) == {1, 2, 3, 4}


def test_the_same_seed_gives_the_same_people() -> None:
    first = people_synthesise(records=500, seed=3)
    assert first.equals(people_synthesise(records=500, seed=3))
    assert not first.equals(people_synthesise(records=500, seed=4))


def test_a_person_keeps_one_nationality_and_gender_wherever_they_are_recorded(
    people: pd.DataFrame,
) -> None:
    assert people.groupby("person_id")["nationality"].nunique().max() == 1
    assert people.groupby("person_id")["gender"].nunique().max() == 1


def test_a_record_without_a_date_of_birth_has_an_estimated_age_and_when(
    people: pd.DataFrame,
) -> None:
    no_date = people["date_of_birth"].isna()
    assert 0.1 < no_date.mean() < 0.2
    assert people.loc[no_date, "estimated_age"].notna().all()
    assert people.loc[no_date, "age_estimated_on"].notna().all()
    assert people.loc[~no_date, "estimated_age"].isna().all()


def test_estimated_ages_are_within_two_years_of_the_truth(people: pd.DataFrame) -> None:
    dated = people.dropna(subset=["date_of_birth"]).drop_duplicates("person_id")
    estimated = people[people["date_of_birth"].isna()].merge(
        dated[["person_id", "date_of_birth"]], on="person_id", suffixes=("", "_true")
    )
    on = pd.to_datetime(estimated["age_estimated_on"])
    true_age = (on - pd.to_datetime(estimated["date_of_birth_true"])).dt.days / 365.25
    # the known date may itself be a corrupted one (a year or a few days out)
    assert ((estimated["estimated_age"] - true_age).abs() <= 4).mean() > 0.95


def test_records_carry_the_corruptions_the_resolution_must_see_through(
    people: pd.DataFrame,
) -> None:
    pairs = people.merge(people, on="person_id", suffixes=("_l", "_r"))
    pairs = pairs[pairs["record_id_l"] < pairs["record_id_r"]]
    dob_l = pd.to_datetime(pairs["date_of_birth_l"])
    dob_r = pd.to_datetime(pairs["date_of_birth_r"])
    swapped = (dob_l.dt.day == dob_r.dt.month) & (dob_l.dt.month == dob_r.dt.day)
    assert (swapped & (dob_l != dob_r)).sum() > 10
    assert (pairs["surname_l"] != pairs["surname_r"]).sum() > 100
    pairs = pairs.dropna(subset=["surname_l", "surname_r"])
    folded_same = pairs["surname_l"].map(name_fold) == pairs["surname_r"].map(name_fold)
    assert (folded_same & (pairs["surname_l"] != pairs["surname_r"])).sum() > 50  # diacritics
    assert people["surname"].str.contains("Ngyuen|Nguyen").any()
    assert people["forenames"].str.contains("Muhammad|Mohamed").any()
    assert (pairs["surname_l"] == pairs["forenames_r"]).sum() > 5  # names swapped


def test_records_come_from_referrals_and_intelligence_reports(people: pd.DataFrame) -> None:
    assert set(people["source"]) == set(PersonRecordSource.values)


def test_places_and_dates_of_encounter_are_partial_and_noisy_as_documented(
    people: pd.DataFrame,
) -> None:
    assert set(people["region"].dropna()) <= set(REGIONS)
    assert abs(people["region"].isna().mean() - RATES["region_missing"]) < 0.02
    assert abs(people["encountered_on"].isna().mean() - RATES["encounter_missing"]) < 0.02
    pairs = people.merge(people, on="person_id", suffixes=("_l", "_r"))
    pairs = pairs[pairs["record_id_l"] < pairs["record_id_r"]].dropna(
        subset=["region_l", "region_r", "encountered_on_l", "encountered_on_r"]
    )
    same_region = (pairs["region_l"] == pairs["region_r"]).mean()
    assert 0.45 < same_region < 0.65  # one region in two, not a giveaway
    gap = pd.to_datetime(pairs["encountered_on_l"]) - pd.to_datetime(pairs["encountered_on_r"])
    within_a_month = (gap.dt.days.abs() <= 30).mean()
    assert 0.2 < within_a_month < 0.45
    a_year_out = pd.to_datetime(pairs["encountered_on_l"]).dt.year.sub(
        pd.to_datetime(pairs["encountered_on_r"]).dt.year
    )
    assert (a_year_out.abs() >= 1).mean() > 0.2


def test_no_records_is_an_empty_table() -> None:
    assert people_synthesise(records=0).num_rows == 0
