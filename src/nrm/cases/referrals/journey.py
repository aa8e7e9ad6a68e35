"""The web referral journey: its sections, the answers a draft keeps, and how each section is
checked with the data standard's own validation so a page shows exactly the API's messages.

A draft's ``data`` is ``{"sections": {section: {input name: [values]}}, "complete": [...],
"errors": [{"field", "message", "section"}]}``: what the browser sent for each section (so a
page comes back as it was left, even half-filled), the sections that passed their check, and the
errors that stop a section from being complete although it once was (found when another page
changed, or by the submission), shown on the pages they belong to.

Answers depend on each other: the person's age decides whether consent is asked, and dates on
one page are checked against dates on another. So whenever a page is answered, every other
section that was complete is checked again (``Journey.recheck``); one that no longer passes
becomes incomplete with its errors, and ``Journey.next_section`` names the first section that
still needs answers, which is where a change made from check your answers leads.
"""

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from django.forms.utils import ErrorDict
from django.utils.datastructures import MultiValueDict

from nrm.cases.referrals import forms
from nrm.cases.referrals.web_messages import SECTION_NOT_DONE
from nrm.standard.codes import AgeGroup
from nrm.standard.rules import age_group_at_exploitation
from nrm.standard.types import parse_date
from nrm.standard.validation import (
    FieldError,
    Validated,
    notification_validate,
    referral_validate,
)
from nrm.web.forms import DateField

SECTIONS: dict[str, tuple[str, type[forms.StandardForm]]] = {
    "about": ("About the referral", forms.AboutForm),
    "person": ("The person", forms.PersonForm),
    "consent": ("Consent", forms.ConsentForm),
    "exploitation": ("The exploitation", forms.ExploitationForm),
    "account": ("The person's account", forms.AccountForm),
}

# The section whose page answers each field of the standard. The age group is derived from the
# person's answers, so its errors show on that page.
FIELD_SECTION: dict[str, str] = {
    name: section for section, (_, form) in SECTIONS.items() for name in form.standard_fields()
} | {"age_group": "person"}

# Values that stand in for another section's required answers while one section is checked, so
# the standard's cross-field rules run; only errors on the section's own fields are kept. The
# dates (today) also stand in for a page's own date that is not a date, so the page's other
# rules still run and every problem of the page shows at once.
PLACEHOLDERS: dict[str, Any] = {
    "nation": "england",
    "gender": "not_recorded",
    "claimed_nationalities": ["XXX"],
    "exploitation_type": "not_recorded",
}
PAGE_FORMS: list[type[forms.StandardForm]] = [
    *(form for _, form in SECTIONS.values()),
    forms.NotificationForm,
]
DATES = frozenset(
    name
    for form in PAGE_FORMS
    for name, declared in form.base_fields.items()
    if isinstance(declared, DateField)
)
TODAY_STANDS_IN = ("referral_date", "notification_date")

COMPLETED = "completed"
INCOMPLETE = "incomplete"
NOT_STARTED = "not_started"
CANNOT_START = "cannot_start"

Problem = dict[str, str]  # {"field", "message", "section"}


