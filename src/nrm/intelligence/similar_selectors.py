"""Reads of similar accounts for the review queue, each audited: the clusters of the latest
run, newest first, with the pairs found at submission since; one cluster with its referrals
and pairs; and two accounts of one lead side by side (an audited read of both accounts).

Only analysts whose role grants ``review_similar_accounts`` read any of it, and only with
``read_account_text`` as well the accounts themselves. Two accounts are shown side by side only
when they are a lead: in one cluster of the latest run, or a pair found at submission.
"""

from typing import Any, NamedTuple

from django.core.paginator import Page, Paginator
from django.db.models import Prefetch, Q

from nrm.accounts.actors import Actor
from nrm.accounts.capabilities import Capability
from nrm.accounts.permissions import capability_require
from nrm.audit.models import AuditVerb
from nrm.audit.services import audit_record
from nrm.cases.models import Nationality, Referral, VictimAccount
from nrm.intelligence.models import (
    SimilarAccountCluster,
    SimilarAccountMember,
    SimilarAccountPair,
    SimilarAccountsRun,
    SimilarClusterReview,
)
from nrm.intelligence.similar import jaccard
from nrm.intelligence.similar_services import hashes_of
from nrm.standard.codes import NationalityBasis

QUEUE_PAGE_SIZE = 20
PAIRS_SHOWN = 50
SUBMITTED_SHOWN = 50


def similar_run_latest() -> SimilarAccountsRun | None:
    """The latest batch run (the one whose pairs and clusters are kept)."""
    return SimilarAccountsRun.objects.order_by("-id").first()


def _referrals() -> "Any":
    claimed = Nationality.objects.filter(basis=NationalityBasis.CLAIMED).order_by("position")
    return Referral.objects.select_related("organisation").prefetch_related(
        Prefetch("nationalities", queryset=claimed, to_attr="claimed")
    )


class QueueRead(NamedTuple):
    run: SimilarAccountsRun | None
    page: "Page[Any] | None"  # of SimilarAccountCluster
    members: dict[int, list[Referral]]  # cluster id -> its referrals, by referral date
    reviews: dict[int, SimilarClusterReview]  # cluster id -> its latest review, if any
    submitted: list[SimilarAccountPair]  # found at submission since the run, latest first


def _members(clusters: list[SimilarAccountCluster]) -> dict[int, list[Referral]]:
    rows = SimilarAccountMember.objects.filter(cluster__in=clusters).values_list(
        "cluster_id", "referral_id"
    )
    wanted: dict[int, int] = dict((referral, cluster) for cluster, referral in rows)
    found: dict[int, list[Referral]] = {cluster.pk: [] for cluster in clusters}
    for referral in _referrals().filter(pk__in=list(wanted)).order_by("referral_date", "id"):
        found[wanted[referral.pk]].append(referral)
    return found


def _reviews(clusters: list[SimilarAccountCluster]) -> dict[int, SimilarClusterReview]:
    firsts = {cluster.first_referral_id: cluster.pk for cluster in clusters}
    found: dict[int, SimilarClusterReview] = {}
    reviews = SimilarClusterReview.objects.filter(first_referral_id__in=list(firsts))
    for review in reviews.select_related("reviewed_by").order_by("-reviewed_at", "-id"):
        found.setdefault(firsts[review.first_referral_id], review)
    return found


def similar_queue(*, actor: Actor, page: int) -> QueueRead:
    """One page of the clusters of the latest run, those with the latest referral first, and
    the pairs found at submission since that run; audited (the clusters and the references of
    the pairs shown)."""
    capability_require(
        actor=actor, capability=Capability.REVIEW_SIMILAR_ACCOUNTS, detail={"page": page}
    )
    run = similar_run_latest()
    submitted_since = Q(run__isnull=True)
    if run is not None:
        submitted_since &= Q(found_at__gte=run.started_at)
    submitted = list(
        SimilarAccountPair.objects.filter(submitted_since)
        .select_related("referral_l", "referral_r")
        .order_by("-found_at", "-jaccard", "id")[:SUBMITTED_SHOWN]
    )
    references = sorted({p.referral_r.reference for p in submitted})
    if run is None:
        detail = {"similar": page, "references": references}
        audit_record(actor=actor, verb=AuditVerb.SIMILAR_READ, detail=detail)
        return QueueRead(None, None, {}, {}, submitted)
    clusters = SimilarAccountCluster.objects.filter(run=run).order_by("-last_date", "-size", "id")
    current = Paginator(clusters, QUEUE_PAGE_SIZE).get_page(page)
    shown = list(current.object_list)
    detail = {
        "similar": current.number,
        "clusters": [c.pk for c in shown],
        "references": references,
    }
    audit_record(actor=actor, verb=AuditVerb.SIMILAR_READ, target=run, detail=detail)
    return QueueRead(run, current, _members(shown), _reviews(shown), submitted)


