"""Idempotent submission: a retry with the same ``Idempotency-Key`` replays the first response.

The key row is inserted in the same transaction as the referral it produces, so concurrent
retries wait on the unique index and then replay the committed response: exactly one referral.
A failed (4xx) request stores nothing, so it can be corrected and retried with the same key.
"""

import hashlib
import json
import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import timedelta
from typing import Any

from django.conf import settings
from django.db import IntegrityError, transaction
from django.http import HttpRequest, HttpResponse
from django.utils import timezone

from nrm.accounts.models import Organisation
from nrm.cases.models import IdempotencyRecord
from nrm.cases.referrals.errors import (
    IDEMPOTENCY_KEY_INVALID,
    IDEMPOTENCY_KEY_REUSED,
    IdempotencyConflict,
)
from nrm.web.api import caller_organisation

KEY_PATTERN = re.compile(r"^[\x21-\x7e]{1,255}$")

# The Idempotency-Key header of every API operation that creates something, for OpenAPI.
IDEMPOTENCY_HEADER: dict[str, Any] = {
    "name": "Idempotency-Key",
    "in": "header",
    "required": False,
    "schema": {"type": "string", "minLength": 1, "maxLength": 255, "pattern": "^[!-~]+$"},
    "description": "A retry with the same key returns the first result and creates nothing; "
    "the same key with a different body is refused (422).",
}


@dataclass(frozen=True)
class Outcome:
    status: int
    body: dict[str, Any]
    replayed: bool = False


class _Failed(Exception):
    def __init__(self, outcome: Outcome) -> None:
        self.outcome = outcome


def request_digest(payload: Any) -> str:
    canonical = json.dumps(payload, sort_keys=True, separators=(",", ":"), default=str)
    return hashlib.sha256(canonical.encode()).hexdigest()


def _replay(record: IdempotencyRecord, digest: str) -> Outcome:
    if record.request_digest != digest:
        raise IdempotencyConflict
    return Outcome(record.status_code, record.response, replayed=True)


def idempotent_run(
    *, organisation: Organisation, key: str, digest: str, action: Callable[[], Outcome]
) -> Outcome:
    """Run ``action`` once per (organisation, key); replay its stored outcome afterwards."""
    expired = timezone.now() - timedelta(hours=settings.NRM_IDEMPOTENCY_TTL_HOURS)
    IdempotencyRecord.objects.filter(
        organisation=organisation, key=key, created_at__lt=expired
    ).delete()
    existing = IdempotencyRecord.objects.filter(organisation=organisation, key=key).first()
    if existing is not None:
        return _replay(existing, digest)
    try:
        with transaction.atomic():
            record = IdempotencyRecord.objects.create(
                organisation=organisation, key=key, request_digest=digest
            )
            outcome = action()
            if outcome.status >= 400:
                raise _Failed(outcome)
            record.status_code = outcome.status
            record.response = outcome.body
            record.save(update_fields=["status_code", "response"])
            return outcome
    except _Failed as failed:
        return failed.outcome
    except IntegrityError:
        return _replay(IdempotencyRecord.objects.get(organisation=organisation, key=key), digest)


def _key_refused(message: str, code: str) -> Outcome:
    return Outcome(
        422, {"errors": [{"field": "Idempotency-Key", "message": message, "code": code}]}
    )


def idempotent_answer(
    *,
    request: HttpRequest,
    response: HttpResponse,
    payload: Any,
    action: Callable[[], Outcome],
) -> Outcome:
    """The answer of an API operation that creates something: ``action`` run once per
    Idempotency-Key of the caller's organisation (a retry replays the first answer and says so
    in an ``Idempotent-Replayed`` header), or at once when the request has no key. A malformed
    key, or a key used before for another body, is refused on the header's field."""
    key = request.headers.get("Idempotency-Key")
    if key is None:
        return action()
    if not KEY_PATTERN.match(key):
        return _key_refused(IDEMPOTENCY_KEY_INVALID, "idempotency_key_invalid")
    try:
        outcome = idempotent_run(
            organisation=caller_organisation(request),
            key=key,
            digest=request_digest([request.path, payload]),
            action=action,
        )
    except IdempotencyConflict:
        return _key_refused(IDEMPOTENCY_KEY_REUSED, "idempotency_key_reused")
    if outcome.replayed:
        response["Idempotent-Replayed"] = "true"
    return outcome
