from dataclasses import asdict
from datetime import date

import pandas as pd
import pytest

from nrm.intelligence.resolution import settings
from nrm.intelligence.resolution.engine import TOO_FEW_TO_TRAIN
from nrm.intelligence.resolution.evaluation import pairs_evaluate
from nrm.intelligence.resolution.records import (
    RECORDS_DUPLICATE_IDS,
    RECORDS_MISSING_COLUMNS,
    PersonRecord,
)
from nrm.intelligence.resolution.resolve import Resolution, people_resolve
from nrm.intelligence.resolution.synthetic import people_synthesise
from nrm.standard.intelligence_codes import PersonRecordSource

GENERATED = 3000
REFERRAL, REPORT = PersonRecordSource.REFERRAL.value, PersonRecordSource.INTELLIGENCE_REPORT.value

# Known people added to the generated ones: each pair is one person, except the last two.
KNOWN = [
    PersonRecord("K-swap-1", REFERRAL, "Văn Hùng", "Nguyễn", date(1990, 3, 7), gender="male",
                 nationality="VNM"),
    PersonRecord("K-swap-2", REPORT, "Van Hung", "Nguyen", date(1990, 7, 3), gender="male",
                 nationality="VNM"),
    PersonRecord("K-translit-1", REFERRAL, "Mohammed", "Abubakarr", date(1986, 11, 23),
                 gender="male", nationality="NGA"),
    PersonRecord("K-translit-2", REPORT, "Muhammad", "Abubakarr", date(1986, 11, 23),
                 gender="male", nationality="NGA", phone="+44 7700 900123"),
    PersonRecord("K-age-1", REFERRAL, "Thị Xuân Lan", "Ngyuen", date(1995, 5, 20),
                 gender="female", nationality="VNM"),
    PersonRecord("K-age-2", REPORT, "Thi Xuan Lan", "Nguyễn", None, estimated_age=18,
                 age_estimated_on=date(2012, 9, 1), gender="female", nationality="VNM"),
    PersonRecord("K-other-1", REFERRAL, "Arben", "Hoxhaj", date(1979, 1, 15), gender="male",
                 nationality="ALB"),
    PersonRecord("K-other-2", REPORT, "Xiaoling", "Zhou", date(1996, 8, 30), gender="female",
                 nationality="CHN"),
]  # fmt: skip


def _records() -> pd.DataFrame:
    generated = people_synthesise(records=GENERATED, seed=14).to_pandas()
    known = pd.DataFrame([asdict(record) for record in KNOWN])
    return pd.concat([generated, known], ignore_index=True)


@pytest.fixture(scope="module")
def records() -> pd.DataFrame:
    return _records()


@pytest.fixture(scope="module")
def resolution(records: pd.DataFrame) -> Resolution:
    return people_resolve(records=records)


def _cluster(resolution: Resolution, record_id: str) -> str:
    clusters = resolution.clusters.set_index("record_id")["cluster_id"]
    return str(clusters[record_id])


def _proposed(resolution: Resolution, left: str, right: str) -> bool:
    review_or_match = pd.concat([resolution.matches, resolution.review])
    pairs = set(zip(review_or_match["record_id_l"], review_or_match["record_id_r"], strict=True))
    return (min(left, right), max(left, right)) in pairs


def _generated_only(pairs: pd.DataFrame) -> pd.DataFrame:
    known = pairs["record_id_l"].str.startswith("K-") | pairs["record_id_r"].str.startswith("K-")
    return pairs[~known]


def test_matches_are_95_percent_right_and_with_the_review_queue_find_95_percent_of_people(
    records: pd.DataFrame, resolution: Resolution
) -> None:
    truth = records.loc[records["person_id"].notna(), ["record_id", "person_id"]]
    matched = pairs_evaluate(pairs=_generated_only(resolution.matches), truth=truth)
    proposed = pairs_evaluate(
        pairs=_generated_only(pd.concat([resolution.matches, resolution.review])), truth=truth
    )
    assert matched.precision >= 0.95, matched.as_dict()
    assert proposed.recall >= 0.95, proposed.as_dict()
    assert matched.recall >= 0.90, matched.as_dict()
    assert proposed.precision >= 0.85, proposed.as_dict()


def test_a_date_of_birth_with_day_and_month_swapped_is_found(resolution: Resolution) -> None:
    assert _cluster(resolution, "K-swap-1") == _cluster(resolution, "K-swap-2")


def test_a_transliterated_name_is_found(resolution: Resolution) -> None:
    assert _cluster(resolution, "K-translit-1") == _cluster(resolution, "K-translit-2")


def test_a_transliterated_name_with_only_an_estimated_age_is_proposed(
    resolution: Resolution,
) -> None:
    assert _proposed(resolution, "K-age-1", "K-age-2")


def test_a_clear_non_match_is_not_merged(resolution: Resolution) -> None:
    assert _cluster(resolution, "K-other-1") != _cluster(resolution, "K-other-2")
    assert not _proposed(resolution, "K-other-1", "K-other-2")


