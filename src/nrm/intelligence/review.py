"""Reads of person resolution: analysts' decisions on pairs of person records, the latest
resolution run, and the pairs waiting for an analyst's review, scoped to what the reader may
see (a pair naming a person of a report they may not see is not shown to them).

``decided_pairs`` is what other parts (the strategic assessment) call for the decisions;
``resolved_people`` gives the stored clusters.
"""

from collections import defaultdict
from collections.abc import Iterable
from typing import Any, NamedTuple

from django.core.paginator import Page, Paginator
from django.db.models import Exists, OuterRef, Q, QuerySet

from nrm.accounts.actors import Actor
from nrm.accounts.capabilities import Capability
from nrm.accounts.permissions import capability_require, has_capability
from nrm.audit.models import AuditVerb
from nrm.audit.services import audit_record
from nrm.cases.models import Referral
from nrm.cases.referrals.selectors import referral_get_linked
from nrm.intelligence.access import report_scope
from nrm.intelligence.models import (
    Entity,
    IntelligenceReport,
    PairDecision,
    ResolutionRun,
    ResolvedRecord,
    ScoredPair,
)
from nrm.intelligence.people import MENTION, REFERRAL, record_id, record_parts

Pair = tuple[str, str]
REVIEW_PAGE_SIZE = 10


def pair_ordered(left: str, right: str) -> Pair:
    """A pair of record ids in the order it is stored: the smaller first."""
    return (left, right) if left <= right else (right, left)


def decided_pairs() -> tuple[list[Pair], list[Pair]]:
    """The pairs of record ids analysts accepted as one person, and those they rejected, each
    ordered (the smaller id first) and sorted."""
    accepted: list[Pair] = []
    rejected: list[Pair] = []
    for left, right, yes in PairDecision.objects.order_by("record_l", "record_r").values_list(
        "record_l", "record_r", "accepted"
    ):
        (accepted if yes else rejected).append((left, right))
    return accepted, rejected


def run_latest() -> ResolutionRun | None:
    """The latest resolution run (the one whose pairs and resolved people are kept)."""
    return ResolutionRun.objects.order_by("-id").first()


def resolved_people(run: ResolutionRun) -> dict[str, str]:
    """Record id → resolved person (cluster id) of ``run``, with analysts' decisions applied."""
    return dict(ResolvedRecord.objects.filter(run=run).values_list("record_id", "cluster_id"))


def _visible(actor: Actor) -> Q:
    """Pairs whose records ``actor`` may see: a mention in a report within their handling
    codes; a referral's person only with ``read_linked_nrm_records``."""
    reports = IntelligenceReport.objects.filter(report_scope(actor)).values("pk")
    entities = Entity.objects.filter(report__in=reports).values("pk")
    seen = Q(mention_l__isnull=True) | Q(mention_l__in=entities)
    seen &= Q(mention_r__isnull=True) | Q(mention_r__in=entities)
    if not has_capability(actor, Capability.READ_LINKED_NRM_RECORDS):
        seen &= Q(mention_l__isnull=False, mention_r__isnull=False)
    return seen


def review_pairs(*, actor: Actor, run: ResolutionRun) -> QuerySet[ScoredPair]:
    """The pairs of ``run`` waiting for review that ``actor`` may see, most probable first."""
    decided = PairDecision.objects.filter(
        record_l=OuterRef("record_l"), record_r=OuterRef("record_r")
    )
    return (
        ScoredPair.objects.filter(run=run, band=ScoredPair.REVIEW)
        .filter(_visible(actor))
        .exclude(Exists(decided))
        .order_by("-match_probability", "id")
    )


AnyPair = ScoredPair | PairDecision


def pair_find(*, actor: Actor, left: str, right: str) -> AnyPair | None:
    """The pair of ``left`` and ``right`` when ``actor`` may see both records: as the latest run
    scored it (waiting for review, or matched: an automatic match may be rejected), else as an
    analyst decided it (a decision may be changed, after a later run too)."""
    left, right = pair_ordered(left, right)
    run = run_latest()
    if run is not None:
        scored = ScoredPair.objects.filter(run=run, record_l=left, record_r=right)
        found = scored.filter(_visible(actor)).first()
        if found is not None:
            return found
    decided = PairDecision.objects.filter(record_l=left, record_r=right)
    return decided.filter(_visible(actor)).first()


class ReviewPage(NamedTuple):
    run: ResolutionRun | None
    page: "Page[Any] | None"  # of ScoredPair (the queue) or PairDecision (the decisions)
    mentions: dict[int, Entity]  # entity id -> the person a report names, with the report
    referrals: dict[int, Referral]  # referral id -> the referral, with its person


