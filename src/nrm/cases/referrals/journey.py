"""The web referral journey: its sections, the answers a draft keeps, and how each section is
checked with the data standard's own validation so a page shows exactly the API's messages.

A draft's ``data`` is ``{"sections": {section: {input name: [values]}}, "complete": [...],
"errors": [{"field", "message", "section"}]}``: what the browser sent for each section (so a
page comes back as it was left, even half-filled), the sections that passed their check, and the
errors of the last submission, shown on the pages they belong to.
"""

from dataclasses import dataclass
from datetime import date
from typing import Any

from django.utils.datastructures import MultiValueDict

from nrm.cases.referrals import forms
from nrm.standard.codes import AgeGroup
from nrm.standard.rules import age_group_at_exploitation
from nrm.standard.types import parse_date
from nrm.standard.validation import FieldError, referral_validate

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
# the standard's cross-field rules run; only errors on the section's own fields are kept.
PLACEHOLDERS: dict[str, Any] = {
    "nation": "england",
    "gender": "not_recorded",
    "claimed_nationalities": ["XXX"],
    "exploitation_type": "not_recorded",
}

COMPLETED = "completed"
INCOMPLETE = "incomplete"
NOT_STARTED = "not_started"
CANNOT_START = "cannot_start"


@dataclass
class Journey:
    sections: dict[str, dict[str, list[str]]]
    complete: set[str]
    errors: list[dict[str, str]]

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

    def keep(self, section: str, data: MultiValueDict[str, str]) -> None:
        """Remember what was sent for ``section`` (its own inputs only)."""
        form = self.form(section, data)
        kept = {}
        for name in form.fields:
            for key in (name, f"{name}_0", f"{name}_1", f"{name}_2"):
                if key in data:
                    kept[key] = data.getlist(key)
        self.sections[section] = kept

    def values(self, section: str) -> dict[str, Any]:
        if section not in self.sections:
            return {}
        form = self.form(section)
        form.is_valid()
        return dict(form.record())

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

    def section_errors(self, section: str) -> list[dict[str, str]]:
        return [e for e in self.errors if e.get("section") == section]

    def errors_keep(self, problems: list[FieldError]) -> None:
        """Keep a submission's errors on the sections they belong to, which become incomplete."""
        self.errors = [
            {"field": p.field, "message": p.message, "section": FIELD_SECTION.get(p.field, "")}
            for p in problems
        ]
        self.complete -= {e["section"] for e in self.errors}


def _day(value: Any) -> date | None:
    return parse_date(value) if isinstance(value, str) else None


def section_check(
    journey: Journey, section: str, form: forms.StandardForm, *, today: date | None = None
) -> list[FieldError]:
    """The data standard's errors on the fields of ``section``, checked with the other
    sections' completed answers (placeholders for required ones not yet given)."""
    record = journey.record(only_complete=True, leave_out=section)
    if section == "consent":
        record.pop("consent", None)
    own = set(SECTIONS[section][1].standard_fields())
    placeholders = {**PLACEHOLDERS, "referral_date": (today or date.today()).isoformat()}
    probe = {
        **{k: v for k, v in placeholders.items() if k not in own},
        **record,
        **form.record(),
    }
    problems = referral_validate(probe, today=today).errors
    return [p for p in problems if FIELD_SECTION.get(p.field) == section]


def errors_show(form: forms.StandardForm, problems: list[dict[str, str]]) -> None:
    """Put the standard's errors on the form fields they belong to (unless a field already
    shows one of the form's own)."""
    unreadable = set(form.errors)
    for problem in problems:
        name = form.field_for(problem["field"], problem["message"])
        if name is None:
            form.add_error(None, problem["message"])
        elif name not in unreadable:
            form.add_error(name, problem["message"])
