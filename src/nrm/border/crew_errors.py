"""What the crew line's services refuse, in words for the people who use it."""

from nrm.standard.validation import FieldError

NOT_FOUND = "There is no crew report with this reference for your port. Check the reference"
NOT_AN_AIRLINE = (
    "Your organisation is not an airline on the crew line. Ask an administrator to set it up"
)
CODE_TOO_SHORT = (
    "A reporting code needs at least {least} letters or numbers, so that it cannot be guessed. "
    "Leave it out to have one made"
)
CODE_TOO_LONG = "A reporting code can have at most {most} letters or numbers"
CODE_IN_USE = (
    "Another airline has this reporting code. Choose another, or leave it out to have one made"
)
PORT_UNKNOWN = "{port} is not a UK port on the crew line. Use one of: {ports}"
AIRLINE_REQUIRED = "Choose the airline the caller works for"
AIRLINE_UNKNOWN = "Choose the airline from the list of airlines on the crew line"
OUTCOME_REQUIRED = "Choose what happened when the flight landed"
OUTCOME_RECORDED = "The outcome of this report is already recorded"
NOTE_TOO_LONG = "Write the note in 1,000 characters or fewer"
TOO_MANY = (
    "Too many reports have been sent from here in the last few minutes. Wait 10 minutes and "
    "try again, or call the 24-hour line"
)


class CrewInvalid(Exception):
    """A report or outcome refused: every problem as a field-level error. Nothing was saved."""

    def __init__(self, errors: list[FieldError]) -> None:
        super().__init__(errors[0].message if errors else "invalid")
        self.errors = errors


class CrewLimited(Exception):
    """The rate limit refused a submission before it was read. Nothing was saved."""


class CrewNotFound(Exception):
    """No report with that reference in the actor's port (the attempt is audited)."""
