from nrm.intelligence.similar.accounts import account_sets
from nrm.intelligence.similar.evaluation import Scores, pairs_evaluate, planted_truth
from nrm.intelligence.similar.shingles import jaccard
from nrm.intelligence.similar.synthetic import accounts_synthesise


def test_generation_is_deterministic_by_seed() -> None:
    assert accounts_synthesise(accounts=300, seed=5) == accounts_synthesise(accounts=300, seed=5)
    assert accounts_synthesise(accounts=300, seed=5) != accounts_synthesise(accounts=300, seed=6)
    generated = accounts_synthesise(accounts=300, seed=5)
    assert list(generated.texts) == [f"A{n:06d}" for n in range(1, 301)]
    assert set(generated.kind_of.values()) == {"labour", "sexual", "domestic", "criminal"}


def test_planted_groups_have_pairs_above_and_just_below_the_threshold() -> None:
    generated = accounts_synthesise(accounts=2000, seed=9)
    sets = account_sets(generated.texts)
    planted = generated.planted_pairs()
    scores = [jaccard(sets[a], sets[b]) for a, b in planted]
    above = sum(score >= 0.8 for score in scores)
    just_below = sum(0.65 <= score < 0.8 for score in scores)
    assert above >= 0.3 * len(planted)
    assert just_below >= 0.1 * len(planted)
    assert len(planted_truth(sets=sets, planted=planted)) == above
    surface = [a for a, strength in generated.strength_of.items() if strength == "surface"]
    assert surface
    for account_id in surface:  # case, punctuation and spacing only: the same shingles
        group = generated.group_of[account_id]
        original = next(
            other
            for other, strength in generated.strength_of.items()
            if strength == "original" and generated.group_of[other] == group
        )
        assert sets[account_id] == sets[original]


def test_independent_accounts_are_rarely_similar() -> None:
    generated = accounts_synthesise(accounts=600, seed=2, planted_share=0.0)
    assert not generated.group_of
    sets = account_sets(generated.texts)
    ids = list(sets)[:200]
    scores = [jaccard(sets[a], sets[b]) for i, a in enumerate(ids) for b in ids[i + 1 :]]
    assert max(scores) < 0.8 or sum(s >= 0.8 for s in scores) <= 2
    assert sum(scores) / len(scores) < 0.1


def test_scores() -> None:
    scores = pairs_evaluate(found=[("b", "a"), ("c", "d")], truth=[("a", "b"), ("e", "f")])
    assert scores == Scores(predicted=2, true=2, correct=1)
    assert scores.precision == 0.5 and scores.recall == 0.5
