"""Reads of account administration: organisations, users and roles. They hold no case content,
and each needs ``Capability.MANAGE_ACCOUNTS`` (a refusal is audited)."""

from dataclasses import dataclass
from datetime import datetime

from django.db.models import Count, Q, QuerySet
from django.utils import timezone
from django_otp.plugins.otp_totp.models import TOTPDevice

from nrm.accounts.actors import Actor
from nrm.accounts.capabilities import Capability
from nrm.accounts.models import Organisation, Role, SetUpLink, User
from nrm.accounts.permissions import capability_require


def _require(actor: Actor, read: str) -> None:
    capability_require(actor=actor, capability=Capability.MANAGE_ACCOUNTS, detail={"read": read})


def organisation_list(*, actor: Actor) -> QuerySet[Organisation]:
    """Every organisation, active first, by name, with its number of active users."""
    _require(actor, "organisations")
    return Organisation.objects.annotate(
        active_users=Count("users", filter=Q(users__is_active=True))
    ).order_by("-is_active", "name")


def organisation_get(*, actor: Actor, code: str) -> Organisation | None:
    _require(actor, "organisation")
    return Organisation.objects.filter(code=code).first()


def user_list(*, actor: Actor, organisation: str = "") -> QuerySet[User]:
    """Every user (or those of the organisation with code ``organisation``), by username."""
    _require(actor, "users")
    users = User.objects.select_related("organisation", "role").order_by("username")
    return users.filter(organisation__code=organisation) if organisation else users


def user_get(*, actor: Actor, user_id: str) -> User | None:
    """One user by id (as it appears in the address); None for an unknown or malformed id."""
    _require(actor, "user")
    if not user_id.isdigit():
        return None
    return User.objects.select_related("organisation", "role").filter(pk=int(user_id)).first()


def role_list(*, actor: Actor) -> QuerySet[Role]:
    """Every role, by name, with its number of active users."""
    _require(actor, "roles")
    return Role.objects.annotate(
        active_users=Count("users", filter=Q(users__is_active=True))
    ).order_by("name")


def account_counts(*, actor: Actor) -> dict[str, int]:
    """The figures of the administration home page."""
    _require(actor, "counts")
    return {
        "organisations": Organisation.objects.filter(is_active=True).count(),
        "users": User.objects.filter(is_active=True).count(),
        "disabled_users": User.objects.filter(is_active=False).count(),
        "roles": Role.objects.count(),
    }


@dataclass(frozen=True)
class SecondFactor:
    """Whether a user has a confirmed authenticator app, and until when the set-up link issued
    to them can be used (None: no usable link)."""

    has_app: bool
    link_expires_at: datetime | None


def second_factor_get(*, actor: Actor, user: User) -> SecondFactor:
    _require(actor, "second_factor")
    link = (
        SetUpLink.objects.filter(
            user=user, used_at__isnull=True, revoked_at__isnull=True, expires_at__gt=timezone.now()
        )
        .order_by("-expires_at")
        .first()
    )
    return SecondFactor(
        has_app=TOTPDevice.objects.filter(user=user, confirmed=True).exists(),
        link_expires_at=link.expires_at if link else None,
    )
