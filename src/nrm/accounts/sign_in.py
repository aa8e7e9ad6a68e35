"""Signing in and out: a password, then a TOTP code from the user's authenticator app.

Nobody is signed in until both factors have passed: after the password the session only holds a
pending sign-in, which the two-factor step completes. A user without a confirmed device sets one
up at that point, but only with a valid set-up link opened in the same browser
(``nrm.accounts.setup_links``); without one the sign-in stops there. Failed passwords and failed
codes both count towards the lockout (django-axes, by username and address), and every sign-in,
failure, lockout, sign-out, expiry and refused set-up is audited.
"""

import time
from datetime import timedelta
from typing import Any

from axes.handlers.proxy import AxesProxyHandler
from django.conf import settings
from django.contrib.auth import authenticate, login, logout
from django.contrib.auth.signals import user_login_failed
from django.db import transaction
from django.http import HttpRequest
from django.utils import timezone
from django_otp import login as otp_login
from django_otp.plugins.otp_totp.models import TOTPDevice

from nrm.accounts.actors import ANONYMOUS
from nrm.accounts.models import SetUpLink, User, UserSession
from nrm.accounts.setup_links import (
    SESSION_LINK,
    LinkRefusal,
    SetUpLinkRefused,
    setup_link_refusal_record,
    setup_link_use,
)
from nrm.audit.models import AuditVerb
from nrm.audit.services import audit_record

SIGN_IN_FAILED = "Enter a correct username and password"
CODE_REFUSED = "Enter the current 6-digit code from your authenticator app"
SIGN_IN_AGAIN = "Your sign-in took too long. Sign in again."
SIGNED_OUT = "You have signed out"
SESSION_IDLE = "You were signed out because you had not used the service for a while"
SESSION_TOO_LONG = "You were signed out because your session reached its time limit"

PENDING = "nrm_sign_in_pending"
SIGNED_IN_AT = "nrm_signed_in_at"
SEEN_AT = "nrm_seen_at"
PENDING_SECONDS = 600  # between a correct password and a correct code
SEEN_GRANULARITY_SECONDS = 60  # the idle clock is written at most once a minute
DEVICE_NAME = "Authenticator app"
MODEL_BACKEND = "django.contrib.auth.backends.ModelBackend"


def client_ip(request: HttpRequest) -> str | None:
    """The client's address: behind ``NRM_PROXY_COUNT`` proxies, the one the outermost proxy saw."""
    count = settings.NRM_PROXY_COUNT
    if count > 0:
        forwarded = request.META.get("HTTP_X_FORWARDED_FOR", "")
        addresses = [a.strip() for a in forwarded.split(",") if a.strip()]
        if len(addresses) >= count:
            return addresses[-count]
    return request.META.get("REMOTE_ADDR")


def _failure_record(request: HttpRequest, *, username: str, factor: str) -> None:
    """Audit a failed attempt (never the password or code tried), and the lockout it caused."""
    username = username[:150]
    target = User.objects.filter(username=username).first()
    locked = bool(getattr(request, "axes_locked_out", False))
    detail = {"username": username, "factor": factor, "locked_out": locked}
    audit_record(actor=ANONYMOUS, verb=AuditVerb.LOGIN_FAILED, target=target, detail=detail)
    if (
        locked
        and getattr(request, "axes_failures_since_start", None) == settings.AXES_FAILURE_LIMIT
    ):
        audit_record(
            actor=ANONYMOUS,
            verb=AuditVerb.LOCKOUT,
            target=target,
            detail={"username": username, "minutes": settings.NRM_LOCKOUT_MINUTES},
        )


def password_check(*, request: HttpRequest, username: str, password: str, next_url: str) -> bool:
    """First factor. On success the session holds a pending sign-in for the two-factor step."""
    user = authenticate(request, username=username, password=password)
    if user is None:
        _failure_record(request, username=username, factor="password")
        return False
    request.session.cycle_key()
    request.session[PENDING] = {"user": user.pk, "at": time.time(), "next": next_url}
    return True


def pending_user(*, request: HttpRequest) -> User | None:
    """The active user whose password was accepted in this session in the last few minutes."""
    pending = request.session.get(PENDING)
    if not pending:
        return None
    if time.time() - pending["at"] > PENDING_SECONDS:
        del request.session[PENDING]
        return None
    return (
        User.objects.select_related("organisation", "role")
        .filter(pk=pending["user"], is_active=True)
        .first()
    )


def device_confirmed(*, user: User) -> TOTPDevice | None:
    return TOTPDevice.objects.filter(user=user, confirmed=True).first()


def device_for_set_up(*, user: User) -> TOTPDevice:
    """The unconfirmed device the user is setting up (the same secret until it is confirmed)."""
    device = TOTPDevice.objects.filter(user=user, confirmed=False).order_by("id").first()
    if device is None:
        device = TOTPDevice.objects.create(user=user, name=DEVICE_NAME, confirmed=False)
    return device


