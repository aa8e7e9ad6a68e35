"""The crew line's rate limits (docs/crew-line.md): submissions counted per reporting code
and per client address on the public form, per account and per address on the API, in a
sliding window. Keys are keyed digests (HMAC with the secret key), never the code or the
address as given; an attempt is forgotten once out of the window."""

import hashlib
import hmac
from datetime import datetime, timedelta

from django.conf import settings
from django.db import transaction

from nrm.border.crew_models import CrewLineAttempt

WINDOW = timedelta(minutes=10)
# Submissions allowed in the window, by what is counted.
LIMITS = {"address": 10, "code": 20, "account": 60}


def _key(kind: str, value: str) -> str:
    secret = settings.SECRET_KEY.encode("utf-8")
    return hmac.new(secret, f"crew-line:{kind}:{value}".encode(), hashlib.sha256).hexdigest()


def code_digest(code: str) -> str:
    """The stored form of an airline's reporting code (spaces and case do not matter)."""
    return _key("reporting-code", "".join(code.split()).upper())


def crew_attempt_allow(*, counted: dict[str, str], now: datetime) -> bool:
    """Count one submission under each of ``counted`` ({kind: value}, kinds of ``LIMITS``)
    and say whether it may go on: False, counting nothing, once any of them has had its
    limit in the window."""
    keys = {kind: _key(kind, value) for kind, value in counted.items()}
    with transaction.atomic():
        CrewLineAttempt.objects.filter(at__lt=now - WINDOW).delete()
        for kind, key in keys.items():
            if CrewLineAttempt.objects.filter(key=key).count() >= LIMITS[kind]:
                return False
        CrewLineAttempt.objects.bulk_create([CrewLineAttempt(key=k, at=now) for k in keys.values()])
    return True
