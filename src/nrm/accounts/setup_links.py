"""Set-up links: the only way an account registers its first authenticator app.

A password alone never lets anyone register the second factor. An administrator (a role holding
``Capability.MANAGE_ACCOUNTS``; at the command line the operator) issues a single-use link for an
account, which is shown once and handed over by another route than the password. Opening the link
keeps it in that browser's session; signing in there with the account's password leads to the
set-up page, and confirming the app uses the link up. An account with no confirmed app and no
valid link stops after its password (``nrm.accounts.sign_in.set_up_stop``).

Who may issue a link is decided here and nowhere else (``setup_link_issue``); docs/accounts.md
says why an organisation's own managers may not.
"""

import secrets
from dataclasses import dataclass
from datetime import datetime, timedelta
from enum import StrEnum
from typing import Any

from django.conf import settings
from django.db import transaction
from django.http import HttpRequest
from django.urls import reverse
from django.utils import timezone
from django_otp.plugins.otp_totp.models import TOTPDevice

from nrm.accounts.actors import ANONYMOUS, Actor
from nrm.accounts.admin_services import AccountError, user_sessions_end
from nrm.accounts.capabilities import Capability
from nrm.accounts.models import SetUpLink, User
from nrm.accounts.permissions import capability_require
from nrm.accounts.services import token_digest
from nrm.audit.models import AuditVerb
from nrm.audit.services import audit_record

SESSION_LINK = "nrm_set_up_link"  # the id of the link opened in this browser

# What the person setting up their app is told.
LINK_OPENED = "Sign in with your username and password to set up your authenticator app"
LINK_NEEDED = (
    "You cannot sign in until you have set up an authenticator app, and to set one up you need "
    "a set-up link from your administrator. Contact your administrator to ask for one, then "
    "open the link and sign in again."
)
LINK_FOR_ANOTHER_ACCOUNT = (
    "This set-up link is for a different account. Open the link again and sign in with the "
    "account it was sent for, or contact your administrator to ask for a link for your account."
)
LINK_USED = (
    "This set-up link has already been used. If you need to set up your authenticator app "
    "again, contact your administrator to ask for a new link."
)
LINK_EXPIRED = "This set-up link has expired. Contact your administrator to ask for a new one."
LINK_REPLACED = (
    "This set-up link has been replaced by a newer one. Use the newest link you were sent, or "
    "contact your administrator to ask for a new one."
)
LINK_UNKNOWN = (
    "This set-up link is not recognised. Check you copied the whole link, or contact your "
    "administrator to ask for a new one."
)
ALREADY_SIGNED_IN = "You are already signed in. Sign out first, then open the set-up link again."

# What the issuer is told when a link cannot be issued.
ISSUE_OWN_ACCOUNT = (
    "You cannot issue a set-up link for your own account. Ask another administrator to do it."
)
ISSUE_DISABLED = "This user is disabled. Enable them before issuing a set-up link."
ISSUE_HAS_APP = "This user already has an authenticator app. Reset it to issue a new set-up link."


class LinkRefusal(StrEnum):
    """Why a set-up link cannot be used (the reason the audit log records)."""

    NONE = "none"  # no link was opened in this browser
    UNKNOWN = "unknown"
    USED = "used"
    EXPIRED = "expired"
    REPLACED = "replaced"
    OTHER_ACCOUNT = "other_account"


REFUSAL_MESSAGES: dict[LinkRefusal, str] = {
    LinkRefusal.NONE: LINK_NEEDED,
    LinkRefusal.UNKNOWN: LINK_UNKNOWN,
    LinkRefusal.USED: LINK_USED,
    LinkRefusal.EXPIRED: LINK_EXPIRED,
    LinkRefusal.REPLACED: LINK_REPLACED,
    LinkRefusal.OTHER_ACCOUNT: LINK_FOR_ANOTHER_ACCOUNT,
}


class SetUpLinkRefused(Exception):
    """The link stopped being valid before the app it was for was confirmed."""

    def __init__(self, reason: LinkRefusal) -> None:
        super().__init__(REFUSAL_MESSAGES[reason])
        self.reason = reason


@dataclass(frozen=True)
class IssuedLink:
    """A link just issued: ``path`` holds its token and is shown once, never stored."""

    path: str
    expires_at: datetime


def _refusal(link: SetUpLink | None, *, now: datetime) -> LinkRefusal | None:
    if link is None:
        return LinkRefusal.UNKNOWN
    if link.used_at is not None:
        return LinkRefusal.USED
    if link.revoked_at is not None:
        return LinkRefusal.REPLACED
    if link.expires_at <= now:
        return LinkRefusal.EXPIRED
    return None


