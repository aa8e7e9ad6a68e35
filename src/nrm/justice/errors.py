"""What the justice services refuse, in words for the people who recorded the data."""

from nrm.standard.validation import FieldError

UNKNOWN_VICTIM = "There is no NRM case with the reference {reference}. Check the reference"
NOT_YOUR_AUTHORITY = (
    "You can record only the {authority}'s prosecutions and asset recovery. Choose the "
    "{authority}, or ask an administrator to check your organisation"
)
NO_SUCH_PROSECUTION = (
    "The {authority} has no prosecution with the reference {reference}. Record the "
    "prosecution first, or check the reference"
)


class JusticeRefused(Exception):
    """A record the service cannot save as given; nothing was saved. ``field`` is the field at
    fault as machines read it."""

    def __init__(self, message: str, *, field: str = "__all__", code: str = "refused") -> None:
        super().__init__(message)
        self.message = message
        self.field = field
        self.code = code


NOT_FOUND = "There is no prosecution with this number that you can see. Check the number"


class JusticeInvalid(Exception):
    """A record that does not validate, or that the service refused: every problem as a
    field-level error, the same through every door. Nothing was saved."""

    def __init__(self, errors: list[FieldError]) -> None:
        super().__init__(errors[0].message if errors else "invalid")
        self.errors = errors


def refused_as_errors(refused: JusticeRefused) -> list[FieldError]:
    """A refusal of the service as the field-level error every door reports."""
    return [FieldError(refused.field, refused.message, refused.code)]
