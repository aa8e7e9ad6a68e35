"""Pieces the first responder pages share."""

from django.http import HttpResponse
from django.shortcuts import render

from nrm.accounts.actors import AuthenticatedRequest
from nrm.cases.models import ReferralDraft
from nrm.cases.referrals.selectors import draft_get


def not_found(request: AuthenticatedRequest) -> HttpResponse:
    """The page of something the user cannot see, which looks like nothing is there."""
    return render(request, "web/not_found.html", status=404)


def draft_for(request: AuthenticatedRequest, draft_id: str) -> ReferralDraft | None:
    """The draft of the user's organisation (the read, or the refusal, is audited)."""
    return draft_get(actor=request.user, draft_id=draft_id)


def page_number(request: AuthenticatedRequest) -> int:
    """The page of a list asked for (the first when the address holds no page number)."""
    try:
        return max(1, int(request.GET.get("page", "1")))
    except ValueError:
        return 1