@dataclass
class Journey:
    sections: dict[str, dict[str, list[str]]]
    complete: set[str]
    errors: list[Problem]
    # Each section's answers as the standard's fields, read once (``keep`` forgets them).
    _read: dict[str, dict[str, Any]] = field(default_factory=dict, repr=False, compare=False)

    @classmethod
    def of(cls, data: dict[str, Any] | None) -> "Journey":
        data = data or {}
        return cls(
            sections={k: dict(v) for k, v in data.get("sections", {}).items()},
            complete=set(data.get("complete", [])),
            errors=list(data.get("errors", [])),
        )

    def as_data(self) -> dict[str, Any]:
        return {
            "sections": self.sections,
            "complete": sorted(self.complete),
            "errors": self.errors,
        }

    def form(self, section: str, data: MultiValueDict[str, str] | None = None) -> Any:
        """The section's form: bound to ``data`` (a POST), else to the saved answers, else new."""
        form_class = SECTIONS[section][1]
        if data is not None:
            return form_class(data=data)
        if section in self.sections:
            return form_class(data=MultiValueDict(self.sections[section]))
        return form_class()

    def answered(self, section: str) -> Any:
        """The section's form bound to its saved answers (an empty page when there are none),
        read: its ``errors`` are those of the form itself."""
        form = SECTIONS[section][1](data=MultiValueDict(self.sections.get(section, {})))
        form.is_valid()
        return form

    def keep(self, section: str, data: MultiValueDict[str, str]) -> None:
        """Remember what was sent for ``section`` (its own inputs only)."""
        form = self.form(section, data)
        kept = {}
        for name in form.fields:
            for key in (name, f"{name}_0", f"{name}_1", f"{name}_2"):
                if key in data:
                    kept[key] = data.getlist(key)
        self.sections[section] = kept
        self._read.pop(section, None)

    def values(self, section: str) -> dict[str, Any]:
        if section not in self.sections:
            return {}
        if section not in self._read:
            self._read[section] = dict(self.answered(section).record())
        return dict(self._read[section])

    def record(self, *, only_complete: bool = False, leave_out: str = "") -> dict[str, Any]:
        """All the answers as one record of the data standard."""
        record: dict[str, Any] = {}
        for section in SECTIONS:
            if section == leave_out or (only_complete and section not in self.complete):
                continue
            if section == "consent" and self.is_child():
                continue  # a child is referred without consent
            record.update(self.values(section))
        return record

    def age_group(self) -> AgeGroup | None:
        """The person's age group from the answers so far, by the data standard's own rule;
        until the referral date is answered, today stands in for it."""
        person = self.values("person")
        about, exploitation = self.values("about"), self.values("exploitation")
        try:
            estimated_age = int(str(person.get("estimated_age")))
        except ValueError:
            estimated_age = None
        return age_group_at_exploitation(
            referral_date=_day(about.get("referral_date")) or date.today(),
            exploitation_start=_day(exploitation.get("exploitation_start")),
            date_of_birth=_day(person.get("date_of_birth")),
            estimated_age=estimated_age,
            age_disputed=str(person.get("age_disputed")) == "True",
        )

    def is_child(self) -> bool:
        return self.age_group() == AgeGroup.MINOR

    def status(self, section: str) -> str:
        if section == "consent":
            if "person" not in self.complete or self.age_group() is None:
                return CANNOT_START
            if self.is_child():
                return COMPLETED
        if section in self.complete:
            return COMPLETED
        return INCOMPLETE if section in self.sections else NOT_STARTED

    def ready(self) -> bool:
        return all(self.status(section) == COMPLETED for section in SECTIONS)

    def next_section(self) -> str | None:
        """The first section that still needs answers and can be answered now."""
        for section in SECTIONS:
            if self.status(section) in (INCOMPLETE, NOT_STARTED):
                return section
        return None

    def section_errors(self, section: str) -> list[Problem]:
        return [e for e in self.errors if e.get("section") == section]

    def errors_keep(self, problems: list[FieldError]) -> None:
        """Keep a submission's errors on the sections they belong to, which become incomplete."""
        self.errors = [
            {"field": p.field, "message": p.message, "section": FIELD_SECTION.get(p.field, "")}
            for p in problems
        ]
        self.complete -= {e["section"] for e in self.errors}

    def outstanding(self, section: str, *, today: date | None = None) -> list[Problem]:
        """What keeps a section from being complete: the errors it holds, else what its
        saved answers lack now (the form's own errors and the standard's)."""
        held = self.section_errors(section)
        if held:
            return held
        form = self.answered(section)
        return _as_problems(section, form, section_check(self, section, form, today=today))

    def missing(self, *, today: date | None = None) -> list[Problem]:
        """Everything that stops the referral from being submitted, section by section, then
        the submission's errors that belong to no section."""
        found: list[Problem] = []
        for section in SECTIONS:
            status = self.status(section)
            if status == COMPLETED or (status == CANNOT_START and "person" not in self.complete):
                continue  # consent waits for the person, who is listed first
            started = section in self.sections or self.section_errors(section)
            problems = self.outstanding(section, today=today) if started else []
            not_done = {"field": "", "message": SECTION_NOT_DONE[section], "section": section}
            found += problems or [not_done]
        return found + [e for e in self.errors if not e.get("section")]

    def recheck(self, *, leave_out: str, today: date | None = None) -> None:
        """Check again every other section that is complete, or was until it held errors, with
        the answers as they are now: one that no longer passes becomes incomplete and keeps its
        errors to show; one whose errors are gone is complete again."""
        for section in SECTIONS:
            if section == leave_out or section not in self.sections:
                continue
            if section not in self.complete and not self.section_errors(section):
                continue  # never completed: it is checked when it is answered
            form = self.answered(section)
            problems = _as_problems(section, form, section_check(self, section, form, today=today))
            self.errors = [e for e in self.errors if e.get("section") != section] + problems
            if problems:
                self.complete.discard(section)
            else:
                self.complete.add(section)


