"""One validation of criminal justice records for every door (the API, the CSV import): the
text checked, the record parsed against the schema (null and empty text are "not given" at
every level), then the rules across fields (``nrm.standard.justice_rules``).

Errors are ``FieldError``: the field as machines read it (``court_nation``,
``defendants[0].charges[1].outcome_on``, ``victim_references[2]``), a code, and a message for
people that names the field as they read it ("the date of the outcome of offence 2 of
defendant 1").
"""

from collections.abc import Callable, Iterator, Mapping
from datetime import date
from typing import Any, TypeVar

from pydantic import BaseModel, ValidationError

from nrm.standard import messages
from nrm.standard.errors import plain_message
from nrm.standard.justice_rules import prosecution_rules, recovery_rules
from nrm.standard.justice_schema import (
    MAX_CHARGES,
    MAX_DEFENDANTS,
    MAX_VICTIMS,
    AssetRecoveryRecord,
    ChargeRecord,
    DefendantRecord,
    ProsecutionRecord,
)
from nrm.standard.justice_words import (
    CHARGE_FIELDS,
    DEFENDANT_FIELDS,
    PROSECUTION_FIELDS,
    RECOVERY_FIELDS,
    charge_name,
    defendant_name,
    owned_name,
    victim_name,
)
from nrm.standard.rules import Problem
from nrm.standard.text import text_problems
from nrm.standard.validation import FieldError, Validated, _show, given
from nrm.standard.words import FieldWords, sentence

R = TypeVar("R", bound=BaseModel)

NO_DEFENDANTS = "Enter at least one defendant"
NO_CHARGES = "Enter at least one offence {defendant} is charged with"
TOO_MANY_DEFENDANTS = "Give no more than {max_length} defendants; record a larger case in parts"
TOO_MANY_CHARGES = "Give no more than {max_length} offences for {defendant}"
TOO_MANY_VICTIMS = "Give no more than {max_length} victims' NRM references"
BAD_CASE_REFERENCE = (
    "{Name} can have only letters, numbers, slashes (/) and hyphens (-), like 01AB1234512"
)
NOT_AN_ENTRY = "Give {name} as a set of answers, as the API's documentation shows"


def field_path(loc: tuple[Any, ...]) -> str:
    """A pydantic location as machines read it: ``defendants[0].charges[1].outcome_on``."""
    path = ""
    for part in loc:
        if isinstance(part, int):
            path += f"[{part}]"
        else:
            path += f".{part}" if path else str(part)
    return path or "__all__"


def _name(model: type[BaseModel], loc: tuple[Any, ...]) -> tuple[type[BaseModel], str, str]:
    """The model a location's last field belongs to, that field, and its name for people."""
    if model is AssetRecoveryRecord:
        field = str(loc[0]) if loc else "__all__"
        return model, field, _words(RECOVERY_FIELDS, field)
    top = str(loc[0]) if loc else "__all__"
    rest = loc[1:]
    if top == "victim_references" and rest and isinstance(rest[0], int):
        return ProsecutionRecord, top, victim_name(rest[0])
    if top != "defendants" or not rest or not isinstance(rest[0], int):
        return ProsecutionRecord, top, _words(PROSECUTION_FIELDS, top)
    d = rest[0]
    if len(rest) == 1:
        return DefendantRecord, "__all__", defendant_name(d)
    field = str(rest[1])
    tail = rest[2:]
    if field != "charges" or not tail or not isinstance(tail[0], int):
        return DefendantRecord, field, owned_name(DEFENDANT_FIELDS, field, defendant_name(d))
    if len(tail) == 1:
        return ChargeRecord, "__all__", charge_name(d, tail[0])
    field = str(tail[1])
    return ChargeRecord, field, owned_name(CHARGE_FIELDS, field, charge_name(d, tail[0]))


def _words(words: dict[str, FieldWords], field: str) -> str:
    found = words.get(field)
    return found.name if found else "this answer"


def _message(model: type[BaseModel], error: Any) -> str:
    loc = tuple(error["loc"])
    kind = error["type"]
    context = error.get("ctx") or {}
    leaf = str(loc[-1]) if loc else ""
    owner = defendant_name(loc[1]) if len(loc) > 1 and isinstance(loc[1], int) else ""
    if kind in ("too_short", "missing") and leaf == "defendants":
        return NO_DEFENDANTS
    if kind in ("too_short", "missing") and leaf == "charges":
        return NO_CHARGES.format(defendant=owner)
    if kind == "too_long" and leaf in ("defendants", "charges", "victim_references"):
        template = {
            "defendants": TOO_MANY_DEFENDANTS,
            "charges": TOO_MANY_CHARGES,
            "victim_references": TOO_MANY_VICTIMS,
        }[leaf]
        return template.format(max_length=context.get("max_length"), defendant=owner)
    owning, field, name = _name(model, loc)
    if kind == "string_pattern_mismatch" and field == "case_reference":
        return BAD_CASE_REFERENCE.format(Name=sentence(name))
    if kind in ("model_type", "model_attributes_type", "dict_type"):
        return NOT_AN_ENTRY.format(name=name)
    return plain_message(error, model=owning, field=field, names={field: name})


def _errors(model: type[BaseModel], exc: ValidationError) -> list[FieldError]:
    found = []
    for error in exc.errors(include_url=False):
        code = error["type"]
        if code == "extra_forbidden":
            message, code = messages.UNKNOWN_FIELD, "unknown_field"
        else:
            message = _message(model, error)
        value = None if code in ("missing", "unknown_field") else _show(error.get("input"))
        if isinstance(error.get("input"), dict | list):
            value = None
        found.append(FieldError(field_path(tuple(error["loc"])), message, code, value))
    return found


def _validate(
    model: type[R],
    data: Mapping[str, Any],
    today: date | None,
    rules: Callable[[R], Iterator[Problem]],
) -> Validated[R]:
    unstorable = text_problems(data)
    if unstorable:
        return Validated(None, [FieldError(f, message, code) for f, message, code in unstorable])
    try:
        record = model.model_validate(given(data), context={"today": today or date.today()})
    except ValidationError as exc:
        return Validated(None, _errors(model, exc))
    errors = [
        FieldError(field, message, code, None if value is None else str(value))
        for field, message, code, value in rules(record)
    ]
    return Validated(None if errors else record, errors)


def prosecution_validate(
    data: Mapping[str, Any], *, today: date | None = None
) -> Validated[ProsecutionRecord]:
    """The prosecution ``data`` parsed and checked, or every problem with it."""
    return _validate(ProsecutionRecord, data, today, prosecution_rules)


def recovery_validate(
    data: Mapping[str, Any], *, today: date | None = None
) -> Validated[AssetRecoveryRecord]:
    """The cash seizure or confiscation order ``data`` parsed and checked, or every problem."""
    return _validate(AssetRecoveryRecord, data, today, recovery_rules)


__all__ = [
    "MAX_CHARGES",
    "MAX_DEFENDANTS",
    "MAX_VICTIMS",
    "prosecution_validate",
    "recovery_validate",
]
