"""One validation of a crew report for every door (the public form, the airline API, the call
handler's form): each field checked, every problem at once as a field-level error in the
reporter's words, and the record only when there is none. Nothing is stored by validating.

A report is made while the flight is in the air: its expected arrival lies between
``EARLIEST_ARRIVAL`` before now (a late report of a flight just landed) and
``LATEST_ARRIVAL`` after it.
"""

import re
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from django.utils import timezone
from django.utils.dateparse import parse_datetime

from nrm.standard import crew_codes as cc
from nrm.standard.text import text_problems
from nrm.standard.validation import FieldError

FIELDS = (
    "flight_number",
    "destination_port",
    "expected_arrival",
    "seats",
    "indicators",
    "details",
    "contact_number",
)
EARLIEST_ARRIVAL = timedelta(hours=2)
LATEST_ARRIVAL = timedelta(hours=20)
MAX_SEATS = 9
MAX_DETAILS = 2000
FLIGHT = re.compile(r"^(?:[A-Z]{2}|[A-Z][0-9]|[0-9][A-Z])[0-9]{1,4}[A-Z]?$")
SEAT = re.compile(r"^[0-9]{1,2}[A-HJ-K]$")
PHONE = re.compile(r"^\+?[0-9 ()-]{7,24}$")

FLIGHT_REQUIRED = "Enter the flight number"
FLIGHT_INVALID = "Enter the flight number as the airline code then the number, like BA 123"
PORT_REQUIRED = "Choose the UK airport the flight lands at"
PORT_UNKNOWN = "Choose the UK airport from the list; the crew line does not cover that one"
ARRIVAL_REQUIRED = "Enter the time the flight is expected to land"
ARRIVAL_INVALID = "Enter the expected landing time as a date and a time, like 2026-12-05T14:30Z"
ARRIVAL_NO_ZONE = "Give the expected landing time with its time zone, like 2026-12-05T14:30Z"
ARRIVAL_TOO_EARLY = "The expected landing time must be no more than 2 hours ago"
ARRIVAL_TOO_LATE = "The expected landing time must be within 20 hours from now"
SEATS_INVALID = "Enter each seat as a row number and a letter, like 23C"
TOO_MANY_SEATS = "Enter no more than 9 seats; describe a larger group in what you saw"
INDICATORS_REQUIRED = "Choose at least one thing you saw"
INDICATOR_UNKNOWN = "Choose what you saw from the list"
INDICATOR_TWICE = "Choose each thing you saw only once"
OTHER_NEEDS_DETAILS = "Describe what else you saw"
DETAILS_TOO_LONG = "Describe what you saw in 2,000 characters or fewer"
NOT_TEXT = "Enter {name} as text"
PHONE_INVALID = "Enter a telephone number, like 07700 900 982 or +44 7700 900 982"
UNKNOWN_FIELD = "{name} is not a question of the crew report"
REPORTING_CODE_REQUIRED = "Enter your airline's reporting code"
REPORTING_CODE_UNKNOWN = (
    "The reporting code is not recognised. Check the code your airline gave you"
)

NAMES = {
    "flight_number": "the flight number",
    "destination_port": "the airport",
    "expected_arrival": "the expected landing time",
    "seats": "the seats",
    "indicators": "what you saw",
    "details": "the description",
    "contact_number": "the telephone number",
}


@dataclass(frozen=True)
class CrewReportRecord:
    flight_number: str
    port: cc.Port
    expected_arrival: datetime
    seats: list[str]
    indicators: list[cc.CrewIndicator]
    details: str
    contact_number: str


@dataclass(frozen=True)
class CrewChecked:
    record: CrewReportRecord | None
    errors: list[FieldError]


class _Errors(list[FieldError]):
    def add(self, field: str, message: str, code: str) -> None:
        if all(e.field != field for e in self):
            self.append(FieldError(field, message, code))


def _text(data: Mapping[str, Any], name: str, errors: _Errors) -> str:
    value = data.get(name)
    if value is None:
        return ""
    if not isinstance(value, str):
        errors.add(name, NOT_TEXT.format(name=NAMES[name]), "not_text")
        return ""
    return value.strip()


def _list(data: Mapping[str, Any], name: str, errors: _Errors) -> list[str]:
    value = data.get(name)
    if value is None or value == "":
        return []
    if isinstance(value, str):  # the web's "12A, 12B"
        return [part for part in re.split(r"[\s,]+", value) if part]
    if isinstance(value, list) and all(isinstance(item, str) for item in value):
        return [item.strip() for item in value if item.strip()]
    errors.add(name, NOT_TEXT.format(name=NAMES[name]), "not_text")
    return []


