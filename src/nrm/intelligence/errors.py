"""What the intelligence services refuse with."""

from nrm.standard.validation import FieldError


class ReportInvalid(Exception):
    """The report breaks the data standard; nothing was saved. ``errors`` says where and why."""

    def __init__(self, errors: list[FieldError]) -> None:
        super().__init__(errors[0].message if errors else "invalid")
        self.errors = errors


NOT_FOUND = "No intelligence report with that reference is visible to you"
ORGANISATION_REQUIRED = (
    "Name the organisation recording the report, by its code, for example met-police"
)
UNKNOWN_ORGANISATION = "{value} is not an organisation we know. Name it by its code: {allowed}"
OTHER_ORGANISATION = (
    "You can record reports only for your own organisation, {name}. Leave the organisation "
    "out, or give {own}"
)
