"""The analysts' pages on risk profiles: every profile, and one profile with its conditions in
words, its versions, its hits by month and the share of them confirmed."""

from django.http import HttpResponse
from django.shortcuts import render
from django.views.decorators.http import require_http_methods

from nrm.accounts.actors import AuthenticatedRequest
from nrm.accounts.capabilities import Capability
from nrm.accounts.decorators import capability_required
from nrm.border.profile_selectors import confirmed_share, profile_read, profile_summaries
from nrm.cases.referrals.views.common import not_found


@capability_required(Capability.MANAGE_RISK_PROFILES)
@require_http_methods(["GET"])
def profiles(request: AuthenticatedRequest) -> HttpResponse:
    context = {"profiles": profile_summaries(actor=request.user)}
    return render(request, "border/profiles_list.html", context)


@capability_required(Capability.MANAGE_RISK_PROFILES)
@require_http_methods(["GET"])
def profile(request: AuthenticatedRequest, profile_id: int) -> HttpResponse:
    read = profile_read(actor=request.user, profile_id=profile_id)
    if read is None:
        return not_found(request)
    context = {"read": read, "share": confirmed_share(read)}
    return render(request, "border/profiles_detail.html", context)
