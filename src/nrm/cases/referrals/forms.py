"""Web forms of the referral journey, the anonymous notification and reconsideration requests.

The forms read the shape of what the browser sends (a date from three boxes, a list from
lines or commas, yes or no): every rule of the data standard is checked by the same validation
the API uses, so a page shows the API's message for the same bad input. That is why code lists
are not checked here. The web asks a little more than the standard, in messages of its own
(``web_messages``): the referring officer's name and a yes or no on a linked immigration
interest are required, and the officer's email address and telephone number must look like
one. Optional questions say "(optional)" in their label.
"""

import re
from typing import Any, ClassVar

from django import forms
from django.core.exceptions import ValidationError
from django.core.validators import ProhibitNullCharactersValidator
from pydantic import BaseModel

from nrm.cases.referrals import web_messages
from nrm.standard import codes
from nrm.standard import messages as standard_messages
from nrm.standard.schema import AnonymousNotification, Referral
from nrm.standard.types import values_from_text
from nrm.standard.words import field_label, item_number
from nrm.web.forms import DateField

YES_NO = [("yes", "Yes"), ("no", "No")]
DATE_HINT = "For example, 14 5 2012"
COUNTRY_HINT = "A country name or its ISO code, for example Nigeria or NGA"
# A UK or international telephone number: digits, spaces, brackets and hyphens, perhaps after a
# +, with at least 7 digits.
PHONE = re.compile(r"^\+?[0-9 ()-]+$")
PHONE_DIGITS = 7
RECONSIDERATION_NEEDS_REASONS = "Give the reasons the decision should be reconsidered"


def _label(field: str, *, optional: bool = False) -> str:
    """The label of the standard's ``field``, from the standard's one table of field names."""
    return field_label(field) + (" (optional)" if optional else "")


def phone_check(value: str) -> None:
    if not PHONE.match(value) or sum(c.isdigit() for c in value) < PHONE_DIGITS:
        raise ValidationError(web_messages.PHONE_INVALID, code="invalid")


class ListField(forms.Field):
    """The values of a group of checkboxes."""

    def to_python(self, value: Any) -> list[str]:
        return [str(item) for item in value or []]


def _radios(label: str, choices: Any, help_text: str = "", required: str = "") -> forms.CharField:
    """Radios; ``required`` is the message when none is chosen (none: the question is
    optional)."""
    return forms.CharField(
        label=label,
        required=bool(required),
        help_text=help_text,
        widget=forms.RadioSelect(choices=choices),
        error_messages={"required": required} if required else None,
    )


def _select(label: str, choices: Any, help_text: str = "") -> forms.CharField:
    return forms.CharField(
        label=label,
        required=False,
        help_text=help_text,
        widget=forms.Select(choices=[("", "Select one"), *choices]),
    )


def _checkboxes(label: str, choices: Any, help_text: str = "") -> ListField:
    return ListField(
        label=label,
        required=False,
        help_text=help_text,
        widget=forms.CheckboxSelectMultiple(choices=choices),
    )


def _text(label: str, help_text: str = "", **attrs: str) -> forms.CharField:
    return forms.CharField(
        label=label, required=False, help_text=help_text, widget=forms.TextInput(attrs=attrs)
    )


def _area(label: str, help_text: str = "", rows: int = 3) -> forms.CharField:
    return forms.CharField(
        label=label,
        required=False,
        help_text=help_text,
        widget=forms.Textarea(attrs={"rows": rows}),
    )


def _country(label: str, help_text: str = COUNTRY_HINT) -> forms.CharField:
    return _text(label, help_text, list="countries", autocomplete="off", spellcheck="false")


def _date(label: str, help_text: str = DATE_HINT) -> DateField:
    return DateField(label=label, required=False, help_text=help_text)


SUB_TYPES = [
    (sub.value, f"{codes.ExploitationType(codes.SUB_TYPE_PARENT[sub.value]).label}: {sub.label}")
    for sub in codes.ExploitationSubType
]