def _flight(data: Mapping[str, Any], errors: _Errors) -> str:
    flight = re.sub(r"[\s-]", "", _text(data, "flight_number", errors)).upper()
    if not flight:
        errors.add("flight_number", FLIGHT_REQUIRED, "required")
    elif len(flight) > 8 or not FLIGHT.match(flight):
        errors.add("flight_number", FLIGHT_INVALID, "invalid")
    return flight


def _port(data: Mapping[str, Any], errors: _Errors) -> cc.Port | None:
    port = _text(data, "destination_port", errors).upper()
    if not port:
        errors.add("destination_port", PORT_REQUIRED, "required")
        return None
    if port not in cc.Port.values:
        errors.add("destination_port", PORT_UNKNOWN, "unknown_code")
        return None
    return cc.Port(port)


def _arrival(data: Mapping[str, Any], now: datetime, errors: _Errors) -> datetime | None:
    text = _text(data, "expected_arrival", errors)
    if not text:
        errors.add("expected_arrival", ARRIVAL_REQUIRED, "required")
        return None
    try:
        arrival = parse_datetime(text) if len(text) <= 40 else None
    except ValueError:
        arrival = None
    if arrival is None:
        errors.add("expected_arrival", ARRIVAL_INVALID, "invalid")
        return None
    if timezone.is_naive(arrival):
        errors.add("expected_arrival", ARRIVAL_NO_ZONE, "no_time_zone")
        return None
    if arrival < now - EARLIEST_ARRIVAL:
        errors.add("expected_arrival", ARRIVAL_TOO_EARLY, "too_early")
    elif arrival > now + LATEST_ARRIVAL:
        errors.add("expected_arrival", ARRIVAL_TOO_LATE, "too_late")
    return arrival


def _seats(data: Mapping[str, Any], errors: _Errors) -> list[str]:
    seats = [s.upper() for s in _list(data, "seats", errors)]
    if len(seats) > MAX_SEATS:
        errors.add("seats", TOO_MANY_SEATS, "too_many")
    elif any(not SEAT.match(s) for s in seats):
        errors.add("seats", SEATS_INVALID, "invalid")
    return list(dict.fromkeys(seats))


def _indicators(data: Mapping[str, Any], errors: _Errors) -> list[cc.CrewIndicator]:
    given = _list(data, "indicators", errors)
    if not given and all(e.field != "indicators" for e in errors):
        errors.add("indicators", INDICATORS_REQUIRED, "required")
    elif any(i not in cc.CrewIndicator.values for i in given):
        errors.add("indicators", INDICATOR_UNKNOWN, "unknown_code")
    elif len(set(given)) != len(given):
        errors.add("indicators", INDICATOR_TWICE, "duplicate")
    return [cc.CrewIndicator(i) for i in given if i in cc.CrewIndicator.values]


def crew_report_validate(data: Mapping[str, Any], *, now: datetime | None = None) -> CrewChecked:
    """``data`` (the door's answers, by the names in ``FIELDS``) as a crew report, or every
    problem with it as field-level errors."""
    now = now or timezone.now()
    errors = _Errors()
    for field, message, code in text_problems(dict(data)):
        errors.add(field, message, code)
    for name in data:
        if name not in FIELDS:
            errors.add(str(name)[:40], UNKNOWN_FIELD.format(name=str(name)[:40]), "unknown_field")
    flight = _flight(data, errors)
    port = _port(data, errors)
    arrival = _arrival(data, now, errors)
    seats = _seats(data, errors)
    indicators = _indicators(data, errors)
    details = _text(data, "details", errors)
    if len(details) > MAX_DETAILS:
        errors.add("details", DETAILS_TOO_LONG, "too_long")
    if cc.CrewIndicator.OTHER in indicators and not details:
        errors.add("details", OTHER_NEEDS_DETAILS, "required")
    phone = _text(data, "contact_number", errors)
    if phone and not PHONE.match(phone):
        errors.add("contact_number", PHONE_INVALID, "invalid")
    if errors or port is None or arrival is None:
        order = {name: n for n, name in enumerate(FIELDS)}
        return CrewChecked(None, sorted(errors, key=lambda e: order.get(e.field, -1)))
    record = CrewReportRecord(flight, port, arrival, seats, indicators, details, phone)
    return CrewChecked(record, [])