def setup_link_issue(*, actor: Actor, user: User, reset: bool = False) -> IssuedLink:
    """Issue a set-up link for ``user``, valid once for ``NRM_SETUP_LINK_HOURS``; older unused
    links of theirs are revoked and an app set up but never confirmed is forgotten. A user who
    already has an app gets a link only with ``reset``, which removes their apps and ends their
    sessions (a lost phone). Needs ``Capability.MANAGE_ACCOUNTS``; not for one's own account."""
    # Checked outside the write's transaction, so that the audited refusal is kept.
    capability_require(
        actor=actor,
        capability=Capability.MANAGE_ACCOUNTS,
        detail={"action": "setup_link_issue", "user": user.pk},
    )
    if isinstance(actor, User) and actor.pk == user.pk:
        raise AccountError(ISSUE_OWN_ACCOUNT, field="user")
    if not user.is_active:
        raise AccountError(ISSUE_DISABLED, field="user")
    token = secrets.token_urlsafe(32)
    now = timezone.now()
    with transaction.atomic():
        devices = TOTPDevice.objects.filter(user=user)
        if not reset and devices.filter(confirmed=True).exists():
            raise AccountError(ISSUE_HAS_APP, field="user")
        removed = devices.count() if reset else 0
        if removed:
            devices.delete()
            sessions = user_sessions_end(user=user)
            audit_record(
                actor=actor,
                verb=AuditVerb.OTP_DEVICE_RESET,
                target=user,
                detail={"devices_removed": removed, "sessions_ended": sessions},
            )
        else:
            # Its key may have been shown under an older link.
            devices.filter(confirmed=False).delete()
        revoked = SetUpLink.objects.filter(
            user=user, used_at__isnull=True, revoked_at__isnull=True
        ).update(revoked_at=now)
        link = SetUpLink.objects.create(
            user=user,
            digest=token_digest(token),
            expires_at=now + timedelta(hours=settings.NRM_SETUP_LINK_HOURS),
        )
        audit_record(
            actor=actor,
            verb=AuditVerb.SETUP_LINK_ISSUE,
            target=user,
            detail={
                "link": link.pk,
                "expires_at": link.expires_at.isoformat(),
                "links_revoked": revoked,
            },
        )
    path = reverse("accounts:set-up-link", kwargs={"token": token})
    return IssuedLink(path=path, expires_at=link.expires_at)


def setup_link_refusal_record(
    *, reason: LinkRefusal, step: str, link: SetUpLink | None = None, user: User | None = None
) -> None:
    """Audit a refused link (``step``: ``open`` or ``sign_in``), never its token."""
    detail: dict[str, Any] = {"reason": reason.value, "step": step}
    if link is not None:
        detail["link"] = link.pk
    target = user if user is not None else (link.user if link is not None else None)
    audit_record(actor=ANONYMOUS, verb=AuditVerb.SETUP_LINK_REFUSE, target=target, detail=detail)


def setup_link_open(*, request: HttpRequest, token: str) -> LinkRefusal | None:
    """Open the link whose token is ``token``: this browser's session keeps it for the sign-in
    that follows. A link that cannot be used is audited and its reason returned."""
    link = SetUpLink.objects.select_related("user").filter(digest=token_digest(token)).first()
    refusal = _refusal(link, now=timezone.now())
    if refusal is not None:
        request.session.pop(SESSION_LINK, None)
        setup_link_refusal_record(reason=refusal, step="open", link=link)
        return refusal
    assert link is not None
    request.session[SESSION_LINK] = link.pk
    return None


def setup_link_for(*, request: HttpRequest, user: User) -> SetUpLink | LinkRefusal:
    """The valid link for ``user`` opened in this browser, or why there is none."""
    link_id = request.session.get(SESSION_LINK)
    if link_id is None:
        return LinkRefusal.NONE
    link = SetUpLink.objects.filter(pk=link_id).first()
    refusal = _refusal(link, now=timezone.now())
    if refusal is not None:
        return refusal
    assert link is not None
    if link.user_id != user.pk:
        return LinkRefusal.OTHER_ACCOUNT
    return link


def setup_link_use(*, link: SetUpLink, user: User) -> None:
    """Use ``link`` up as ``user`` confirms their app: inside the confirmation's transaction,
    which records it. Raises ``SetUpLinkRefused`` if it stopped being valid meanwhile."""
    locked = SetUpLink.objects.select_for_update().filter(pk=link.pk, user=user).first()
    now = timezone.now()
    refusal = _refusal(locked, now=now)
    if refusal is not None:
        raise SetUpLinkRefused(refusal)
    assert locked is not None
    locked.used_at = now
    locked.save(update_fields=["used_at"])
