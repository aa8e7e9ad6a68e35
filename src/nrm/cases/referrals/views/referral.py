"""A referral's page (summary, case stage, decisions) and the request for a reconsideration."""

from typing import Any

from django.contrib import messages
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.views.decorators.http import require_http_methods

from nrm.accounts.actors import AuthenticatedRequest
from nrm.accounts.capabilities import Capability
from nrm.accounts.decorators import capability_required
from nrm.accounts.permissions import has_capability
from nrm.cases.casework.services.decisions import case_event_record
from nrm.cases.casework.services.locking import CaseConflict, CaseNotFound
from nrm.cases.casework.state import IllegalTransition
from nrm.cases.models import Referral
from nrm.cases.referrals.build import referral_as_record
from nrm.cases.referrals.display import latest_outcomes, outcome_tag, summary_rows
from nrm.cases.referrals.forms import ReconsiderationForm
from nrm.cases.referrals.journey import SECTIONS
from nrm.cases.referrals.selectors import referral_get
from nrm.cases.referrals.views.common import not_found
from nrm.cases.stages import NEGATIVE, Event, Stage, stage_tag

RECONSIDERATION_REQUESTED = (
    "Reconsideration requested. The competent authority will take the decision again."
)
NOT_NEGATIVE = "Only a negative decision can be reconsidered; this case has none waiting."


def _can_reconsider(request: AuthenticatedRequest, referral: Referral) -> bool:
    return Stage(referral.case.stage) in NEGATIVE and has_capability(
        request.user, Capability.REQUEST_RECONSIDERATION
    )


def _context(request: AuthenticatedRequest, referral: Referral) -> dict[str, Any]:
    account = has_capability(request.user, Capability.READ_ACCOUNT_TEXT)
    record = referral_as_record(referral, with_account=account)
    sections = [
        {"title": title, "rows": summary_rows(section, record)}
        for section, (title, _) in SECTIONS.items()
        if section != "account" or account
    ]
    decisions = [
        {
            "stage": d.get_stage_display(),
            "tag": outcome_tag(d.outcome),
            "on": d.decided_on,
        }
        for d in referral.decisions.all()
    ]
    return {
        "referral": referral,
        "case": referral.case,
        "stage": stage_tag(referral.case.stage),
        "outcomes": latest_outcomes(referral.decisions.all()),
        "decisions": decisions,
        "sections": sections,
        "can_reconsider": _can_reconsider(request, referral),
    }


@capability_required(Capability.READ_REFERRALS)
@require_http_methods(["GET"])
def referral_detail(request: AuthenticatedRequest, reference: str) -> HttpResponse:
    referral = referral_get(actor=request.user, reference=reference)
    if referral is None:
        return not_found(request)
    return render(request, "referrals/referral.html", _context(request, referral))


@capability_required(Capability.REQUEST_RECONSIDERATION)
@require_http_methods(["GET", "POST"])
def reconsideration_request(request: AuthenticatedRequest, reference: str) -> HttpResponse:
    """Ask for a negative decision to be taken again, with reasons; the case version seen is
    sent, so a change by someone else in the meantime is refused with the conflict message."""
    referral = referral_get(actor=request.user, reference=reference)
    if referral is None:
        return not_found(request)
    error = ""
    if request.method == "POST":
        form = ReconsiderationForm(request.POST)
        if form.is_valid():
            try:
                case_event_record(
                    actor=request.user,
                    reference=reference,
                    event=Event.RECONSIDER,
                    on=timezone.localdate(),
                    expected_version=form.cleaned_data["version"],
                    reasons=form.cleaned_data["reasons"],
                )
            except CaseNotFound:
                return not_found(request)
            except (CaseConflict, IllegalTransition) as refused:
                error = str(refused)
                referral = referral_get(actor=request.user, reference=reference) or referral
                data = request.POST.copy()
                data["version"] = str(referral.case.version)
                form = ReconsiderationForm(data)
                form.is_valid()
            else:
                messages.success(request, RECONSIDERATION_REQUESTED)
                return redirect("referrals:referral", reference)
    else:
        form = ReconsiderationForm(initial={"version": referral.case.version})
        if not _can_reconsider(request, referral):
            error = NOT_NEGATIVE
    summary = [{"href": "", "text": error}] if error else []
    context = {**_context(request, referral), "form": form, "error_summary": summary}
    return render(request, "referrals/reconsider.html", context)
