"""The anonymous notification: for an adult who declines referral. No identifying details."""

from typing import Any

from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_http_methods

from nrm.accounts.actors import AuthenticatedRequest
from nrm.accounts.capabilities import Capability
from nrm.accounts.decorators import capability_required
from nrm.audit.models import AuditVerb
from nrm.audit.services import audit_record
from nrm.cases.models import ReferralDraft
from nrm.cases.referrals.errors import ReferralInvalid
from nrm.cases.referrals.forms import NotificationForm
from nrm.cases.referrals.journey import Journey, errors_show
from nrm.cases.referrals.selectors import notification_list
from nrm.cases.referrals.services import draft_notification_submit
from nrm.cases.referrals.views.common import draft_for, not_found
from nrm.standard.validation import notification_validate

# The answers of a declined referral that an anonymous notification may keep (none identifies).
FROM_REFERRAL = {
    "notification_date": "referral_date",
    "nation": "nation",
    "police_region": "police_region",
    "gender": "gender",
    "exploitation_type": "exploitation_type",
    "exploitation_sub_types": "exploitation_sub_types",
    "exploitation_region": "exploitation_region",
    "exploitation_country": "exploitation_country",
}


def _initial(draft: ReferralDraft) -> dict[str, Any]:
    record = Journey.of(draft.data).record()
    initial = {name: record[key] for name, key in FROM_REFERRAL.items() if key in record}
    claimed = record.get("claimed_nationalities") or []
    if claimed:
        initial["nationality"] = claimed[0]
    return initial


@capability_required(Capability.SUBMIT_NOTIFICATION)
@require_http_methods(["GET", "POST"])
def notification_new(request: AuthenticatedRequest) -> HttpResponse:
    """One page of non-identifying questions. From a declined referral (``?draft=``) the page
    starts with that referral's non-identifying answers, and the draft is deleted on submit."""
    draft = None
    if request.GET.get("draft"):
        draft = draft_for(request, request.GET["draft"])
        if draft is None:
            return not_found(request)
    if request.method == "POST":
        form = NotificationForm(request.POST)
        try:
            if not form.is_valid():  # a date that is not one: say what else is wrong, too
                raise ReferralInvalid(notification_validate(form.record()).errors)
            notification = draft_notification_submit(
                actor=request.user, draft=draft, data=form.record()
            )
        except ReferralInvalid as invalid:
            problems = [{"field": e.field, "message": e.message} for e in invalid.errors]
            errors_show(form, problems)
        else:
            return redirect("referrals:notification-sent", notification.reference)
    else:
        form = NotificationForm(initial=_initial(draft) if draft else None)
    return render(request, "referrals/notification.html", {"form": form, "draft": draft})


@capability_required(Capability.SUBMIT_NOTIFICATION)
@require_http_methods(["GET"])
def notification_sent(request: AuthenticatedRequest, reference: str) -> HttpResponse:
    if not notification_list(actor=request.user).filter(reference=reference).exists():
        audit_record(
            actor=request.user, verb=AuditVerb.ACCESS_DENIED, detail={"reference": reference}
        )
        return not_found(request)
    return render(request, "referrals/notification_sent.html", {"reference": reference})
