"""Web pages of account administration: organisations, users and roles. The administrator
never sees case content here. Thin doors: ``admin_selectors`` reads, ``admin_services`` writes
and decides every rule; a refusal is shown on the form and nothing is saved."""

from typing import Any

from django import forms
from django.conf import settings
from django.contrib import messages
from django.core.paginator import Paginator
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods

from nrm.accounts import admin_selectors as read
from nrm.accounts import admin_services as rules
from nrm.accounts import setup_links
from nrm.accounts.actors import AuthenticatedRequest
from nrm.accounts.admin_forms import (
    OrganisationCreateForm,
    OrganisationEditForm,
    RoleChangeForm,
    SetUpLinkForm,
    UserCreateForm,
    account_error_show,
    organisation_initial,
)
from nrm.accounts.capabilities import Capability, Scope
from nrm.accounts.decorators import capability_required

PAGE_SIZE = 50

USER_CREATED = (
    "User {username} created. Issue them a set-up link so that they can set up their "
    "authenticator app and sign in."
)
USER_DISABLED = (
    "User {username} disabled: their sessions have ended and their API tokens are revoked"
)
USER_ENABLED = "User {username} enabled"
ROLE_CHANGED = "User {username} now has the role {role}"
ORGANISATION_CREATED = "Organisation {name} created"
ORGANISATION_UPDATED = "Organisation {name} updated"

ORGANISATIONS = "accounts:admin-organisations"


def _data(request: AuthenticatedRequest) -> Any:
    return request.POST if request.method == "POST" else None


def _not_found(request: AuthenticatedRequest) -> HttpResponse:
    return render(request, "web/not_found.html", status=404)


@capability_required(Capability.MANAGE_ACCOUNTS)
@require_http_methods(["GET"])
def index_view(request: AuthenticatedRequest) -> HttpResponse:
    counts = read.account_counts(actor=request.user)
    return render(request, "accounts/admin/index.html", {"counts": counts})


@capability_required(Capability.MANAGE_ACCOUNTS)
@require_http_methods(["GET"])
def organisations_view(request: AuthenticatedRequest) -> HttpResponse:
    organisations = read.organisation_list(actor=request.user)
    page_obj = Paginator(organisations, PAGE_SIZE).get_page(request.GET.get("page", 1))
    return render(request, "accounts/admin/organisations.html", {"page_obj": page_obj})


@capability_required(Capability.MANAGE_ACCOUNTS)
@require_http_methods(["GET", "POST"])
def organisation_create_view(request: AuthenticatedRequest) -> HttpResponse:
    form = OrganisationCreateForm(_data(request))
    if request.method == "POST" and form.is_valid():
        try:
            organisation = rules.organisation_create(actor=request.user, **form.cleaned_data)
        except rules.AccountError as error:
            account_error_show(form, error)
        else:
            messages.success(request, ORGANISATION_CREATED.format(name=organisation.name))
            return redirect(ORGANISATIONS)
    return render(request, "accounts/admin/organisation_form.html", {"form": form})


@capability_required(Capability.MANAGE_ACCOUNTS)
@require_http_methods(["GET", "POST"])
def organisation_edit_view(request: AuthenticatedRequest, code: str) -> HttpResponse:
    organisation = read.organisation_get(actor=request.user, code=code)
    if organisation is None:
        return _not_found(request)
    form = OrganisationEditForm(_data(request), initial=organisation_initial(organisation))
    if request.method == "POST" and form.is_valid():
        try:
            rules.organisation_update(
                actor=request.user, organisation=organisation, **form.cleaned_data
            )
        except rules.AccountError as error:
            account_error_show(form, error)
        else:
            messages.success(request, ORGANISATION_UPDATED.format(name=organisation.name))
            return redirect(ORGANISATIONS)
    context = {"form": form, "organisation": organisation}
    return render(request, "accounts/admin/organisation_form.html", context)


@capability_required(Capability.MANAGE_ACCOUNTS)
@require_http_methods(["GET"])
def users_view(request: AuthenticatedRequest) -> HttpResponse:
    code = request.GET.get("organisation", "")
    organisation = read.organisation_get(actor=request.user, code=code) if code else None
    users = read.user_list(
        actor=request.user, organisation=organisation.code if organisation else ""
    )
    page_obj = Paginator(users, PAGE_SIZE).get_page(request.GET.get("page", 1))
    context = {
        "page_obj": page_obj,
        "organisation": organisation,
        "query_prefix": f"organisation={organisation.code}&" if organisation else "",
    }
    return render(request, "accounts/admin/users.html", context)


@capability_required(Capability.MANAGE_ACCOUNTS)
@require_http_methods(["GET", "POST"])
def user_create_view(request: AuthenticatedRequest) -> HttpResponse:
    form = UserCreateForm(_data(request))
    if request.method == "POST" and form.is_valid():
        try:
            user = rules.user_create(actor=request.user, **form.cleaned_data)
        except rules.AccountError as error:
            account_error_show(form, error)
        else:
            messages.success(request, USER_CREATED.format(username=user.username))
            return redirect("accounts:admin-user", user_id=user.pk)
    return render(request, "accounts/admin/user_create.html", {"form": form})


