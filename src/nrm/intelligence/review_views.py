"""The review queue of person resolution, for the intelligence analyst: the pairs of records
that may be one person, most likely first, each with buttons to say they are the same person
or different people (a reason optional); and the decisions made, each of which may be changed.
Works without JavaScript."""

from typing import Any

from django import forms
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.http import require_http_methods

from nrm.accounts.actors import AuthenticatedRequest
from nrm.accounts.capabilities import Capability
from nrm.accounts.decorators import capability_required
from nrm.cases.referrals.views.common import not_found, page_number
from nrm.intelligence.errors import PairNotFound
from nrm.intelligence.resolving import pair_decide
from nrm.intelligence.review import decisions_page, review_page
from nrm.intelligence.review_pages import review_context

JUST_DECIDED = "intelligence_just_decided"
ACCEPT, REJECT = "accept", "reject"
DECISIONS = "decisions"
REASON_LIMIT = 2000
DECIDED = {
    ACCEPT: "You said the two records are the same person. The resolved people have been updated.",
    REJECT: "You said the two records are different people. They will be kept apart.",
}
DECISION_MISSING = "Say whether the two records are the same person or different people"
REASON_TOO_LONG = f"Your reasons must be {REASON_LIMIT} characters or fewer"


class PairDecisionForm(forms.Form):
    record_l = forms.CharField(max_length=40)
    record_r = forms.CharField(max_length=40)
    decision = forms.ChoiceField(
        choices=[(ACCEPT, ACCEPT), (REJECT, REJECT)],
        error_messages={"required": DECISION_MISSING, "invalid_choice": DECISION_MISSING},
    )
    reason = forms.CharField(
        required=False,
        max_length=REASON_LIMIT,
        error_messages={"max_length": REASON_TOO_LONG},
    )


# The two lists of pairs: the queue, and the decisions made (``next`` of a decision's form).
LISTS = {
    "queue": (review_page, "intelligence/review.html", "intelligence:review"),
    DECISIONS: (
        decisions_page,
        "intelligence/review_decisions.html",
        "intelligence:review-decisions",
    ),
}


def _list(
    request: AuthenticatedRequest,
    which: str,
    page: int,
    failed: dict[str, Any] | None = None,
    status: int = 200,
    **extra: Any,
) -> HttpResponse:
    read, template, _ = LISTS[which]
    context = review_context(read(actor=request.user, page=page), failed)
    return render(request, template, {**context, **extra}, status=status)


def _shown(request: AuthenticatedRequest, which: str) -> HttpResponse:
    decided = request.session.pop(JUST_DECIDED, None)
    return _list(request, which, page_number(request), decided=DECIDED.get(decided or ""))


@capability_required(Capability.RESOLVE_PEOPLE)
@require_http_methods(["GET"])
def review(request: AuthenticatedRequest) -> HttpResponse:
    """The pairs waiting for review that the analyst may see, most likely first, 10 a page."""
    return _shown(request, "queue")


@capability_required(Capability.RESOLVE_PEOPLE)
@require_http_methods(["GET"])
def review_decisions(request: AuthenticatedRequest) -> HttpResponse:
    """The decisions made on pairs the analyst may see, latest first, each with a button to
    change it."""
    return _shown(request, DECISIONS)


@capability_required(Capability.RESOLVE_PEOPLE)
@require_http_methods(["POST"])
def review_decide(request: AuthenticatedRequest) -> HttpResponse:
    """Record the analyst's decision on one pair (audited) and go back to the queue."""
    form = PairDecisionForm(request.POST)
    page = page_number(request)
    which = DECISIONS if request.POST.get("next") == DECISIONS else "queue"
    if not form.is_valid():
        if "record_l" in form.errors or "record_r" in form.errors:
            return not_found(request)
        pair = request.POST.get("pair", "")
        pair = pair if pair.isdigit() else ""
        errors = [
            {"text": str(message), "href": f"#{field}-{pair}", "field": field}
            for field, messages in form.errors.items()
            for message in messages
        ]
        failed = {"pair": pair, "reason": request.POST.get("reason", ""), "errors": errors}
        return _list(request, which, page, failed, status=400, errors=errors)
    data = form.cleaned_data
    try:
        pair_decide(
            actor=request.user,
            left=data["record_l"],
            right=data["record_r"],
            accepted=data["decision"] == ACCEPT,
            reason=data["reason"],
        )
    except PairNotFound:
        return not_found(request)
    request.session[JUST_DECIDED] = data["decision"]
    return redirect(f"{reverse(LISTS[which][2])}?page={page}")
