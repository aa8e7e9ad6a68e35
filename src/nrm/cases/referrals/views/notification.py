"""The anonymous notification (for an adult who declines referral; no identifying details), the
organisation's notifications and a page to read one."""

from typing import Any

from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_http_methods

from nrm.accounts.actors import AuthenticatedRequest
from nrm.accounts.capabilities import Capability
from nrm.accounts.decorators import capability_required
from nrm.cases.models import ReferralDraft
from nrm.cases.referrals.display import notification_rows
from nrm.cases.referrals.errors import ReferralInvalid
from nrm.cases.referrals.forms import NotificationForm
from nrm.cases.referrals.journey import Journey, errors_show, notification_check
from nrm.cases.referrals.selectors import notification_get, notification_page
from nrm.cases.referrals.services import draft_notification_submit
from nrm.cases.referrals.views.common import draft_for, not_found, page_number

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


# The session remembers the notification just submitted, so its page shows the confirmation once.
JUST_SUBMITTED = "notification_just_submitted"


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
    starts with that referral's non-identifying answers, and the draft is deleted on submit.
    Every problem of the page shows at once: the form's own and the data standard's."""
    draft = None
    if request.GET.get("draft"):
        draft = draft_for(request, request.GET["draft"])
        if draft is None:
            return not_found(request)
    if request.method == "POST":
        form = NotificationForm(request.POST)
        form.is_valid()
        problems = notification_check(form)
        if not form.errors and not problems:
            try:
                notification = draft_notification_submit(
                    actor=request.user, draft=draft, data=form.record()
                )
            except ReferralInvalid as invalid:
                problems = invalid.errors
            else:
                request.session[JUST_SUBMITTED] = notification.reference
                return redirect("referrals:notification", notification.reference)
        errors_show(form, [{"field": e.field, "message": e.message} for e in problems])
    else:
        form = NotificationForm(initial=_initial(draft) if draft else None)
    return render(request, "referrals/notification.html", {"form": form, "draft": draft})


@capability_required(Capability.SUBMIT_NOTIFICATION)
@require_http_methods(["GET"])
def notification_index(request: AuthenticatedRequest) -> HttpResponse:
    """The organisation's anonymous notifications, newest first, 50 a page."""
    page_obj, _ = notification_page(actor=request.user, page=page_number(request))
    return render(request, "referrals/notifications.html", {"page_obj": page_obj})


@capability_required(Capability.SUBMIT_NOTIFICATION)
@require_http_methods(["GET"])
def notification_detail(request: AuthenticatedRequest, reference: str) -> HttpResponse:
    """An anonymous notification's answers; right after it is submitted, with the
    confirmation panel."""
    notification = notification_get(actor=request.user, reference=reference)
    if notification is None:
        return not_found(request)
    just_submitted = request.session.pop(JUST_SUBMITTED, None) == reference
    context = {
        "notification": notification,
        "rows": notification_rows(notification),
        "just_submitted": just_submitted,
    }
    return render(request, "referrals/notification_detail.html", context)
