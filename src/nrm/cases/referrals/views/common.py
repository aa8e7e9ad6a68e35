"""Pieces the first responder pages share."""

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from nrm.cases.models import ReferralDraft
from nrm.cases.referrals.selectors import draft_get


def not_found(request: HttpRequest) -> HttpResponse:
    """The page of something the user cannot see, which looks like nothing is there."""
    return render(request, "web/not_found.html", status=404)


def draft_for(request: HttpRequest, draft_id: str) -> ReferralDraft | None:
    """The draft of the user's organisation (the read, or the refusal, is audited)."""
    return draft_get(actor=request.user, draft_id=draft_id)
