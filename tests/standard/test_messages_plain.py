"""Every message the data standard's validation gives (what the API, the CSV importer and the web
journey show) is written for people: no field names or codes, no ISO dates, none of pydantic's
phrases. The failures are generated: a battery of wrong values for every field of both records,
through the JSON door and the text doors, and every rule across fields."""

from datetime import date
from string import Formatter
from typing import Any

import pytest
from pydantic import BaseModel

from nrm.cases.referrals import errors as referral_errors
from nrm.cases.referrals.services import OrganisationResolver, referral_check
from nrm.standard import messages
from nrm.standard.schema import IDENTIFYING_FIELDS, AnonymousNotification, Referral
from nrm.standard.types import values_from_text
from nrm.standard.validation import FieldError, notification_validate, referral_validate
from nrm.standard.words import FIELDS, field_label, item_number, say
from tests.plain_words import code_identifiers, template_text, unplain

TODAY = date(2013, 6, 30)
NOTIFICATION = {
    "notification_date": "2012-05-14",
    "nation": "england",
    "police_region": "london",
    "gender": "male",
    "nationality": "POL",
    "exploitation_type": "labour",
    "exploitation_sub_types": ["labour_factory"],
    "exploitation_region": "london",
}
# Wrong types, blanks, out-of-range values and unknown codes, tried on every field.
WRONG = [
    None,
    "",
    "   ",
    "Atlantis",
    "not_a_code",
    "2999-01-01",
    "1800-01-01",
    "31/02/2012",
    "2012-13-45",
    12345,
    3.5,
    -1,
    500,
    True,
    False,
    {"key": "value"},
    [],
    ["Atlantis"],
    ["x" * 300],
    ["Atlantis", "Narnia", "Albainia"],
    ["a"] * 30,
    [1],
    "x" * 50_001,
    "yes",
    "maybe",
]
# The error types that must each be met by the generated failures, so none goes untried.
MET = {
    "missing",
    "string_type",
    "string_too_long",
    "bool_type",
    "int_type",
    "list_type",
    "too_long",
    "too_short",
    "unknown_code",
    "unknown_country",
    "unknown_language",
    "bad_date",
    "future_date",
    "date_too_early",
    "unsupported_version",
    "unknown_field",
    "identifying_field",
}
# Each rule across fields of ``standard/rules.py``: the changes to the valid referral that break
# it, and the field and code of its error.
RULES: dict[str, tuple[dict[str, Any], tuple[str, str]]] = {
    "no name": ({"given_name": None, "family_name": None}, ("given_name", "required")),
    "region outside nation": ({"nation": "scotland"}, ("police_region", "region_not_in_nation")),
    "sub-type of another type": (
        {"exploitation_type": "labour"},
        ("exploitation_sub_types", "sub_type_mismatch"),
    ),
    "overseas without country": (
        {"exploitation_region": "overseas"},
        ("exploitation_country", "required"),
    ),
    "country not overseas": (
        {"exploitation_country": "NGA"},
        ("exploitation_country", "country_not_overseas"),
    ),
    "overseas in the UK": (
        {"exploitation_region": "overseas", "exploitation_country": "UK"},
        ("exploitation_country", "overseas_in_uk"),
    ),
    "estimated age out of range": (
        {"date_of_birth": None, "estimated_age": 121},
        ("estimated_age", "out_of_range"),
    ),
    "born after referral": ({"date_of_birth": "2012-06-01"}, ("date_of_birth", "after_referral")),
    "estimate against birth": ({"estimated_age": 40}, ("estimated_age", "contradicts_dob")),
    "age unknown": ({"date_of_birth": None}, ("age_group", "required")),
    "disputed adult": ({"age_disputed": True, "age_group": "adult"}, ("age_group", "age_disputed")),
    "age group against birth": ({"age_group": "minor"}, ("age_group", "contradicts_dob")),
    "adult without consent": ({"consent": False}, ("consent", "consent_required")),
    "certainty without nationality": (
        {"assessed_nationality_certainty": "possible"},
        ("assessed_nationality_certainty", "required"),
    ),
    "end before start": ({"exploitation_end": "2011-01-01"}, ("exploitation_end", "before_start")),
    "exploited before birth": (
        {"exploitation_start": "1989-01-01"},
        ("exploitation_start", "before_birth"),
    ),
    "exploited after referral": (
        {"exploitation_start": "2012-06-01", "exploitation_end": None},
        ("exploitation_start", "after_referral"),
    ),
    "decision without date": ({"rg_outcome": "positive"}, ("rg_date", "required")),
    "date without decision": ({"cg_date": "2012-08-01"}, ("cg_date", "date_without_decision")),
    "decision before referral": (
        {"rg_outcome": "positive", "rg_date": "2012-05-01"},
        ("rg_date", "before_referral"),
    ),
    "conclusive without positive": (
        {
            "rg_outcome": "negative",
            "rg_date": "2012-05-18",
            "cg_outcome": "negative",
            "cg_date": "2012-08-01",
        },
        ("cg_outcome", "cg_without_positive_rg"),
    ),
    "conclusive before reasonable": (
        {
            "rg_outcome": "positive",
            "rg_date": "2012-05-18",
            "cg_outcome": "positive",
            "cg_date": "2012-05-18",
        },
        ("cg_date", "before_rg"),
    ),
}


