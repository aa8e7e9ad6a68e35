"""The crew line's rate limits (docs/crew-line.md): submissions counted per reporting code
and per client address on the public form, per account and per address on the API, in a
sliding window. Keys are keyed digests (HMAC with the secret key), never the code or the
address as given; an attempt is forgotten once out of the window."""

import hashlib
import hmac
import secrets
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


# A reporting code's characters: no 0/O or 1/I/L to misread when it is passed on by phone.
CODE_ALPHABET = "ABCDEFGHJKMNPQRSTUVWXYZ23456789"
CODE_LEAST = 8  # characters, spaces and hyphens aside: guessing one is beyond the rate limit
CODE_MOST = 40


def code_normal(code: str) -> str:
    """A reporting code as compared: spaces, hyphens and case do not matter."""
    return "".join(code.split()).replace("-", "").upper()


def code_digest(code: str) -> str:
    """The stored form of an airline's reporting code (``code_normal``)."""
    return _key("reporting-code", code_normal(code))


def reporting_code_new() -> str:
    """A new random reporting code, in three groups of four ("K7QP-3MZX-9TRA")."""
    drawn = "".join(secrets.choice(CODE_ALPHABET) for _ in range(12))
    return "-".join(drawn[i : i + 4] for i in range(0, 12, 4))


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
