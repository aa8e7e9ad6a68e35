"""Person resolution from records to resolved people, in one call.

``people_resolve`` prepares the records, trains a model on them (or uses the one given), scores
the blocked pairs, splits them at the two thresholds and links the records into clusters
(``linking``): pairs analysts accepted first, then the pairs at or above the match threshold,
the most probable first, each merging the clusters of its two records only if the pairs between
those clusters agree. A pair an analyst rejected keeps its two records apart, and so blocks any
merge of their clusters. Matched pairs whose merge was refused, and the pairs between the two
thresholds, are returned for an analyst to accept or reject.
"""

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

import pandas as pd
import pyarrow as pa

from nrm.intelligence.resolution import settings
from nrm.intelligence.resolution.clusters import clusters_from_pairs
from nrm.intelligence.resolution.engine import PAIR_COLUMNS, Model, model_train, pairs_score
from nrm.intelligence.resolution.linking import clusters_link
from nrm.intelligence.resolution.prepare import records_prepare
from nrm.intelligence.resolution.records import PersonRecord, records_frame

Pair = tuple[str, str]


@dataclass(frozen=True)
class Resolution:
    """``pairs``: every scored pair above ``settings.PAIRS_FLOOR`` (``record_id_l`` <
    ``record_id_r``, ``match_probability``, ``match_weight``); ``matches``: the pairs at or
    above the match threshold whose records are in one cluster; ``review``: the pairs between
    the review and match thresholds, and the matched pairs whose records the clusters keep
    apart (``refused``, also on their own), less those analysts rejected; ``clusters``:
    ``record_id`` → ``cluster_id`` (the smallest record id of the cluster) for every record;
    ``model``: the model used (None when there were fewer than two records)."""

    pairs: pd.DataFrame
    matches: pd.DataFrame
    review: pd.DataFrame
    clusters: pd.DataFrame
    model: Model | None
    match_threshold: float
    review_threshold: float
    refused: pd.DataFrame = field(
        default_factory=lambda: pd.DataFrame({column: [] for column in PAIR_COLUMNS})
    )


def _ordered(pair: Pair) -> Pair:
    return (pair[0], pair[1]) if pair[0] <= pair[1] else (pair[1], pair[0])


def people_resolve(
    *,
    records: Sequence[PersonRecord] | pd.DataFrame | pa.Table,
    model: Model | None = None,
    accepted: Iterable[Pair] = (),
    rejected: Iterable[Pair] = (),
    match_threshold: float = settings.MATCH_THRESHOLD,
    review_threshold: float = settings.REVIEW_THRESHOLD,
) -> Resolution:
    """Resolve ``records`` into people. Without a ``model`` one is trained on the records
    themselves (at least ``settings.MIN_RECORDS_TO_TRAIN`` of them, or ``ValueError``).
    ``accepted`` and ``rejected`` are analysts' decisions on pairs of record ids: an accepted
    pair's records are put in one cluster (unless that would put a rejected pair together); a
    rejected pair's records are kept apart, and no merge brings their clusters together."""
    if not 0 < review_threshold <= match_threshold <= 1:
        raise ValueError("Thresholds must satisfy 0 < review threshold ≤ match threshold ≤ 1.")
    frame = records_frame(records=records)
    empty = pd.DataFrame({column: [] for column in PAIR_COLUMNS})
    if len(frame) < 2:
        clusters = clusters_from_pairs(record_ids=frame["record_id"], pairs=())
        return Resolution(empty, empty, empty, clusters, model, match_threshold, review_threshold)
    prepared = records_prepare(frame=frame)
    if model is None:
        model = model_train(prepared=prepared)
    pairs = pairs_score(prepared=prepared, model=model)
    probability = pairs["match_probability"]
    accepted, rejected = list(accepted), [_ordered(pair) for pair in rejected]
    linked = clusters_link(
        prepared=prepared,
        pairs=pairs,
        match_threshold=match_threshold,
        accepted=accepted,
        rejected=rejected,
    )
    keys = pd.MultiIndex.from_frame(pairs[["record_id_l", "record_id_r"]])
    refused = keys.isin(linked.refused) & ~keys.isin(rejected)
    matched = (probability >= match_threshold) & ~keys.isin(linked.refused)
    in_review = ((probability >= review_threshold) & (probability < match_threshold)) | refused
    return Resolution(
        pairs=pairs,
        matches=pairs[matched].reset_index(drop=True),
        review=pairs[in_review].reset_index(drop=True),
        clusters=linked.clusters,
        model=model,
        match_threshold=match_threshold,
        review_threshold=review_threshold,
        refused=pairs[refused].reset_index(drop=True),
    )
