"""Check your answers, submit through ``referral_submit``, and the confirmation."""

from typing import Any

from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.http import require_http_methods

from nrm.accounts.actors import AuthenticatedRequest
from nrm.accounts.capabilities import Capability
from nrm.accounts.decorators import capability_required
from nrm.audit.models import AuditVerb
from nrm.audit.services import audit_record
from nrm.cases.models import ReferralDraft
from nrm.cases.referrals.display import summary_rows
from nrm.cases.referrals.errors import ReferralInvalid
from nrm.cases.referrals.journey import SECTIONS, Journey, errors_show
from nrm.cases.referrals.selectors import referral_list
from nrm.cases.referrals.services import draft_referral_submit, draft_save
from nrm.cases.referrals.views.common import draft_for, not_found
from nrm.cases.referrals.web_messages import NOT_READY
from nrm.web.templatetags.govuk import govuk_kind


def _error_items(draft: ReferralDraft, journey: Journey) -> list[dict[str, str]]:
    """What stops the referral from being submitted (the sections still to answer, the errors
    they hold), each linked to the field on the page that answers it."""
    missing = journey.missing()
    items = []
    for section in SECTIONS:
        problems = [p for p in missing if p.get("section") == section]
        if not problems:
            continue
        form = journey.answered(section)
        form.errors.clear()
        errors_show(form, problems)
        url = reverse("referrals:section", args=[draft.pk, section]) + "?return=check"
        for name, messages in form.errors.items():
            anchor = ""
            if name in form.fields:
                bound = form[name]
                suffix = "_0" if govuk_kind(bound) in ("date", "radios", "checkboxes") else ""
                anchor = f"#{bound.auto_id}{suffix}"
            items += [{"href": url + anchor, "text": str(m)} for m in messages]
    items += [{"href": "", "text": p["message"]} for p in missing if not p.get("section")]
    return items


def _sections(draft: ReferralDraft, journey: Journey) -> list[dict[str, Any]]:
    record = journey.record()
    shown = []
    for section, (title, _) in SECTIONS.items():
        if section == "consent" and journey.is_child():
            rows = [{"key": "Informed consent", "value": "Not needed: the person is a child"}]
        else:
            rows = summary_rows(section, record)
        url = reverse("referrals:section", args=[draft.pk, section]) + "?return=check"
        shown.append({"title": title, "rows": rows, "url": url})
    return shown


@capability_required(Capability.SUBMIT_REFERRAL)
@require_http_methods(["GET", "POST"])
def draft_check(request: AuthenticatedRequest, draft_id: str) -> HttpResponse:
    draft = draft_for(request, draft_id)
    if draft is None:
        return not_found(request)
    journey = Journey.of(draft.data)
    if request.method == "POST" and journey.ready():  # else refused: the page says what is missing
        try:
            referral = draft_referral_submit(actor=request.user, draft=draft, data=journey.record())
        except ReferralInvalid as invalid:
            journey.errors_keep(invalid.errors)
            draft = draft_save(actor=request.user, draft=draft, data=journey.as_data())
        else:
            return redirect("referrals:submitted", referral.reference)
    context = {
        "draft": draft,
        "sections": _sections(draft, journey),
        "error_summary": _error_items(draft, journey),
        "ready": journey.ready(),
        "not_ready": NOT_READY,
    }
    return render(request, "referrals/check.html", context)


@capability_required(Capability.SUBMIT_REFERRAL)
@require_http_methods(["GET"])
def referral_submitted(request: AuthenticatedRequest, reference: str) -> HttpResponse:
    """The confirmation panel with the NRM reference."""
    if not referral_list(actor=request.user).filter(reference=reference).exists():
        audit_record(
            actor=request.user, verb=AuditVerb.ACCESS_DENIED, detail={"reference": reference}
        )
        return not_found(request)
    return render(request, "referrals/submitted.html", {"reference": reference})
