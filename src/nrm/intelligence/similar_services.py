"""Writes of similar accounts: the batch run over every account, the check of new accounts
against the earlier ones when referrals are saved, and an analyst's review of a cluster, each
audited.

The batch run (``similar_accounts_run``) finds every pair of accounts at Jaccard similarity
0.8 or more exactly (``similar.batch``) and groups them into clusters, replacing the previous
run's pairs and clusters. The check at submission (``similar_accounts_check``) looks a new
account up in the MinHash LSH index kept in the database (``AccountBandKey``: the engine's band
keys, ``similar.band_keys``), confirms every candidate by exact Jaccard against its account, and
keeps the nearest earlier accounts it finds; then the new account joins the index. The
accounts' text is read from ``cases.VictimAccount`` and never stored anywhere else.
"""

import logging
from collections import defaultdict
from collections.abc import Iterable, Iterator, Sequence
from functools import partial
from typing import Any

from django.db import transaction
from django.db.models import Q
from django.utils import timezone

from nrm.accounts.actors import Actor, SystemActor, acting_user
from nrm.accounts.capabilities import Capability
from nrm.accounts.permissions import capability_require
from nrm.audit.models import AuditVerb
from nrm.audit.services import audit_record
from nrm.cases.models import Referral, VictimAccount
from nrm.intelligence import errors
from nrm.intelligence.models import (
    AccountBandKey,
    SimilarAccountCluster,
    SimilarAccountMember,
    SimilarAccountPair,
    SimilarAccountsRun,
    SimilarClusterReview,
)
from nrm.intelligence.similar import THRESHOLD, band_keys, jaccard, shingle_hashes
from nrm.intelligence.similar.batch import pairs_of_sets, similar_clusters

logger = logging.getLogger(__name__)

BATCH = 5000
CHUNK = 500  # referral ids looked up together
NEAREST = 10  # earlier accounts kept for a new one
CHECK_FAILED = "The similar-accounts check failed (%s) for referrals %s"
# Saved at once beyond this (a large import), the accounts wait for the next batch search, which
# compares them all exactly and indexes them, instead of holding the importing process.
CHECK_LIMIT = 20_000
LEFT_TO_THE_SEARCH = "%d referrals saved at once: their accounts wait for the next search"

# The check at submission acts in its own name: it runs after the referral is saved, whoever
# saved it, and reads the accounts it compares (never shows them).
CHECKER = SystemActor(
    "similar accounts check",
    frozenset({Capability.REVIEW_SIMILAR_ACCOUNTS, Capability.READ_ACCOUNT_TEXT}),
    sees_every_case=True,
)


def plural(count: int, noun: str) -> str:
    """``count`` and ``noun`` in words: "1 group", "3 groups"."""
    return f"{count} {noun}{'' if count == 1 else 's'}"


def account_key(referral_id: int) -> str:
    """A referral id as the engine's account id: zero-padded, so that the order of the text is
    the order of the number (the smallest id of a cluster is its first referral)."""
    return f"{referral_id:012d}"


def hashes_of(text: str) -> frozenset[int] | None:
    """The hashed shingles of an account, or None for one with no words (never similar)."""
    try:
        return shingle_hashes(text)
    except (TypeError, ValueError):
        return None


def _chunks(ids: Sequence[int], size: int = CHUNK) -> Iterator[Sequence[int]]:
    for start in range(0, len(ids), size):
        yield ids[start : start + size]


def _band_rows(referral_id: int, hashes: frozenset[int]) -> list[AccountBandKey]:
    return [
        AccountBandKey(referral_id=referral_id, band=band, key=key)
        for band, key in enumerate(band_keys(hashes))
    ]


def _indexed(referral_ids: Iterable[int]) -> set[int]:
    ids = list(referral_ids)
    found: set[int] = set()
    for chunk in _chunks(ids):
        keys = AccountBandKey.objects.filter(referral_id__in=chunk, band=0)
        found.update(keys.values_list("referral_id", flat=True))
    return found


def _index_missing(sets: dict[int, frozenset[int]]) -> int:
    """Put the accounts of ``sets`` that are not yet in the LSH index into it."""
    missing = sorted(set(sets) - _indexed(sets))
    rows = (row for pk in missing for row in _band_rows(pk, sets[pk]))
    AccountBandKey.objects.bulk_create(rows, batch_size=BATCH)
    return len(missing)


