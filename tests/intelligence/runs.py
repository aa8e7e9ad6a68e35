"""Resolution runs stored as ``nrm.intelligence.resolving.resolution_run`` stores them, without
training a model, for tests of what is done with them."""

from collections.abc import Sequence

from django.utils import timezone

from nrm.intelligence.models import ResolutionRun, ResolvedRecord, ScoredPair
from nrm.intelligence.people import MENTION, record_parts


def ordered(a: str, b: str) -> tuple[str, str]:
    return (a, b) if a <= b else (b, a)


def _mention_pk(record: str) -> int | None:
    kind, pk = record_parts(record)
    return pk if kind == MENTION else None


def stored_run(
    records: list[str],
    review: list[tuple[str, str, float]],
    matched: Sequence[tuple[str, str]] = (),
) -> ResolutionRun:
    """A run as ``resolution_run`` stores it, without training: each record its own person
    but for the matched pairs."""
    now = timezone.now()
    run = ResolutionRun.objects.create(
        started_at=now, finished_at=now, records=len(records), people=len(records),
        matched_pairs=len(matched), review_pairs=len(review), match_threshold=0.95,
        review_threshold=0.65,
    )  # fmt: skip
    rows = [(ScoredPair.REVIEW, a, b, p) for a, b, p in review]
    rows += [(ScoredPair.MATCHED, a, b, None) for a, b in matched]
    for band, a, b, p in rows:
        left, right = ordered(a, b)
        ScoredPair.objects.create(
            run=run, band=band, record_l=left, record_r=right, match_probability=p,
            mention_l=_mention_pk(left), mention_r=_mention_pk(right),
        )  # fmt: skip
    people = {r: r for r in records}
    for a, b in matched:
        people[max(a, b)] = min(a, b)
    ResolvedRecord.objects.bulk_create(
        ResolvedRecord(run=run, record_id=r, cluster_id=c) for r, c in people.items()
    )
    return run
