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
UNKNOWN_ORGANISATION = "'{value}' is not a known first responder organisation; allowed: {allowed}"
OTHER_ORGANISATION = (
    "You can submit only for your own organisation ({own}); leave first_responder_organisation "
    "empty or give '{own}'"
)
ORGANISATION_REQUIRED = "first_responder_organisation is required"
DRAFT_NOT_FOUND = "There is no draft referral with that id in your organisation"
