import random
from collections.abc import Sequence
from datetime import date

import pandas as pd
import pytest

from nrm.intelligence.resolution import settings
from nrm.intelligence.resolution.clusters import clusters_from_pairs
from nrm.intelligence.resolution.linking import Linked, clusters_link
from nrm.intelligence.resolution.prepare import records_prepare
from nrm.intelligence.resolution.records import PersonRecord, records_frame

THRESHOLD = 0.65


def _prepared(*people: tuple[str, date | None, str | None]) -> pd.DataFrame:
    records = [
        PersonRecord(record_id, "referral", "Anna", "Kowalska", born, gender=gender)
        for record_id, born, gender in people
    ]
    return records_prepare(frame=records_frame(records=records))


def _pairs(*scored: tuple[str, str, float]) -> pd.DataFrame:
    rows = [(min(a, b), max(a, b), probability) for a, b, probability in scored]
    return pd.DataFrame(rows, columns=["record_id_l", "record_id_r", "match_probability"])


def _link(
    prepared: pd.DataFrame,
    pairs: pd.DataFrame,
    accepted: Sequence[tuple[str, str]] = (),
    rejected: Sequence[tuple[str, str]] = (),
) -> Linked:
    return clusters_link(
        prepared=prepared,
        pairs=pairs,
        match_threshold=THRESHOLD,
        accepted=accepted,
        rejected=rejected,
    )


def _clusters(linked: Linked) -> dict[str, str]:
    return dict(zip(linked.clusters["record_id"], linked.clusters["cluster_id"], strict=True))


def _undated(*record_ids: str) -> pd.DataFrame:
    return _prepared(*((record_id, None, None) for record_id in record_ids))


def test_a_pair_does_not_chain_a_record_whose_date_of_birth_conflicts() -> None:
    # a and b are one person; c, born years later, matches b (say on a name) but was never
    # scored against a: connected components would chain all three.
    prepared = _prepared(
        ("a", date(1990, 3, 7), "female"),
        ("b", None, "female"),
        ("c", date(1994, 6, 20), "female"),
    )
    pairs = _pairs(("a", "b", 0.99), ("b", "c", 0.9))
    linked = _link(prepared, pairs)
    assert _clusters(linked) == {"a": "a", "b": "a", "c": "c"}
    assert linked.refused == [("b", "c")]
    components = clusters_from_pairs(record_ids=["a", "b", "c"], pairs=[("a", "b"), ("b", "c")])
    assert set(components["cluster_id"]) == {"a"}


@pytest.mark.parametrize(
    ("born", "gender"),
    [
        (date(1990, 7, 3), "female"),  # day and month swapped
        (date(1991, 3, 7), "female"),  # the year one out
        (date(1990, 3, 12), "female"),  # the day a few out
        (None, "female"),  # no date
        (date(1990, 3, 7), None),  # no gender
    ],
)
def test_typos_of_a_date_of_birth_and_missing_values_are_no_conflict(
    born: date | None, gender: str | None
) -> None:
    prepared = _prepared(("a", date(1990, 3, 7), "female"), ("b", None, None), ("c", born, gender))
    linked = _link(prepared, _pairs(("a", "b", 0.99), ("b", "c", 0.9)))
    assert set(_clusters(linked).values()) == {"a"}


def test_a_different_gender_recorded_is_a_conflict() -> None:
    prepared = _prepared(("a", None, "female"), ("b", None, None), ("c", None, "male"))
    linked = _link(prepared, _pairs(("a", "b", 0.99), ("b", "c", 0.9)))
    assert _clusters(linked)["c"] == "c"


def test_a_pair_between_the_clusters_scored_as_a_clear_non_match_refuses_the_merge() -> None:
    prepared = _undated("a", "b", "c")
    low = settings.LINK_VETO / 2
    linked = _link(prepared, _pairs(("a", "b", 0.99), ("b", "c", 0.9), ("a", "c", low)))
    assert _clusters(linked)["c"] == "c"
    above_veto = _link(prepared, _pairs(("a", "b", 0.99), ("b", "c", 0.9), ("a", "c", 0.5)))
    assert set(_clusters(above_veto).values()) == {"a"}


