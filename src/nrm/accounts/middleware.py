"""Deny by default for web pages, and session expiry on inactivity and absolutely."""

import time
from collections.abc import Callable
from typing import Any

from django.contrib import messages
from django.contrib.auth import SESSION_KEY
from django.contrib.auth.middleware import LoginRequiredMiddleware
from django.http import HttpRequest, HttpResponse

from nrm.accounts.sign_in import (
    SESSION_IDLE,
    SESSION_TOO_LONG,
    session_expire,
    session_expiry_reason,
    session_touch,
)

API_PREFIX = "/api/"


class SessionTimeoutMiddleware:
    """Sign the user out after ``NRM_SESSION_IDLE_MINUTES`` without a request, or
    ``NRM_SESSION_MAX_HOURS`` after signing in; the request then goes on unsigned-in."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        if SESSION_KEY in request.session:
            now = time.time()
            reason = session_expiry_reason(session=request.session, now=now)
            if reason is None:
                session_touch(request=request, now=now)
            else:
                session_expire(request=request, reason=reason)
                messages.info(request, SESSION_IDLE if reason == "idle" else SESSION_TOO_LONG)
        return self.get_response(request)


class SignInRequiredMiddleware(LoginRequiredMiddleware):
    """Every page needs a user signed in with both factors, except views marked with
    ``login_not_required`` (the sign-in steps). The API has its own token authentication."""

    def process_view(
        self,
        request: HttpRequest,
        view_func: Callable[..., Any],
        view_args: Any,
        view_kwargs: Any,
    ) -> HttpResponse | None:
        if not getattr(view_func, "login_required", True):
            return None
        if request.path_info.startswith(API_PREFIX):
            return None
        user: Any = request.user
        if user.is_authenticated and getattr(user, "is_verified", lambda: False)():
            return None
        return self.handle_no_permission(request, view_func)
