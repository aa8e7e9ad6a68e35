"""Web pages of a support provider: incoming support referrals, accepting or declining one,
and the episodes of support given. Thin doors: the selectors scope and audit every read, the
services decide every rule; the views turn their refusals into messages on the form."""

from collections.abc import Callable
from typing import Any

from django import forms
from django.contrib import messages
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_http_methods

from nrm.accounts.actors import AuthenticatedRequest
from nrm.accounts.capabilities import Capability
from nrm.accounts.decorators import capability_required
from nrm.standard.codes import SupportReferralStatus
from nrm.support import services
from nrm.support.errors import SupportDenied, SupportInvalid
from nrm.support.forms import (
    AcceptForm,
    DeclineForm,
    EpisodeCloseForm,
    EpisodeStartForm,
    ServicesForm,
    refusal_show,
)
from nrm.support.models import SupportEpisode, SupportReferral
from nrm.support.selectors import (
    has_support_regions,
    open_episode_of,
    open_episode_page,
    subcontractors_for,
    support_referral_get,
    support_referral_page,
)

ACCEPTED = "Support referral {reference} accepted"
DECLINED = "Support referral {reference} declined"
EPISODE_STARTED = "Support episode started for {reference}"
SERVICES_RECORDED = "Services recorded for {reference}"
EPISODE_CLOSED = "Support episode closed for {reference}: the support has ended"
NO_OPEN_EPISODE = "There is no open support episode for {reference}"

STATUS_FILTERS = [("", "All"), *SupportReferralStatus.choices]


def _not_found(request: AuthenticatedRequest) -> HttpResponse:
    return render(request, "web/not_found.html", status=404)


def _forbidden(request: AuthenticatedRequest) -> HttpResponse:
    return render(request, "web/forbidden.html", status=403)


@capability_required(Capability.RECORD_SUPPORT)
@require_http_methods(["GET"])
def index_view(request: AuthenticatedRequest) -> HttpResponse:
    status = request.GET.get("status", "")
    if status not in SupportReferralStatus.values:
        status = ""
    page_obj = support_referral_page(
        user=request.user, status=status, page=request.GET.get("page", 1)
    )
    context = {
        "page_obj": page_obj,
        "status": status,
        "filters": STATUS_FILTERS,
        "query_prefix": f"status={status}&" if status else "",
    }
    return render(request, "support/index.html", context)


@capability_required(Capability.RECORD_SUPPORT)
@require_http_methods(["GET"])
def episodes_view(request: AuthenticatedRequest) -> HttpResponse:
    page_obj = open_episode_page(user=request.user, page=request.GET.get("page", 1))
    return render(request, "support/episodes.html", {"page_obj": page_obj})


def _is_lead(request: AuthenticatedRequest, support_referral: SupportReferral) -> bool:
    return getattr(request.user, "organisation_id", None) == support_referral.provider_id


@capability_required(Capability.RECORD_SUPPORT)
@require_http_methods(["GET"])
def referral_view(request: AuthenticatedRequest, reference: str) -> HttpResponse:
    support_referral = support_referral_get(user=request.user, reference=reference)
    if support_referral is None:
        return _not_found(request)
    referral = support_referral.referral
    person = getattr(referral, "person", None)
    open_episode = open_episode_of(support_referral=support_referral)
    context = {
        "support_referral": support_referral,
        "referral": referral,
        "person": person,
        "episodes": list(support_referral.episodes.select_related("provider")),
        "open_episode": open_episode,
        "can_respond": _is_lead(request, support_referral)
        and support_referral.status == SupportReferralStatus.OFFERED,
        "can_start": support_referral.status == SupportReferralStatus.ACCEPTED
        and open_episode is None,
    }
    return render(request, "support/referral.html", context)


Action = Callable[[forms.Form, SupportReferral], Any]


def _form_page(
    request: AuthenticatedRequest,
    reference: str,
    *,
    make_form: Callable[[AuthenticatedRequest, SupportReferral], forms.Form],
    action: Action,
    template: str,
    title: str,
    button: str,
    success: str,
    needs_episode: bool = False,
) -> HttpResponse:
    """The shape every support form page shares: find the support referral in scope (404
    otherwise), show the form, and on a valid answer call the service; a rule it refuses is
    shown on the form, and nothing is saved."""
    support_referral = support_referral_get(user=request.user, reference=reference)
    if support_referral is None:
        return _not_found(request)
    episode = open_episode_of(support_referral=support_referral)
    if needs_episode and episode is None:
        messages.info(request, NO_OPEN_EPISODE.format(reference=reference))
        return redirect("support:referral", reference=reference)
    form = make_form(request, support_referral)
    if request.method == "POST" and form.is_valid():
        try:
            action(form, support_referral)
        except SupportInvalid as error:
            refusal_show(form, error)
        except SupportDenied:
            return _forbidden(request)
        else:
            messages.success(request, success.format(reference=reference))
            return redirect("support:referral", reference=reference)
    context = {
        "form": form,
        "support_referral": support_referral,
        "referral": support_referral.referral,
        "episode": episode,
        "page_title": title,
        "button": button,
    }
    return render(request, template, context)


