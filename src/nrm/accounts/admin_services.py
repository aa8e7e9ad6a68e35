"""Account administration: organisations, users and their roles.

Every function here needs ``Capability.MANAGE_ACCOUNTS`` of the acting user (a refusal is audited
and raises ``CapabilityDenied``), checks its input before writing anything, and audits the change
with its old and new values in the same transaction.
"""

from importlib import import_module
from typing import Any

from django.conf import settings
from django.contrib.auth.password_validation import validate_password
from django.contrib.auth.validators import UnicodeUsernameValidator
from django.core.exceptions import ValidationError
from django.core.validators import validate_email, validate_slug
from django.db import transaction
from django.utils import timezone

from nrm.accounts.actors import Actor
from nrm.accounts.capabilities import Capability
from nrm.accounts.models import ApiToken, Organisation, Role, SetUpLink, User, UserSession
from nrm.accounts.permissions import capability_require
from nrm.audit.models import AuditVerb
from nrm.audit.services import audit_record
from nrm.standard.codes import FirstResponderType, Nation

USERNAME_INVALID = "Enter a username of letters, digits and @ . + - _ only, at most 150 characters"
USERNAME_TAKEN = "A user with this username already exists"
PASSWORD_REFUSED = "Choose a stronger password"  # noqa: S105 - a message, not a password
EMAIL_INVALID = "Enter an email address in the correct format, like name@example.gov.uk"
ORGANISATION_REQUIRED = "Select an active organisation for the user"
ROLE_REQUIRED = "Select a role for the user"
OWN_ACCOUNT = "You cannot disable your own account or change your own role"
ORGANISATION_CODE_INVALID = "Enter an organisation code of lower-case letters, digits and hyphens"
ORGANISATION_CODE_TAKEN = "An organisation with this code already exists"
ORGANISATION_NAME_REQUIRED = "Enter the organisation's name, in 200 characters or fewer"
RESPONDER_TYPE_UNKNOWN = "Select a first responder type from the list, or None"
NATION_UNKNOWN = "Select a nation from the list, or None"