def test_pairs_are_split_at_the_thresholds(resolution: Resolution) -> None:
    assert (resolution.matches["match_probability"] >= settings.MATCH_THRESHOLD).all()
    review = resolution.review["match_probability"]
    refused = resolution.refused["match_probability"]
    assert len(refused) > 0
    assert (refused >= settings.MATCH_THRESHOLD).all()
    assert len(review[review >= settings.MATCH_THRESHOLD]) == len(refused)
    assert (review >= settings.REVIEW_THRESHOLD).all()
    assert (resolution.pairs["record_id_l"] < resolution.pairs["record_id_r"]).all()


def test_matched_pairs_are_in_one_cluster_and_refused_ones_in_two(
    resolution: Resolution,
) -> None:
    clusters = resolution.clusters.set_index("record_id")["cluster_id"]
    for pairs, together in ((resolution.matches, True), (resolution.refused, False)):
        left = pairs["record_id_l"].map(clusters)
        right = pairs["record_id_r"].map(clusters)
        assert ((left == right) == together).all()


def test_every_record_is_in_exactly_one_cluster(
    records: pd.DataFrame, resolution: Resolution
) -> None:
    assert sorted(resolution.clusters["record_id"]) == sorted(records["record_id"])


def test_clusters_are_the_same_when_resolution_runs_again() -> None:
    records = people_synthesise(records=1000, seed=15)
    first, again = people_resolve(records=records), people_resolve(records=records)
    assert len(first.matches) > 100
    assert again.clusters.equals(first.clusters)
    assert again.pairs.equals(first.pairs)


def test_a_trained_model_resolves_a_small_batch(resolution: Resolution) -> None:
    batch = people_resolve(records=KNOWN[:2], model=resolution.model)
    assert len(batch.matches) == 1
    assert set(batch.clusters["cluster_id"]) == {"K-swap-1"}


def test_analysts_decisions_join_and_split_clusters(resolution: Resolution) -> None:
    records = KNOWN[:2] + KNOWN[6:]
    decided = people_resolve(
        records=records,
        model=resolution.model,
        accepted=[("K-other-2", "K-other-1")],
        rejected=[("K-swap-1", "K-swap-2")],
    )
    clusters = decided.clusters.set_index("record_id")["cluster_id"]
    assert clusters["K-other-1"] == clusters["K-other-2"] == "K-other-1"
    assert clusters["K-swap-1"] != clusters["K-swap-2"]


def test_a_rejected_pair_keeps_apart_the_clusters_a_third_record_would_join(
    resolution: Resolution,
) -> None:
    third = PersonRecord("K-swap-3", REFERRAL, "Van Hung", "Nguyen", date(1990, 3, 7),
                         gender="male", nationality="VNM")  # fmt: skip
    records = [*KNOWN[:2], third]
    together = people_resolve(records=records, model=resolution.model)
    assert set(together.clusters["cluster_id"]) == {"K-swap-1"}
    decided = people_resolve(
        records=records, model=resolution.model, rejected=[("K-swap-3", "K-swap-1")]
    )
    clusters = decided.clusters.set_index("record_id")["cluster_id"]
    assert clusters["K-swap-1"] != clusters["K-swap-3"]
    assert len(decided.refused) == 1
    assert ("K-swap-1", "K-swap-3") not in set(
        zip(decided.review["record_id_l"], decided.review["record_id_r"], strict=True)
    )


def test_records_without_phones_places_or_dates_of_encounter_resolve(
    resolution: Resolution,
) -> None:
    optional = ["phone", "estimated_age", "age_estimated_on", "encountered_on", "region"]
    frame = pd.DataFrame([asdict(record) for record in KNOWN[:4]]).drop(columns=optional)
    batch = people_resolve(records=frame, model=resolution.model)
    assert len(batch.matches) == 2


def test_no_records_make_an_empty_resolution() -> None:
    resolution = people_resolve(records=[])
    assert resolution.pairs.empty
    assert resolution.clusters.empty


def test_a_single_record_is_a_person_of_its_own() -> None:
    resolution = people_resolve(records=KNOWN[:1])
    assert resolution.pairs.empty
    assert list(resolution.clusters["cluster_id"]) == ["K-swap-1"]


def test_too_few_records_to_train_a_model_are_refused_clearly() -> None:
    message = TOO_FEW_TO_TRAIN.format(count=8, minimum=settings.MIN_RECORDS_TO_TRAIN)
    with pytest.raises(ValueError) as refused:
        people_resolve(records=KNOWN)
    assert str(refused.value) == message


def test_records_without_the_needed_columns_are_refused() -> None:
    with pytest.raises(ValueError) as refused:
        people_resolve(records=pd.DataFrame({"record_id": ["a"], "surname": ["b"]}))
    expected = "source, forenames, date_of_birth, gender, nationality"
    assert str(refused.value) == RECORDS_MISSING_COLUMNS.format(columns=expected)


def test_repeated_record_ids_are_refused() -> None:
    with pytest.raises(ValueError) as refused:
        people_resolve(records=[KNOWN[0], KNOWN[0]])
    assert str(refused.value) == RECORDS_DUPLICATE_IDS.format(ids="K-swap-1")
