"""Every web page declares the capability it needs; a user without it gets a 403 page and the
refusal is audited. Signing in with both factors is enforced for every page by middleware
(``nrm.accounts.middleware``); this adds the capability. The web permission-matrix test reads
``required_capability`` from each view."""

from collections.abc import Callable
from functools import wraps
from typing import Any

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from nrm.accounts.capabilities import Capability
from nrm.accounts.permissions import CapabilityDenied, capability_require

View = Callable[..., HttpResponse]


def capability_required(capability: Capability) -> Callable[[View], View]:
    def decorate(view: View) -> View:
        @wraps(view)
        def guarded(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
            try:
                capability_require(
                    actor=request.user, capability=capability, detail={"path": request.path}
                )
            except CapabilityDenied:
                return render(request, "web/forbidden.html", status=403)
            return view(request, *args, **kwargs)

        guarded.required_capability = capability  # type: ignore[attr-defined]
        return guarded

    return decorate