def _errors(model: type[BaseModel], data: dict[str, Any]) -> list[FieldError]:
    validate = referral_validate if model is Referral else notification_validate
    return validate(data, today=TODAY).errors


def _generated(base: dict[str, Any], model: type[BaseModel]) -> list[FieldError]:
    found = []
    fields = [*model.model_fields, "no_such_field", *IDENTIFYING_FIELDS, "consent"]
    for field in fields:
        for value in WRONG:
            data = {**base, field: value}
            found += _errors(model, data)
            text = {k: v if isinstance(v, list) else str(v) for k, v in data.items()}
            found += _errors(model, values_from_text(model, text))  # the CSV and web doors
    return found


@pytest.fixture(scope="module")
def generated() -> list[FieldError]:
    referral = {
        "referral_date": "2012-05-14",
        "nation": "england",
        "police_region": "london",
        "consent": True,
        "given_name": "Testa",
        "date_of_birth": "1990-02-03",
        "gender": "female",
        "claimed_nationalities": ["NGA"],
        "exploitation_type": "sexual",
    }
    return _generated(referral, Referral) + _generated(NOTIFICATION, AnonymousNotification)


def test_every_generated_failure_of_every_field_has_a_message_for_people(
    generated: list[FieldError],
) -> None:
    assert {e.code for e in generated} >= MET
    assert unplain(e.message for e in generated) == {}


def test_every_error_type_met_has_its_own_message_not_the_catch_all(
    generated: list[FieldError],
) -> None:
    catch_all = template_text(messages.NOT_READABLE).strip()
    assert [e for e in generated if catch_all in e.message] == []
    assert all(e.message and e.message[0].isupper() for e in generated)


def test_an_error_keeps_the_field_and_code_for_machines_and_the_value_given(
    valid_referral: dict[str, Any],
) -> None:
    errors = _errors(Referral, {**valid_referral, "estimated_age": "thirty"})
    assert [(e.field, e.code, e.value) for e in errors] == [("estimated_age", "int_type", "thirty")]
    assert errors[0].message == messages.NOT_WHOLE_NUMBER.format(Name="The estimated age")


@pytest.mark.parametrize(("changes", "expected"), RULES.values(), ids=RULES.keys())
def test_every_rule_across_fields_says_what_went_wrong_in_words(
    valid_referral: dict[str, Any], changes: dict[str, Any], expected: tuple[str, str]
) -> None:
    errors = _errors(Referral, {**valid_referral, **changes})
    assert expected in [(e.field, e.code) for e in errors]
    assert unplain(e.message for e in errors) == {}


