"""One decorator per door, each both enforcing and declaring the capability the door needs.

- ``capability_required`` for web pages: a user without the capability gets the 403 page.
- ``api_capability_required`` for API operations: a caller without it gets ``403`` with the
  refusal message; the API's router (``nrm.web.api.Router``) writes the capability into the
  operation's OpenAPI description.

Either way the refusal is audited (``capability_require``) and the view carries
``required_capability``, which the permission-matrix tests and the OpenAPI document read.
Signing in with both factors is enforced for every page by middleware
(``nrm.accounts.middleware``); API callers are authenticated by their token.
"""

from collections.abc import Callable
from functools import wraps
from typing import Any

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from ninja import Status

from nrm.accounts.actors import AuthenticatedRequest
from nrm.accounts.capabilities import Capability
from nrm.accounts.models import User
from nrm.accounts.permissions import DENIED, CapabilityDenied, capability_require, has_capability

View = Callable[..., HttpResponse]
Operation = Callable[..., Any]


def capability_required(capability: Capability) -> Callable[[View], View]:
    def decorate(view: View) -> View:
        @wraps(view)
        def guarded(request: AuthenticatedRequest, *args: Any, **kwargs: Any) -> HttpResponse:
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


def api_capability_required(
    capability: Capability, *alternatives: Capability
) -> Callable[[Operation], Operation]:
    """``alternatives``: other capabilities that open the operation too (the selector behind it
    then scopes what each may see: ``GET /justice/prosecutions`` for a reader of every
    prosecution and, for their own authority's, a justice data officer)."""

    def decorate(operation: Operation) -> Operation:
        @wraps(operation)
        def guarded(request: HttpRequest, *args: Any, **kwargs: Any) -> Any:
            detail = {"reference": kwargs["reference"]} if "reference" in kwargs else {}
            caller = getattr(request, "auth", None)  # the token's user (``TokenAuth``)
            try:
                if not isinstance(caller, User):
                    raise CapabilityDenied(capability)
                if not any(has_capability(caller, other) for other in alternatives):
                    capability_require(actor=caller, capability=capability, detail=detail)
            except CapabilityDenied:
                return Status(403, {"detail": DENIED})
            return operation(request, *args, **kwargs)

        guarded.required_capability = capability  # type: ignore[attr-defined]
        guarded.alternative_capabilities = alternatives  # type: ignore[attr-defined]
        return guarded

    return decorate
