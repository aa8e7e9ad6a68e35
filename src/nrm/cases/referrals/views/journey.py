"""The referral journey: a task list of sections, one page per section, saved as a draft."""

from typing import Any

from django.contrib import messages
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.http import require_http_methods, require_POST

from nrm.accounts.actors import AuthenticatedRequest
from nrm.accounts.capabilities import Capability
from nrm.accounts.decorators import capability_required
from nrm.cases.models import ReferralDraft
from nrm.cases.referrals.errors import ReferralInvalid
from nrm.cases.referrals.journey import (
    CANNOT_START,
    INCOMPLETE,
    SECTIONS,
    Journey,
    errors_show,
    section_answer,
)
from nrm.cases.referrals.services import draft_delete, draft_save
from nrm.cases.referrals.views.common import draft_for, not_found
from nrm.cases.referrals.web_messages import CONSENT_NOW_NEEDED, PAGE_NOW_NEEDED

DRAFT_SAVED = "Your draft referral is saved. You can come back to it from your referrals."
DRAFT_DELETED = "The draft referral and its answers are deleted."
PERSON_FIRST = "Answer the questions about the person first: consent depends on their age."

# Headings inside the longer pages: (heading, fields).
GROUPS: dict[str, list[tuple[str, list[str]]]] = {
    "about": [
        ("", ["referral_date", "nation", "police_region", "linked_immigration_interest"]),
        (
            "The referring officer",
            ["first_responder_officer", "first_responder_email", "first_responder_phone"],
        ),
    ],
    "person": [
        ("Names", ["given_name", "family_name", "aliases"]),
        ("Age", ["date_of_birth", "estimated_age", "age_disputed"]),
        ("", ["gender"]),
        (
            "Nationality",
            [
                "claimed_nationality_1",
                "claimed_nationality_2",
                "claimed_nationality_3",
                "assessed_nationality",
                "assessed_nationality_certainty",
            ],
        ),
        ("Languages and contact", ["languages", "interpreter_needed", "contact_route"]),
    ],
}


def _groups(section: str, form: Any) -> list[tuple[str, list[Any]]]:
    groups = GROUPS.get(section, [("", list(form.fields))])
    return [(heading, [form[name] for name in names]) for heading, names in groups]


def _render(
    request: AuthenticatedRequest,
    draft: ReferralDraft | None,
    section: str,
    journey: Journey,
    form: Any,
) -> HttpResponse:
    if draft is None:
        back = reverse("referrals:index")
    elif request.GET.get("return") == "check":
        back = reverse("referrals:check", args=[draft.pk])
    else:
        back = reverse("referrals:draft", args=[draft.pk])
    context = {
        "draft": draft,
        "section": section,
        "title": SECTIONS[section][0],
        "form": form,
        "groups": _groups(section, form),
        "child": section == "consent" and journey.is_child(),
        "single": section in ("consent", "account"),
        "back": back,
        "countries": any("list" in f.widget.attrs for f in form.fields.values()),
    }
    return render(request, "referrals/section.html", context)


def _next(
    request: AuthenticatedRequest, draft: ReferralDraft, journey: Journey, *, was_child: bool
) -> str:
    """Where a page answered leads: from check your answers, to the first section that now
    needs answers (consent, when the person became an adult), else back there; otherwise to
    the task list."""
    if request.GET.get("return") != "check":
        return reverse("referrals:draft", args=[draft.pk])
    following = journey.next_section()
    if following is None:
        return reverse("referrals:check", args=[draft.pk])
    now_adult = following == "consent" and was_child and not journey.is_child()
    messages.info(request, CONSENT_NOW_NEEDED if now_adult else PAGE_NOW_NEEDED)
    return reverse("referrals:section", args=[draft.pk, following]) + "?return=check"


def _opened(
    request: AuthenticatedRequest, draft: ReferralDraft | None, section: str, journey: Journey
) -> Any:
    """The form of a page opened: as it was left, with the errors it holds; opened from check
    your answers while incomplete, with what it still lacks (as check your answers listed)."""
    if draft is None:  # a new referral: the referring officer is the user, unless changed
        user = request.user
        officer = {
            "first_responder_officer": user.get_full_name(),
            "first_responder_email": user.email,
        }
        return SECTIONS[section][1](initial={k: v for k, v in officer.items() if v})
    if section not in journey.sections and not journey.section_errors(section):
        return journey.form(section)
    form = journey.answered(section)
    from_check = request.GET.get("return") == "check"
    if from_check and journey.status(section) == INCOMPLETE:
        shown = journey.outstanding(section)
    else:
        shown = journey.section_errors(section)
    form.errors.clear()
    errors_show(form, shown)
    return form