class StandardForm(forms.Form):
    """A form whose answers are fields of the data standard (``record``)."""

    # Form fields that are not named after the standard's field they answer.
    renamed: ClassVar[dict[str, str]] = {}
    # The record of the standard the answers belong to.
    model: ClassVar[type[BaseModel]] = Referral

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        for field in self.fields.values():  # a NUL character gets the standard's own words
            for validator in field.validators:
                if isinstance(validator, ProhibitNullCharactersValidator):
                    validator.message = standard_messages.TEXT_NUL

    def record(self) -> dict[str, Any]:
        """The answers as the data standard's fields, as the API would receive them; fields
        the form could not read (a date that is not a date) are left out."""
        cleaned = getattr(self, "cleaned_data", {})
        values: dict[str, Any] = {}
        for name, value in cleaned.items():
            if name in self.renamed or value in (None, "", []):
                continue
            if hasattr(value, "isoformat"):
                value = value.isoformat()
            values[name] = value
        return values_from_text(self.model, values)  # yes/no and numbers, as the API sends them

    @classmethod
    def standard_fields(cls) -> list[str]:
        names = [name for name in cls.base_fields if name not in cls.renamed]
        return names + sorted(set(cls.renamed.values()))

    def field_for(self, standard_field: str, message: str) -> str | None:
        """The form field that shows an error the standard reports on ``standard_field``."""
        return standard_field if standard_field in self.fields else None


class AboutForm(StandardForm):
    referral_date = _date(_label("referral_date"))
    nation = _radios(_label("nation"), codes.Nation.choices)
    police_region = _select(
        _label("police_region", optional=True),
        codes.PoliceRegion.choices,
        "Police region in England, or the nation",
    )
    linked_immigration_interest = _radios(
        _label("linked_immigration_interest"),
        YES_NO,
        "For example, an asylum claim or immigration enforcement action",
        required=web_messages.IMMIGRATION_INTEREST_REQUIRED,
    )
    first_responder_officer = forms.CharField(
        label=_label("first_responder_officer"),
        help_text="The competent authority contacts you about the referral",
        widget=forms.TextInput(attrs={"autocomplete": "name", "spellcheck": "false"}),
        error_messages={"required": web_messages.OFFICER_REQUIRED},
    )
    first_responder_email = forms.EmailField(
        label=_label("first_responder_email", optional=True),
        required=False,
        widget=forms.TextInput(
            attrs={"autocomplete": "email", "type": "email", "spellcheck": "false"}
        ),
        error_messages={"invalid": web_messages.EMAIL_INVALID},
    )
    first_responder_phone = forms.CharField(
        label=_label("first_responder_phone", optional=True),
        help_text="For international numbers include the country code",
        required=False,
        validators=[phone_check],
        widget=forms.TextInput(attrs={"autocomplete": "tel", "type": "tel"}),
    )


