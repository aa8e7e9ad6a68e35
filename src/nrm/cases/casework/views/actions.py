"""The changes a case page offers, one page each: the decision forms, suspension, resumption,
withdrawal, extension, the day-30 review, the case summary, reallocation and assignment.

Each form carries the version of the case it was rendered with; a save on a stale version
shows the conflict message and keeps everything the user typed (the hidden version moves on to
the current one, so the next save goes through once the user has checked the case)."""

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from typing import Any

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.views.decorators.http import require_http_methods

from nrm.accounts.actors import Actor, AuthenticatedRequest
from nrm.accounts.capabilities import Capability
from nrm.accounts.decorators import capability_required
from nrm.accounts.permissions import CapabilityDenied, has_capability
from nrm.cases.casework import forms, selectors
from nrm.cases.casework import messages as casework_messages
from nrm.cases.casework.events import RULES, event_applies
from nrm.cases.casework.services.decisions import (
    case_event_record,
    cg_decision_record,
    rg_decision_record,
)
from nrm.cases.casework.services.edits import (
    case_assign,
    case_edit,
    case_note_add,
    case_reallocate,
    review_record,
)
from nrm.cases.casework.services.locking import CaseConflict, CaseNotFound
from nrm.cases.casework.state import CaseState, IllegalTransition, event_earliest
from nrm.cases.models import Case
from nrm.cases.stages import Change, Event, stage_label
from nrm.standard.codes import CompetentAuthority, DecisionOutcome
from nrm.standard.words import long_date

Save = Callable[[Any, str, int, dict[str, Any]], Case]


@dataclass(frozen=True)
class Action:
    """A change the case page offers. What it needs and where it applies are the change's
    rule (``events.RULES``), as the services and the state machine read it."""

    slug: str
    title: str
    button: str
    form: type[forms.CaseForm]
    event: Event | Change
    save: Save
    done: str
    warning: str = ""
    also: Callable[[Case], bool] = lambda case: True  # a further condition of the page
    # What the case page says while the rules' first day for the change is still ahead
    # (``state.event_earliest``); ``{day}`` is that day.
    not_yet: str = ""

    @property
    def capability(self) -> Capability:
        return RULES[self.event].capability

    def earliest(self, case: Case) -> date | None:
        """The first day the change may be dated on (None: no such day), by the state machine."""
        if not isinstance(self.event, Event):
            return None
        return event_earliest(CaseState.of(case), self.event)

    def applies(self, case: Case, *, today: date) -> bool:
        """Whether the change can be made to ``case`` now: its stage allows it (``RULES``), the
        page's own condition holds and the rules' first day for it has come."""
        earliest = self.earliest(case)
        return (
            event_applies(self.event, stage=case.stage)
            and self.also(case)
            and (earliest is None or earliest <= today)
        )

    def waits(self, case: Case, *, today: date) -> str:
        """The sentence saying from which day the change can be made, when only the day stops
        it now; "" otherwise."""
        earliest = self.earliest(case)
        if earliest is None or earliest <= today or not self.not_yet:
            return ""
        if not (event_applies(self.event, stage=case.stage) and self.also(case)):
            return ""
        return self.not_yet.format(day=long_date(earliest))


def _event(event: Event) -> Save:
    def save(actor: Actor, reference: str, version: int, data: dict[str, Any]) -> Case:
        return case_event_record(
            actor=actor,
            reference=reference,
            event=event,
            on=data["on"],
            expected_version=version,
            reasons=data.get("reasons", ""),
            extend_days=data.get("days") or 0,
        )

    return save


def _decision(record: Callable[..., Case]) -> Save:
    def save(actor: Actor, reference: str, version: int, data: dict[str, Any]) -> Case:
        return record(
            actor=actor,
            reference=reference,
            positive=data["outcome"] == DecisionOutcome.POSITIVE,
            on=data["decided_on"],
            expected_version=version,
            reasons=data["reasons"],
        )

    return save


def _review(actor: Actor, reference: str, version: int, data: dict[str, Any]) -> Case:
    return review_record(actor=actor, reference=reference, on=data["on"], expected_version=version)


def _summary(actor: Actor, reference: str, version: int, data: dict[str, Any]) -> Case:
    return case_edit(
        actor=actor, reference=reference, expected_version=version, summary=data["summary"]
    )


def _note(actor: Actor, reference: str, version: int, data: dict[str, Any]) -> Case:
    return case_note_add(
        actor=actor, reference=reference, expected_version=version, note=data["note"]
    )


def _reallocate(actor: Actor, reference: str, version: int, data: dict[str, Any]) -> Case:
    return case_reallocate(
        actor=actor,
        reference=reference,
        authority=CompetentAuthority(data["authority"]),
        reason=data["reason"],
        expected_version=version,
    )


def _assign(actor: Actor, reference: str, version: int, data: dict[str, Any]) -> Case:
    return case_assign(
        actor=actor, reference=reference, assignee=data["assignee"], expected_version=version
    )


