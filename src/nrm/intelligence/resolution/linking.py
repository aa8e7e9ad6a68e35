"""Resolved people from scored pairs, without chaining different people together.

Connected components of the matched pairs chain: one wrong pair between two people's records
puts every record of the one with every record of the other. Here the matched pairs are added
one at a time, the most probable first, and a pair whose two records are already in different
clusters merges those clusters only if the pairs between them (every record of the one with
every record of the other, the cross pairs) agree:

- none is a pair an analyst rejected;
- none scored as a clear non-match (below ``settings.LINK_VETO``);
- none of the cross pairs that were not scored (no blocking rule put them together, or they
  scored below ``settings.PAIRS_FLOOR``) has conflicting identifiers: both dates of birth
  recorded, different, and neither the same with day and month swapped, nor the same day and
  month with the year one out, nor within ``BIRTH_DAYS_APART`` days (the typos the model
  forgives); or both genders recorded and different. Phones are not compared here: people's
  phones are taken from them and changed;
- at least ``settings.LINK_SUPPORT`` of the cross pairs are themselves at or above the match
  threshold (a pair not scored counts as not).

A merge refused is final (the pair is returned as refused, for an analyst to review); a later
pair may still bring the two records together through others, if its own merge passes. Pairs
analysts accepted are merged first, in the order of their record ids, whatever the model
says, unless a rejected pair would end up inside the cluster: a rejection keeps its two records
apart and blocks any merge of their clusters. The result depends only on the records, the
pairs' probabilities (to ``ORDER_DECIMALS`` places) and the decisions, never on the order of
the input; ties are taken in the order of the record ids.
"""

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any

import pandas as pd

from nrm.intelligence.resolution import settings
from nrm.intelligence.resolution.clusters import clusters_from_pairs

Pair = tuple[str, str]
# Two recorded dates of birth this close are a typo of one another, not a conflict.
BIRTH_DAYS_APART = 10
# Matched pairs are taken in the order of their probabilities to this many decimal places.
ORDER_DECIMALS = 12


def _ordered(pair: Pair) -> Pair:
    return (pair[0], pair[1]) if pair[0] <= pair[1] else (pair[1], pair[0])


@dataclass(frozen=True)
class Linked:
    """``clusters``: ``record_id`` → ``cluster_id`` (the smallest record id of the cluster);
    ``links``: the pairs that merged clusters; ``refused``: the matched pairs whose records the
    clusters keep apart."""

    clusters: pd.DataFrame
    links: list[Pair]
    refused: list[Pair]


class _Identifiers:
    """Whether two records' recorded identifiers contradict each other."""

    def __init__(self, prepared: pd.DataFrame) -> None:
        self.dob: dict[str, date | None] = self._values(prepared, "dob")
        self.swapped: dict[str, date | None] = self._values(prepared, "dob_swapped")
        self.gender: dict[str, str | None] = self._values(prepared, "gender")

    @staticmethod
    def _values(prepared: pd.DataFrame, column: str) -> dict[str, Any]:
        """Record id → value, any form of missing (None, NaN, NaT, NA) as None."""
        values = prepared[column].astype(object)
        kept = values.where(values.notna(), None)
        return dict(zip(prepared["unique_id"].astype(str), kept, strict=True))

    def conflict(self, left: str, right: str) -> bool:
        gender_l, gender_r = self.gender[left], self.gender[right]
        if gender_l is not None and gender_r is not None and gender_l != gender_r:
            return True
        dob_l, dob_r = self.dob[left], self.dob[right]
        if dob_l is None or dob_r is None or dob_l == dob_r:
            return False
        if self.swapped[left] == dob_r or self.swapped[right] == dob_l:
            return False
        if (dob_l.month, dob_l.day) == (dob_r.month, dob_r.day):
            return abs(dob_l.year - dob_r.year) != 1
        return abs((dob_l - dob_r).days) > BIRTH_DAYS_APART


