"""Reads for accounts."""

import json
from datetime import UTC

from django.db import connection
from django.utils import timezone

from nrm.accounts.models import ApiToken, Organisation, Role, User
from nrm.accounts.services import TOKEN_PREFIX, token_digest

# The token check runs on every API request, so it is one plain query rather than an ORM
# join (which costs more to compile than to run). Table names come from the models.
_TOKEN_SQL = f"""
SELECT t.id, t.last_used_at, u.id, u.username, o.id, o.code, o.name, o.competent_authority,
       o.prosecuting_authority, r.id, r.code, r.scope, r.capabilities
FROM {ApiToken._meta.db_table} t
JOIN {User._meta.db_table} u ON u.id = t.user_id
LEFT JOIN {Organisation._meta.db_table} o ON o.id = u.organisation_id AND o.is_active
LEFT JOIN {Role._meta.db_table} r ON r.id = u.role_id
WHERE t.digest = %s AND t.revoked_at IS NULL AND u.is_active
"""  # noqa: S608


def user_for_token(*, token: str) -> User | None:
    """The active user owning a live token, or None. Marks the token as used (once a minute)."""
    if not token.startswith(TOKEN_PREFIX):
        return None
    with connection.cursor() as cursor:
        cursor.execute(_TOKEN_SQL, [token_digest(token)])
        row = cursor.fetchone()
    if row is None:
        return None
    token_id, last_used_at, user_id, username, org_id, org_code, org_name, authority = row[:8]
    prosecuting, role_id, role_code, scope, capabilities = row[8:]
    organisation = (
        Organisation(
            id=org_id,
            code=org_code,
            name=org_name,
            competent_authority=authority,
            prosecuting_authority=prosecuting or "",
            is_active=True,
        )
        if org_id
        else None
    )
    if isinstance(capabilities, str):  # SQLite returns JSON as text
        capabilities = json.loads(capabilities)
    role = (
        Role(id=role_id, code=role_code, scope=scope, capabilities=capabilities)
        if role_id
        else None
    )
    user = User(id=user_id, username=username, is_active=True, organisation=organisation, role=role)
    now = timezone.now()
    if last_used_at is not None and timezone.is_naive(last_used_at):  # SQLite keeps UTC, naive
        last_used_at = last_used_at.replace(tzinfo=UTC)
    if last_used_at is None or (now - last_used_at).total_seconds() > 60:
        ApiToken.objects.filter(pk=token_id).update(last_used_at=now)
    return user