def test_the_rules_of_an_anonymous_notification_are_in_words() -> None:
    changes = {
        "age_group": "minor",
        "nation": "wales",
        "exploitation_type": "sexual",
        "exploitation_region": "overseas",
    }
    errors = _errors(AnonymousNotification, {**NOTIFICATION, **changes})
    assert {e.code for e in errors} == {
        "child_must_be_referred",
        "region_not_in_nation",
        "sub_type_mismatch",
        "required",
    }
    assert unplain(e.message for e in errors) == {}


def test_the_intake_services_refusals_are_in_words(
    valid_referral: dict[str, Any], organisation: Any, other_organisation: Any
) -> None:
    data = {**valid_referral, "rg_outcome": "positive", "rg_date": "2012-05-18"}
    refused: list[FieldError] = []
    for resolver, changes in (
        (OrganisationResolver(own=organisation), {"first_responder_organisation": "elsewhere"}),
        (OrganisationResolver(own=None, known=[other_organisation]), {}),
        (OrganisationResolver(own=None, known=[]), {"first_responder_organisation": "nobody"}),
    ):
        found = referral_check({**data, **changes}, resolver=resolver, allow_decisions=False)
        assert isinstance(found, list)
        refused += found
    codes = {e.code for e in refused}
    assert codes >= {
        "decision_not_allowed",
        "other_organisation",
        "required",
        "unknown_organisation",
    }
    assert unplain(e.message for e in refused) == {}


MESSAGE_MODULES = [messages, referral_errors]


@pytest.mark.parametrize("module", MESSAGE_MODULES, ids=lambda m: m.__name__)
def test_every_message_template_is_plain_outside_its_placeholders(module: Any) -> None:
    templates = {
        name: value
        for name, value in vars(module).items()
        if name.isupper() and isinstance(value, str) and not name.startswith("IDEMPOTENCY")
    }
    assert templates
    assert {
        n: code_identifiers(template_text(t))
        for n, t in templates.items()
        if code_identifiers(template_text(t))
    } == {}


@pytest.mark.parametrize("module", MESSAGE_MODULES, ids=lambda m: m.__name__)
def test_every_field_a_template_names_is_in_the_table_of_field_names(module: Any) -> None:
    named = {
        field.split(".", 1)[1]
        for name, value in vars(module).items()
        if name.isupper() and isinstance(value, str)
        for _, field, _, _ in Formatter().parse(value)
        if field and field.startswith(("f.", "F."))
    }
    assert named and named <= set(FIELDS)


def test_the_checker_finds_the_identifiers_people_were_shown_before() -> None:
    before = [
        "Input should be a valid integer, unable to parse string as an integer",
        "exploitation_country is required when exploitation_region is 'overseas'",
        "sub-type 'sexual_brothel' belongs to sexual exploitation, not to 'labour'",
        "police region 'scotland' is not in England; allowed here: east_midlands, eastern",
        "Date 2031-10-10 is in the future",
        "Field required",
        "A case that is awaiting rg cannot take 'rg_positive': its decision is made",
        "The date of birth is 'nation'",
        "London is in london",
    ]
    assert list(unplain(before)) == before


def test_a_field_is_named_in_messages_as_the_web_form_labels_it() -> None:
    assert (
        say(
            "{F.exploitation_start}",
        )
        == "The date the exploitation started"
    )
    assert field_label("exploitation_start") == "When did the exploitation start?"
    for field in (*Referral.model_fields, *AnonymousNotification.model_fields):
        assert field in FIELDS, field


def test_a_list_item_is_named_by_its_place_and_found_again_from_the_message() -> None:
    errors = _errors(
        Referral,
        {
            "referral_date": "2012-05-14",
            "nation": "england",
            "given_name": "A",
            "gender": "male",
            "claimed_nationalities": ["NGA", "Narnia"],
            "age_group": "minor",
            "exploitation_type": "labour",
        },
    )
    assert [e.message.split(" is ")[0] for e in errors] == ["The second nationality claimed"]
    assert item_number("claimed_nationalities", errors[0].message) == 1
    assert item_number("claimed_nationalities", "The nationality claimed is not…") is None
