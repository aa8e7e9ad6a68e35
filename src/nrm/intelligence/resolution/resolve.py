"""Person resolution from records to resolved people, in one call.

``people_resolve`` prepares the records, trains a model on them (or uses the one given), scores
the blocked pairs and splits them at the two thresholds: pairs at or above the upper one are
matched; pairs between the two are returned for an analyst to accept or reject. Clusters are the
connected components of the matched pairs together with the pairs analysts accepted, less the
pairs they rejected.
"""

from collections.abc import Iterable, Sequence
from dataclasses import dataclass

import pandas as pd
import pyarrow as pa

from nrm.intelligence.resolution import settings
from nrm.intelligence.resolution.clusters import clusters_from_pairs
from nrm.intelligence.resolution.engine import PAIR_COLUMNS, Model, model_train, pairs_score
from nrm.intelligence.resolution.prepare import records_prepare
from nrm.intelligence.resolution.records import PersonRecord, records_frame

Pair = tuple[str, str]


@dataclass(frozen=True)
class Resolution:
    """``pairs``: every scored pair above ``settings.PAIRS_FLOOR`` (``record_id_l`` <
    ``record_id_r``, ``match_probability``, ``match_weight``); ``matches`` and ``review``: the
    pairs at or above the match threshold, and between the review and match thresholds;
    ``clusters``: ``record_id`` → ``cluster_id`` for every record; ``model``: the model used
    (None when there were fewer than two records)."""

    pairs: pd.DataFrame
    matches: pd.DataFrame
    review: pd.DataFrame
    clusters: pd.DataFrame
    model: Model | None
    match_threshold: float
    review_threshold: float


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
    ``accepted`` and ``rejected`` are analysts' decisions on pairs of record ids."""
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
    matches = pairs[probability >= match_threshold].reset_index(drop=True)
    review = pairs[(probability >= review_threshold) & (probability < match_threshold)]
    rejected_set = {_ordered(pair) for pair in rejected}
    linked = {
        pair
        for pair in zip(matches["record_id_l"], matches["record_id_r"], strict=True)
        if pair not in rejected_set
    }
    linked |= {_ordered(pair) for pair in accepted} - rejected_set
    clusters = clusters_from_pairs(record_ids=frame["record_id"], pairs=sorted(linked))
    return Resolution(
        pairs=pairs,
        matches=matches,
        review=review.reset_index(drop=True),
        clusters=clusters,
        model=model,
        match_threshold=match_threshold,
        review_threshold=review_threshold,
    )
