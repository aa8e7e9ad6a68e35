"""The case page: the summary, the person (the account only with the capability to read it),
the timeline and the changes the user may make."""

from datetime import date
from typing import Any

from django.http import HttpResponse
from django.shortcuts import render
from django.utils import timezone
from django.views.decorators.http import require_GET

from nrm.accounts.actors import AuthenticatedRequest
from nrm.accounts.capabilities import Capability
from nrm.accounts.decorators import capability_required
from nrm.accounts.permissions import has_capability
from nrm.cases.access import sees_internal_case_content
from nrm.cases.casework import selectors
from nrm.cases.casework.display import duration_words, nationalities_words
from nrm.cases.casework.timeline import timeline_entries
from nrm.cases.casework.views.actions import actions_for, actions_waiting
from nrm.cases.models import Case, Person, Referral, VictimAccount
from nrm.cases.stages import deadline_tag, stage_label
from nrm.standard.codes import (
    CompetentAuthority,
    ExploitationType,
    Gender,
    Nation,
    NationalityBasis,
    PoliceRegion,
)
from nrm.standard.nationality import languages_label


def _label(choices: Any, code: str) -> str:
    return str(choices(code).label) if code in choices.values else code


def _person(referral: Referral, *, with_account: bool) -> dict[str, object]:
    person = Person.objects.filter(referral=referral).first()
    nationalities = [
        (n.country, _label(NationalityBasis, n.basis).lower()) for n in referral.nationalities.all()
    ]
    found: dict[str, object] = {
        "name": " ".join(p for p in (person.given_name, person.family_name) if p) if person else "",
        "aliases": ", ".join(person.aliases) if person and person.aliases else "",
        "date_of_birth": person.date_of_birth if person else None,
        "gender": _label(Gender, person.gender) if person else "",
        "age_group": referral.get_age_group_display(),
        "nationalities": nationalities_words(nationalities),
        "languages": languages_label(person.languages) if person else "",
        "interpreter_needed": person.interpreter_needed if person else None,
        "exploitation_type": _label(ExploitationType, referral.exploitation_type),
    }
    if with_account:
        account = VictimAccount.objects.filter(referral=referral).first()
        found["account"] = account.text if account else ""
    return found


def _age(case: Case, *, today: date) -> tuple[str, str]:
    """How long the case has been open (or was, to the day it closed), in words."""
    if case.closed_on:
        return "Was open for", duration_words(case.received_on, case.closed_on)
    return "Open for", duration_words(case.received_on, today)


def _deadlines(case: Case) -> list[tuple[str, object]]:
    rows: list[tuple[str, object]] = [("Reasonable grounds decision due", case.rg_due_on)]
    if case.recovery_ends_on:
        rows.append(("Recovery period ends", case.recovery_ends_on))
    if case.review_due_on:
        rows.append(("Day-30 review due", case.review_due_on))
    if case.reviewed_on:
        rows.append(("Day-30 review recorded", case.reviewed_on))
    if case.closed_on:
        rows.append(("Closed", case.closed_on))
    return rows


@capability_required(Capability.READ_REFERRALS)
@require_GET
def case_view(request: AuthenticatedRequest, reference: str) -> HttpResponse:
    case = selectors.case_get(actor=request.user, reference=reference)
    if case is None:
        return render(request, "web/not_found.html", status=404)
    today = timezone.localdate()
    referral = case.referral
    internal = sees_internal_case_content(request.user)
    context = {
        "internal": internal,
        "case": case,
        "reference": referral.reference,
        "summary": [
            ("NRM reference", referral.reference),
            ("Referral date", referral.referral_date),
            ("Nation", _label(Nation, referral.nation)),
            ("Police region", _label(PoliceRegion, referral.police_region)),
            ("First responder organisation", referral.organisation.name),
            ("Competent authority", _label(CompetentAuthority, referral.competent_authority)),
            ("Stage", stage_label(case.stage)),
        ],
        "deadlines": _deadlines(case),
        "next_due": case.due_on,
        "tag": deadline_tag(case.due_on, today=today),
        "age": _age(case, today=today),
        "assigned": (case.assigned_to.get_full_name() or case.assigned_to.get_username())
        if case.assigned_to
        else "",
        "person": _person(
            referral, with_account=has_capability(request.user, Capability.READ_ACCOUNT_TEXT)
        ),
        "timeline": timeline_entries(case=case, internal=internal),
        "actions": actions_for(actor=request.user, case=case, today=today),
        "waiting": actions_waiting(actor=request.user, case=case, today=today),
        "can_queue": has_capability(request.user, Capability.VIEW_DEADLINES),
    }
    return render(request, "casework/case.html", context)
