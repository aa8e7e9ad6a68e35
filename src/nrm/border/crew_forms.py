"""The web forms of the crew line: the public form crew use in flight, the 24-hour line's
form, and the outcome on arrival. The forms read the shape of what the browser sends (a date
from three boxes, a time, checkboxes); every rule of a report is checked by
``crew_report_validate``, the validation the API uses, so a page shows the API's message."""

import re
from datetime import datetime, time
from typing import Any

from django import forms
from django.utils import timezone

from nrm.border.crew_validation import FIELDS
from nrm.standard import crew_codes as cc
from nrm.standard.validation import FieldError
from nrm.web.forms import DateField

TIME_INVALID = "Enter the landing time as hours and minutes on the 24-hour clock, like 14:30"
ARRIVAL_DAY_REQUIRED = "Enter the date the flight is expected to land"
ARRIVAL_TIME_REQUIRED = "Enter the time the flight is expected to land"
TIME = re.compile(r"^([01]?[0-9]|2[0-3])[:.]?([0-5][0-9])$")

# The form field that shows an error of the validation's field.
FORM_FIELD = {"expected_arrival": "arrival_date"}


class ListField(forms.Field):
    """The values of a group of checkboxes."""

    def to_python(self, value: Any) -> list[str]:
        return [str(item) for item in value or []][:20]


def _text(label: str, hint: str = "", **attrs: Any) -> forms.CharField:
    return forms.CharField(
        label=label,
        help_text=hint,
        required=False,
        widget=forms.TextInput(attrs=attrs),
    )


class CrewReportForm(forms.Form):
    flight_number = _text(
        "Flight number",
        "For example, BA 123",
        autocomplete="off",
        spellcheck="false",
        **{"class": "govuk-input--width-10"},
    )
    destination_port = forms.CharField(
        label="UK airport the flight lands at",
        required=False,
        widget=forms.Select(choices=[("", "Choose the airport"), *cc.Port.choices]),
    )
    arrival_date = DateField(
        label="Date the flight is expected to land",
        required=False,
        help_text="UK date, for example 5 12 2026",
    )
    arrival_time = _text(
        "Time the flight is expected to land",
        "UK time on the 24-hour clock, for example 14:30",
        inputmode="numeric",
        **{"class": "govuk-input--width-5"},
    )
    indicators = ListField(
        label="What did you see?",
        required=False,
        help_text="Choose all that apply",
        widget=forms.CheckboxSelectMultiple(choices=cc.CrewIndicator.choices),
    )
    seats = _text(
        "Seat numbers (optional)",
        "Separate seats with commas, for example 23C, 23D",
        autocomplete="off",
        **{"class": "govuk-input--width-20"},
    )
    details = forms.CharField(
        label="Describe what you saw (optional)",
        help_text="What happened, and who. Do not give your own name",
        required=False,
        widget=forms.Textarea(attrs={"rows": 5}),
    )
    contact_number = _text(
        "A telephone number Border Force can call you on (optional)",
        "Only if you want to be called back",
        autocomplete="tel",
        type="tel",
    )

    def report(self) -> dict[str, Any]:
        """The answers as the validation reads them (a date and time it cannot read are the
        form's own errors, and are left out)."""
        cleaned = getattr(self, "cleaned_data", {})
        data = {name: cleaned.get(name) or None for name in FIELDS if name in self.fields}
        data["indicators"] = cleaned.get("indicators") or []
        data["expected_arrival"] = self._arrival()
        return {k: v for k, v in data.items() if v not in (None, "")}

    def _arrival(self) -> str | None:
        cleaned = getattr(self, "cleaned_data", {})
        day, at = cleaned.get("arrival_date"), (cleaned.get("arrival_time") or "").strip()
        if "arrival_date" in self.errors:
            return None
        if day is None and not at:
            return None
        if day is None:
            self.add_error("arrival_date", ARRIVAL_DAY_REQUIRED)
            return None
        matched = TIME.match(at)
        if not matched:
            self.add_error("arrival_time", TIME_INVALID if at else ARRIVAL_TIME_REQUIRED)
            return None
        moment = datetime.combine(day, time(int(matched[1]), int(matched[2])))
        return timezone.make_aware(moment).isoformat()

    def errors_show(self, problems: list[FieldError]) -> None:
        """Put the validation's errors on the fields they belong to, in the order of the page,
        unless a field already shows one of the form's own."""
        shown = set(self.errors)
        for problem in problems:
            name = FORM_FIELD.get(problem.field, problem.field)
            if name in ("arrival_date",) and "arrival_time" in shown:
                continue
            if name not in shown:
                self.add_error(name if name in self.fields else None, problem.message)
                shown.add(name)
        order = {name: n for n, name in enumerate(self.fields)}
        ordered = sorted(self.errors.items(), key=lambda item: order.get(item[0], -1))
        self.errors.clear()
        self.errors.update(ordered)


class PublicReportForm(CrewReportForm):
    reporting_code = _text(
        "Your airline's reporting code",
        "Your airline gives its crew this code",
        autocomplete="off",
        spellcheck="false",
        **{"class": "govuk-input--width-10"},
    )
    field_order = ["reporting_code"]


class CallReportForm(CrewReportForm):
    airline = forms.CharField(label="Airline the caller works for", required=False)
    field_order = ["airline"]

    def __init__(self, *args: Any, airlines: list[tuple[str, str]], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["airline"].widget = forms.Select(
            choices=[("", "Choose the airline"), *airlines]
        )


class OutcomeForm(forms.Form):
    outcome = forms.CharField(
        label="What happened when the flight landed?",
        required=False,
        widget=forms.RadioSelect(choices=cc.CrewOutcome.choices),
    )
    note = forms.CharField(
        label="Note (optional)",
        help_text="No names: the report's reference and what was done",
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
    )
