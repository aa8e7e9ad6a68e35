import pytest

from nrm.intelligence.similar import Pair, similar_clusters, similar_pairs
from nrm.intelligence.similar.accounts import account_sets
from nrm.intelligence.similar.evaluation import brute_force_pairs, pairs_evaluate, planted_truth
from nrm.intelligence.similar.synthetic import accounts_synthesise

BASE = (
    "I was promised work in a restaurant but was made to work in a car wash every day for nothing"
)


def test_exact_pairs_equal_brute_force_on_generated_accounts() -> None:
    generated = accounts_synthesise(accounts=400, seed=7, planted_share=0.3)
    sets = account_sets(generated.texts)
    for threshold in (0.8, 0.6):
        exact = similar_pairs(generated.texts, threshold=threshold)
        assert exact == brute_force_pairs(sets, threshold)
    exact = similar_pairs(generated.texts)
    assert len(exact) > 20  # planted near-copies were found
    assert all(pair.jaccard >= 0.8 and pair.id_l < pair.id_r for pair in exact)
    assert exact == sorted(exact)
    truth = planted_truth(sets=sets, planted=generated.planted_pairs())
    assert pairs_evaluate(found=exact, truth=truth).recall == 1.0


def test_pairs_take_a_mapping_or_pairs_and_order_ids() -> None:
    accounts = {"b": BASE, "a": BASE.upper() + "!", "c": "Something else entirely, told briefly."}
    pairs = similar_pairs(accounts)
    assert pairs == [Pair("a", "b", 1.0)]
    assert similar_pairs(list(accounts.items())) == pairs
    assert similar_pairs({"a": BASE}) == []
    assert similar_pairs({}) == []


def test_threshold_is_inclusive() -> None:
    # 5 shingles vs 4 of them: 4 / 5 = 0.8 exactly
    accounts = {"a": "w1 w2 w3 w4 w5 w6 w7", "b": "w1 w2 w3 w4 w5 w6"}
    assert similar_pairs(accounts) == [Pair("a", "b", 0.8)]
    assert similar_pairs(accounts, threshold=0.81) == []


def test_clusters_are_connected_components_named_by_their_smallest_id() -> None:
    pairs = [Pair("c", "d", 0.9), Pair("b", "c", 0.85), ("x", "y", 0.8), Pair("a", "z", 1.0)]
    clusters = similar_clusters(pairs)
    assert clusters == {
        "a": "a", "z": "a", "b": "b", "c": "b", "d": "b", "x": "x", "y": "x",
    }  # fmt: skip
    assert similar_clusters(reversed(pairs)) == clusters
    assert similar_clusters([]) == {}


def test_bad_input_gives_a_clear_message() -> None:
    with pytest.raises(ValueError, match=r"Account 'b': .*at least one word"):
        similar_pairs({"a": BASE, "b": "  "})
    with pytest.raises(TypeError, match=r"Account 'b': the text must be a str, not int"):
        similar_pairs({"a": BASE, "b": 5})  # type: ignore[dict-item]
    with pytest.raises(TypeError, match="id must be a string"):
        similar_pairs([(1, BASE)])  # type: ignore[list-item]
    with pytest.raises(ValueError, match="given twice"):
        similar_pairs([("a", BASE), ("a", BASE)])
    with pytest.raises(TypeError, match=r"\(id, text\) pair"):
        similar_pairs([BASE])  # type: ignore[list-item]
    for threshold in (0, 1.5, -0.1):
        with pytest.raises(ValueError, match="threshold"):
            similar_pairs({"a": BASE}, threshold=threshold)
