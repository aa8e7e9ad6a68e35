"""Writes for organisations, users and API tokens."""

import hashlib
import secrets

from django.db import transaction

from nrm.accounts.actors import Actor
from nrm.accounts.capabilities import Capability
from nrm.accounts.models import ApiToken, Organisation, Role, User
from nrm.accounts.permissions import capability_require
from nrm.accounts.roles import DEFAULT_ROLES
from nrm.audit.models import AuditVerb
from nrm.audit.services import audit_record
from nrm.standard.organisations import seed_organisations

TOKEN_PREFIX = "nrm_"  # noqa: S105 - a public prefix, not a secret


def token_digest(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


def organisations_seed() -> int:
    """Create or update the named first responder organisations of the data standard."""
    count = 0
    for seed in seed_organisations():
        Organisation.objects.update_or_create(
            code=seed.code,
            defaults={
                "name": seed.name,
                "responder_type": seed.type,
                "nation": seed.nation or "",
            },
        )
        count += 1
    return count


def roles_seed() -> int:
    """Create the roles Open NRM ships with; roles already present are left as they are."""
    for code, definition in DEFAULT_ROLES.items():
        Role.objects.get_or_create(
            code=code.value,
            defaults={
                "name": str(code.label),
                "scope": definition.scope,
                "capabilities": sorted(c.value for c in definition.capabilities),
            },
        )
    return len(DEFAULT_ROLES)


@transaction.atomic
def api_token_create(*, actor: Actor, user: User, name: str) -> str:
    """Create a token for ``user`` and return it; it cannot be recovered later. Account
    management: the operator at the command line, or an administrator."""
    capability_require(actor=actor, capability=Capability.MANAGE_ACCOUNTS, detail={"user": user.pk})
    token = TOKEN_PREFIX + secrets.token_urlsafe(32)
    record = ApiToken.objects.create(
        user=user, name=name, prefix=token[:12], digest=token_digest(token)
    )
    audit_record(actor=actor, verb=AuditVerb.TOKEN_CREATE, target=record, detail={"user": user.pk})
    return token
