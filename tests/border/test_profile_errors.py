"""Refusals of a screened record are in people's words, never pydantic's."""

from pydantic import ValidationError

from nrm.border.profile_errors import validation_errors
from nrm.border.screening_schema import ScreeningRecord


def test_a_refused_record_is_told_what_to_do_in_plain_words() -> None:
    try:
        ScreeningRecord.model_validate({"booked_by_third_party": "maybe", "seat": "12C"})
    except ValidationError as exc:
        errors = validation_errors(exc)
    else:
        raise AssertionError("the record was accepted")
    messages = {e.field: e.message for e in errors}
    assert messages["kind"].startswith("Enter") or messages["kind"].startswith("Select")
    assert "no question of this name" in messages["seat"]
    assert "yes or no" in messages["booked_by_third_party"]
    raw = ("Field required", "Extra inputs are not permitted", "Input should be")
    assert not any(text in e.message for e in errors for text in raw), errors
