"""Exceptions raised by referral services; doors turn them into field-level responses."""

from nrm.standard.validation import FieldError


class ReferralInvalid(Exception):
    """The submission broke the data standard; ``errors`` says where and why."""

    def __init__(self, errors: list[FieldError]) -> None:
        super().__init__("; ".join(f"{e.field}: {e.message}" for e in errors))
        self.errors = errors


class DraftNotFound(Exception):
    """No draft with that id belongs to the actor's organisation (the refusal is audited)."""


class IdempotencyConflict(Exception):
    """The Idempotency-Key was used before with a different request."""


IDEMPOTENCY_KEY_REUSED = (
    "This Idempotency-Key was already used with a different request; use a new key for a new "
    "submission"
)
IDEMPOTENCY_KEY_INVALID = "Idempotency-Key must be 1 to 255 visible ASCII characters"
# Messages that name a field of the data standard fill it in with ``nrm.standard.words.say``.
UNKNOWN_ORGANISATION = (
    "{F.first_responder_organisation} is not one we know. Give the code of an active first "
    "responder organisation: {allowed}"
)
OTHER_ORGANISATION = (
    "You can only submit for your own organisation, {name}. Leave out "
    "{f.first_responder_organisation}, or give your organisation's code, {own}"
)
ORGANISATION_REQUIRED = "Enter the code of {f.first_responder_organisation}"
DRAFT_NOT_FOUND = "There is no draft referral with that id in your organisation"
