"""The web form an intelligence officer records a report on: the report and its grading, the
person it is about, and where they were and the phone they use, if known.

The form reads the shape of what the browser sends (a date from three boxes, checkboxes); every
rule is checked by the data standard's validation, the API's, so a page shows the API's message
for the same bad input (naming the part of the page an answer is in where the API names an
entity by its number). ``record`` turns the answers into the report the API would receive: the
person, the location and the phone become entities, and the links between them follow.
"""

import re
from typing import Any

from django import forms

from nrm.accounts.models import Organisation
from nrm.standard import codes
from nrm.standard import intelligence_codes as icodes
from nrm.standard.intelligence_words import ENTITY_FIELDS, REPORT_FIELDS, entity_name
from nrm.web.forms import DateField

DATE_HINT = "For example, 14 5 2012"
# "of entity 2" (", which is a person") in a message of the standard
_OF_ENTITY = re.compile(r" of entity \d+(, which is an? [a-z ]+)?")
# The links from the person to the location the form offers, with how the page words them.
LOCATION_LINKS = [
    (icodes.LinkType.EXPLOITED_AT.value, "Exploited there"),
    (icodes.LinkType.LIVES_AT.value, "Lives there"),
    (icodes.LinkType.WORKS_AT.value, "Works there"),
]
PERSON_FIELDS = (
    "nrm_reference", "person_role", "given_name", "family_name", "date_of_birth", "gender",
    "nationality", "exploitation_type",
)  # fmt: skip
REPORT_ANSWERS = (
    "officer", "source_kind", "received_date", "events_date", "operation", "source_evaluation",
    "intelligence_assessment", "handling_code", "handling_conditions", "narrative",
)  # fmt: skip
LOCATION_FIELDS = ("address", "postcode", "premises_type")


def _label(words: Any, field: str, optional: bool = False) -> str:
    return words[field].label + (" (optional)" if optional else "")


def _radios(label: str, choices: Any, help_text: str = "") -> forms.CharField:
    return forms.CharField(
        label=label, required=False, help_text=help_text, widget=forms.RadioSelect(choices=choices)
    )


def _select(label: str, choices: Any, help_text: str = "") -> forms.CharField:
    return forms.CharField(
        label=label,
        required=False,
        help_text=help_text,
        widget=forms.Select(choices=[("", "Select one"), *choices]),
    )


def _text(label: str, help_text: str = "", **attrs: str) -> forms.CharField:
    return forms.CharField(
        label=label, required=False, help_text=help_text, widget=forms.TextInput(attrs=attrs)
    )


class OrganisationsField(forms.Field):
    """The codes of the organisations ticked."""

    def to_python(self, value: Any) -> list[str]:
        return [str(item) for item in value or []]


