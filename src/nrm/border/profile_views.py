"""The analysts' pages on risk profiles: every profile, and one profile with its conditions in
words, its versions, its hits by month and the share of them confirmed."""

from urllib.parse import urlencode

from django.http import HttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.views.decorators.http import require_http_methods

from nrm.accounts.actors import AuthenticatedRequest
from nrm.accounts.capabilities import Capability
from nrm.accounts.decorators import capability_required
from nrm.accounts.permissions import has_capability
from nrm.border.profile_selectors import confirmed_share, profile_read, profile_summaries
from nrm.cases.referrals.views.common import not_found
from nrm.standard.nationality import country_label
from nrm.standard.surveillance_codes import Frequency, SeriesKind


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
    context = {
        "read": read,
        "share": confirmed_share(read),
        "surge_links": _surge_links(request, read.nationalities),
    }
    return render(request, "border/profiles_detail.html", context)


def _surge_links(request: AuthenticatedRequest, nationalities: list[str]) -> list[dict[str, str]]:
    """Links to the surge detector's monthly series of referrals of each nationality a profile
    tests (a displaced route shows there first), for those who may read it."""
    if not has_capability(request.user, Capability.MONITOR_SURGES):
        return []
    series = reverse("intelligence:surge-series")
    links = []
    for code in nationalities:
        name = country_label(code)
        query = {"kind": SeriesKind.NATIONALITY, "frequency": Frequency.MONTH, "nationality": name}
        links.append({"name": name, "url": f"{series}?{urlencode(query)}"})
    return links
