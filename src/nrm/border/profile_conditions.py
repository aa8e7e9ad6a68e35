"""A risk profile's conditions: declared data, never code. Each condition is a field of a visa
application or passenger record, an operator and its values (``nrm.standard.border_codes``);
a profile matches a record when every condition holds. This module checks a list of conditions
(field-level errors, in the words of the people who write profiles), refuses a profile that
tests only protected characteristics, and says the conditions in words."""

import re
from collections.abc import Sequence
from typing import Annotated, Any

from pydantic import BaseModel, ConfigDict, Field, model_validator

from nrm.standard import border_codes as bc
from nrm.standard.nationality import country_name

MAX_CONDITIONS = 20
MAX_VALUES = 300
MAX_NUMBER = 100_000
THREE_LETTERS = re.compile(r"^[A-Z]{3}$")

WRONG_OPERATOR = "A {field} condition uses {operators}, not '{operator}'"
BETWEEN_TWO = "Give 2 whole numbers for 'between', the lowest first, from 0 to {most}"
EQUALS_ONE = "Give true or false for '{field} is'"
UNKNOWN_VALUE = "'{value}' is not a code of {field}. Use one of: {allowed}"
NOT_THREE_LETTERS = "'{value}' is not a 3-letter code. {field} uses 3 capital letters"
NO_VALUES = "Give at least one value for {field}"
PROTECTED_ONLY = (
    "A profile cannot test only nationality or sex. These are protected characteristics: "
    "add a condition about the journey, the booking, the visa or the sponsor that the "
    "intelligence supports"
)
NO_CONDITIONS = "Add at least one condition"
REPEATED_FIELD = "{field} is tested twice. Put all its values in one condition"

Value = str | int | bool


class Condition(BaseModel):
    """One condition: ``field operator values``."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    field: bc.ScreenField
    operator: bc.Operator
    values: Annotated[list[bool | int | str], Field(min_length=1, max_length=MAX_VALUES)]

    @model_validator(mode="after")
    def _values_fit(self) -> "Condition":
        problem = condition_problem(self.field, self.operator, self.values)
        if problem:
            raise ValueError(problem)
        return self


def _label(field: bc.ScreenField) -> str:
    return bc.ScreenField(field).label


def _code_problem(field: bc.ScreenField, values: Sequence[Value]) -> str | None:
    for value in values:
        if not isinstance(value, str):
            return UNKNOWN_VALUE.format(value=value, field=_label(field).lower(), allowed="codes")
        codes = bc.FIELD_CODES.get(field)
        if codes is None:
            if not THREE_LETTERS.match(value):
                return NOT_THREE_LETTERS.format(value=value, field=_label(field))
        elif value not in codes.values:
            allowed = ", ".join(codes.values)
            return UNKNOWN_VALUE.format(value=value, field=_label(field).lower(), allowed=allowed)
    return None


def condition_problem(
    field: bc.ScreenField, operator: bc.Operator, values: Sequence[Value]
) -> str | None:
    """Why a condition is not one a profile may hold, or None."""
    kind = bc.FIELD_KINDS[bc.ScreenField(field)]
    allowed = bc.OPERATORS_OF_KIND[kind]
    if operator not in allowed:
        words = " or ".join(sorted(f"'{o.value}'" for o in allowed))
        return WRONG_OPERATOR.format(field=_label(field), operators=words, operator=operator)
    if not values:
        return NO_VALUES.format(field=_label(field).lower())
    if kind is bc.FieldKind.CODE:
        return _code_problem(bc.ScreenField(field), values)
    if kind is bc.FieldKind.NUMBER:
        numbers = [v for v in values if isinstance(v, int) and not isinstance(v, bool)]
        if len(values) != 2 or len(numbers) != 2 or not 0 <= numbers[0] <= numbers[1] <= MAX_NUMBER:
            return BETWEEN_TWO.format(most=MAX_NUMBER)
        return None
    if len(values) != 1 or not isinstance(values[0], bool):
        return EQUALS_ONE.format(field=_label(field).lower())
    return None


class Conditions(BaseModel):
    """A profile's conditions, all of which must hold."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    conditions: Annotated[list[Condition], Field(max_length=MAX_CONDITIONS)]

    @model_validator(mode="after")
    def _profile_rules(self) -> "Conditions":
        problem = conditions_problem(self.conditions)
        if problem:
            raise ValueError(problem)
        return self


def conditions_problem(conditions: Sequence[Condition]) -> str | None:
    """Why a list of conditions cannot be a profile's: none at all, a field tested twice, or
    only protected characteristics tested (``PROTECTED_ONLY``)."""
    if not conditions:
        return NO_CONDITIONS
    seen: set[str] = set()
    for condition in conditions:
        if condition.field in seen:
            return REPEATED_FIELD.format(field=_label(condition.field))
        seen.add(condition.field)
    if all(c.field in bc.PROTECTED_FIELDS for c in conditions):
        return PROTECTED_ONLY
    return None


def conditions_parse(data: Any) -> list[Condition]:
    """Conditions from their stored or submitted form (a list of objects); raises pydantic's
    ``ValidationError``."""
    return list(Conditions.model_validate({"conditions": data}).conditions)


def _value_words(field: bc.ScreenField, value: Value) -> str:
    if field == bc.ScreenField.NATIONALITY and isinstance(value, str):
        try:
            return country_name(value)
        except LookupError:
            return value
    codes = bc.FIELD_CODES.get(field)
    if codes is not None and isinstance(value, str) and value in codes.values:
        return str(codes(value).label)
    return str(value)


def condition_words(condition: Condition) -> str:
    """A condition in words: 'Visa category is one of: Work, Overseas domestic worker'."""
    field = bc.ScreenField(condition.field)
    name = field.label
    if condition.operator == bc.Operator.BETWEEN:
        low, high = condition.values
        return f"{name} is between {low} and {high}"
    if condition.operator == bc.Operator.EQUALS:
        return f"{name}: {'yes' if condition.values[0] else 'no'}"
    words = ", ".join(_value_words(field, v) for v in condition.values)
    return f"{name} {bc.Operator(condition.operator).label}: {words}"