def test_two_clusters_merge_only_if_enough_pairs_between_them_are_matches() -> None:
    prepared = _undated("a", "b", "c", "d")
    inside = [("a", "b", 0.99), ("c", "d", 0.99)]
    # One of the four pairs between {a, b} and {c, d} is a match: too few.
    weak = _link(prepared, _pairs(*inside, ("b", "c", 0.9), ("a", "c", 0.3), ("a", "d", 0.3)))
    assert _clusters(weak) == {"a": "a", "b": "a", "c": "c", "d": "c"}
    # Two of the four: enough.
    enough = _link(prepared, _pairs(*inside, ("b", "c", 0.9), ("a", "d", 0.8), ("a", "c", 0.3)))
    assert set(_clusters(enough).values()) == {"a"}


def test_a_rejected_pair_blocks_the_merge_of_its_clusters() -> None:
    prepared = _undated("a", "b", "c", "d")
    scored = _pairs(("a", "b", 0.99), ("c", "d", 0.99), ("b", "c", 0.98), ("a", "d", 0.97))
    assert set(_clusters(_link(prepared, scored)).values()) == {"a"}
    linked = _link(prepared, scored, rejected=[("c", "a")])
    assert _clusters(linked) == {"a": "a", "b": "a", "c": "c", "d": "c"}
    assert linked.refused == [("b", "c"), ("a", "d")]


def test_an_accepted_pair_joins_whatever_the_model_says_but_not_over_a_rejection() -> None:
    prepared = _prepared(("a", date(1990, 3, 7), None), ("b", date(1970, 1, 1), None))
    scored = _pairs(("a", "b", 0.02))
    assert set(_clusters(_link(prepared, scored, accepted=[("b", "a")])).values()) == {"a"}
    prepared = _undated("a", "b", "c")
    both = _link(prepared, _pairs(), accepted=[("a", "b"), ("b", "c")], rejected=[("a", "c")])
    assert _clusters(both) == {"a": "a", "b": "a", "c": "c"}


def test_an_accepted_pair_naming_an_unknown_record_is_refused() -> None:
    with pytest.raises(ValueError, match="not in the set"):
        _link(_undated("a", "b"), _pairs(), accepted=[("a", "z")])


def test_linking_does_not_depend_on_the_order_of_records_or_pairs() -> None:
    ids = [f"r{index:02d}" for index in range(12)]
    prepared = _undated(*ids)
    rng = random.Random(7)
    scored = [(a, b, round(rng.uniform(0.05, 1.0), 2)) for a in ids for b in ids if a < b]
    scored = [pair for pair in scored if rng.random() < 0.4]
    first = _link(prepared, _pairs(*scored))
    rng.shuffle(scored)
    shuffled = _prepared(*((record_id, None, None) for record_id in reversed(ids)))
    again = _link(shuffled, _pairs(*((b, a, p) for a, b, p in scored)))
    assert again.clusters.equals(first.clusters)
    assert sorted(again.refused) == sorted(first.refused)
    for cluster_id, members in first.clusters.groupby("cluster_id")["record_id"]:
        assert cluster_id == min(members)


def test_a_missing_value_in_any_form_is_no_conflict() -> None:
    prepared = _prepared(("a", None, "female"), ("b", None, None), ("c", None, None))
    prepared["gender"] = pd.Series(["female", float("nan"), float("nan")], dtype=object)
    prepared["dob"] = pd.Series([pd.NaT, None, float("nan")], dtype=object)
    linked = _link(prepared, _pairs(("a", "b", 0.99), ("b", "c", 0.9)))
    assert set(_clusters(linked).values()) == {"a"}


def test_probabilities_differing_only_in_their_last_bits_are_taken_in_the_same_order() -> None:
    # a and c cannot be together (dates of birth years apart), so whichever of the two pairs
    # is taken first decides where b goes: noise of a retraining must not decide it.
    prepared = _prepared(
        ("a", date(1990, 3, 7), None), ("b", None, None), ("c", date(1996, 1, 20), None)
    )
    tied = _link(prepared, _pairs(("a", "b", 0.9), ("b", "c", 0.9)))
    jittered = _link(prepared, _pairs(("a", "b", 0.9), ("b", "c", 0.9 + 4e-16)))
    assert _clusters(tied) == _clusters(jittered) == {"a": "a", "b": "a", "c": "c"}