ACTIONS = {
    action.slug: action
    for action in (
        Action(
            "rg-decision",
            "Record the reasonable grounds decision",
            "Save the decision",
            forms.DecisionForm,
            Event.RG_POSITIVE,
            _decision(rg_decision_record),
            "Reasonable grounds decision recorded",
        ),
        Action(
            "cg-decision",
            "Record the conclusive grounds decision",
            "Save the decision",
            forms.DecisionForm,
            Event.CG_POSITIVE,
            _decision(cg_decision_record),
            "Conclusive grounds decision recorded",
            not_yet=casework_messages.CG_NOT_YET,
        ),
        Action(
            "review",
            "Record the day-30 review",
            "Save the review",
            forms.ReviewForm,
            Change.REVIEW,
            _review,
            "Day-30 review recorded",
            also=lambda case: case.reviewed_on is None,
        ),
        Action(
            "suspend",
            "Suspend the case",
            "Suspend the case",
            forms.EventForm,
            Event.SUSPEND,
            _event(Event.SUSPEND),
            "Case suspended",
        ),
        Action(
            "resume",
            "Resume the case",
            "Resume the case",
            forms.EventForm,
            Event.RESUME,
            _event(Event.RESUME),
            "Case resumed",
        ),
        Action(
            "withdraw",
            "Withdraw the case",
            "Withdraw the case",
            forms.EventForm,
            Event.WITHDRAW,
            _event(Event.WITHDRAW),
            "Case withdrawn",
            warning="A withdrawn case is closed: it cannot be reopened.",
        ),
        Action(
            "extend-recovery",
            "Extend the recovery period",
            "Extend the recovery period",
            forms.ExtensionForm,
            Event.EXTEND_RECOVERY,
            _event(Event.EXTEND_RECOVERY),
            "Recovery period extended",
        ),
        Action(
            "summary",
            "Edit the case summary",
            "Save the summary",
            forms.SummaryForm,
            Change.EDIT,
            _summary,
            "Case summary saved",
        ),
        Action(
            "note",
            "Add a note",
            "Save the note",
            forms.NoteForm,
            Change.NOTE,
            _note,
            "Note added",
        ),
        Action(
            "reallocate",
            "Reallocate the case",
            "Reallocate the case",
            forms.ReallocationForm,
            Change.REALLOCATE,
            _reallocate,
            "Case reallocated",
        ),
        Action(
            "assign",
            "Assign the case",
            "Assign the case",
            forms.AssignmentForm,
            Change.ASSIGN,
            _assign,
            "Case assignment saved",
        ),
    )
}


def actions_for(*, actor: Actor, case: Case, today: date) -> list[Action]:
    """The changes ``actor`` may make to ``case`` now (the links of the case page)."""
    return [
        action
        for action in ACTIONS.values()
        if has_capability(actor, action.capability) and action.applies(case, today=today)
    ]


def actions_waiting(*, actor: Actor, case: Case, today: date) -> list[str]:
    """What the case page says of the changes ``actor`` could make to ``case`` at its stage but
    not yet, each with the day from which it can be made."""
    waiting = [
        action.waits(case, today=today)
        for action in ACTIONS.values()
        if has_capability(actor, action.capability)
    ]
    return [sentence for sentence in waiting if sentence]


def _form(action: Action, request: AuthenticatedRequest, data: Any, case: Case) -> forms.CaseForm:
    extra: dict[str, Any] = {}
    if action.form is forms.AssignmentForm:
        extra["caseworkers"] = selectors.caseworkers_for(actor=request.user)
    initial: dict[str, Any] = {"expected_version": case.version}
    if action.form is forms.SummaryForm:
        initial["summary"] = case.summary
    if action.form is forms.AssignmentForm:
        initial["assignee"] = case.assigned_to_id
    return action.form(data, initial=initial, **extra)


def _page(request: AuthenticatedRequest, action: Action, case: Case, form: Any) -> HttpResponse:
    context = {
        "action": action,
        "case": case,
        "reference": case.referral.reference,
        "stage": stage_label(case.stage),
        "form": form,
        "waits": action.waits(case, today=timezone.localdate()),
    }
    return render(request, "casework/action.html", context)


def action_page(request: AuthenticatedRequest, reference: str, slug: str) -> HttpResponse:
    """GET: the form; POST: call the service, then back to the case with a banner."""
    action = ACTIONS[slug]
    case = selectors.case_get(actor=request.user, reference=reference)
    if case is None:
        return render(request, "web/not_found.html", status=404)
    if request.method != "POST":
        return _page(request, action, case, _form(action, request, None, case))
    form = _form(action, request, request.POST, case)
    if not form.is_valid():
        return _page(request, action, case, form)
    try:
        action.save(
            request.user, reference, form.cleaned_data["expected_version"], form.cleaned_data
        )
    except CaseConflict as conflict:
        data = request.POST.copy()
        data["expected_version"] = str(conflict.current)
        form = _form(action, request, data, case)
        form.is_valid()
        form.add_error(None, str(conflict))
        return _page(request, action, case, form)
    except CaseNotFound:
        return render(request, "web/not_found.html", status=404)
    except CapabilityDenied:
        return render(request, "web/forbidden.html", status=403)
    except IllegalTransition as refused:
        form.add_error(form.field_for(str(refused)), str(refused))
        return _page(request, action, case, form)
    messages.success(request, f"{action.done} for {reference}")
    return redirect("casework:case", reference=reference)


def _view(slug: str) -> Callable[[HttpRequest, str], HttpResponse]:
    action = ACTIONS[slug]

    @capability_required(action.capability)
    @require_http_methods(["GET", "POST"])
    def view(request: AuthenticatedRequest, reference: str) -> HttpResponse:
        return action_page(request, reference, slug)

    view.__name__ = view.__qualname__ = f"{slug.replace('-', '_')}_view"
    return view


rg_decision_view = _view("rg-decision")
cg_decision_view = _view("cg-decision")
review_view = _view("review")
suspend_view = _view("suspend")
resume_view = _view("resume")
withdraw_view = _view("withdraw")
extend_recovery_view = _view("extend-recovery")
summary_view = _view("summary")
note_view = _view("note")
reallocate_view = _view("reallocate")
assign_view = _view("assign")