@capability_required(Capability.MANAGE_ACCOUNTS)
@require_http_methods(["GET"])
def user_view(request: AuthenticatedRequest, user_id: str) -> HttpResponse:
    account = read.user_get(actor=request.user, user_id=user_id)
    if account is None:
        return _not_found(request)
    context = {
        "account": account,
        "is_self": account.pk == request.user.pk,
        "second_factor": read.second_factor_get(actor=request.user, user=account),
    }
    return render(request, "accounts/admin/user.html", context)


@capability_required(Capability.MANAGE_ACCOUNTS)
@never_cache
@require_http_methods(["GET", "POST"])
def user_set_up_link_view(request: AuthenticatedRequest, user_id: str) -> HttpResponse:
    """Issue a set-up link (resetting the user's authenticator app if they have one): GET
    asks to confirm, POST issues it and shows it this once."""
    account = read.user_get(actor=request.user, user_id=user_id)
    if account is None:
        return _not_found(request)
    second_factor = read.second_factor_get(actor=request.user, user=account)
    form = SetUpLinkForm(_data(request), initial={"reset": second_factor.has_app})
    if request.method == "POST" and form.is_valid():
        try:
            issued = setup_links.setup_link_issue(
                actor=request.user, user=account, reset=form.cleaned_data["reset"]
            )
        except rules.AccountError as error:
            account_error_show(form, error)
        else:
            context = {
                "account": account,
                "link": request.build_absolute_uri(issued.path),
                "expires_at": issued.expires_at,
            }
            return render(request, "accounts/admin/set_up_link_issued.html", context)
    context = {
        "form": form,
        "account": account,
        "is_self": account.pk == request.user.pk,
        "second_factor": second_factor,
        "hours": settings.NRM_SETUP_LINK_HOURS,
        "own_account": setup_links.ISSUE_OWN_ACCOUNT,
        "disabled": setup_links.ISSUE_DISABLED,
    }
    return render(request, "accounts/admin/user_set_up_link.html", context)


@capability_required(Capability.MANAGE_ACCOUNTS)
@require_http_methods(["GET", "POST"])
def user_role_view(request: AuthenticatedRequest, user_id: str) -> HttpResponse:
    account = read.user_get(actor=request.user, user_id=user_id)
    if account is None:
        return _not_found(request)
    form = RoleChangeForm(_data(request), initial={"role": account.role_id})
    if request.method == "POST" and form.is_valid():
        role = form.cleaned_data["role"]
        try:
            rules.user_role_change(actor=request.user, user=account, role=role)
        except rules.AccountError as error:
            account_error_show(form, error)
        else:
            messages.success(request, ROLE_CHANGED.format(username=account.username, role=role))
            return redirect("accounts:admin-user", user_id=account.pk)
    return render(request, "accounts/admin/user_role.html", {"form": form, "account": account})


def _active_change(request: AuthenticatedRequest, user_id: str, *, enable: bool) -> HttpResponse:
    """Disable or enable a user: GET asks to confirm, POST does it."""
    account = read.user_get(actor=request.user, user_id=user_id)
    if account is None:
        return _not_found(request)
    form = forms.Form(_data(request))
    if request.method == "POST" and form.is_valid():
        change = rules.user_enable if enable else rules.user_disable
        try:
            change(actor=request.user, user=account)
        except rules.AccountError as error:
            account_error_show(form, error)
        else:
            done = USER_ENABLED if enable else USER_DISABLED
            messages.success(request, done.format(username=account.username))
            return redirect("accounts:admin-user", user_id=account.pk)
    context = {"form": form, "account": account, "enable": enable}
    return render(request, "accounts/admin/user_active.html", context)


@capability_required(Capability.MANAGE_ACCOUNTS)
@require_http_methods(["GET", "POST"])
def user_disable_view(request: AuthenticatedRequest, user_id: str) -> HttpResponse:
    return _active_change(request, user_id, enable=False)


@capability_required(Capability.MANAGE_ACCOUNTS)
@require_http_methods(["GET", "POST"])
def user_enable_view(request: AuthenticatedRequest, user_id: str) -> HttpResponse:
    return _active_change(request, user_id, enable=True)


@capability_required(Capability.MANAGE_ACCOUNTS)
@require_http_methods(["GET"])
def roles_view(request: AuthenticatedRequest) -> HttpResponse:
    labels = dict(Capability.choices)
    roles = [
        {
            "role": role,
            "scope": Scope(role.scope).label if role.scope in Scope.values else role.scope,
            "capabilities": sorted(labels.get(code, code) for code in role.capabilities),
        }
        for role in read.role_list(actor=request.user)
    ]
    return render(request, "accounts/admin/roles.html", {"roles": roles})
