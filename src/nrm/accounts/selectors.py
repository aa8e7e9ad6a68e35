"""Reads for accounts."""

from django.utils import timezone

from nrm.accounts.models import ApiToken, User
from nrm.accounts.services import TOKEN_PREFIX, token_digest


def user_for_token(*, token: str) -> User | None:
    """The active user owning a live token, or None. Marks the token as used."""
    if not token.startswith(TOKEN_PREFIX):
        return None
    record = (
        ApiToken.objects.select_related("user", "user__organisation")
        .filter(digest=token_digest(token), revoked_at__isnull=True, user__is_active=True)
        .first()
    )
    if record is None:
        return None
    now = timezone.now()
    if record.last_used_at is None or (now - record.last_used_at).total_seconds() > 60:
        ApiToken.objects.filter(pk=record.pk).update(last_used_at=now)
    return record.user
