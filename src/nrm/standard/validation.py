"""One validation for every door: parse against the schema, then apply the cross-field rules.

``referral_validate`` and ``notification_validate`` return either the parsed record or a list of
``FieldError``; the API, the CSV importer and the web form all report those errors unchanged.
"""

from collections.abc import Mapping
from dataclasses import asdict, dataclass
from datetime import date
from typing import Any, Generic, TypeVar

from pydantic import BaseModel, ValidationError

from nrm.standard import messages
from nrm.standard.errors import plain_message
from nrm.standard.rules import notification_rules, referral_rules
from nrm.standard.schema import IDENTIFYING_FIELDS, AnonymousNotification, Referral
from nrm.standard.text import text_problems
from nrm.standard.words import field_name

M = TypeVar("M", bound=BaseModel)
_PERSON = frozenset(
    name
    for name, info in Referral.model_fields.items()
    if (info.json_schema_extra or {}).get("section") == "person"  # type: ignore[union-attr]
)


@dataclass(frozen=True)
class FieldError:
    field: str
    message: str
    code: str
    value: str | None = None

    def as_dict(self) -> dict[str, str | None]:
        return asdict(self)


@dataclass(frozen=True)
class Validated(Generic[M]):
    record: M | None
    errors: list[FieldError]

    @property
    def ok(self) -> bool:
        return not self.errors


def _show(value: Any) -> str | None:
    if value is None:
        return None
    text = value if isinstance(value, str) else str(value)
    return text if len(text) <= 200 else text[:197] + "..."


def _count(data: Mapping[str, Any], field: str) -> int:
    value = data.get(field)
    return len(value) if isinstance(value, list | tuple) else 1


def errors_from_pydantic(
    exc: ValidationError, *, model: type[BaseModel], data: Mapping[str, Any]
) -> list[FieldError]:
    """The errors of ``exc`` (validating ``data`` as ``model``), each with a message for
    people; the field and the code stay as machines read them."""
    anonymous = model is AnonymousNotification
    errors = []
    for error in exc.errors(include_url=False):
        loc = [part for part in error["loc"] if isinstance(part, str)]
        field = loc[0] if loc else "__all__"
        code = error["type"]
        if code == "extra_forbidden" and anonymous and field in IDENTIFYING_FIELDS | _PERSON:
            message = messages.NOTIFICATION_IDENTIFYING.format(name=field_name(field))
            code = "identifying_field"
        elif code == "extra_forbidden":
            message = messages.UNKNOWN_FIELD
            if anonymous and field in Referral.model_fields:
                message = messages.NOT_IN_NOTIFICATION.format(name=field_name(field))
            code = "unknown_field"
        else:
            index = next((part for part in error["loc"] if isinstance(part, int)), None)
            count = _count(data, field)
            message = plain_message(error, model=model, field=field, index=index, count=count)
            if code == "literal_error" and field == "schema_version":
                code = "unsupported_version"
        value = (
            None
            if code in ("missing", "unknown_field", "identifying_field")
            else _show(error.get("input"))
        )
        errors.append(FieldError(field=field, message=message, code=code, value=value))
    return errors


def _validate(
    model: type[M], data: Mapping[str, Any], today: date | None, rules: Any
) -> Validated[M]:
    context = {"today": today or date.today()}
    unstorable = text_problems(data)
    if unstorable:
        return Validated(None, [FieldError(f, message, code) for f, message, code in unstorable])
    # Null and empty text mean "not given" through every door (an empty CSV cell, a JSON null);
    # tested inline, as this runs for every row of an import.
    given = {
        name: value
        for name, value in data.items()
        if value is not None and not (isinstance(value, str) and not value.strip())
    }
    try:
        record = model.model_validate(given, context=context)
    except ValidationError as exc:
        return Validated(None, errors_from_pydantic(exc, model=model, data=given))
    errors = [
        FieldError(field, message, code, None if value is None else str(value))
        for field, message, code, value in rules(record)
    ]
    return Validated(None if errors else record, errors)


def referral_validate(data: Mapping[str, Any], *, today: date | None = None) -> Validated[Referral]:
    return _validate(Referral, data, today, referral_rules)


def notification_validate(
    data: Mapping[str, Any], *, today: date | None = None
) -> Validated[AnonymousNotification]:
    return _validate(AnonymousNotification, data, today, notification_rules)


def given(data: Any) -> Any:
    """``data`` without the answers not given (null, empty text), at every level: they mean
    "not given" through every door."""
    if isinstance(data, Mapping):
        return {
            key: given(value)
            for key, value in data.items()
            if value is not None and not (isinstance(value, str) and not value.strip())
        }
    if isinstance(data, list):
        return [given(item) for item in data]
    return data
