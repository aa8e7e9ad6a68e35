"""Exact all-pairs similar accounts for batch runs.

``similar_pairs`` finds every pair of accounts whose word-shingle sets (``shingles``) have a
Jaccard similarity at or above the threshold, exactly, with the All-Pairs algorithm and its
prefix and position filters (``SetSimilaritySearch.all_pairs``): the shingles are ordered from
rarest to commonest, and two sets can reach the threshold only if they share a shingle in their
short prefixes, so only those candidates are compared. ``similar_clusters`` groups the pairs'
accounts into connected components.
"""

from collections.abc import Iterable
from dataclasses import dataclass

from SetSimilaritySearch import all_pairs

from nrm.intelligence.similar.accounts import Accounts, account_sets

THRESHOLD = 0.8


@dataclass(frozen=True, order=True)
class Pair:
    """Two similar accounts, the smaller id first, and their exact Jaccard similarity."""

    id_l: str
    id_r: str
    jaccard: float


def _check_threshold(threshold: float) -> None:
    if not isinstance(threshold, int | float) or not 0.0 < threshold <= 1.0:
        raise ValueError(
            f"The threshold must be a number above 0 and at most 1, not {threshold!r}."
        )


def pairs_of_sets(sets: dict[str, frozenset[int]], threshold: float = THRESHOLD) -> list[Pair]:
    """Every pair of ``sets`` at or above ``threshold``, ordered by ids."""
    _check_threshold(threshold)
    if len(sets) < 2:
        return []
    ids = list(sets)
    lists = [list(sets[account_id]) for account_id in ids]
    pairs = []
    for x, y, similarity in all_pairs(
        lists, similarity_func_name="jaccard", similarity_threshold=threshold
    ):
        left, right = sorted((ids[x], ids[y]))
        pairs.append(Pair(left, right, float(similarity)))
    pairs.sort()
    return pairs


def similar_pairs(accounts: Accounts, threshold: float = THRESHOLD) -> list[Pair]:
    """Every pair of ``accounts`` (a mapping of id to text, or (id, text) pairs) whose
    Jaccard similarity over word shingles is at or above ``threshold``, exactly; each pair
    has the smaller id first, and the list is sorted by ids."""
    return pairs_of_sets(account_sets(accounts), threshold)


def _root(parent: dict[str, str], node: str) -> str:
    root = node
    while parent[root] != root:
        root = parent[root]
    while parent[node] != root:  # path compression
        parent[node], node = root, parent[node]
    return root


def similar_clusters(pairs: Iterable[Pair | tuple[str, str, float]]) -> dict[str, str]:
    """The connected components of ``pairs``: every account in a pair, mapped to its
    cluster's id, the smallest account id in the cluster (so the same whatever the order of
    the pairs). Accounts in no pair are in no cluster."""
    parent: dict[str, str] = {}
    for pair in pairs:
        left, right = (pair.id_l, pair.id_r) if isinstance(pair, Pair) else (pair[0], pair[1])
        for node in (left, right):
            parent.setdefault(node, node)
        a, b = _root(parent, left), _root(parent, right)
        if a != b:
            parent[max(a, b)] = min(a, b)
    return {node: _root(parent, node) for node in sorted(parent)}
