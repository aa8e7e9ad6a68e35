import pytest

from nrm.intelligence.similar import AccountIndex, candidate_probability
from nrm.intelligence.similar.accounts import account_sets
from nrm.intelligence.similar.evaluation import brute_force_pairs, pairs_evaluate
from nrm.intelligence.similar.incremental import (
    BANDS,
    NUM_PERM,
    ROWS,
    band_hits,
    band_keys,
    signature,
)
from nrm.intelligence.similar.shingles import jaccard, shingle_hashes
from nrm.intelligence.similar.synthetic import accounts_synthesise


def test_the_bands_make_a_pair_at_0_8_a_candidate_with_probability_0_99() -> None:
    assert BANDS * ROWS <= NUM_PERM
    at = 1 - (1 - 0.8**ROWS) ** BANDS
    assert candidate_probability(0.8) == pytest.approx(at)
    assert candidate_probability(0.8) >= 0.99
    assert all(candidate_probability(s) >= 0.99 for s in (0.85, 0.9, 0.95, 1.0))
    assert candidate_probability(0.3) < 0.05  # few dissimilar candidates to confirm


@pytest.fixture(scope="module")
def generated() -> tuple[AccountIndex, dict[str, str], list[str]]:
    accounts = accounts_synthesise(accounts=600, seed=11, planted_share=0.4)
    ids = list(accounts.texts)
    earlier, later = ids[:500], ids[500:]
    index = AccountIndex()
    index.add_many({account_id: accounts.texts[account_id] for account_id in earlier})
    return index, accounts.texts, later


def test_nearest_finds_the_near_copies_among_earlier_accounts_and_nothing_below(
    generated: tuple[AccountIndex, dict[str, str], list[str]],
) -> None:
    index, texts, later = generated
    sets = account_sets(texts)
    truth = {p for p in brute_force_pairs(sets) if (p.id_l in index) != (p.id_r in index)}
    assert len(truth) >= 10
    found = set()
    for account_id in later:
        for other, score in index.nearest(texts[account_id], limit=50):
            assert score >= 0.8
            assert score == jaccard(sets[account_id], sets[other])
            found.add((min(account_id, other), max(account_id, other)))
    assert pairs_evaluate(found=found, truth=truth).recall >= 0.99
    assert pairs_evaluate(found=found, truth=truth).precision == 1.0


def test_band_keys_make_exactly_the_candidates_the_index_makes(
    generated: tuple[AccountIndex, dict[str, str], list[str]],
) -> None:
    """A table of (band, key) -> accounts, as a database keeps it, gives every new account the
    candidates ``AccountIndex`` gives it."""
    index, texts, later = generated
    table: dict[tuple[int, int], set[str]] = {}
    for account_id in texts:
        if account_id in index:
            for band, key in enumerate(band_keys(shingle_hashes(texts[account_id]))):
                table.setdefault((band, key), set()).add(account_id)
    with_candidates = 0
    for account_id in later:
        keys = band_keys(shingle_hashes(texts[account_id]))
        assert len(keys) == BANDS and all(-(2**63) <= key < 2**63 for key in keys)
        found: set[str] = set().union(*(table.get(item, set()) for item in enumerate(keys)))
        assert sorted(found) == index.candidates(texts[account_id])
        with_candidates += bool(found)
    assert with_candidates >= 10


def test_nearest_orders_by_similarity_and_keeps_the_limit() -> None:
    base = " ".join(f"word{i}" for i in range(30))
    index = AccountIndex()
    index.add("same", base)
    index.add("one-off", base.replace("word15", "other"))
    index.add("unrelated", " ".join(f"term{i}" for i in range(30)))
    assert [i for i, _ in index.nearest(base)] == ["same", "one-off"]
    assert index.nearest(base, limit=1) == [("same", 1.0)]
    assert index.nearest("nothing like any of them at all") == []
    assert len(index) == 3 and "same" in index


def test_submit_checks_against_earlier_accounts_then_adds() -> None:
    index = AccountIndex()
    text = "They drove us to the farm every day in a van and picked us up at night."
    assert index.submit("r1", text) == []
    assert index.submit("r2", text.upper()) == [("r1", 1.0)]
    assert index.submit("r3", text + " Again.") == [("r1", 15 / 16), ("r2", 15 / 16)]
    assert len(index) == 3
    with pytest.raises(ValueError, match="already in the index"):
        index.submit("r1", text)


def test_the_same_accounts_give_the_same_signatures_and_answers() -> None:
    text = "They took my passport when we arrived and said it was for safe keeping."
    first, second = signature(shingle_hashes(text)), signature(shingle_hashes(text))
    assert (first.hashvalues == second.hashvalues).all()
    assert band_hits(first, second) == BANDS
    one, two = accounts_synthesise(accounts=50, seed=3), accounts_synthesise(accounts=50, seed=3)
    assert one == two
    indexes = [AccountIndex(), AccountIndex()]
    for index in indexes:
        index.add_many(one.texts)
    probe = next(iter(one.texts.values()))
    assert indexes[0].candidates(probe) == indexes[1].candidates(probe)


def test_bad_input_gives_a_clear_message() -> None:
    index = AccountIndex()
    index.add("a", "one two three four")
    with pytest.raises(ValueError, match="already in the index"):
        index.add("a", "one two three four")
    with pytest.raises(ValueError, match="already in the index"):
        index.add_many({"b": "five six seven", "a": "x y z"})
    assert "b" not in index
    with pytest.raises(ValueError, match=r"Account 'c': .*at least one word"):
        index.add("c", "...")
    with pytest.raises(TypeError, match=r"Account 'c': .*must be text"):
        index.add("c", None)  # type: ignore[arg-type]
    with pytest.raises(TypeError, match="id must be a string"):
        index.add(3, "text")  # type: ignore[arg-type]
    with pytest.raises(ValueError, match="at least one word"):
        index.nearest("")
    with pytest.raises(TypeError, match="must be text"):
        index.nearest(42)  # type: ignore[arg-type]
    with pytest.raises(ValueError, match="limit"):
        index.nearest("one two three", limit=0)
    with pytest.raises(ValueError, match="threshold"):
        index.nearest("one two three", threshold=2)
