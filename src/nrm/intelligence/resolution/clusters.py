"""Clusters as the connected components of pairs, and how every cluster is named.

Resolution links its clusters with checks (``linking``), which names them with this function
from the pairs that merged them; the benchmark also uses it for the components of all matched
pairs, to compare.

A cluster's id is the smallest record id in it, so it depends only on which records are
together, never on the order of the input or of the pairs, and repeats from run to run. A record
matched to nothing is a cluster of its own.
"""

from collections.abc import Iterable, Sequence

import numpy as np
import pandas as pd


def _root(parent: np.ndarray, node: int) -> int:
    root = node
    while parent[root] != root:
        root = int(parent[root])
    while parent[node] != root:  # path compression
        parent[node], node = root, int(parent[node])
    return root


def clusters_from_pairs(
    *, record_ids: Sequence[str] | pd.Series, pairs: Iterable[tuple[str, str]]
) -> pd.DataFrame:
    """One row per record: ``record_id`` and ``cluster_id``, ordered by record id. Pairs
    naming a record outside ``record_ids`` are an error."""
    ids = np.array(sorted(map(str, record_ids)), dtype=object)
    position = {record_id: index for index, record_id in enumerate(ids)}
    parent = np.arange(len(ids))
    for left, right in pairs:
        try:
            a, b = _root(parent, position[left]), _root(parent, position[right])
        except KeyError as error:
            raise ValueError(f"A pair names a record that is not in the set: {error}.") from None
        if a != b:  # the smaller position (the smaller record id) becomes the root
            parent[max(a, b)] = min(a, b)
    roots = np.fromiter((_root(parent, i) for i in range(len(ids))), dtype=np.int64, count=len(ids))
    return pd.DataFrame({"record_id": ids, "cluster_id": ids[roots] if len(ids) else ids})
