"""The border guidance pages (docs/border.md#guidance-for-border-staff): the ports, and the
printable page of one port. Thin doors: check the capability, call one selector."""

from django.http import HttpResponse
from django.shortcuts import render
from django.views.decorators.http import require_http_methods

from nrm.accounts.actors import AuthenticatedRequest
from nrm.accounts.capabilities import Capability
from nrm.accounts.decorators import capability_required
from nrm.border.guidance_selectors import guidance_ports, guidance_read
from nrm.cases.referrals.views.common import not_found


@capability_required(Capability.READ_BORDER_GUIDANCE)
@require_http_methods(["GET"])
def ports(request: AuthenticatedRequest) -> HttpResponse:
    context = {"ports": guidance_ports(actor=request.user)}
    return render(request, "border/guidance_ports.html", context)


@capability_required(Capability.READ_BORDER_GUIDANCE)
@require_http_methods(["GET"])
def port(request: AuthenticatedRequest, port: str) -> HttpResponse:
    guidance = guidance_read(actor=request.user, port=port)
    if guidance is None:
        return not_found(request)
    return render(request, "border/guidance_port.html", {"guidance": guidance})