def _section(
    request: AuthenticatedRequest, draft: ReferralDraft | None, section: str
) -> HttpResponse:
    journey = Journey.of(draft.data if draft else None)
    if draft is not None and section == "consent" and journey.status(section) == CANNOT_START:
        messages.info(request, PERSON_FIRST)
        return redirect("referrals:draft", draft.pk)
    if request.method != "POST":
        return _render(request, draft, section, journey, _opened(request, draft, section, journey))
    saving = request.POST.get("action") == "save"
    was_child = journey.is_child()
    if draft is not None and section == "consent" and was_child:
        # Nothing to answer: a child is referred without consent. Nothing is kept, so the
        # question is asked afresh if the answers later make the person an adult.
        if saving:
            messages.success(request, DRAFT_SAVED)
            return redirect("referrals:index")
        return redirect(_next(request, draft, journey, was_child=was_child))
    form, problems = section_answer(journey, section, request.POST)
    ok = section in journey.complete
    declined = (
        section == "consent" and form.record().get("consent") is False and not journey.is_child()
    )
    if saving or ok or declined:
        try:
            draft = draft_save(actor=request.user, draft=draft, data=journey.as_data())
        except ReferralInvalid as unstorable:
            errors_show(form, [{"field": e.field, "message": e.message} for e in unstorable.errors])
            return _render(request, draft, section, journey, form)
        if saving:
            messages.success(request, DRAFT_SAVED)
            return redirect("referrals:index")
        if declined:
            return redirect("referrals:declined", draft.pk)
        return redirect(_next(request, draft, journey, was_child=was_child))
    errors_show(form, [{"field": p.field, "message": p.message} for p in problems])
    return _render(request, draft, section, journey, form)


@capability_required(Capability.SUBMIT_REFERRAL)
@require_http_methods(["GET", "POST"])
def referral_start(request: AuthenticatedRequest) -> HttpResponse:
    """The first page of a new referral; its draft is made when the page is saved."""
    return _section(request, None, "about")


@capability_required(Capability.SUBMIT_REFERRAL)
@require_http_methods(["GET", "POST"])
def draft_section(request: AuthenticatedRequest, draft_id: str, section: str) -> HttpResponse:
    if section not in SECTIONS:
        return not_found(request)
    draft = draft_for(request, draft_id)
    if draft is None:
        return not_found(request)
    return _section(request, draft, section)


@capability_required(Capability.SUBMIT_REFERRAL)
@require_http_methods(["GET"])
def draft_tasks(request: AuthenticatedRequest, draft_id: str) -> HttpResponse:
    """The task list of a draft: each section with its status, then check and submit."""
    draft = draft_for(request, draft_id)
    if draft is None:
        return not_found(request)
    journey = Journey.of(draft.data)
    tasks = [
        {
            "section": section,
            "title": title,
            "status": journey.status(section),
            "url": reverse("referrals:section", args=[draft.pk, section]),
        }
        for section, (title, _) in SECTIONS.items()
    ]
    done = sum(1 for task in tasks if task["status"] == "completed")
    context = {"draft": draft, "tasks": tasks, "done": done, "ready": journey.ready()}
    return render(request, "referrals/tasks.html", context)


@capability_required(Capability.SUBMIT_REFERRAL)
@require_http_methods(["GET"])
def draft_declined(request: AuthenticatedRequest, draft_id: str) -> HttpResponse:
    """An adult declined: the referral cannot go ahead; an anonymous notification can."""
    draft = draft_for(request, draft_id)
    if draft is None:
        return not_found(request)
    return render(request, "referrals/declined.html", {"draft": draft})


@capability_required(Capability.SUBMIT_REFERRAL)
@require_POST
def draft_remove(request: AuthenticatedRequest, draft_id: str) -> HttpResponse:
    draft = draft_for(request, draft_id)
    if draft is None:
        return not_found(request)
    draft_delete(actor=request.user, draft=draft)
    messages.success(request, DRAFT_DELETED)
    return redirect("referrals:index")
