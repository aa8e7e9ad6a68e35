"""The similar-accounts queue, for the intelligence analysts of the hub: clusters of accounts
that are near copies of one another, newest first; a cluster with what its referrals have in
common and its pairs; two accounts side by side with their shared passages marked; and a
button to mark a cluster as reviewed, with a note. A cluster is a lead for analysis, never a
finding about anyone's account, and the pages say so. Works without JavaScript."""

import re
from typing import Any

from django import forms
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_http_methods

from nrm.accounts.actors import AuthenticatedRequest
from nrm.accounts.capabilities import Capability
from nrm.accounts.decorators import capability_required
from nrm.accounts.permissions import CapabilityDenied
from nrm.cases.referrals.views.common import not_found, page_number
from nrm.intelligence.errors import ClusterNotFound
from nrm.intelligence.similar_pages import (
    alike,
    member_row,
    passages,
    queue_row,
    review_words,
    shared_rows,
)
from nrm.intelligence.similar_selectors import (
    similar_cluster_get,
    similar_compare,
    similar_queue,
)
from nrm.intelligence.similar_services import hashes_of, similar_cluster_review

JUST_REVIEWED = "intelligence_similar_just_reviewed"
NOTE_LIMIT = 2000
NOTE_TOO_LONG = f"Your note must be {NOTE_LIMIT} characters or fewer"
NOTE_UNREADABLE = "Your note must not include hidden control characters"
_CLUSTER_ID = re.compile(r"[0-9]{1,18}")


def _cluster_id(cluster: str) -> int | None:
    """The id of a group in an address, or None for anything that cannot be one."""
    return int(cluster) if _CLUSTER_ID.fullmatch(cluster) else None


class ReviewForm(forms.Form):
    note = forms.CharField(
        required=False,
        max_length=NOTE_LIMIT,
        error_messages={
            "max_length": NOTE_TOO_LONG,
            "null_characters_not_allowed": NOTE_UNREADABLE,
        },
    )


@capability_required(Capability.REVIEW_SIMILAR_ACCOUNTS)
@require_http_methods(["GET"])
def similar_accounts(request: AuthenticatedRequest) -> HttpResponse:
    """The clusters of the latest search, the latest referral first, 20 a page, and the near
    copies found when referrals were made since."""
    read = similar_queue(actor=request.user, page=page_number(request))
    rows = []
    if read.page is not None:
        rows = [
            queue_row(cluster, read.members.get(cluster.pk, []), read.reviews.get(cluster.pk))
            for cluster in read.page
        ]
    submitted = [
        {
            "earlier": pair.referral_l.reference,
            "later": pair.referral_r.reference,
            "alike": alike(pair.jaccard),
            "when": pair.found_at,
        }
        for pair in read.submitted
    ]
    context = {
        "run": read.run,
        "threshold_percent": round(read.run.threshold * 100) if read.run is not None else 80,
        "page_obj": read.page,
        "clusters": rows,
        "submitted": submitted,
    }
    return render(request, "intelligence/similar.html", context)


def _cluster_page(
    request: AuthenticatedRequest, cluster: str, status: int = 200, **extra: Any
) -> HttpResponse:
    cluster_id = _cluster_id(cluster)
    read = (
        None
        if cluster_id is None
        else similar_cluster_get(actor=request.user, cluster_id=cluster_id)
    )
    if read is None:
        return not_found(request)
    pairs = [
        {
            "left": pair.referral_l.reference,
            "right": pair.referral_r.reference,
            "alike": alike(pair.jaccard),
        }
        for pair in read.pairs
    ]
    context = {
        "cluster": read.cluster,
        "shared": shared_rows(read.cluster, read.referrals),
        "members": [member_row(r) for r in read.referrals],
        "pairs": pairs,
        "pair_count": read.pair_count,
        "review": review_words(read.review, read.reviewed_as_is),
        "reviewed": request.session.pop(JUST_REVIEWED, None) == cluster_id,
        **extra,
    }
    return render(request, "intelligence/similar_cluster.html", context, status=status)


@capability_required(Capability.REVIEW_SIMILAR_ACCOUNTS)
@require_http_methods(["GET"])
def similar_cluster(request: AuthenticatedRequest, cluster: str) -> HttpResponse:
    """One cluster: what its referrals have in common, its referrals and its pairs."""
    return _cluster_page(request, cluster)


@capability_required(Capability.REVIEW_SIMILAR_ACCOUNTS)
@require_http_methods(["POST"])
def similar_cluster_reviewed(request: AuthenticatedRequest, cluster: str) -> HttpResponse:
    """Mark the cluster as reviewed, with a note (optional), and go back to it."""
    cluster_id = _cluster_id(cluster)
    if cluster_id is None:
        return not_found(request)
    form = ReviewForm(request.POST)
    if not form.is_valid():
        errors = [
            {"text": str(message), "href": "#note"}
            for messages in form.errors.values()
            for message in messages
        ]
        note = request.POST.get("note", "")
        return _cluster_page(
            request, cluster, status=400, errors=errors, note=note, note_error=errors[0]["text"]
        )
    try:
        similar_cluster_review(
            actor=request.user, cluster_id=cluster_id, note=form.cleaned_data["note"]
        )
    except ClusterNotFound:
        return not_found(request)
    request.session[JUST_REVIEWED] = cluster_id
    return redirect("intelligence:similar-cluster", cluster_id)


@capability_required(Capability.REVIEW_SIMILAR_ACCOUNTS)
@require_http_methods(["GET"])
def similar_side_by_side(request: AuthenticatedRequest, left: str, right: str) -> HttpResponse:
    """Two accounts of one lead side by side, the passages they share marked (the read of
    both is audited)."""
    try:
        read = similar_compare(actor=request.user, left=left, right=right)
    except CapabilityDenied:
        return render(request, "web/forbidden.html", status=403)
    if read is None:
        return not_found(request)
    left_hashes, right_hashes = hashes_of(read.left_text), hashes_of(read.right_text)
    sides = [
        {
            "reference": referral.reference,
            "row": member_row(referral),
            "account": passages(text, theirs),
        }
        for referral, text, theirs in (
            (read.left, read.left_text, right_hashes),
            (read.right, read.right_text, left_hashes),
        )
    ]
    context = {"sides": sides, "alike": alike(read.similarity), "cluster": read.cluster}
    return render(request, "intelligence/similar_compare.html", context)