def _referrals(actor: Actor, pairs: list[AnyPair], via: str) -> dict[int, Referral]:
    """The referrals the pairs name, each read through ``referral_get_linked`` (audited as an
    NRM read, with the pair or decision that led to it: ``via``)."""
    first_pair: dict[int, int] = {}
    for pair in pairs:
        for record in (pair.record_l, pair.record_r):
            kind, pk = record_parts(record)
            if kind != MENTION:
                first_pair.setdefault(pk, pair.pk)
    references = dict(Referral.objects.filter(pk__in=first_pair).values_list("pk", "reference"))
    found: dict[int, Referral] = {}
    for pk, pair_id in first_pair.items():
        if pk not in references:
            continue
        link = {"via": "resolution", via: pair_id}
        referral = referral_get_linked(actor=actor, reference=references[pk], link=link)
        if referral is not None:
            found[pk] = referral
    return found


def _read(
    actor: Actor, run: ResolutionRun | None, pairs: "QuerySet[Any]", page: int, via: str
) -> ReviewPage:
    """One page of ``pairs`` with the records they name; the view is audited (the pairs or
    decisions and the reports shown), and each referral's person as an NRM read."""
    current = Paginator(pairs, REVIEW_PAGE_SIZE).get_page(page)
    shown = list(current.object_list)
    wanted = {m for pair in shown for m in (pair.mention_l, pair.mention_r) if m is not None}
    mentions = {
        entity.pk: entity
        for entity in Entity.objects.filter(pk__in=wanted).select_related("report")
    }
    references = sorted({entity.report.reference for entity in mentions.values()})
    detail = {
        "review": current.number,
        f"{via}s": [p.pk for p in shown],
        "references": references,
    }
    audit_record(actor=actor, verb=AuditVerb.INTELLIGENCE_READ, target=run, detail=detail)
    return ReviewPage(run, current, mentions, _referrals(actor, shown, via))


def review_page(*, actor: Actor, page: int) -> ReviewPage:
    """One page of the pairs waiting for ``actor``'s review, with the records they name. The
    view is audited: the pairs and the reports shown, and each referral's person as an NRM
    read."""
    capability_require(actor=actor, capability=Capability.RESOLVE_PEOPLE, detail={"page": page})
    run = run_latest()
    if run is None:
        audit_record(actor=actor, verb=AuditVerb.INTELLIGENCE_READ, detail={"review": page})
        return ReviewPage(None, None, {}, {})
    return _read(actor, run, review_pairs(actor=actor, run=run), page, "pair")


def decisions_page(*, actor: Actor, page: int) -> ReviewPage:
    """One page of the decisions on pairs whose records ``actor`` may see, latest first, with
    the records they name; audited as ``review_page`` is."""
    capability_require(actor=actor, capability=Capability.RESOLVE_PEOPLE, detail={"page": page})
    decisions = (
        PairDecision.objects.filter(_visible(actor))
        .select_related("decided_by")
        .order_by("-decided_at", "-id")
    )
    return _read(actor, run_latest(), decisions, page, "decision")


def resolved_node_keys(mentions: Iterable[int]) -> dict[int, str]:
    """For the network: each of ``mentions`` (entity ids) that the latest run resolved together
    with other records, the node key of its resolved person: ``person:nrm:<reference>`` when
    the person is the subject of an NRM referral (the cluster's first referral), else
    ``person:resolved:<the cluster's first mention>``. Mentions resolved alone keep their own
    key (none returned)."""
    run = run_latest()
    if run is None:
        return {}
    clusters: dict[str, list[str]] = defaultdict(list)
    for record, cluster in ResolvedRecord.objects.filter(run=run).values_list(
        "record_id", "cluster_id"
    ):
        clusters[cluster].append(record)
    wanted = {record_id(MENTION, m) for m in mentions}
    keys: dict[int, str] = {}
    for members in clusters.values():
        shown = [r for r in members if r in wanted]
        if len(members) < 2 or not shown:
            continue
        parts = sorted(record_parts(r) for r in members)
        referrals = [pk for kind, pk in parts if kind == REFERRAL]
        if referrals:
            reference = Referral.objects.filter(pk=referrals[0]).values_list("reference", flat=True)
            key = f"person:nrm:{reference.first()}"
        else:
            key = f"person:resolved:{min(pk for kind, pk in parts if kind == MENTION)}"
        keys.update({record_parts(r)[1]: key for r in shown})
    return keys