class PersonForm(StandardForm):
    renamed: ClassVar[dict[str, str]] = {
        "claimed_nationality_1": "claimed_nationalities",
        "claimed_nationality_2": "claimed_nationalities",
        "claimed_nationality_3": "claimed_nationalities",
        "aliases": "aliases",
        "languages": "languages",
    }
    given_name = _text(_label("given_name"), autocomplete="off", spellcheck="false")
    family_name = _text(_label("family_name"), autocomplete="off", spellcheck="false")
    aliases = _area(_label("aliases", optional=True), "Put each name on its own line", rows=2)
    date_of_birth = _date(_label("date_of_birth"), "If you know it. " + DATE_HINT)
    estimated_age = _text(
        _label("estimated_age"),
        "If the date of birth is not known",
        inputmode="numeric",
        **{"class": "govuk-input--width-3"},
    )
    age_disputed = _radios(
        _label("age_disputed", optional=True),
        YES_NO,
        "An age-disputed person is treated as a child",
    )
    gender = _radios(_label("gender"), codes.Gender.choices)
    claimed_nationality_1 = _country(_label("claimed_nationalities"))
    claimed_nationality_2 = _country("Second nationality claimed (optional)", "")
    claimed_nationality_3 = _country("Third nationality claimed (optional)", "")
    assessed_nationality = _country(_label("assessed_nationality", optional=True))
    assessed_nationality_certainty = _radios(
        _label("assessed_nationality_certainty", optional=True), codes.Certainty.choices
    )
    languages = _text(
        _label("languages", optional=True),
        "Separate languages with commas, for example English, Yoruba (names or ISO 639 codes)",
    )
    interpreter_needed = _radios(_label("interpreter_needed", optional=True), YES_NO)
    contact_route = _area(_label("contact_route", optional=True), "Never shared outside the case")

    CLAIMED = ("claimed_nationality_1", "claimed_nationality_2", "claimed_nationality_3")

    def _claimed_inputs(self) -> list[str]:
        cleaned = getattr(self, "cleaned_data", {})
        return [name for name in self.CLAIMED if cleaned.get(name)]

    def record(self) -> dict[str, Any]:
        values = super().record()
        cleaned = getattr(self, "cleaned_data", {})
        claimed = [cleaned[name] for name in self._claimed_inputs()]
        aliases = [line.strip() for line in cleaned.get("aliases", "").splitlines()]
        languages = [part.strip() for part in cleaned.get("languages", "").split(",")]
        for name, items in (
            ("claimed_nationalities", claimed),
            ("aliases", [a for a in aliases if a]),
            ("languages", [lang for lang in languages if lang]),
        ):
            if items:
                values[name] = items
        return values

    def field_for(self, standard_field: str, message: str) -> str | None:
        if standard_field == "claimed_nationalities":
            inputs = self._claimed_inputs()
            index = item_number(standard_field, message) or 0
            return inputs[index] if index < len(inputs) else self.CLAIMED[0]
        if standard_field == "age_group":  # the age the answers give is not known
            return "date_of_birth"
        return super().field_for(standard_field, message)


class ConsentForm(StandardForm):
    consent = _radios(
        _label("consent"),
        YES_NO,
        "An adult is referred only with their consent. If they decline, you can notify the "
        "Home Office anonymously instead.",
    )


class ExploitationForm(StandardForm):
    exploitation_type = _radios(_label("exploitation_type"), codes.ExploitationType.choices)
    exploitation_sub_types = _checkboxes(
        _label("exploitation_sub_types", optional=True),
        SUB_TYPES,
        "Choose those that belong to the main type",
    )
    exploitation_means = _checkboxes(
        _label("exploitation_means", optional=True),
        codes.ExploitationMeans.choices,
        "Select all that apply",
    )
    exploitation_region = _select(
        _label("exploitation_region", optional=True),
        codes.ExploitationRegion.choices,
        "A police region or nation; Overseas (give the country) or Multiple",
    )
    exploitation_country = _country(_label("exploitation_country"))
    exploitation_start = _date(_label("exploitation_start", optional=True), DATE_HINT)
    exploitation_end = _date(_label("exploitation_end", optional=True), DATE_HINT)


class AccountForm(StandardForm):
    account = _area(
        _label("account", optional=True),
        "In their own words, as far as you can. It is restricted: only the competent authority "
        "reads it.",
        rows=12,
    )


class NotificationForm(StandardForm):
    model = AnonymousNotification
    notification_date = _date(_label("notification_date"))
    nation = _radios("UK nation the notification comes from", codes.Nation.choices)
    police_region = _select(_label("police_region", optional=True), codes.PoliceRegion.choices)
    gender = _radios(_label("gender", optional=True), codes.Gender.choices)
    nationality = _country(_label("nationality", optional=True), "If known. " + COUNTRY_HINT)
    exploitation_type = _radios(
        _label("exploitation_type", optional=True), codes.ExploitationType.choices
    )
    exploitation_sub_types = _checkboxes(
        _label("exploitation_sub_types", optional=True), SUB_TYPES, "Choose those of the main type"
    )
    exploitation_region = _select(
        _label("exploitation_region", optional=True), codes.ExploitationRegion.choices
    )
    exploitation_country = _country(_label("exploitation_country"))


class ReconsiderationForm(forms.Form):
    reasons = forms.CharField(
        label="Why should the decision be reconsidered?",
        help_text="For example, new evidence or information the decision did not take into account",
        widget=forms.Textarea(attrs={"rows": 8}),
        error_messages={"required": RECONSIDERATION_NEEDS_REASONS},
    )
    version = forms.IntegerField(widget=forms.HiddenInput, min_value=1)
