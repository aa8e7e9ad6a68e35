"""Forms of the casework pages. They only shape input: the rules (reasons needed, dates, what a
stage allows) are the services', whose messages the views place on the form."""

import re
from typing import Any

from django import forms
from django.utils import timezone

from nrm.cases.casework import messages
from nrm.cases.casework.selectors import QUEUE_LABEL
from nrm.standard.codes import DECISION_CHOICES, CompetentAuthority, ExploitationType, Nation
from nrm.web.forms import DateField

DATE_REQUIRED = "Enter the date"
OUTCOME_REQUIRED = "Select positive or negative"
DAYS_REQUIRED = "Enter how many days to add"
DAYS_WHOLE = "Enter the days to add as a whole number, like 14"
AUTHORITY_REQUIRED = "Select the competent authority"
REFERENCE_REQUIRED = "Enter an NRM reference"
REFERENCE_FORMAT = "Enter an NRM reference in the format NRM-2012-001234"
REFERENCE_PATTERN = re.compile(r"NRM-\d{4}-\d{6,}")

# Messages of the services that belong to one field of the form they were raised from.
FIELD_OF_MESSAGE = {
    messages.NEGATIVE_NEEDS_REASONS: "reasons",
    messages.EXTENSION_NEEDS_REASON: "reasons",
    messages.EXTENSION_DAYS_POSITIVE: "days",
    messages.REALLOCATION_NEEDS_REASON: "reason",
}


def _date(label: str) -> DateField:
    return DateField(
        label=label,
        help_text="For example, 14 5 2012",
        initial=timezone.localdate,
        error_messages={"required": DATE_REQUIRED},
    )


def _text(label: str, help_text: str = "", *, rows: int = 5) -> forms.CharField:
    return forms.CharField(
        label=label,
        help_text=help_text,
        required=False,
        strip=False,
        widget=forms.Textarea(attrs={"rows": rows}),
    )


class CaseForm(forms.Form):
    """Every change of a case carries the version of the case the user saw."""

    expected_version = forms.IntegerField(widget=forms.HiddenInput, min_value=1)

    def field_for(self, message: str) -> str | None:
        name = FIELD_OF_MESSAGE.get(message)
        return name if name in self.fields else None


class DecisionForm(CaseForm):
    outcome = forms.ChoiceField(
        label="What is the decision?",
        choices=[(o.value, o.label) for o in DECISION_CHOICES],
        widget=forms.RadioSelect,
        error_messages={"required": OUTCOME_REQUIRED},
    )
    decided_on = _date("Date of the decision")
    reasons = _text("Reasons for the decision", "Needed for a negative decision")


class EventForm(CaseForm):
    on = _date("Date")
    reasons = _text("Reasons")


class ExtensionForm(CaseForm):
    on = _date("Date of the extension")
    days = forms.IntegerField(
        label="Days to add to the recovery period",
        widget=forms.TextInput(attrs={"inputmode": "numeric", "class": "govuk-input--width-3"}),
        error_messages={"required": DAYS_REQUIRED, "invalid": DAYS_WHOLE},
    )
    reasons = _text("Reason for the extension")


class ReviewForm(CaseForm):
    on = _date("Date of the review")


class SummaryForm(CaseForm):
    summary = _text("Case summary", "What a colleague picking up the case needs to know", rows=8)


class NoteForm(CaseForm):
    note = _text("Note", "What happened or what a colleague needs to know", rows=6)


class ReallocationForm(CaseForm):
    authority = forms.ChoiceField(
        label="Competent authority to take the case",
        choices=[("", "Choose an authority"), *CompetentAuthority.choices],
        error_messages={"required": AUTHORITY_REQUIRED},
    )
    reason = _text("Reason for the reallocation")


class CaseworkerChoice(forms.ModelChoiceField):
    def label_from_instance(self, obj: Any) -> str:
        return str(obj.get_full_name() or obj.get_username())


class AssignmentForm(CaseForm):
    assignee = CaseworkerChoice(
        label="Caseworker", queryset=None, required=False, empty_label="Nobody (unassigned)"
    )

    def __init__(self, *args: Any, caseworkers: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        field = self.fields["assignee"]
        assert isinstance(field, forms.ModelChoiceField)
        field.queryset = caseworkers


class QueueForm(forms.Form):
    """The filters of the work queue (a GET form: works without JavaScript)."""

    queue = forms.ChoiceField(
        label="Queue",
        choices=[(q.value, label) for q, label in QUEUE_LABEL.items()],
        required=False,
    )
    mine = forms.BooleanField(label="Only cases assigned to me", required=False)
    nation = forms.ChoiceField(
        label="Nation", choices=[("", "Any nation"), *Nation.choices], required=False
    )
    exploitation_type = forms.ChoiceField(
        label="Exploitation type",
        choices=[("", "Any type"), *ExploitationType.choices],
        required=False,
    )


class FindCaseForm(forms.Form):
    """The way to a case by its NRM reference from the work queue and the dashboard (a GET
    form). The reference is read in capitals and without spaces; anything that is not an NRM
    reference is refused before it is looked up (a name typed here is never stored)."""

    reference = forms.CharField(
        label="NRM reference",
        help_text="For example, NRM-2012-001234",
        max_length=40,
        error_messages={"required": REFERENCE_REQUIRED},
    )

    def clean_reference(self) -> str:
        reference = re.sub(r"\s+", "", self.cleaned_data["reference"]).upper()
        if not REFERENCE_PATTERN.fullmatch(reference):
            raise forms.ValidationError(REFERENCE_FORMAT)
        return reference
