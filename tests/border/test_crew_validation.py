"""One validation for every door of the crew line: each field's rule, in the reporter's words."""

from datetime import timedelta
from typing import Any

import pytest

from nrm.border import crew_validation as v
from nrm.standard import crew_codes as cc
from tests.border.test_crew_factories import NOW, report_data


def _errors(**changes: Any) -> dict[str, str]:
    checked = v.crew_report_validate(report_data(**changes), now=NOW)
    assert checked.record is None
    return {e.field: e.message for e in checked.errors}


def test_a_valid_report_is_read_with_its_flight_number_tidied() -> None:
    checked = v.crew_report_validate(report_data(flight_number=" ba-0123 "), now=NOW)
    assert checked.errors == []
    assert checked.record is not None
    assert checked.record.flight_number == "BA0123"
    assert checked.record.port == cc.Port.LHR
    assert checked.record.expected_arrival == NOW + timedelta(hours=3)
    assert checked.record.seats == ["23C", "23D"]


@pytest.mark.parametrize(
    ("value", "message"),
    [
        (None, v.FLIGHT_REQUIRED),
        ("", v.FLIGHT_REQUIRED),
        ("123", v.FLIGHT_INVALID),
        ("BA12345", v.FLIGHT_INVALID),
        ("BA 1 2 3 4 5 6", v.FLIGHT_INVALID),
        (123, v.NOT_TEXT.format(name="the flight number")),
    ],
)
def test_the_flight_number_is_required_and_must_look_like_one(value: Any, message: str) -> None:
    assert _errors(flight_number=value)["flight_number"] == message


@pytest.mark.parametrize(
    ("value", "message"),
    [
        (None, v.PORT_REQUIRED),
        ("", v.PORT_REQUIRED),
        ("CDG", v.PORT_UNKNOWN),
        ("heathrow", v.PORT_UNKNOWN),
    ],
)
def test_the_destination_must_be_a_uk_port_on_the_list(value: Any, message: str) -> None:
    assert _errors(destination_port=value)["destination_port"] == message


def test_a_port_code_is_read_whatever_its_case() -> None:
    checked = v.crew_report_validate(report_data(destination_port="man"), now=NOW)
    assert checked.record is not None and checked.record.port == cc.Port.MAN


@pytest.mark.parametrize(
    ("value", "message"),
    [
        (None, v.ARRIVAL_REQUIRED),
        ("tomorrow", v.ARRIVAL_INVALID),
        ("2026-13-40T10:00Z", v.ARRIVAL_INVALID),
        ("2026-12-05T15:00", v.ARRIVAL_NO_ZONE),
        ((NOW - timedelta(hours=3)).isoformat(), v.ARRIVAL_TOO_EARLY),
        ((NOW + timedelta(hours=21)).isoformat(), v.ARRIVAL_TOO_LATE),
        ("9" * 5000, v.ARRIVAL_INVALID),
    ],
)
def test_the_expected_landing_time_is_a_time_with_its_zone_while_in_the_air(
    value: Any, message: str
) -> None:
    assert _errors(expected_arrival=value)["expected_arrival"] == message


@pytest.mark.parametrize(
    ("value", "message"),
    [
        (["23"], v.SEATS_INVALID),
        (["A23"], v.SEATS_INVALID),
        ([f"{n}A" for n in range(1, 11)], v.TOO_MANY_SEATS),
        ([1, 2], v.NOT_TEXT.format(name="the seats")),
    ],
)
def test_seats_are_a_row_and_a_letter_and_few(value: Any, message: str) -> None:
    assert _errors(seats=value)["seats"] == message


def test_seats_typed_on_the_web_are_read_from_one_line() -> None:
    checked = v.crew_report_validate(report_data(seats="12a, 12B 14c"), now=NOW)
    assert checked.record is not None and checked.record.seats == ["12A", "12B", "14C"]


@pytest.mark.parametrize(
    ("value", "message"),
    [
        ([], v.INDICATORS_REQUIRED),
        (None, v.INDICATORS_REQUIRED),
        (["nervous"], v.INDICATOR_UNKNOWN),
        (["scripted_answers", "scripted_answers"], v.INDICATOR_TWICE),
    ],
)
def test_what_was_seen_comes_from_the_code_list(value: Any, message: str) -> None:
    assert _errors(indicators=value)["indicators"] == message


def test_something_else_seen_must_be_described_and_descriptions_are_bounded() -> None:
    assert _errors(indicators=["other"])["details"] == v.OTHER_NEEDS_DETAILS
    assert _errors(details="x" * 2001)["details"] == v.DETAILS_TOO_LONG


@pytest.mark.parametrize("value", ["call me", "12", "+44 7700 900 982" * 3])
def test_a_contact_number_given_must_be_a_telephone_number(value: str) -> None:
    assert _errors(contact_number=value)["contact_number"] == v.PHONE_INVALID


def test_unknown_questions_and_text_that_cannot_be_stored_are_refused() -> None:
    errors = _errors(passenger_name="Someone", details="a\x00b")
    assert errors["passenger_name"] == v.UNKNOWN_FIELD.format(name="passenger_name")
    assert "details" in errors


def test_every_problem_is_reported_at_once_in_the_order_of_the_questions() -> None:
    checked = v.crew_report_validate({}, now=NOW)
    assert [e.field for e in checked.errors] == [
        "flight_number",
        "destination_port",
        "expected_arrival",
        "indicators",
    ]
