"""What the border's services refuse, in words for the people who wrote the profile or sent
the record, as the field-level errors every door reports."""

from typing import Any

from pydantic import ValidationError

from nrm.standard import messages
from nrm.standard.errors import plain_message
from nrm.standard.validation import FieldError

NOT_FOUND = "There is no risk profile with this number. Check the number"
HIT_NOT_FOUND = "There is no hit with this number that you can see. Check the number"
NOT_A_DRAFT = "Only a draft can be made active. Version {number} is {status}"
ALREADY_RETIRED = "This profile has no active or draft version to retire"
REVIEW_AFTER_EXPIRY = "The review date must be on or before the expiry date"
EXPIRED = "The expiry date must be in the future"
STALE_VERSION = (
    "Someone else changed this profile since you opened it: it is now at version {number}. "
    "Open it again and make your change there"
)


class BorderInvalid(Exception):
    """A profile or record that does not validate, or that the service refused: every problem
    as a field-level error. Nothing was saved."""

    def __init__(self, errors: list[FieldError]) -> None:
        super().__init__(errors[0].message if errors else "invalid")
        self.errors = errors

    @classmethod
    def one(cls, message: str, *, field: str = "__all__", code: str = "refused") -> "BorderInvalid":
        return cls([FieldError(field, message, code)])


def _path(loc: tuple[Any, ...]) -> str:
    path = ""
    for part in loc:
        if isinstance(part, int):
            path += f"[{part}]"
        elif part not in ("function-after", "bool", "int", "str"):
            path += f".{part}" if path else str(part)
    return path or "__all__"


def _message(error: Any) -> str:
    """The rules' own messages whole; pydantic's in the words of the data standard's errors,
    naming the field as a person reads it ("the booked by third party")."""
    message = str(error.get("msg", "Not valid"))
    if error.get("type") == "value_error":
        return message.removeprefix("Value error, ")
    if error.get("type") == "extra_forbidden":
        return messages.UNKNOWN_FIELD
    names = [part for part in error.get("loc") or () if isinstance(part, str)]
    field = names[-1] if names else ""
    if not field:
        return message
    try:
        return plain_message(error, model=None, field=field,
                             names={field: f"the {field.replace('_', ' ')}"})  # fmt: skip
    except (KeyError, TypeError, ValueError):
        return message


def validation_errors(exc: ValidationError) -> list[FieldError]:
    """pydantic's errors as field-level errors, with the rules' own messages kept whole."""
    seen: set[tuple[str, str]] = set()
    found = []
    for error in exc.errors():
        field, message = _path(tuple(error.get("loc") or ())), _message(error)
        if (field, message) not in seen:
            seen.add((field, message))
            found.append(FieldError(field, message, str(error.get("type"))))
    return found