def _locked(request: HttpRequest, username: str) -> bool:
    if AxesProxyHandler.is_allowed(request, {"username": username}):
        return False
    request.axes_locked_out = True  # type: ignore[attr-defined]  # the lockout page is shown
    return True


def code_check(
    *, request: HttpRequest, user: User, code: str, set_up_link: SetUpLink | None = None
) -> bool:
    """Second factor: a code from the user's confirmed device or, given the valid
    ``set_up_link`` the user opened, from the device being set up, which is then confirmed and
    the link used up. On success the user is signed in."""
    confirming = set_up_link is not None
    if _locked(request, user.username):
        _failure_record(request, username=user.username, factor="totp")
        return False
    with transaction.atomic():
        device = (
            TOTPDevice.objects.select_for_update()
            .filter(user=user, confirmed=not confirming)
            .order_by("id")
            .first()
        )
        accepted = device is not None and device.verify_token(code.strip().replace(" ", ""))
    if not accepted or device is None:
        # Counts towards the lockout like a wrong password.
        user_login_failed.send(
            sender=__name__, credentials={"username": user.username}, request=request
        )
        _failure_record(request, username=user.username, factor="totp")
        return False
    try:
        with transaction.atomic():
            if set_up_link is not None:
                setup_link_use(link=set_up_link, user=user)
                device.confirmed = True
                device.save(update_fields=["confirmed"])
                audit_record(
                    actor=user,
                    verb=AuditVerb.OTP_DEVICE_CONFIRM,
                    target=device,
                    detail={"set_up_link": set_up_link.pk},
                )
            _sign_in_complete(request, user=user, device=device)
    except SetUpLinkRefused:
        return False
    return True


def set_up_stop(*, request: HttpRequest, user: User, reason: LinkRefusal) -> None:
    """End a sign-in whose password was right but which cannot go on to set up an
    authenticator app for want of a valid set-up link; the refusal is audited."""
    request.session.pop(PENDING, None)
    request.session.pop(SESSION_LINK, None)
    setup_link_refusal_record(reason=reason, step="sign_in", user=user)


def _sign_in_complete(request: HttpRequest, *, user: User, device: TOTPDevice) -> None:
    request.session.pop(PENDING, None)
    request.session.pop(SESSION_LINK, None)
    login(request, user, backend=MODEL_BACKEND)
    otp_login(request, device)
    now = time.time()
    request.session[SIGNED_IN_AT] = now
    request.session[SEEN_AT] = now
    request.session.save()  # the session key is final now
    UserSession.objects.create(user=user, session_key=request.session.session_key or "")
    # Forget sessions of this user that have run out without a request to end them.
    cutoff = timezone.now() - timedelta(hours=settings.NRM_SESSION_MAX_HOURS)
    UserSession.objects.filter(user=user, signed_in_at__lt=cutoff).delete()
    audit_record(actor=user, verb=AuditVerb.LOGIN, target=user, detail={"factor": "totp"})


def _session_forget(request: HttpRequest) -> None:
    key = request.session.session_key
    if key:
        UserSession.objects.filter(session_key=key).delete()


def sign_out(*, request: HttpRequest) -> None:
    user = request.user
    with transaction.atomic():
        if user.is_authenticated:
            audit_record(actor=user, verb=AuditVerb.LOGOUT, target=user)
        _session_forget(request)
    logout(request)


def session_expiry_reason(*, session: Any, now: float) -> str | None:
    """Why a signed-in session has expired ("idle" or "lifetime"), or None while it is live.
    A session that did not come through the sign-in steps has no clock and is expired."""
    signed_in_at = session.get(SIGNED_IN_AT)
    seen_at = session.get(SEEN_AT)
    if signed_in_at is None or seen_at is None:
        return "lifetime"
    if now - signed_in_at > settings.NRM_SESSION_MAX_HOURS * 3600:
        return "lifetime"
    if now - seen_at > settings.NRM_SESSION_IDLE_MINUTES * 60:
        return "idle"
    return None


def session_expire(*, request: HttpRequest, reason: str) -> None:
    """End the session of the signed-in user (the next page asks them to sign in again)."""
    user = request.user
    with transaction.atomic():
        if user.is_authenticated:
            audit_record(
                actor=user, verb=AuditVerb.SESSION_EXPIRE, target=user, detail={"reason": reason}
            )
        _session_forget(request)
    logout(request)


def session_touch(*, request: HttpRequest, now: float) -> None:
    if now - request.session.get(SEEN_AT, 0) >= SEEN_GRANULARITY_SECONDS:
        request.session[SEEN_AT] = now