class ClusterRead(NamedTuple):
    cluster: SimilarAccountCluster
    referrals: list[Referral]  # by referral date
    pairs: list[SimilarAccountPair]  # the most similar first, at most PAIRS_SHOWN
    pair_count: int
    review: SimilarClusterReview | None  # the latest review of the cluster
    reviewed_as_is: bool  # that review was of exactly these accounts


def _in_latest(cluster_id: int) -> SimilarAccountCluster | None:
    run = similar_run_latest()
    if run is None:
        return None
    return SimilarAccountCluster.objects.filter(pk=cluster_id, run=run).first()


def similar_cluster_get(*, actor: Actor, cluster_id: int) -> ClusterRead | None:
    """A cluster of the latest run with its referrals, its pairs and its review; audited (the
    references shown). None, the attempt audited, for a cluster not in the latest run."""
    detail: dict[str, Any] = {"cluster": cluster_id}
    capability_require(actor=actor, capability=Capability.REVIEW_SIMILAR_ACCOUNTS, detail=detail)
    cluster = _in_latest(cluster_id)
    if cluster is None:
        audit_record(actor=actor, verb=AuditVerb.ACCESS_DENIED, detail=detail)
        return None
    referrals = _members([cluster])[cluster.pk]
    ids = [r.pk for r in referrals]
    within = SimilarAccountPair.objects.filter(
        run=cluster.run_id, referral_l__in=ids, referral_r__in=ids
    )
    pairs = list(
        within.select_related("referral_l", "referral_r").order_by(
            "-jaccard", "referral_l", "referral_r"
        )[:PAIRS_SHOWN]
    )
    review = _reviews([cluster]).get(cluster.pk)
    as_is = review is not None and sorted(review.referrals) == sorted(ids)
    detail["references"] = [r.reference for r in referrals]
    audit_record(actor=actor, verb=AuditVerb.SIMILAR_READ, target=cluster, detail=detail)
    return ClusterRead(cluster, referrals, pairs, within.count(), review, as_is)


class CompareRead(NamedTuple):
    left: Referral
    right: Referral
    left_text: str
    right_text: str
    similarity: float
    cluster: SimilarAccountCluster | None  # the cluster of the latest run holding both


def _lead(left: Referral, right: Referral) -> tuple[bool, SimilarAccountCluster | None]:
    """Whether the two referrals are a lead (in one cluster of the latest run, or a pair found
    at submission), and that cluster."""
    run = similar_run_latest()
    cluster = None
    if run is not None:
        both = SimilarAccountMember.objects.filter(cluster__run=run, referral=left).values(
            "cluster_id"
        )
        cluster = SimilarAccountCluster.objects.filter(
            pk__in=SimilarAccountMember.objects.filter(cluster_id__in=both, referral=right).values(
                "cluster_id"
            )
        ).first()
    if cluster is not None:
        return True, cluster
    low, high = sorted((left.pk, right.pk))
    pair = SimilarAccountPair.objects.filter(referral_l=low, referral_r=high)
    return pair.exists(), None


def similar_compare(*, actor: Actor, left: str, right: str) -> CompareRead | None:
    """The accounts of the referrals ``left`` and ``right`` (references) side by side, when
    they are a lead; the read of both accounts is audited. None, the attempt audited, when
    they are not a lead or have no account."""
    detail: dict[str, Any] = {"references": [left, right]}
    for needed in (Capability.REVIEW_SIMILAR_ACCOUNTS, Capability.READ_ACCOUNT_TEXT):
        capability_require(actor=actor, capability=needed, detail=detail)
    referrals = {r.reference: r for r in _referrals().filter(reference__in=[left, right])}
    found = None
    if left != right and len(referrals) == 2:
        lead, cluster = _lead(referrals[left], referrals[right])
        texts = dict(
            VictimAccount.objects.filter(
                referral__in=[referrals[left], referrals[right]]
            ).values_list("referral_id", "text")
        )
        if lead and len(texts) == 2:
            found = (cluster, texts[referrals[left].pk], texts[referrals[right].pk])
    if found is None:
        audit_record(actor=actor, verb=AuditVerb.ACCESS_DENIED, detail=detail)
        return None
    cluster, left_text, right_text = found
    left_hashes, right_hashes = hashes_of(left_text), hashes_of(right_text)
    similarity = (
        jaccard(left_hashes, right_hashes)
        if left_hashes is not None and right_hashes is not None
        else 0.0
    )
    detail["cluster"] = cluster.pk if cluster is not None else None
    audit_record(actor=actor, verb=AuditVerb.SIMILAR_ACCOUNTS_READ, detail=detail)
    return CompareRead(
        referrals[left], referrals[right], left_text, right_text, similarity, cluster
    )