class _Clusters:
    def __init__(self, record_ids: Sequence[str]) -> None:
        self.owner = {record_id: record_id for record_id in record_ids}
        self.members = {record_id: [record_id] for record_id in record_ids}

    def of(self, record_id: str) -> str:
        try:
            return self.owner[record_id]
        except KeyError:
            message = f"A pair names a record that is not in the set: {record_id!r}."
            raise ValueError(message) from None

    def merge(self, left: str, right: str) -> None:
        keep, gone = sorted((left, right), key=lambda root: (-len(self.members[root]), root))
        for record_id in self.members[gone]:
            self.owner[record_id] = keep
        self.members[keep].extend(self.members.pop(gone))


def clusters_link(
    *,
    prepared: pd.DataFrame,
    pairs: pd.DataFrame,
    match_threshold: float,
    accepted: Iterable[Pair] = (),
    rejected: Iterable[Pair] = (),
) -> Linked:
    """Clusters of ``prepared`` records (``prepare.records_prepare``) from scored ``pairs``
    (``record_id_l``, ``record_id_r``, ``match_probability``), the pairs at or above
    ``match_threshold`` merged under the rule above, ``accepted`` pairs merged first,
    ``rejected`` pairs kept apart. An accepted pair naming an unknown record is an error."""
    record_ids = sorted(prepared["unique_id"].astype(str))
    clusters = _Clusters(record_ids)
    identifiers = _Identifiers(prepared)
    rejected_set = {_ordered(pair) for pair in rejected}
    scores = dict(
        zip(
            zip(pairs["record_id_l"], pairs["record_id_r"], strict=True),
            pairs["match_probability"],
            strict=True,
        )
    )
    links: list[Pair] = []
    for left, right in sorted({_ordered(pair) for pair in accepted} - rejected_set):
        a, b = clusters.of(left), clusters.of(right)
        if a != b and not _cross_rejected(clusters, a, b, rejected_set):
            clusters.merge(a, b)
            links.append((left, right))
    matched = pairs[pairs["match_probability"] >= match_threshold]
    # Probabilities from two trainings on the same records can differ in their last bits (the
    # sums of parallel threads), so the order reads them to ``ORDER_DECIMALS`` places.
    matched = matched.assign(order=matched["match_probability"].round(ORDER_DECIMALS))
    matched = matched.sort_values(
        ["order", "record_id_l", "record_id_r"], ascending=[False, True, True]
    )
    refused: list[Pair] = []
    for left, right in zip(matched["record_id_l"], matched["record_id_r"], strict=True):
        a, b = clusters.of(left), clusters.of(right)
        if a == b:
            continue
        if _cross_agree(clusters, a, b, scores, identifiers, rejected_set, match_threshold):
            clusters.merge(a, b)
            links.append((left, right))
        else:
            refused.append((left, right))
    apart = [pair for pair in refused if clusters.of(pair[0]) != clusters.of(pair[1])]
    return Linked(clusters_from_pairs(record_ids=record_ids, pairs=links), links, apart)


def _cross_rejected(clusters: _Clusters, a: str, b: str, rejected: set[Pair]) -> bool:
    return bool(rejected) and any(
        _ordered((x, y)) in rejected for x in clusters.members[a] for y in clusters.members[b]
    )


def _cross_agree(
    clusters: _Clusters,
    a: str,
    b: str,
    scores: dict[Pair, float],
    identifiers: _Identifiers,
    rejected: set[Pair],
    match_threshold: float,
) -> bool:
    """Whether the cross pairs of clusters ``a`` and ``b`` allow their merge."""
    supporting = total = 0
    for x in clusters.members[a]:
        for y in clusters.members[b]:
            pair = _ordered((x, y))
            if pair in rejected:
                return False
            total += 1
            probability = scores.get(pair)
            if probability is None:
                if identifiers.conflict(x, y):
                    return False
            elif probability < settings.LINK_VETO:
                return False
            elif probability >= match_threshold:
                supporting += 1
    return supporting >= settings.LINK_SUPPORT * total
