"""What every part of the JSON API shares: the router that documents each operation's
capability, the caller, and the shapes of messages and field-level errors."""

from collections.abc import Callable
from typing import Any

from django.http import HttpRequest
from ninja import Router as NinjaRouter
from ninja import Schema, Status

from nrm.accounts.capabilities import Capability
from nrm.accounts.models import Organisation, User

BAD_JSON = "The request body must be a JSON object"


class FieldErrorOut(Schema):
    field: str
    message: str
    code: str
    value: str | None = None


class ErrorsOut(Schema):
    errors: list[FieldErrorOut]


class MessageOut(Schema):
    detail: str


class Router(NinjaRouter):
    """A router whose operations each declare their capability with
    ``nrm.accounts.decorators.api_capability_required``. The capability goes into the OpenAPI
    document twice: as ``x-required-capability`` (read by tools and tests) and as a sentence of
    the operation's description (read by people)."""

    def add_api_operation(
        self, path: str, methods: list[str], view_func: Callable[..., Any], **kwargs: Any
    ) -> None:
        capability: Capability | None = getattr(view_func, "required_capability", None)
        if capability is not None:
            kwargs["openapi_extra"] = {
                "x-required-capability": capability.value,
                **(kwargs.get("openapi_extra") or {}),
            }
            needs = f"Needs the capability `{capability.value}` ({capability.label})."
            kwargs["description"] = " ".join(filter(None, [kwargs.get("description"), needs]))
        super().add_api_operation(path, methods, view_func, **kwargs)


def caller(request: HttpRequest) -> User:
    """The authenticated user (the token authentication guarantees one with an
    organisation)."""
    user = getattr(request, "auth", None)
    assert isinstance(user, User)
    return user


def caller_organisation(request: HttpRequest) -> Organisation:
    organisation = caller(request).organisation
    assert organisation is not None
    return organisation


def field_errors(status: int, message: str, code: str, field: str = "__all__") -> Status:
    """A field-level error answer with one error."""
    return Status(status, {"errors": [{"field": field, "message": message, "code": code}]})
