"""Intelligence reports through the standard's one validation: the 3x5x2 grading, entity
attributes by type, links that fit the entities they join, E.164 phone numbers, dates; and
every message a battery of wrong values produces is in plain words."""

from datetime import date
from typing import Any

import pytest

from nrm.standard import messages
from nrm.standard.intelligence_codes import LINK_ENDS, EntityType, LinkType, link_fits
from nrm.standard.intelligence_schema import ENTITY_ATTRIBUTES, phone_e164
from nrm.standard.intelligence_validation import intelligence_report_validate
from nrm.standard.intelligence_words import ENTITY_FIELDS, LINK_FIELDS
from tests.plain_words import code_identifiers

TODAY = date(2013, 6, 30)
WRONG: list[Any] = [
    None, "", "Atlantis", "not_a_code", "2999-01-01", "1800-01-01", "31/02/2012", 12345, 3.5,
    -1, 500, True, {"key": "value"}, [], ["Atlantis"], "x" * 20_001, "\x00", "\ud800",
]  # fmt: skip


@pytest.fixture
def report(valid_intelligence_report: dict[str, Any]) -> dict[str, Any]:
    return valid_intelligence_report


def _errors(data: dict[str, Any]) -> list[Any]:
    return intelligence_report_validate(data, today=TODAY).errors


def test_a_valid_report_parses_with_its_grading_and_its_phone_in_e164(
    report: dict[str, Any],
) -> None:
    validated = intelligence_report_validate(report, today=TODAY)
    assert validated.ok and validated.record is not None
    record = validated.record
    assert (record.source_evaluation, record.intelligence_assessment) == ("2", "B")
    assert record.entities[3].phone == "+447911123456"


def test_the_grading_is_read_from_codes_labels_and_the_labels_words(
    report: dict[str, Any],
) -> None:
    for evaluation in ("1", "1: Reliable", "reliable"):
        for assessment in ("a", "A: Known directly to the source", "known directly to the source"):
            graded = {**report, "source_evaluation": evaluation,
                      "intelligence_assessment": assessment}  # fmt: skip
            record = intelligence_report_validate(graded, today=TODAY).record
            assert record is not None
            assert (record.source_evaluation, record.intelligence_assessment) == ("1", "A")


def test_uk_numbers_without_a_country_code_are_read_as_uk_numbers() -> None:
    assert phone_e164("07911 123456") == phone_e164("+44 7911 123456") == "+447911123456"
    assert phone_e164("+40 712 345 678") == "+40712345678"
    for bad in ("12", "07911", "not a number", "+99 123"):
        with pytest.raises(ValueError):
            phone_e164(bad)


def test_a_link_must_fit_the_types_of_the_entities_it_joins() -> None:
    assert link_fits(LinkType.MEMBER_OF, EntityType.PERSON, EntityType.OCG)
    assert not link_fits(LinkType.MEMBER_OF, EntityType.OCG, EntityType.PERSON)
    assert not link_fits(LinkType.USES_PHONE, EntityType.PERSON, EntityType.LOCATION)
    assert set(LINK_ENDS) == set(LinkType)


def test_a_link_that_does_not_fit_says_what_it_may_join(report: dict[str, Any]) -> None:
    bad = {**report, "links": [{"from_key": "e4", "to_key": "e1", "type": "member_of"}]}
    (error,) = _errors(bad)
    assert error.field == "links[0].type" and error.code == "link_does_not_fit"
    assert "a phone number member of a person" in error.message
    assert "Member of joins a person to an organised crime group" in error.message


def test_an_attribute_of_another_type_is_refused_and_each_type_needs_its_own(
    report: dict[str, Any],
) -> None:
    entities = [{**report["entities"][3], "given_name": "Sample"}, {"key": "x", "type": "ocg"}]
    errors = _errors({**report, "entities": entities, "links": []})
    assert [(e.field, e.code) for e in errors] == [
        ("entities[0].given_name", "attribute_not_of_type"),
        ("entities[1].ocg_name", "missing"),
    ]


def test_handling_code_c_needs_conditions_and_p_takes_none(report: dict[str, Any]) -> None:
    assert [e.message for e in _errors({**report, "handling_code": "C"})] == [
        messages.HANDLING_NEEDS_CONDITIONS
    ]
    p_with = {**report, "handling_conditions": ["met-police"]}
    assert [e.message for e in _errors(p_with)] == [messages.CONDITIONS_ONLY_WITH_C]


def test_events_after_the_report_was_received_are_refused(report: dict[str, Any]) -> None:
    (error,) = _errors({**report, "events_date": "2012-06-02"})
    assert error.message == messages.EVENTS_AFTER_RECEIVED.format(received="1 June 2012")


def test_every_message_a_battery_of_wrong_values_gives_is_in_plain_words(
    report: dict[str, Any],
) -> None:
    found: list[str] = []
    for name in [*report, "handling_conditions", "schema_version", "unknown"]:
        for value in WRONG:
            found += [e.message for e in _errors({**report, name: value})]
    entity, link = report["entities"][0], report["links"][0]
    for name in [*ENTITY_FIELDS, *{a for attrs in ENTITY_ATTRIBUTES.values() for a in attrs}]:
        for value in WRONG:
            entities = [{**entity, name: value}, *report["entities"][1:]]
            found += [e.message for e in _errors({**report, "entities": entities})]
    for name in LINK_FIELDS:
        for value in WRONG:
            found += [e.message for e in _errors({**report, "links": [{**link, name: value}]})]
    assert len(found) > 300
    # A link naming a key the report lacks repeats that key, the report's own word: not a code.
    unknown_key = messages.LINK_UNKNOWN_ENTITY.split(",")[0].format(Link="Link 1")
    unplain = {
        m: ids for m in set(found) if (ids := code_identifiers(m)) and not m.startswith(unknown_key)
    }
    assert unplain == {}
    assert not [m for m in found if "entities[" in m or "links[" in m]