def similar_accounts_run(*, actor: Actor, threshold: float = THRESHOLD) -> SimilarAccountsRun:
    """Find every pair of accounts at ``threshold`` or more, exactly, and group them into
    clusters; store them, replacing the previous run's, audited (counts only). Accounts not yet
    in the LSH index of the check at submission are put into it."""
    capability_require(
        actor=actor, capability=Capability.REVIEW_SIMILAR_ACCOUNTS, detail={"run": True}
    )
    started = timezone.now()
    sets: dict[int, frozenset[int]] = {}
    for pk, text in VictimAccount.objects.values_list("referral_id", "text").iterator():
        hashes = hashes_of(text)
        if hashes is not None:
            sets[pk] = hashes
    pairs = pairs_of_sets({account_key(pk): hashes for pk, hashes in sets.items()}, threshold)
    clusters: dict[str, list[int]] = defaultdict(list)
    for member, cluster in similar_clusters(pairs).items():
        clusters[cluster].append(int(member))
    dates: dict[int, Any] = {}
    members = [pk for ids in clusters.values() for pk in ids]
    for chunk in _chunks(members):
        found = Referral.objects.filter(pk__in=chunk).values_list("pk", "referral_date")
        dates.update(found)
    with transaction.atomic():
        now = timezone.now()
        run = SimilarAccountsRun.objects.create(
            started_at=started,
            finished_at=now,
            accounts=len(sets),
            pairs=len(pairs),
            clusters=len(clusters),
            threshold=threshold,
        )
        SimilarAccountPair.objects.filter(run_id__lt=run.pk).delete()
        SimilarAccountCluster.objects.filter(run_id__lt=run.pk).delete()
        SimilarAccountPair.objects.bulk_create(
            (
                SimilarAccountPair(
                    run=run,
                    referral_l_id=int(pair.id_l),
                    referral_r_id=int(pair.id_r),
                    jaccard=pair.jaccard,
                    found_at=now,
                )
                for pair in pairs
            ),
            batch_size=BATCH,
        )
        SimilarAccountCluster.objects.bulk_create(
            SimilarAccountCluster(
                run=run,
                first_referral_id=min(ids),
                size=len(ids),
                first_date=min(dates[pk] for pk in ids),
                last_date=max(dates[pk] for pk in ids),
            )
            for ids in clusters.values()
        )
        by_first = dict(
            SimilarAccountCluster.objects.filter(run=run).values_list("first_referral_id", "pk")
        )
        SimilarAccountMember.objects.bulk_create(
            (
                SimilarAccountMember(cluster_id=by_first[min(ids)], referral_id=pk)
                for ids in clusters.values()
                for pk in ids
            ),
            batch_size=BATCH,
        )
        indexed = _index_missing(sets)
        detail = {
            "accounts": run.accounts,
            "pairs": run.pairs,
            "clusters": run.clusters,
            "largest": max((len(ids) for ids in clusters.values()), default=0),
            "indexed": indexed,
        }
        audit_record(actor=actor, verb=AuditVerb.SIMILAR_RUN, target=run, detail=detail)
    return run


def _candidates(referral_id: int, keys: list[int]) -> set[int]:
    """The indexed accounts that share a band key with ``keys`` (LSH candidates)."""
    shares = Q(pk__in=[])
    for band, key in enumerate(keys):
        shares |= Q(band=band, key=key)
    found = AccountBandKey.objects.filter(shares).exclude(referral_id=referral_id)
    return set(found.values_list("referral_id", flat=True))


def nearest_earlier(
    referral_id: int, hashes: frozenset[int], threshold: float = THRESHOLD, limit: int = NEAREST
) -> list[tuple[int, float]]:
    """Up to ``limit`` accounts already in the index whose exact Jaccard similarity with
    ``hashes`` is ``threshold`` or more, the most similar first (ties by referral id)."""
    candidates = sorted(_candidates(referral_id, band_keys(hashes)))
    confirmed = []
    for chunk in _chunks(candidates):
        texts = VictimAccount.objects.filter(referral_id__in=chunk).values_list(
            "referral_id", "text"
        )
        for other, text in texts:
            theirs = hashes_of(text)
            if theirs is not None and (score := jaccard(hashes, theirs)) >= threshold:
                confirmed.append((other, score))
    confirmed.sort(key=lambda item: (-item[1], item[0]))
    return confirmed[:limit]


