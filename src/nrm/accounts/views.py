"""Web doors of accounts: the sign-in steps, set-up links, signing out and the home page."""

from base64 import b32encode

import qrcode
import qrcode.image.svg
from django.conf import settings
from django.contrib import messages
from django.contrib.auth import logout
from django.contrib.auth.decorators import login_not_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.safestring import mark_safe
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods, require_POST

from nrm.accounts import setup_links, sign_in
from nrm.accounts.actors import AuthenticatedRequest
from nrm.accounts.forms import CodeForm, SignInForm
from nrm.accounts.models import User
from nrm.accounts.notices import notices_for
from nrm.accounts.setup_links import REFUSAL_MESSAGES, LinkRefusal

HOME = "accounts:home"
SIGN_IN = "accounts:sign-in"
LINK_PROBLEM = "accounts/set_up_link_problem.html"
LINK_CANNOT_BE_USED = "This set-up link cannot be used"
LINK_NEEDED_HEADING = "You need a set-up link"


def _next_url(request: HttpRequest) -> str:
    candidate = request.POST.get("next") or request.GET.get("next") or ""
    allowed = url_has_allowed_host_and_scheme(
        candidate, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    )
    return candidate if allowed else ""


def _signed_in(request: HttpRequest) -> bool:
    user = request.user
    return bool(user.is_authenticated and getattr(user, "is_verified", lambda: False)())


@login_not_required
@never_cache
@require_http_methods(["GET", "POST"])
def sign_in_view(request: HttpRequest) -> HttpResponse:
    if _signed_in(request):
        return redirect(HOME)
    if request.user.is_authenticated:  # signed in by some other door, without two factors
        logout(request)
    form = SignInForm(request.POST or None)
    error = ""
    if request.method == "POST":
        if form.is_valid() and sign_in.password_check(
            request=request,
            username=form.cleaned_data["username"],
            password=form.cleaned_data["password"],
            next_url=_next_url(request),
        ):
            return redirect("accounts:two-factor")
        error = sign_in.SIGN_IN_FAILED
    context = {"form": form, "error": error, "next": _next_url(request)}
    return render(request, "accounts/sign_in.html", context)


def _pending_or_restart(request: HttpRequest) -> HttpResponse | User:
    user = sign_in.pending_user(request=request)
    if user is None:
        if sign_in.PENDING in request.session:
            del request.session[sign_in.PENDING]
        messages.info(request, sign_in.SIGN_IN_AGAIN)
        return redirect(SIGN_IN)
    return user


def _after_sign_in(request: HttpRequest, next_url: str) -> HttpResponse:
    return redirect(next_url or HOME)


@login_not_required
@never_cache
@require_http_methods(["GET", "POST"])
def two_factor_view(request: HttpRequest) -> HttpResponse:
    user = _pending_or_restart(request)
    if isinstance(user, HttpResponse):
        return user
    if sign_in.device_confirmed(user=user) is None:
        link = setup_links.setup_link_for(request=request, user=user)
        if isinstance(link, LinkRefusal):
            return _set_up_stopped(request, user, link)
        return redirect("accounts:two-factor-set-up")
    next_url = request.session[sign_in.PENDING].get("next", "")
    form = CodeForm(request.POST or None)
    error = ""
    if request.method == "POST":
        code = form.cleaned_data["code"] if form.is_valid() else ""
        if sign_in.code_check(request=request, user=user, code=code):
            return _after_sign_in(request, next_url)
        error = sign_in.CODE_REFUSED
    return render(request, "accounts/two_factor.html", {"form": form, "error": error})


def _link_problem(request: HttpRequest, *, heading: str, message: str, status: int) -> HttpResponse:
    context = {"heading": heading, "message": message}
    return render(request, LINK_PROBLEM, context, status=status)


