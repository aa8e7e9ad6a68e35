"""Pydantic's errors in the words of the data standard's messages.

Pydantic says "Field required" or "Input should be a valid integer"; a person reads "Enter the
date of the referral" or "The estimated age must be a whole number, like 34". Every error type
an answer can meet has its message here; the error's type stays its machine-readable code. The
standard's own records name their fields from ``words.FIELDS``; other requests (the casework
API's bodies and parameters) give the names of theirs.
"""

from collections.abc import Mapping
from enum import Enum
from types import UnionType
from typing import Annotated, Any, Literal, Union, get_args, get_origin

from django.db import models
from pydantic import BaseModel
from pydantic_core import ErrorDetails

from nrm.standard import messages
from nrm.standard.words import FIELDS, field_name, item_name, one_of, say, sentence

# Error type → template. The standard's own field types (``types.py``) first, then pydantic's.
_TEMPLATES = {
    "unknown_code": messages.UNKNOWN_CODE,
    "unknown_country": messages.UNKNOWN_COUNTRY + "{suggestion}",
    "unknown_language": messages.UNKNOWN_LANGUAGE,
    "bad_date": messages.BAD_DATE,
    "bad_phone": messages.PHONE_NOT_VALID,
    "future_date": messages.FUTURE_DATE,
    "date_too_early": messages.DATE_TOO_EARLY,
    "bool_type": messages.NOT_YES_NO,
    "bool_parsing": messages.NOT_YES_NO,
    "int_type": messages.NOT_WHOLE_NUMBER,
    "int_parsing": messages.NOT_WHOLE_NUMBER,
    "int_from_float": messages.NOT_WHOLE_NUMBER,
    "string_type": messages.NOT_TEXT,
    "string_too_long": messages.TEXT_TOO_LONG,
    "list_type": messages.NOT_A_LIST,
    "too_long": messages.TOO_MANY,
    "greater_than_equal": messages.AT_LEAST,
    "greater_than": messages.MORE_THAN,
    "less_than_equal": messages.AT_MOST,
    "less_than": messages.LESS_THAN,
    "date_type": messages.NOT_A_DATE,
    "date_parsing": messages.NOT_A_DATE,
    "date_from_datetime_parsing": messages.NOT_A_DATE,
    "date_from_datetime_inexact": messages.NOT_A_DATE,
    "extra_forbidden": messages.NOT_ASKED,
}


def _base(annotation: Any) -> Any:
    """The type under ``Annotated``, ``Optional`` and ``list``."""
    while True:
        origin = get_origin(annotation)
        if origin is Annotated or origin is list:
            annotation = get_args(annotation)[0]
        elif origin is Union or origin is UnionType:
            annotation = next(a for a in get_args(annotation) if a is not type(None))
        else:
            return annotation


def _type_of(model: type[BaseModel] | None, field: str) -> Any:
    info = model.model_fields.get(field) if model is not None else None
    return _base(info.annotation) if info is not None else None


def _choices(kind: Any) -> list[Any] | None:
    """What an answer of type ``kind`` is chosen from (a code list, a literal or yes/no)."""
    if get_origin(kind) is Literal:
        return list(get_args(kind))
    if isinstance(kind, type) and issubclass(kind, Enum):
        return list(kind)
    return [True, False] if kind is bool else None


def _accepted(kind: Any) -> str | None:
    """The labels of the choices of ``kind``, when a person may answer with them."""
    choices = _choices(kind) or []
    if choices and all(isinstance(choice, models.Choices) for choice in choices):
        return one_of(choice.label for choice in choices)
    return None


def plain_message(
    error: ErrorDetails,
    *,
    model: type[BaseModel] | None,
    field: str,
    index: int | None = None,
    count: int = 1,
    names: Mapping[str, str] | None = None,
) -> str:
    """What ``error`` on ``field`` of ``model`` (on its item ``index`` of ``count``, for a
    list) says to a person. ``names`` names fields the standard does not have."""
    kind = error["type"]
    if names and field in names:
        name = names[field]
    else:
        name = field_name(field) if index is None else item_name(field, index, count=count)
    context = error.get("ctx") or {}
    answer = _type_of(model, field)
    if kind == "missing" or (kind == "too_short" and context.get("min_length") == 1):
        template = messages.MISSING_SELECT if _choices(answer) else messages.MISSING_ENTER
        return template.format(name=name)
    if kind in ("literal_error", "enum"):
        if field == "schema_version":
            return messages.UNSUPPORTED_VERSION.format(supported=one_of(get_args(answer)))
        accepted = _accepted(answer)
        if accepted is None:
            return messages.NOT_ACCEPTED.format(Name=sentence(name))
        return messages.UNKNOWN_CODE.format(name=name, allowed=accepted)
    words = FIELDS.get(field)
    values: dict[str, Any] = {
        **context,
        "name": name,
        "Name": sentence(name),
        "items": words.items if words is not None and words.items else "answers",
    }
    if kind == "too_short":
        return say(messages.TOO_FEW, **values)
    return say(_TEMPLATES.get(kind, messages.NOT_READABLE), **values)


def plain_errors(
    errors: list[Any], *, model: type[BaseModel] | None, names: Mapping[str, str]
) -> list[dict[str, str]]:
    """Field-level errors of a request that is not a record of the standard (a casework body,
    a query parameter): the field as sent, the error type as its code, a message for people."""
    found = []
    for error in errors:
        loc = [str(part) for part in error.get("loc") or () if part not in ("body", "query")]
        field = loc[-1] if loc else "__all__"
        message = plain_message(error, model=model, field=field, names=names)
        found.append({"field": field, "message": message, "code": str(error.get("type"))})
    return found
