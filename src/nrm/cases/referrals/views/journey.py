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
    SECTIONS,
    Journey,
    errors_show,
    section_check,
)
from nrm.cases.referrals.services import draft_delete, draft_save
from nrm.cases.referrals.views.common import draft_for, not_found

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
    tasks = reverse("referrals:draft", args=[draft.pk]) if draft else reverse("referrals:index")
    context = {
        "draft": draft,
        "section": section,
        "title": SECTIONS[section][0],
        "form": form,
        "groups": _groups(section, form),
        "child": section == "consent" and journey.is_child(),
        "single": section in ("consent", "account"),
        "back": tasks,
        "countries": any("list" in f.widget.attrs for f in form.fields.values()),
    }
    return render(request, "referrals/section.html", context)


def _next(
    request: AuthenticatedRequest, draft: ReferralDraft, section: str, form: Any, j: Journey
) -> str:
    if section == "consent" and form.record().get("consent") is False and not j.is_child():
        return reverse("referrals:declined", args=[draft.pk])
    if request.GET.get("return") == "check":
        return reverse("referrals:check", args=[draft.pk])
    return reverse("referrals:draft", args=[draft.pk])


def _section(
    request: AuthenticatedRequest, draft: ReferralDraft | None, section: str
) -> HttpResponse:
    journey = Journey.of(draft.data if draft else None)
    if draft is not None and section == "consent" and journey.status(section) == CANNOT_START:
        messages.info(request, PERSON_FIRST)
        return redirect("referrals:draft", draft.pk)
    if request.method != "POST":
        form = journey.form(section)
        if draft is None:  # a new referral: the referring officer is the user, unless changed
            user = request.user
            officer = {
                "first_responder_officer": user.get_full_name(),
                "first_responder_email": user.email,
            }
            form = SECTIONS[section][1](initial={k: v for k, v in officer.items() if v})
        if form.is_bound:
            form.is_valid()
            form.errors.clear()
            errors_show(form, journey.section_errors(section))
        return _render(request, draft, section, journey, form)
    journey.keep(section, request.POST)
    form = journey.form(section, request.POST)
    form.is_valid()
    problems = section_check(journey, section, form)
    journey.errors = [e for e in journey.errors if e.get("section") != section]
    ok = not form.errors and not problems
    if ok:
        journey.complete.add(section)
    else:
        journey.complete.discard(section)
    declined = section == "consent" and form.record().get("consent") is False
    saving = request.POST.get("action") == "save"
    if saving or ok or (declined and not journey.is_child()):
        try:
            draft = draft_save(actor=request.user, draft=draft, data=journey.as_data())
        except ReferralInvalid as unstorable:
            errors_show(form, [{"field": e.field, "message": e.message} for e in unstorable.errors])
            return _render(request, draft, section, journey, form)
        if saving:
            messages.success(request, DRAFT_SAVED)
            return redirect("referrals:index")
        return redirect(_next(request, draft, section, form, journey))
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