def _data(request: AuthenticatedRequest) -> Any:
    return request.POST if request.method == "POST" else None


@capability_required(Capability.RECORD_SUPPORT)
@require_http_methods(["GET", "POST"])
def accept_view(request: AuthenticatedRequest, reference: str) -> HttpResponse:
    def make_form(request: AuthenticatedRequest, support_referral: SupportReferral) -> forms.Form:
        provider = support_referral.provider
        return AcceptForm(
            _data(request),
            provider=provider,
            subcontractors=subcontractors_for(provider=provider),
            region=support_referral.region if has_support_regions(provider=provider) else None,
        )

    def action(form: forms.Form, support_referral: SupportReferral) -> Any:
        assert isinstance(form, AcceptForm)
        return services.support_referral_accept(
            support_referral=support_referral,
            actor=request.user,
            delivered_by=form.deliverer(),
            region=form.region(),
        )

    return _form_page(
        request,
        reference,
        make_form=make_form,
        action=action,
        template="support/accept.html",
        title="Accept the support referral",
        button="Accept",
        success=ACCEPTED,
    )


@capability_required(Capability.RECORD_SUPPORT)
@require_http_methods(["GET", "POST"])
def decline_view(request: AuthenticatedRequest, reference: str) -> HttpResponse:
    def action(form: forms.Form, support_referral: SupportReferral) -> Any:
        return services.support_referral_decline(
            support_referral=support_referral,
            actor=request.user,
            reason=form.cleaned_data["reason"],
        )

    return _form_page(
        request,
        reference,
        make_form=lambda request, _: DeclineForm(_data(request)),
        action=action,
        template="support/decline.html",
        title="Decline the support referral",
        button="Decline",
        success=DECLINED,
    )


@capability_required(Capability.RECORD_SUPPORT)
@require_http_methods(["GET", "POST"])
def episode_start_view(request: AuthenticatedRequest, reference: str) -> HttpResponse:
    def action(form: forms.Form, support_referral: SupportReferral) -> Any:
        return services.support_episode_start(
            support_referral=support_referral,
            actor=request.user,
            support_type=form.cleaned_data["support_type"],
            start=form.cleaned_data["start"],
            services=form.cleaned_data["services"],
        )

    return _form_page(
        request,
        reference,
        make_form=lambda request, _: EpisodeStartForm(_data(request)),
        action=action,
        template="support/episode_start.html",
        title="Start a support episode",
        button="Start the episode",
        success=EPISODE_STARTED,
    )


def _open_episode(support_referral: SupportReferral) -> SupportEpisode:
    episode = open_episode_of(support_referral=support_referral)
    assert episode is not None  # _form_page checked it with needs_episode
    return episode


@capability_required(Capability.RECORD_SUPPORT)
@require_http_methods(["GET", "POST"])
def episode_services_view(request: AuthenticatedRequest, reference: str) -> HttpResponse:
    def make_form(request: AuthenticatedRequest, support_referral: SupportReferral) -> forms.Form:
        initial = {"services": _open_episode(support_referral).services}
        return ServicesForm(_data(request), initial=initial)

    def action(form: forms.Form, support_referral: SupportReferral) -> Any:
        return services.support_episode_update(
            episode=_open_episode(support_referral),
            actor=request.user,
            services=form.cleaned_data["services"],
        )

    return _form_page(
        request,
        reference,
        make_form=make_form,
        action=action,
        template="support/episode_services.html",
        title="Record the services given",
        button="Save the services",
        success=SERVICES_RECORDED,
        needs_episode=True,
    )


@capability_required(Capability.RECORD_SUPPORT)
@require_http_methods(["GET", "POST"])
def episode_close_view(request: AuthenticatedRequest, reference: str) -> HttpResponse:
    def action(form: forms.Form, support_referral: SupportReferral) -> Any:
        return services.support_episode_close(
            episode=_open_episode(support_referral),
            actor=request.user,
            end=form.cleaned_data["end"],
            exit_route=form.cleaned_data["exit_route"],
        )

    return _form_page(
        request,
        reference,
        make_form=lambda request, _: EpisodeCloseForm(_data(request)),
        action=action,
        template="support/episode_close.html",
        title="Close the support episode",
        button="Close the episode",
        success=EPISODE_CLOSED,
        needs_episode=True,
    )