def _set_up_stopped(request: HttpRequest, user: User, reason: LinkRefusal) -> HttpResponse:
    """The password was right, but there is no valid set-up link: the sign-in ends here."""
    sign_in.set_up_stop(request=request, user=user, reason=reason)
    heading = LINK_NEEDED_HEADING if reason == LinkRefusal.NONE else LINK_CANNOT_BE_USED
    return _link_problem(request, heading=heading, message=REFUSAL_MESSAGES[reason], status=403)


@login_not_required
@never_cache
@require_http_methods(["GET"])
def set_up_link_view(request: HttpRequest, token: str) -> HttpResponse:
    """A set-up link: kept in this browser's session for the sign-in that follows."""
    if _signed_in(request):
        return _link_problem(
            request,
            heading=LINK_CANNOT_BE_USED,
            message=setup_links.ALREADY_SIGNED_IN,
            status=409,
        )
    refusal = setup_links.setup_link_open(request=request, token=token)
    if refusal is not None:
        status = 404 if refusal == LinkRefusal.UNKNOWN else 410
        return _link_problem(
            request, heading=LINK_CANNOT_BE_USED, message=REFUSAL_MESSAGES[refusal], status=status
        )
    messages.info(request, setup_links.LINK_OPENED)
    return redirect(SIGN_IN)


def _qr_svg(uri: str) -> str:
    image = qrcode.make(uri, image_factory=qrcode.image.svg.SvgPathImage)
    return str(image.to_string(encoding="unicode"))


@login_not_required
@never_cache
@require_http_methods(["GET", "POST"])
def two_factor_set_up_view(request: HttpRequest) -> HttpResponse:
    user = _pending_or_restart(request)
    if isinstance(user, HttpResponse):
        return user
    if sign_in.device_confirmed(user=user) is not None:
        return redirect("accounts:two-factor")
    # The key is shown, and an app confirmed, only with a valid link for this user.
    link = setup_links.setup_link_for(request=request, user=user)
    if isinstance(link, LinkRefusal):
        return _set_up_stopped(request, user, link)
    next_url = request.session[sign_in.PENDING].get("next", "")
    form = CodeForm(request.POST or None)
    error = ""
    if request.method == "POST":
        code = form.cleaned_data["code"] if form.is_valid() else ""
        if sign_in.code_check(request=request, user=user, code=code, set_up_link=link):
            return _after_sign_in(request, next_url)
        # The link may have been used up or expired meanwhile: then the key is not shown again.
        link = setup_links.setup_link_for(request=request, user=user)
        if isinstance(link, LinkRefusal):
            return _set_up_stopped(request, user, link)
        error = sign_in.CODE_REFUSED
    device = sign_in.device_for_set_up(user=user)
    secret = b32encode(device.bin_key).decode()
    context = {
        "form": form,
        "error": error,
        "uri": device.config_url,
        "secret": " ".join(secret[i : i + 4] for i in range(0, len(secret), 4)),
        "qr_svg": mark_safe(_qr_svg(device.config_url)),  # noqa: S308 - made here, no user input
    }
    return render(request, "accounts/two_factor_set_up.html", context)


@never_cache
@require_POST
def sign_out_view(request: HttpRequest) -> HttpResponse:
    sign_in.sign_out(request=request)
    messages.info(request, sign_in.SIGNED_OUT)
    return redirect(SIGN_IN)


@never_cache
@require_http_methods(["GET"])
def home_view(request: AuthenticatedRequest) -> HttpResponse:
    notices = notices_for(actor=request.user)[:20]
    return render(request, "accounts/home.html", {"account": request.user, "notices": notices})


def lockout_response(
    request: HttpRequest, original_response: HttpResponse | None, credentials: dict[str, str] | None
) -> HttpResponse:
    """The page django-axes shows instead of a refused sign-in while it is locked out."""
    context = {
        "failure_limit": settings.NRM_LOGIN_FAILURE_LIMIT,
        "minutes": settings.NRM_LOCKOUT_MINUTES,
    }
    return render(request, "accounts/locked_out.html", context, status=429)
