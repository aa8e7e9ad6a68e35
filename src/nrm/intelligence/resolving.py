"""Writes of person resolution: a national run over every person on record, and analysts'
decisions on the pairs it could not decide, each audited.

A run (``resolution_run``) resolves the people of every referral and every person an
intelligence report names, with the pairs reports state (a person given with an NRM reference)
and analysts' accepted pairs as accepted and their rejected pairs as rejected; it stores the
matched pairs, the pairs waiting for review and the resolved people, replacing the previous
run's. A decision (``pair_decide``) recomputes the resolved people from the stored matched pairs
and every decision, without training again (docs/intelligence.md, "The review queue").
"""

from collections.abc import Iterable
from typing import Any

import pandas as pd
from django.db import transaction
from django.db.models import Q
from django.utils import timezone

from nrm.accounts.actors import Actor, acting_user
from nrm.accounts.capabilities import Capability
from nrm.accounts.permissions import capability_require
from nrm.audit.models import AuditVerb
from nrm.audit.services import audit_record
from nrm.intelligence import errors
from nrm.intelligence.models import PairDecision, ResolutionRun, ResolvedRecord, ScoredPair
from nrm.intelligence.people import (
    MENTION,
    known_pairs,
    mention_person_record,
    mention_phones,
    people_in,
    record_parts,
    referral_person_record,
    referrals_in,
)
from nrm.intelligence.resolution import Model, PersonRecord, clusters_from_pairs, people_resolve
from nrm.intelligence.resolution.stored import model_stored
from nrm.intelligence.review import Pair, decided_pairs, pair_find, pair_ordered, run_latest

BATCH = 5000


def records_gather() -> tuple[list[PersonRecord], list[Pair]]:
    """The person records of every referral and of every person a report names, and the pairs
    the reports themselves state (``people.known_pairs``)."""
    mentions = people_in(Q())
    phones = mention_phones(mentions)
    records = [referral_person_record(r) for r in referrals_in()]
    records += [mention_person_record(entity, phones.get(entity.pk)) for entity in mentions]
    return records, [pair_ordered(*pair) for pair in known_pairs(mentions)]


def _mention(record: str) -> int | None:
    kind, pk = record_parts(record)
    return pk if kind == MENTION else None


def _scored(run: ResolutionRun, band: str, left: str, right: str, p: float | None) -> ScoredPair:
    return ScoredPair(
        run=run,
        band=band,
        record_l=left,
        record_r=right,
        mention_l=_mention(left),
        mention_r=_mention(right),
        match_probability=p,
    )


def _pairs(frame: pd.DataFrame) -> dict[Pair, float]:
    columns = (frame["record_id_l"], frame["record_id_r"], frame["match_probability"])
    return {pair_ordered(a, b): float(p) for a, b, p in zip(*columns, strict=True)}


def _summary(model: Model | None) -> dict[str, Any]:
    """What the run's model was, in numbers and names (its m and u probabilities stay out)."""
    found = model.splink_settings if model is not None else {}
    return {
        "prior": float(found.get("probability_two_random_records_match") or 0.0),
        "comparisons": [str(c.get("output_column_name", "")) for c in found.get("comparisons", [])],
    }


def clusters_refresh(*, run: ResolutionRun) -> int:
    """Recompute ``run``'s resolved people from its matched pairs and every analyst decision
    (accepted pairs joined, rejected ones kept apart), without training again; return how many
    records changed person."""
    current = dict(run.members.values_list("record_id", "cluster_id"))
    accepted, rejected = decided_pairs()
    refused = set(rejected)
    matched = run.pairs.filter(band=ScoredPair.MATCHED).values_list("record_l", "record_r")
    linked = {pair for pair in matched if pair not in refused}
    linked |= {p for p in accepted if p[0] in current and p[1] in current} - refused
    clusters = clusters_from_pairs(record_ids=list(current), pairs=sorted(linked))
    changed = [
        ResolvedRecord(run=run, record_id=record, cluster_id=cluster)
        for record, cluster in zip(clusters["record_id"], clusters["cluster_id"], strict=True)
        if current[record] != cluster
    ]
    for member in changed:
        ResolvedRecord.objects.filter(run=run, record_id=member.record_id).update(
            cluster_id=member.cluster_id
        )
    if changed:
        people = len(set(clusters["cluster_id"]))
        ResolutionRun.objects.filter(pk=run.pk).update(people=people)
        run.people = people
    return len(changed)


def _present(pairs: Iterable[Pair], records: set[str]) -> list[Pair]:
    return [pair_ordered(*p) for p in pairs if p[0] in records and p[1] in records]


