import pytest

from nrm.intelligence.resolution.clusters import clusters_from_pairs


def test_clusters_are_connected_components_named_by_their_smallest_record_id() -> None:
    clusters = clusters_from_pairs(
        record_ids=["e", "d", "c", "b", "a"], pairs=[("d", "b"), ("e", "d")]
    )
    assert dict(zip(clusters["record_id"], clusters["cluster_id"], strict=True)) == {
        "a": "a",
        "b": "b",
        "c": "c",
        "d": "b",
        "e": "b",
    }


def test_cluster_ids_do_not_depend_on_the_order_of_records_or_pairs() -> None:
    pairs = [("r3", "r7"), ("r1", "r9"), ("r7", "r9"), ("r4", "r5")]
    ids = [f"r{i}" for i in range(1, 10)]
    first = clusters_from_pairs(record_ids=ids, pairs=pairs)
    second = clusters_from_pairs(
        record_ids=list(reversed(ids)), pairs=[(b, a) for a, b in reversed(pairs)]
    )
    assert first.equals(second)
    assert set(first.loc[first["record_id"].isin(["r1", "r3", "r7", "r9"]), "cluster_id"]) == {"r1"}


def test_no_records_make_no_clusters() -> None:
    assert clusters_from_pairs(record_ids=[], pairs=[]).empty


def test_a_pair_naming_an_unknown_record_is_refused() -> None:
    with pytest.raises(ValueError, match="not in the set"):
        clusters_from_pairs(record_ids=["a", "b"], pairs=[("a", "z")])
