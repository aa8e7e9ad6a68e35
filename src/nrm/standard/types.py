"""Field types of the data standard: code lists that accept codes, labels or aliases; countries;
languages; dates in ISO or UK form that may not lie in the future."""

import re
from datetime import date, datetime
from typing import Annotated, Any

from django.db import models
from pydantic import AfterValidator, BeforeValidator, Field, ValidationInfo, WithJsonSchema
from pydantic_core import PydanticCustomError

from nrm.standard import messages
from nrm.standard.codes import code_lookup
from nrm.standard.nationality import country_code, language_code

_UK_DATE = re.compile(r"^(\d{1,2})/(\d{1,2})/(\d{4})$")


def code_parser(code_list: type[models.TextChoices], list_name: str) -> Any:
    """A before-validator for one code list: accepts the code, its label or a known alias."""

    def parse(value: object) -> object:
        if isinstance(value, code_list) or value is None:
            return value
        if isinstance(value, str):
            code = code_lookup(code_list, value)
            if code is not None:
                return code
        raise PydanticCustomError(
            "unknown_code",
            messages.UNKNOWN_CODE,
            {
                "value": str(value),
                "list_name": list_name,
                "allowed": ", ".join(code_list.values),
            },
        )

    return parse


def _parse_country(value: object) -> object:
    if isinstance(value, str):
        code = country_code(value)
        if code is not None:
            return code
    raise PydanticCustomError("unknown_country", messages.UNKNOWN_COUNTRY, {"value": str(value)})


def _parse_language(value: object) -> object:
    if isinstance(value, str):
        code = language_code(value)
        if code is not None:
            return code
    raise PydanticCustomError("unknown_language", messages.UNKNOWN_LANGUAGE, {"value": str(value)})


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
    raise PydanticCustomError("bad_date", messages.BAD_DATE, {"value": str(value)})


def _not_future(value: date | None, info: ValidationInfo) -> date | None:
    today = (info.context or {}).get("today") or date.today()
    if value is not None and value > today:
        raise PydanticCustomError("future_date", messages.FUTURE_DATE, {"value": value.isoformat()})
    return value


PastDate = Annotated[
    date,
    BeforeValidator(_parse_date),
    AfterValidator(_not_future),
    WithJsonSchema(
        {
            "type": "string",
            "format": "date",
            "description": "YYYY-MM-DD (DD/MM/YYYY accepted on input); not in the future",
        }
    ),
]

ShortText = Annotated[str, Field(max_length=200)]
