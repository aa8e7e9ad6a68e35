"""Field types of the data standard: code lists that accept codes, labels or aliases; countries;
languages; dates in ISO or UK form that may not lie in the future."""

import re
from datetime import date, datetime
from typing import Annotated, Any, get_args, get_origin

from django.db import models
from pydantic import (
    AfterValidator,
    BaseModel,
    BeforeValidator,
    Field,
    Strict,
    ValidationInfo,
    WithJsonSchema,
)
from pydantic_core import PydanticCustomError

from nrm.standard import messages
from nrm.standard.codes import code_lookup
from nrm.standard.nationality import country_code, country_suggestions, language_code
from nrm.standard.words import one_of

_UK_DATE = re.compile(r"^(\d{1,2})/(\d{1,2})/(\d{4})$")
EARLIEST = date(1900, 1, 1)  # no date of the standard lies before it


# What a custom error of a field says before the validation names its field (``errors.py``).
_UNNAMED = {"name": "this answer", "Name": "This answer"}


def _refuse(code: str, template: str, **context: Any) -> PydanticCustomError:
    return PydanticCustomError(code, template, {**_UNNAMED, **context})


def code_parser(code_list: type[models.TextChoices]) -> Any:
    """A before-validator for one code list: accepts the code, its label or a known alias."""
    allowed = one_of(code_list.labels)

    def parse(value: object) -> object:
        if isinstance(value, code_list) or value is None:
            return value
        if isinstance(value, str):
            code = code_lookup(code_list, value)
            if code is not None:
                return code
        raise _refuse("unknown_code", messages.UNKNOWN_CODE, allowed=allowed)

    return parse


def labels_accepted(code_list: type[models.TextChoices]) -> Any:
    """A before-validator that turns a label or alias of ``code_list`` into its code and leaves
    anything else to the field's own type to accept or refuse (an enum, or a literal of some
    of the list's codes)."""

    def parse(value: object) -> object:
        return (code_lookup(code_list, value) or value) if isinstance(value, str) else value

    return parse


def _parse_country(value: object) -> object:
    suggestion = ""
    if isinstance(value, str):
        code = country_code(value)
        if code is not None:
            return code
        close = country_suggestions(value)
        if close:
            suggestion = messages.COUNTRY_SUGGESTION.format(names=one_of(close))
    raise _refuse(
        "unknown_country", messages.UNKNOWN_COUNTRY + "{suggestion}", suggestion=suggestion
    )


def _parse_language(value: object) -> object:
    if isinstance(value, str):
        code = language_code(value)
        if code is not None:
            return code
    raise _refuse("unknown_language", messages.UNKNOWN_LANGUAGE)


Country = Annotated[
    str,
    BeforeValidator(_parse_country),
    WithJsonSchema(
        {
            "type": "string",
            "pattern": "^[A-Z]{3}$",
            "description": "ISO 3166-1 alpha-3 code; XXA = stateless, XXX = unknown. "
            "Alpha-2 codes and English names are accepted on input.",
        }
    ),
]

Language = Annotated[
    str,
    BeforeValidator(_parse_language),
    WithJsonSchema(
        {
            "type": "string",
            "pattern": "^[a-z]{3}$",
            "description": "ISO 639-3 code; ISO 639-1 codes and English names accepted on input",
        }
    ),
]


def parse_date(value: str) -> date | None:
    """A date in ISO or DD/MM/YYYY form, or None when the text is not one."""
    try:
        parsed = _parse_date(value)
    except PydanticCustomError:
        return None
    return parsed if isinstance(parsed, date) else None


def _parse_date(value: object) -> object:
    if value is None or (isinstance(value, date) and not isinstance(value, datetime)):
        return value
    if isinstance(value, str):
        text = value.strip()
        match = _UK_DATE.match(text)
        try:
            if match:
                day, month, year = (int(part) for part in match.groups())
                return date(year, month, day)
            return date.fromisoformat(text)
        except ValueError:
            pass
    raise _refuse("bad_date", messages.BAD_DATE)


def _not_future(value: date | None, info: ValidationInfo) -> date | None:
    today = (info.context or {}).get("today") or date.today()
    if value is not None and value > today:
        raise _refuse("future_date", messages.FUTURE_DATE)
    if value is not None and value < EARLIEST:
        raise _refuse("date_too_early", messages.DATE_TOO_EARLY)
    return value


PastDate = Annotated[
    date,
    BeforeValidator(_parse_date),
    AfterValidator(_not_future),
    WithJsonSchema(
        {
            "type": "string",
            "format": "date",
            "description": "YYYY-MM-DD (DD/MM/YYYY accepted on input); not in the future, "
            "not before 1900",
        }
    ),
]

ShortText = Annotated[str, Field(max_length=200)]


# Yes/no and whole numbers are JSON's own types in the data standard: true/false and 34, never
# "yes" or "34". Doors that only have text (a CSV cell, a web form's input) turn it into them
# here, by one rule, before the standard validates; text that is neither stays text and is refused.
YesNo = Annotated[bool, Strict()]
WholeNumber = Annotated[int, Strict()]
_YES = frozenset({"yes", "y", "true", "1"})
_NO = frozenset({"no", "n", "false", "0"})
_WHOLE = re.compile(r"^[+-]?\d{1,9}$")


def _kinds(model: type[BaseModel]) -> dict[str, type]:
    """The fields of ``model`` that are yes/no or whole numbers (optional ones included)."""
    found: dict[str, type] = {}
    for name, info in model.model_fields.items():
        kinds = {info.annotation, *get_args(info.annotation)}
        kinds |= {get_args(kind)[0] for kind in list(kinds) if get_origin(kind) is Annotated}
        for kind in (bool, int):
            if kind in kinds:
                found[name] = kind
                break
    return found


_KINDS: dict[type[BaseModel], dict[str, type]] = {}


def values_from_text(model: type[BaseModel], data: dict[str, Any]) -> dict[str, Any]:
    """``data`` with the text of yes/no and whole-number fields of ``model`` turned into
    booleans and numbers ("yes", "true" and "1" are yes; "no", "false" and "0" are no)."""
    kinds = _KINDS.get(model)
    if kinds is None:
        kinds = _KINDS[model] = _kinds(model)
    for name, kind in kinds.items():
        value = data.get(name)
        if not isinstance(value, str):
            continue
        text = value.strip().lower()
        if kind is bool and text in _YES:
            data[name] = True
        elif kind is bool and text in _NO:
            data[name] = False
        elif kind is int and _WHOLE.match(text):
            data[name] = int(text)
    return data


def null_means_not_given(schema: dict[str, Any], model: type[BaseModel]) -> None:
    """A model's ``json_schema_extra``: every answer with a default admits null in the schema,
    as every door reads null as "not given" (so the default applies)."""
    for name, info in model.model_fields.items():
        found = schema.get("properties", {}).get(name)
        if found is None or info.is_required():
            continue
        if found.get("type") == "null" or any(
            option.get("type") == "null" for option in found.get("anyOf", [])
        ):
            continue
        kept = {k: found.pop(k) for k in list(found) if k in ("title", "description", "default")}
        kept.update({k: found.pop(k) for k in list(found) if k == "section"})
        inner = dict(found)
        found.clear()
        found.update({"anyOf": [inner, {"type": "null"}], **kept})


def schema_extra(identifier: str | None = None) -> Any:
    """A model's ``json_schema_extra``: ``null_means_not_given``, and the schema's ``$id``."""

    def amend(schema: dict[str, Any], model: type[BaseModel]) -> None:
        null_means_not_given(schema, model)
        if identifier:
            schema["$id"] = identifier

    return amend
