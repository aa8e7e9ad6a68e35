"""How good a resolution is against known truth (generated people): pairwise precision, recall
and F1 of a set of pairs, and the same for the pairs that clusters imply, plus the share of
true people resolved exactly (all their records in one cluster, and nobody else's)."""

from dataclasses import dataclass

import pandas as pd


@dataclass(frozen=True)
class Scores:
    predicted: int
    true: int
    correct: int

    @property
    def precision(self) -> float:
        return self.correct / self.predicted if self.predicted else 1.0

    @property
    def recall(self) -> float:
        return self.correct / self.true if self.true else 1.0

    @property
    def f1(self) -> float:
        total = self.precision + self.recall
        return 2 * self.precision * self.recall / total if total else 0.0

    def as_dict(self) -> dict[str, float | int]:
        return {
            "predicted_pairs": self.predicted,
            "true_pairs": self.true,
            "correct_pairs": self.correct,
            "precision": round(self.precision, 4),
            "recall": round(self.recall, 4),
            "f1": round(self.f1, 4),
        }


def _pairs_within(sizes: pd.Series) -> int:
    return int((sizes * (sizes - 1) // 2).sum())


def pairs_evaluate(*, pairs: pd.DataFrame, truth: pd.DataFrame) -> Scores:
    """Scores of ``pairs`` (``record_id_l``, ``record_id_r``) against ``truth`` (``record_id``,
    ``person_id``)."""
    person = truth.set_index("record_id")["person_id"]
    left = pairs["record_id_l"].map(person)
    right = pairs["record_id_r"].map(person)
    return Scores(
        predicted=len(pairs),
        true=_pairs_within(truth.groupby("person_id").size()),
        correct=int((left == right).sum()),
    )


def clusters_evaluate(*, clusters: pd.DataFrame, truth: pd.DataFrame) -> Scores:
    """Scores of the pairs that ``clusters`` (``record_id``, ``cluster_id``) imply."""
    joined = clusters.merge(truth[["record_id", "person_id"]], on="record_id")
    return Scores(
        predicted=_pairs_within(joined.groupby("cluster_id").size()),
        true=_pairs_within(joined.groupby("person_id").size()),
        correct=_pairs_within(joined.groupby(["cluster_id", "person_id"]).size()),
    )


def people_exactly_resolved(*, clusters: pd.DataFrame, truth: pd.DataFrame) -> float:
    """The share of true people whose records are exactly one cluster."""
    joined = clusters.merge(truth[["record_id", "person_id"]], on="record_id")
    cluster_sets = joined.groupby("cluster_id")["record_id"].apply(frozenset)
    person_sets = joined.groupby("person_id")["record_id"].apply(frozenset)
    exact = set(cluster_sets) & set(person_sets)
    return len(exact) / len(person_sets) if len(person_sets) else 1.0
