"""How referral answers read on the web: labels for codes, countries, languages and dates, the
summary lists of a referral, and the colours of decision outcome tags (a case's stages read as
``nrm.cases.stages`` says)."""

from collections.abc import Callable
from datetime import date
from typing import Any

from django.db import models

from nrm.standard import codes
from nrm.standard.nationality import country_label, languages_label
from nrm.standard.types import parse_date

NOT_GIVEN = "Not given"


def _code(code_list: type[models.TextChoices]) -> Callable[[Any], str]:
    def show(value: Any) -> str:
        found = codes.code_lookup(code_list, str(value))
        return str(code_list(found).label) if found else str(value)

    return show


def _codes(code_list: type[models.TextChoices]) -> Callable[[Any], str]:
    one = _code(code_list)
    return lambda values: ", ".join(one(v) for v in values)


def country(value: Any) -> str:
    return country_label(str(value))


def _countries(values: Any) -> str:
    return ", ".join(country(v) for v in values)


def day(value: Any) -> str:
    parsed = value if isinstance(value, date) else parse_date(str(value))
    return f"{parsed.day} {parsed:%B %Y}" if parsed else str(value)


def _yes_no(value: Any) -> str:
    return {True: "Yes", False: "No"}.get(value, str(value))


def _text(value: Any) -> str:
    return str(value)


def _lines(values: Any) -> str:
    return "\n".join(str(v) for v in values)


Row = tuple[str, str, Callable[[Any], str]]

SUMMARY: dict[str, list[Row]] = {
    "about": [
        ("referral_date", "Date of the referral", day),
        ("nation", "UK nation", _code(codes.Nation)),
        ("police_region", "Police region", _code(codes.PoliceRegion)),
        ("first_responder_officer", "Referring officer", _text),
        ("first_responder_email", "Officer's email", _text),
        ("first_responder_phone", "Officer's telephone", _text),
        ("linked_immigration_interest", "Linked immigration interest", _yes_no),
    ],
    "person": [
        ("given_name", "Given names", _text),
        ("family_name", "Family name", _text),
        ("aliases", "Other names", _lines),
        ("date_of_birth", "Date of birth", day),
        ("estimated_age", "Estimated age", _text),
        ("age_disputed", "Age disputed", _yes_no),
        ("gender", "Gender", _code(codes.Gender)),
        ("claimed_nationalities", "Nationalities claimed", _countries),
        ("assessed_nationality", "Assessed nationality", country),
        ("assessed_nationality_certainty", "Certainty", _code(codes.Certainty)),
        ("languages", "Languages", languages_label),
        ("interpreter_needed", "Interpreter needed", _yes_no),
        ("contact_route", "Safe contact", _text),
    ],
    "consent": [("consent", "Informed consent", _yes_no)],
    "exploitation": [
        ("exploitation_type", "Type", _code(codes.ExploitationType)),
        ("exploitation_sub_types", "Sub-types", _codes(codes.ExploitationSubType)),
        ("exploitation_means", "Means", _codes(codes.ExploitationMeans)),
        ("exploitation_region", "Where", _code(codes.ExploitationRegion)),
        ("exploitation_country", "Country", country),
        ("exploitation_start", "Started", day),
        ("exploitation_end", "Ended", day),
    ],
    "account": [("account", "The person's account", _text)],
}


NOTIFICATION_SUMMARY: list[Row] = [
    ("notification_date", "Date of the notification", day),
    ("nation", "UK nation", _code(codes.Nation)),
    ("police_region", "Police region", _code(codes.PoliceRegion)),
    ("age_group", "Age group", _code(codes.AgeGroup)),
    ("gender", "Gender", _code(codes.Gender)),
    ("nationality", "Nationality", country),
    ("exploitation_type", "Type of exploitation", _code(codes.ExploitationType)),
    ("exploitation_sub_types", "Sub-types", _codes(codes.ExploitationSubType)),
    ("exploitation_region", "Where", _code(codes.ExploitationRegion)),
    ("exploitation_country", "Country", country),
]


def _rows(summary: list[Row], record: dict[str, Any]) -> list[dict[str, str]]:
    rows = []
    for field, label, show in summary:
        value = record.get(field)
        given = value not in (None, "", [])
        rows.append({"field": field, "key": label, "value": show(value) if given else NOT_GIVEN})
    return rows


def summary_rows(section: str, record: dict[str, Any]) -> list[dict[str, str]]:
    """The summary list rows of one section: key, value and the form field to change it."""
    return _rows(SUMMARY[section], record)


def notification_rows(notification: Any) -> list[dict[str, str]]:
    """The summary list rows of an anonymous notification (it holds nothing identifying)."""
    return _rows(
        NOTIFICATION_SUMMARY,
        {field: getattr(notification, field) for field, _, _ in NOTIFICATION_SUMMARY},
    )


OUTCOME_COLOURS = {
    codes.DecisionOutcome.POSITIVE: "green",
    codes.DecisionOutcome.NEGATIVE: "red",
    codes.DecisionOutcome.PENDING: "grey",
    codes.DecisionOutcome.SUSPENDED: "yellow",
    codes.DecisionOutcome.WITHDRAWN: "grey",
}


def outcome_tag(outcome: str | None) -> tuple[str, str]:
    value = outcome or codes.DecisionOutcome.PENDING
    return str(codes.DecisionOutcome(value).label), OUTCOME_COLOURS[codes.DecisionOutcome(value)]


def latest_outcomes(decisions: Any) -> dict[str, tuple[str, str]]:
    """The tag of the latest RG and CG decision (pending when there is none)."""
    latest: dict[str, str] = {}
    for decision in sorted(decisions, key=lambda d: (d.decided_on, d.recorded_at, d.pk)):
        latest[decision.stage] = decision.outcome
    return {stage: outcome_tag(latest.get(stage)) for stage in ("rg", "cg")}
