"""How good a set of pairs is against the exact truth: precision and recall of pairs, and the
exact truth itself, by brute force (every pair compared) for a set small enough, or within the
planted groups of generated accounts. The scores are those of person resolution
(``resolution.evaluation.Scores``: pairs found, true and both)."""

from collections.abc import Iterable, Mapping
from itertools import combinations

from nrm.intelligence.resolution.evaluation import Scores
from nrm.intelligence.similar.batch import THRESHOLD, Pair
from nrm.intelligence.similar.shingles import jaccard


def _ids(pairs: Iterable[Pair | tuple[str, str]]) -> set[tuple[str, str]]:
    found = set()
    for pair in pairs:
        left, right = (pair.id_l, pair.id_r) if isinstance(pair, Pair) else (pair[0], pair[1])
        found.add((min(left, right), max(left, right)))
    return found


def pairs_evaluate(
    *, found: Iterable[Pair | tuple[str, str]], truth: Iterable[Pair | tuple[str, str]]
) -> Scores:
    """Scores of the pairs ``found`` against the ``truth`` (ids in either order)."""
    found_ids, truth_ids = _ids(found), _ids(truth)
    return Scores(predicted=len(found_ids), true=len(truth_ids), correct=len(found_ids & truth_ids))


def brute_force_pairs(
    sets: Mapping[str, frozenset[int]], threshold: float = THRESHOLD
) -> list[Pair]:
    """Every pair at or above ``threshold`` by comparing all n(n-1)/2 pairs: the exact truth,
    for a few thousand accounts."""
    ids = sorted(sets)
    pairs = []
    for left, right in combinations(ids, 2):
        score = jaccard(sets[left], sets[right])
        if score >= threshold:
            pairs.append(Pair(left, right, score))
    return pairs


def planted_truth(
    *,
    sets: Mapping[str, frozenset[int]],
    planted: Iterable[tuple[str, str]],
    threshold: float = THRESHOLD,
) -> list[Pair]:
    """The planted pairs that are at or above ``threshold``, measured exactly."""
    pairs = []
    for left, right in _ids(planted):
        score = jaccard(sets[left], sets[right])
        if score >= threshold:
            pairs.append(Pair(left, right, score))
    return sorted(pairs)