class IntelligenceReportForm(forms.Form):
    officer = forms.CharField(
        label=_label(REPORT_FIELDS, "officer"),
        required=False,
        widget=forms.TextInput(attrs={"autocomplete": "name", "spellcheck": "false"}),
    )
    source_kind = _radios(
        _label(REPORT_FIELDS, "source_kind"), icodes.SourceOrganisationKind.choices
    )
    received_date = DateField(
        label=_label(REPORT_FIELDS, "received_date"), required=False, help_text=DATE_HINT
    )
    events_date = DateField(
        label=_label(REPORT_FIELDS, "events_date", optional=True),
        required=False,
        help_text="When what the source describes happened. " + DATE_HINT,
    )
    operation = _text(
        _label(REPORT_FIELDS, "operation"),
        "If the intelligence comes from a police or partner operation",
    )
    source_evaluation = _radios(
        _label(REPORT_FIELDS, "source_evaluation"), icodes.SourceEvaluation.choices
    )
    intelligence_assessment = _radios(
        _label(REPORT_FIELDS, "intelligence_assessment"), icodes.IntelligenceAssessment.choices
    )
    handling_code = _radios(_label(REPORT_FIELDS, "handling_code"), icodes.HandlingCode.choices)
    handling_conditions = OrganisationsField(
        label=_label(REPORT_FIELDS, "handling_conditions", optional=True),
        required=False,
        help_text="Only with handling code C: the report is seen only by the organisations "
        "ticked and your own",
        widget=forms.CheckboxSelectMultiple(),
    )
    narrative = forms.CharField(
        label=_label(REPORT_FIELDS, "narrative"),
        required=False,
        help_text="What the source said, in their words where you can",
        widget=forms.Textarea(attrs={"rows": 8}),
    )
    # The person the report is about
    person_role = _radios(_label(ENTITY_FIELDS, "person_role"), icodes.PersonRole.choices)
    given_name = _text(_label(ENTITY_FIELDS, "given_name", optional=True), spellcheck="false")
    family_name = _text(_label(ENTITY_FIELDS, "family_name", optional=True), spellcheck="false")
    date_of_birth = DateField(
        label=_label(ENTITY_FIELDS, "date_of_birth", optional=True),
        required=False,
        help_text=DATE_HINT,
    )
    gender = _select(_label(ENTITY_FIELDS, "gender", optional=True), codes.Gender.choices)
    nationality = _text(
        _label(ENTITY_FIELDS, "nationality", optional=True),
        "A country name or its ISO code, for example Albania or ALB",
    )
    exploitation_type = _select(
        _label(ENTITY_FIELDS, "exploitation_type", optional=True),
        codes.ExploitationType.choices,
        "Only for a potential victim: what the source says they were exploited for",
    )
    nrm_reference = _text(
        _label(ENTITY_FIELDS, "nrm_reference", optional=True),
        "If the person has been referred to the NRM, for example NRM-2012-000123",
        spellcheck="false",
    )
    # Where, and the phone
    address = forms.CharField(
        label=_label(ENTITY_FIELDS, "address", optional=True),
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
    )
    postcode = _text(_label(ENTITY_FIELDS, "postcode", optional=True), autocomplete="postal-code")
    premises_type = _select(
        _label(ENTITY_FIELDS, "premises_type", optional=True), icodes.PremisesType.choices
    )
    location_link = _radios("How is the person linked to this place? (optional)", LOCATION_LINKS)
    phone = _text(
        _label(ENTITY_FIELDS, "phone", optional=True),
        "A phone the person uses. A UK number, or an international number starting with +",
        type="tel",
        autocomplete="off",
    )
    confidence = _select(
        "How sure are the links between the person, the place and the phone?",
        icodes.LinkConfidence.choices,
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        organisations = Organisation.objects.filter(is_active=True).order_by("name")
        self.fields["handling_conditions"].widget.choices = [
            (o.code, o.name) for o in organisations
        ]

    # The parts of the page: a heading, what it says, and its questions.
    SECTIONS = (
        ("The report", "", REPORT_ANSWERS),
        ("The person it is about", "", (
            "person_role", "given_name", "family_name", "date_of_birth", "gender", "nationality",
            "exploitation_type", "nrm_reference",
        )),
        ("Where, and the phone they use", "If the report names them. Leave these out if it "
         "does not.", (
            "address", "postcode", "premises_type", "location_link", "phone", "confidence",
        )),
    )  # fmt: skip

    def sections(self) -> list[dict[str, Any]]:
        """The page's parts with their bound fields, in order."""
        return [
            {"title": title, "text": text, "fields": [self[name] for name in names]}
            for title, text, names in self.SECTIONS
        ]

    def _answers(self, names: tuple[str, ...]) -> dict[str, Any]:
        cleaned = getattr(self, "cleaned_data", {})
        found = {}
        for name in names:
            value = cleaned.get(name)
            if value in (None, "", []):
                continue
            found[name] = value.isoformat() if hasattr(value, "isoformat") else value
        return found

    def record(self) -> dict[str, Any]:
        """The answers as the report the API would receive (answers left blank left out)."""
        report = self._answers(REPORT_ANSWERS)
        entities, links = [], []
        self.entity_words: list[str] = []
        person = self._answers(PERSON_FIELDS)
        location = self._answers(LOCATION_FIELDS)
        phone = self._answers(("phone",))
        confidence = self._answers(("confidence",))
        for key, kind, answers, words in (
            ("person", icodes.EntityType.PERSON, person, "the person"),
            ("location", icodes.EntityType.LOCATION, location, "the place"),
            ("phone", icodes.EntityType.PHONE, phone, "the phone"),
        ):
            if answers:
                entities.append({"key": key, "type": kind, **answers})
                self.entity_words.append(words)
        link = self._answers(("location_link",)).get("location_link")
        if person and location and link:
            links.append({"from_key": "person", "to_key": "location", "type": link, **confidence})
        if person and phone:
            links.append(
                {"from_key": "person", "to_key": "phone", "type": "uses_phone", **confidence}
            )
        return {**report, "entities": entities, "links": links}

    def message(self, text: str) -> str:
        """The standard's message as this page says it: each question of the page is asked
        once, so "the phone number of entity 3" is "the phone number", and an entity is named
        by the part of the page it comes from ("the person")."""
        text = _OF_ENTITY.sub("", text)
        for index, words in enumerate(getattr(self, "entity_words", [])):
            text = text.replace(entity_name(index), words)
        return text

    def field_for(self, field: str) -> str | None:
        """The form field that shows an error the standard reports on ``field``."""
        if field.startswith("links"):
            return "confidence" if field.endswith(".confidence") else "location_link"
        if field == "entities":
            return "person_role"
        name = field.split(".")[-1].split("[")[0]
        if name == "type":
            return "person_role"
        return name if name in self.fields else None
