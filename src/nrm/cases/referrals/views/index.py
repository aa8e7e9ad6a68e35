"""A first responder's referrals: their organisation's referrals with status, and drafts."""

from django.http import HttpResponse
from django.shortcuts import render
from django.views.decorators.http import require_http_methods

from nrm.accounts.actors import AuthenticatedRequest
from nrm.accounts.capabilities import Capability
from nrm.accounts.decorators import capability_required
from nrm.accounts.permissions import has_capability
from nrm.cases.referrals.display import latest_outcomes
from nrm.cases.referrals.journey import SECTIONS, Journey
from nrm.cases.referrals.selectors import draft_list, referral_page
from nrm.cases.referrals.views.common import page_number
from nrm.cases.stages import stage_tag


@capability_required(Capability.SUBMIT_REFERRAL)
@require_http_methods(["GET"])
def index(request: AuthenticatedRequest) -> HttpResponse:
    user = request.user
    page_obj = None
    rows = []
    if has_capability(user, Capability.READ_REFERRALS):
        page_obj, _ = referral_page(actor=user, page=page_number(request))
        for referral in page_obj:
            case = getattr(referral, "case", None)
            rows.append(
                {
                    "referral": referral,
                    "stage": stage_tag(case.stage) if case else None,
                    "outcomes": latest_outcomes(referral.decisions.all()),
                }
            )
    drafts = []
    for draft in draft_list(actor=user):
        journey = Journey.of(draft.data)
        done = sum(1 for s in SECTIONS if journey.status(s) == "completed")
        drafts.append({"draft": draft, "done": done, "total": len(SECTIONS)})
    context = {
        "rows": rows,
        "page_obj": page_obj,
        "drafts": drafts,
        "can_notify": has_capability(user, Capability.SUBMIT_NOTIFICATION),
    }
    return render(request, "referrals/index.html", context)