class AccountError(ValueError):
    """Input an administrator must correct; nothing has been saved."""

    def __init__(self, message: str, *, field: str, reasons: list[str] | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.field = field
        self.reasons = reasons or []


def _require(actor: Actor, action: str) -> None:
    # Checked outside the write's transaction, so that the audited refusal is kept.
    capability_require(
        actor=actor, capability=Capability.MANAGE_ACCOUNTS, detail={"action": action}
    )


def _user_values(user: User) -> dict[str, Any]:
    return {
        "username": user.username,
        "organisation": user.organisation.code if user.organisation else None,
        "role": user.role.code if user.role else None,
        "is_active": user.is_active,
    }


def user_sessions_end(*, user: User) -> int:
    """End every signed-in session of ``user``; return how many were ended."""
    store = import_module(settings.SESSION_ENGINE).SessionStore
    keys = list(UserSession.objects.filter(user=user).values_list("session_key", flat=True))
    for key in keys:
        store(session_key=key).delete()
    UserSession.objects.filter(user=user).delete()
    return len(keys)


def user_create(
    *,
    actor: Actor,
    username: str,
    password: str,
    organisation: Organisation,
    role: Role,
    email: str = "",
) -> User:
    """Create an active user of ``organisation`` holding ``role``. They can set up two-factor
    authentication only with a set-up link (``nrm.accounts.setup_links.setup_link_issue``)."""
    _require(actor, "user_create")
    username = username.strip()
    try:
        if not username or len(username) > 150:
            raise ValidationError(USERNAME_INVALID)
        UnicodeUsernameValidator()(username)
    except ValidationError as exc:
        raise AccountError(USERNAME_INVALID, field="username") from exc
    if User.objects.filter(username__iexact=username).exists():
        raise AccountError(USERNAME_TAKEN, field="username")
    email = email.strip()
    if email:
        try:
            validate_email(email)
        except ValidationError as exc:
            raise AccountError(EMAIL_INVALID, field="email") from exc
    if organisation is None or not organisation.is_active:
        raise AccountError(ORGANISATION_REQUIRED, field="organisation")
    if role is None:
        raise AccountError(ROLE_REQUIRED, field="role")
    user = User(username=username, email=email, organisation=organisation, role=role)
    try:
        validate_password(password, user)
    except ValidationError as exc:
        raise AccountError(PASSWORD_REFUSED, field="password", reasons=exc.messages) from exc
    user.set_password(password)
    with transaction.atomic():
        user.save()
        audit_record(
            actor=actor, verb=AuditVerb.USER_CREATE, target=user, detail={"new": _user_values(user)}
        )
    return user


def user_disable(*, actor: Actor, user: User) -> User:
    """Disable ``user``: they cannot sign in, their sessions end now and their API tokens and
    unused set-up links are revoked."""
    _require(actor, "user_disable")
    if user.pk == getattr(actor, "pk", None):
        raise AccountError(OWN_ACCOUNT, field="user")
    with transaction.atomic():
        old = _user_values(user)
        user.is_active = False
        user.save(update_fields=["is_active"])
        now = timezone.now()
        tokens = ApiToken.objects.filter(user=user, revoked_at__isnull=True).update(revoked_at=now)
        links = SetUpLink.objects.filter(
            user=user, used_at__isnull=True, revoked_at__isnull=True
        ).update(revoked_at=now)
        sessions = user_sessions_end(user=user)
        audit_record(
            actor=actor,
            verb=AuditVerb.USER_DISABLE,
            target=user,
            detail={
                "old": {"is_active": old["is_active"]},
                "new": {"is_active": False},
                "sessions_ended": sessions,
                "tokens_revoked": tokens,
                "set_up_links_revoked": links,
            },
        )
    return user


def user_enable(*, actor: Actor, user: User) -> User:
    """Let a disabled user sign in again. Their revoked API tokens stay revoked."""
    _require(actor, "user_enable")
    if user.is_active:
        return user
    with transaction.atomic():
        user.is_active = True
        user.save(update_fields=["is_active"])
        audit_record(
            actor=actor,
            verb=AuditVerb.USER_UPDATE,
            target=user,
            detail={"old": {"is_active": False}, "new": {"is_active": True}},
        )
    return user


def user_role_change(*, actor: Actor, user: User, role: Role) -> User:
    """Give ``user`` another role; it takes effect on their next request."""
    _require(actor, "user_role_change")
    if role is None:
        raise AccountError(ROLE_REQUIRED, field="role")
    if user.pk == getattr(actor, "pk", None):
        raise AccountError(OWN_ACCOUNT, field="user")
    if user.role_id == role.pk:
        return user
    with transaction.atomic():
        old = user.role.code if user.role else None
        user.role = role
        user.save(update_fields=["role"])
        audit_record(
            actor=actor,
            verb=AuditVerb.ROLE_CHANGE,
            target=user,
            detail={"old": {"role": old}, "new": {"role": role.code}},
        )
    return user


def _organisation_values(organisation: Organisation) -> dict[str, Any]:
    return {
        "code": organisation.code,
        "name": organisation.name,
        "responder_type": organisation.responder_type,
        "nation": organisation.nation,
        "is_active": organisation.is_active,
    }


def _organisation_check(*, name: str, responder_type: str, nation: str) -> None:
    if not name.strip() or len(name) > 200:
        raise AccountError(ORGANISATION_NAME_REQUIRED, field="name")
    if responder_type and responder_type not in FirstResponderType.values:
        raise AccountError(RESPONDER_TYPE_UNKNOWN, field="responder_type")
    if nation and nation not in Nation.values:
        raise AccountError(NATION_UNKNOWN, field="nation")


def organisation_create(
    *, actor: Actor, code: str, name: str, responder_type: str = "", nation: str = ""
) -> Organisation:
    """Create an organisation. ``responder_type`` and ``nation`` are codes of the data standard."""
    _require(actor, "organisation_create")
    try:
        if not code or len(code) > 64 or code != code.lower():
            raise ValidationError(ORGANISATION_CODE_INVALID)
        validate_slug(code)
    except ValidationError as exc:
        raise AccountError(ORGANISATION_CODE_INVALID, field="code") from exc
    if Organisation.objects.filter(code=code).exists():
        raise AccountError(ORGANISATION_CODE_TAKEN, field="code")
    _organisation_check(name=name, responder_type=responder_type, nation=nation)
    with transaction.atomic():
        organisation = Organisation.objects.create(
            code=code, name=name.strip(), responder_type=responder_type, nation=nation
        )
        audit_record(
            actor=actor,
            verb=AuditVerb.ORGANISATION_CHANGE,
            target=organisation,
            detail={"old": None, "new": _organisation_values(organisation)},
        )
    return organisation


def organisation_update(
    *,
    actor: Actor,
    organisation: Organisation,
    name: str | None = None,
    responder_type: str | None = None,
    nation: str | None = None,
    is_active: bool | None = None,
) -> Organisation:
    """Change the given fields of ``organisation`` (None leaves a field as it is). The code,
    which partners and references use, does not change."""
    _require(actor, "organisation_update")
    old = _organisation_values(organisation)
    new: dict[str, Any] = {
        "name": old["name"] if name is None else name.strip(),
        "responder_type": old["responder_type"] if responder_type is None else responder_type,
        "nation": old["nation"] if nation is None else nation,
        "is_active": old["is_active"] if is_active is None else is_active,
    }
    _organisation_check(
        name=new["name"], responder_type=new["responder_type"], nation=new["nation"]
    )
    changed = {field: value for field, value in new.items() if old[field] != value}
    if not changed:
        return organisation
    with transaction.atomic():
        for field, value in changed.items():
            setattr(organisation, field, value)
        organisation.save(update_fields=list(changed))
        audit_record(
            actor=actor,
            verb=AuditVerb.ORGANISATION_CHANGE,
            target=organisation,
            detail={
                "old": {field: old[field] for field in changed},
                "new": changed,
            },
        )
    return organisation