def _day(value: Any) -> date | None:
    return parse_date(value) if isinstance(value, str) else None


def _as_problems(section: str, form: Any, problems: list[FieldError]) -> list[Problem]:
    """The form's own errors (on its fields) and the standard's, as a section keeps them."""
    own = [
        {"field": name, "message": str(message), "section": section}
        for name, messages in form.errors.items()
        for message in messages
    ]
    return own + [{"field": p.field, "message": p.message, "section": section} for p in problems]


def standard_problems(
    validate: Callable[..., Validated[Any]],
    probe: Mapping[str, Any],
    form: forms.StandardForm,
    *,
    today: date,
) -> list[FieldError]:
    """The standard's errors on ``probe``, all at once. A value the schema refuses stops its
    cross-field rules from running; when only dates were refused (a date in the future, say),
    the record is checked again without them, so the page's other rules run too (what that
    finds on a field of ``form`` that already shows an error is left out)."""
    first = validate(probe, today=today).errors
    refused = {p.field for p in first}
    if not first or not refused <= DATES:
        return first
    stand_in = {name: today.isoformat() for name in TODAY_STANDS_IN if name in refused}
    again = {k: v for k, v in probe.items() if k not in refused} | stand_in
    shown = {form.field_for(p.field, p.message) for p in first}
    more = validate(again, today=today).errors
    return first + [p for p in more if form.field_for(p.field, p.message) not in shown]


def unreadable(form: forms.StandardForm) -> set[str]:
    """The standard's fields that ``form`` could not read (a date that is not a date)."""
    return {form.renamed.get(name, name) for name in form.errors}


def section_check(
    journey: Journey, section: str, form: forms.StandardForm, *, today: date | None = None
) -> list[FieldError]:
    """The data standard's errors on the fields of ``section``, checked with the other
    sections' completed answers (placeholders for required ones not yet given). Errors on a
    field that shows one of the form's own are left out: the form's error says what to fix."""
    today = today or date.today()
    record = journey.record(only_complete=True, leave_out=section)
    if section == "consent":
        record.pop("consent", None)
    own = set(SECTIONS[section][1].standard_fields())
    placeholders = {**PLACEHOLDERS, "referral_date": today.isoformat()}
    probe = {
        **{k: v for k, v in placeholders.items() if k not in own or k in unreadable(form)},
        **record,
        **form.record(),
    }
    problems = standard_problems(referral_validate, probe, form, today=today)
    return [
        p
        for p in problems
        if FIELD_SECTION.get(p.field) == section
        and form.field_for(p.field, p.message) not in form.errors
    ]


def section_answer(
    journey: Journey, section: str, data: MultiValueDict[str, str], *, today: date | None = None
) -> tuple[Any, list[FieldError]]:
    """Take what a page sent: keep it, check it (the form's own errors and the standard's, all
    at once), mark the section complete or not, and check the other sections again."""
    journey.keep(section, data)
    form = journey.form(section, data)
    form.is_valid()
    problems = section_check(journey, section, form, today=today)
    journey.errors = [e for e in journey.errors if e.get("section") != section]
    if form.errors or problems:
        journey.complete.discard(section)
    else:
        journey.complete.add(section)
    journey.recheck(leave_out=section, today=today)
    return form, problems


def errors_show(form: forms.StandardForm, problems: list[dict[str, str]]) -> None:
    """Put the standard's errors on the form fields they belong to (unless a field already
    shows one of the form's own), in the order of the page."""
    if not hasattr(form, "cleaned_data"):  # a page never answered: nothing was read
        form.cleaned_data = {}
    shown = set(form.errors)
    for problem in problems:
        name = form.field_for(problem["field"], problem["message"])
        if name is None:
            form.add_error(None, problem["message"])
        elif name not in shown:
            form.add_error(name, problem["message"])
    order = {name: n for n, name in enumerate(form.fields)}
    errors: ErrorDict = form.errors
    ordered = sorted(errors.items(), key=lambda item: order.get(item[0], -1))
    errors.clear()
    errors.update(ordered)


def notification_check(form: forms.StandardForm, *, today: date | None = None) -> list[FieldError]:
    """The standard's errors on the anonymous notification page, all at once with the form's
    own (today stands in for a date of the notification that is not a date)."""
    today = today or date.today()
    probe = form.record()
    if "notification_date" in unreadable(form):
        probe["notification_date"] = today.isoformat()
    problems = standard_problems(notification_validate, probe, form, today=today)
    return [p for p in problems if form.field_for(p.field, p.message) not in form.errors]
