"""The review queue of person resolution, for the intelligence analyst: the pairs of records
that may be one person, most likely first, each with buttons to say they are the same person
or different people (a reason optional). Works without JavaScript."""

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
from nrm.intelligence.review import review_page
from nrm.intelligence.review_pages import review_context

JUST_DECIDED = "intelligence_just_decided"
ACCEPT, REJECT = "accept", "reject"
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


def _queue(
    request: AuthenticatedRequest, page: int, failed: dict[str, Any] | None = None, **extra: Any
) -> dict[str, Any]:
    context = review_context(review_page(actor=request.user, page=page), failed)
    return {**context, **extra}


@capability_required(Capability.RESOLVE_PEOPLE)
@require_http_methods(["GET"])
def review(request: AuthenticatedRequest) -> HttpResponse:
    """The pairs waiting for review that the analyst may see, most likely first, 10 a page."""
    decided = request.session.pop(JUST_DECIDED, None)
    context = _queue(request, page_number(request), decided=DECIDED.get(decided or ""))
    return render(request, "intelligence/review.html", context)


@capability_required(Capability.RESOLVE_PEOPLE)
@require_http_methods(["POST"])
def review_decide(request: AuthenticatedRequest) -> HttpResponse:
    """Record the analyst's decision on one pair (audited) and go back to the queue."""
    form = PairDecisionForm(request.POST)
    page = page_number(request)
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
        context = _queue(request, page, errors=errors, failed=failed)
        return render(request, "intelligence/review.html", context, status=400)
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
    return redirect(f"{reverse('intelligence:review')}?page={page}")
