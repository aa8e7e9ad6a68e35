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
from django.utils import timezone

from nrm.accounts.models import Organisation
from nrm.cases.models import IdempotencyRecord
from nrm.cases.referrals.errors import IdempotencyConflict

KEY_PATTERN = re.compile(r"^[\x21-\x7e]{1,255}$")


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