def similar_accounts_check(
    *, actor: Actor, referral_ids: Sequence[int]
) -> list[SimilarAccountPair]:
    """Check the accounts of the referrals ``referral_ids`` (in the order of their ids) against
    every account already in the LSH index: each one's nearest earlier accounts at the
    threshold or more are stored as pairs found at submission; then it joins the index.
    Accounts already in the index are not checked again. Audited (counts and the references of
    the referrals with near copies)."""
    capability_require(
        actor=actor, capability=Capability.REVIEW_SIMILAR_ACCOUNTS, detail={"check": True}
    )
    ids = sorted(set(referral_ids))
    found: list[SimilarAccountPair] = []
    checked = 0
    with transaction.atomic():
        for chunk in _chunks(ids):
            accounts = VictimAccount.objects.filter(referral_id__in=chunk).order_by("referral_id")
            texts = list(accounts.values_list("referral_id", "text"))
            done = _indexed(pk for pk, _ in texts)
            for pk, text in texts:
                hashes = hashes_of(text)
                if hashes is None or pk in done:
                    continue
                checked += 1
                now = timezone.now()
                for other, score in nearest_earlier(pk, hashes):
                    left, right = min(pk, other), max(pk, other)
                    found.append(
                        SimilarAccountPair(
                            referral_l_id=left, referral_r_id=right, jaccard=score, found_at=now
                        )
                    )
                AccountBandKey.objects.bulk_create(_band_rows(pk, hashes))
        SimilarAccountPair.objects.bulk_create(found, batch_size=BATCH)
        later = sorted({pair.referral_r_id for pair in found})
        references = list(
            Referral.objects.filter(pk__in=later[:100]).values_list("reference", flat=True)
        )
        detail = {"accounts": checked, "pairs": len(found), "references": sorted(references)}
        audit_record(actor=actor, verb=AuditVerb.SIMILAR_CHECK, detail=detail)
    return found


def similar_accounts_check_safely(referral_ids: Sequence[int]) -> None:
    """``similar_accounts_check`` by the system after referrals are saved. It never fails the
    saving: a failure is logged with the kind of error and the referrals' references alone."""
    try:
        similar_accounts_check(actor=CHECKER, referral_ids=referral_ids)
    except Exception as error:  # the referral is saved whatever happens here
        try:
            shown = Referral.objects.filter(pk__in=list(referral_ids)[:20])
            references = ", ".join(shown.values_list("reference", flat=True))
        except Exception:
            references = f"{len(referral_ids)} referrals"
        logger.error(CHECK_FAILED, type(error).__name__, references or "none")


def referrals_saved_receive(*, referral_ids: Sequence[int], **_: Any) -> None:
    """The receiver of ``cases.referrals.signals.referrals_saved``: the check runs once the
    referrals are committed (more than ``CHECK_LIMIT`` at once wait for the next search)."""
    if len(referral_ids) > CHECK_LIMIT:
        logger.info(LEFT_TO_THE_SEARCH, len(referral_ids))
        return
    transaction.on_commit(partial(similar_accounts_check_safely, list(referral_ids)))


def similar_cluster_review(
    *, actor: Actor, cluster_id: int, note: str = ""
) -> SimilarClusterReview:
    """Record that the analyst reviewed the cluster ``cluster_id`` of the latest run, with a
    note (optional), audited (whether a note was given, never the note).
    ``ClusterNotFound`` (the attempt audited) for a cluster not in the latest run."""
    detail: dict[str, Any] = {"cluster": cluster_id}
    capability_require(actor=actor, capability=Capability.REVIEW_SIMILAR_ACCOUNTS, detail=detail)
    latest = SimilarAccountsRun.objects.order_by("-id").first()
    cluster = (
        SimilarAccountCluster.objects.filter(pk=cluster_id, run=latest).first()
        if latest is not None
        else None
    )
    if cluster is None:
        audit_record(actor=actor, verb=AuditVerb.ACCESS_DENIED, detail=detail)
        raise errors.ClusterNotFound(errors.CLUSTER_NOT_FOUND)
    with transaction.atomic():
        members = sorted(cluster.members.values_list("referral_id", flat=True))
        review = SimilarClusterReview.objects.create(
            first_referral_id=cluster.first_referral_id,
            referrals=members,
            note=note.strip(),
            reviewed_by=acting_user(actor),
            reviewed_at=timezone.now(),
        )
        audit_record(
            actor=actor,
            verb=AuditVerb.SIMILAR_REVIEW,
            target=review,
            detail={**detail, "accounts": len(members), "note_given": bool(note.strip())},
        )
    return review