def resolution_run(*, actor: Actor) -> ResolutionRun:
    """Resolve every person on record (a national run); store its matched pairs, the pairs
    waiting for review (not yet decided) and the resolved people, replacing the previous run's,
    audited. It scores with the stored model (``resolution.stored``), as the strategic
    assessment does, so that both see the same pairs; the records of a case store seldom hold
    enough duplicates, or phones, to train one. ``ResolutionImpossible`` when there is no one to
    resolve or the engine refuses the records: nothing is stored then."""
    capability_require(actor=actor, capability=Capability.RESOLVE_PEOPLE, detail={"run": True})
    started = timezone.now()
    records, stated = records_gather()
    if not records:
        raise errors.ResolutionImpossible(errors.NOTHING_TO_RESOLVE)
    ids = {record.record_id for record in records}
    stated = _present(stated, ids)
    accepted, rejected = decided_pairs()
    try:
        resolution = people_resolve(
            records=records,
            model=model_stored(),
            accepted=stated + _present(accepted, ids),
            rejected=_present(rejected, ids),
        )
    except ValueError as error:  # the engine's refusal of these records, in its words
        message = errors.NOT_RESOLVED.format(count=len(records), reason=str(error).rstrip("."))
        raise errors.ResolutionImpossible(message) from error
    matched: dict[Pair, float | None] = {pair: None for pair in stated}
    matched.update(_pairs(resolution.matches))
    review = {p: v for p, v in _pairs(resolution.review).items() if p not in matched}
    with transaction.atomic():
        decided = set(PairDecision.objects.values_list("record_l", "record_r"))
        waiting = {pair: p for pair, p in review.items() if pair not in decided}
        run = ResolutionRun.objects.create(
            started_at=started,
            finished_at=timezone.now(),
            records=len(records),
            people=resolution.clusters["cluster_id"].nunique(),
            matched_pairs=len(matched),
            review_pairs=len(waiting),
            match_threshold=resolution.match_threshold,
            review_threshold=resolution.review_threshold,
            model_summary=_summary(resolution.model),
        )
        ScoredPair.objects.filter(run_id__lt=run.pk).delete()
        ResolvedRecord.objects.filter(run_id__lt=run.pk).delete()
        rows = [_scored(run, ScoredPair.MATCHED, *pair, p) for pair, p in matched.items()]
        rows += [_scored(run, ScoredPair.REVIEW, *pair, p) for pair, p in waiting.items()]
        ScoredPair.objects.bulk_create(rows, batch_size=BATCH)
        clusters = zip(
            resolution.clusters["record_id"], resolution.clusters["cluster_id"], strict=True
        )
        ResolvedRecord.objects.bulk_create(
            (ResolvedRecord(run=run, record_id=r, cluster_id=c) for r, c in clusters),
            batch_size=BATCH,
        )
        clusters_refresh(run=run)  # decisions made while the model was trained
        detail = {
            "records": run.records,
            "people": run.people,
            "matched_pairs": run.matched_pairs,
            "review_pairs": run.review_pairs,
            "stated_pairs": len(stated),
        }
        audit_record(actor=actor, verb=AuditVerb.INTELLIGENCE_RESOLVE, target=run, detail=detail)
    return run


def pair_decide(
    *, actor: Actor, left: str, right: str, accepted: bool, reason: str = ""
) -> PairDecision:
    """Record that the records ``left`` and ``right`` (a pair of the latest run, waiting for
    review or matched, or a pair decided before; both visible to ``actor``) are one person
    (``accepted``) or not, replacing any earlier decision on the pair, audited; the latest
    run's resolved people are recomputed at once. ``PairNotFound`` (the attempt audited) for a
    pair that is not there for the actor."""
    left, right = pair_ordered(left, right)
    detail = {"pair": [left, right]}
    capability_require(actor=actor, capability=Capability.RESOLVE_PEOPLE, detail=detail)
    pair = pair_find(actor=actor, left=left, right=right)
    if pair is None:
        audit_record(actor=actor, verb=AuditVerb.ACCESS_DENIED, detail=detail)
        raise errors.PairNotFound(errors.PAIR_NOT_FOUND)
    with transaction.atomic():
        earlier = (
            PairDecision.objects.select_for_update().filter(record_l=left, record_r=right).first()
        )
        before = {"accepted": earlier.accepted} if earlier is not None else None
        decision = earlier or PairDecision(
            record_l=left,
            record_r=right,
            mention_l=_mention(left),
            mention_r=_mention(right),
            match_probability=pair.match_probability,
        )
        decision.accepted = accepted
        decision.reason = reason.strip()
        decision.decided_by = acting_user(actor)
        decision.decided_at = timezone.now()
        decision.save()
        verb = AuditVerb.PAIR_ACCEPT if accepted else AuditVerb.PAIR_REJECT
        audit_record(
            actor=actor,
            verb=verb,
            target=decision,
            detail={
                **detail,
                "probability": round(pair.match_probability or 0.0, 4),
                "reason_given": bool(reason),
            },
            old=before,
            new={"accepted": accepted},
        )
        run = run_latest()
        if run is not None:
            clusters_refresh(run=run)
    return decision
