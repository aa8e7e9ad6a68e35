"""What every part of the JSON API shares: the router that documents each operation's
capability, the caller, and the shapes of messages and field-level errors."""

import inspect
import json
import re
from collections.abc import Callable
from functools import wraps
from typing import Any

from django.contrib.auth.views import redirect_to_login
from django.http import HttpRequest, HttpResponse, JsonResponse
from ninja import Query, Schema, Status
from ninja import Router as NinjaRouter
from pydantic import BaseModel

from nrm.accounts.capabilities import Capability
from nrm.accounts.models import Organisation, User
from nrm.accounts.selectors import user_for_token
from nrm.standard.text import text_problems

BAD_JSON = "The request body must be a JSON object"
PAGE: Any = Query(1, ge=1, description="The page wanted, from 1")
TOO_DEEP = "The request body is nested more than {depth} levels deep; a request needs at most a few"
MAX_DEPTH = 32
_STRING = re.compile(r'"(?:[^"\\]|\\.)*"')
_BRACKET = re.compile(r"[\[\]{}]")


class FieldErrorOut(Schema):
    field: str
    message: str
    code: str
    value: str | None = None


class ErrorsOut(Schema):
    errors: list[FieldErrorOut]


class MessageOut(Schema):
    detail: str


# The models of request bodies the operations read themselves (so that every door reads JSON one
# way, ``json_object``): the API object adds them to the OpenAPI document's components.
BODIES: dict[str, type[BaseModel]] = {}


UNKNOWN_PARAMETER = "'{name}' is not a parameter of this operation; it takes: {known}"


def _known_parameters_only(path: str, view: Callable[..., Any]) -> Callable[..., Any]:
    """The operation, refusing query parameters it does not take (a mistyped ``pag=2`` is an
    error, not silently the first page)."""
    in_path = set(re.findall(r"{(?:\w+:)?(\w+)}", path))
    known = set(inspect.signature(view).parameters) - in_path - {"request", "response"}

    @wraps(view)
    def checked(request: HttpRequest, *args: Any, **kwargs: Any) -> Any:
        unknown = sorted(set(request.GET) - known)
        if unknown:
            message = UNKNOWN_PARAMETER.format(
                name=unknown[0], known=", ".join(sorted(known)) or "none"
            )
            return Status(422, {"errors": [{"field": unknown[0][:100], "message": message,
                                            "code": "unknown_parameter"}]})  # fmt: skip
        return view(request, *args, **kwargs)

    return checked


def request_body(model: type[BaseModel]) -> dict[str, Any]:
    """The OpenAPI ``requestBody`` of an operation whose body is ``model``."""
    BODIES[model.__name__] = model
    ref = {"$ref": f"#/components/schemas/{model.__name__}"}
    return {"requestBody": {"required": True, "content": {"application/json": {"schema": ref}}}}


class Router(NinjaRouter):
    """A router whose operations each declare their capability with
    ``nrm.accounts.decorators.api_capability_required``. The capability goes into the OpenAPI
    document twice: as ``x-required-capability`` (read by tools and tests) and as a sentence of
    the operation's description (read by people). Every operation also documents the answers
    any of them can give: 401 without a valid token, 422 for a parameter or body that does not
    validate (field-level errors)."""

    def add_api_operation(
        self, path: str, methods: list[str], view_func: Callable[..., Any], **kwargs: Any
    ) -> None:
        responses = kwargs.get("response")
        if isinstance(responses, dict):
            kwargs["response"] = {401: MessageOut, 422: ErrorsOut, **responses}
        view_func = _known_parameters_only(path, view_func)
        capability: Capability | None = getattr(view_func, "required_capability", None)
        if capability is not None:
            kwargs["openapi_extra"] = {
                "x-required-capability": capability.value,
                **(kwargs.get("openapi_extra") or {}),
            }
            others: tuple[Capability, ...] = getattr(view_func, "alternative_capabilities", ())
            if others:
                kwargs["openapi_extra"]["x-alternative-capabilities"] = [c.value for c in others]
            needs = (
                "Needs the capability "
                + " or ".join(f"`{c.value}` ({c.label})" for c in (capability, *others))
                + "."
            )
            kwargs["description"] = " ".join(filter(None, [kwargs.get("description"), needs]))
        super().add_api_operation(path, methods, view_func, **kwargs)


class BodyRefused(Exception):
    """The request's body cannot be read as a request: the field-level errors say why."""

    def __init__(self, errors: list[dict[str, str]]) -> None:
        super().__init__(errors[0]["message"])
        self.errors = errors


def _refused(message: str, code: str, field: str = "__all__") -> BodyRefused:
    return BodyRefused([{"field": field, "message": message, "code": code}])


def _depth(text: str) -> int:
    """How deeply the JSON ``text`` nests, counted before it is parsed (outside strings)."""
    depth = deepest = 0
    for bracket in _BRACKET.findall(_STRING.sub("", text)):
        depth += 1 if bracket in "[{" else -1
        deepest = max(deepest, depth)
    return deepest


def json_object(request: HttpRequest) -> dict[str, Any]:
    """The request's body as a JSON object, read the same way by every operation: UTF-8, at
    most ``MAX_DEPTH`` levels deep, and only text the case store can hold
    (``nrm.standard.text``). Raises ``BodyRefused`` with field-level errors otherwise."""
    try:
        text = request.body.decode("utf-8")
    except UnicodeDecodeError:
        raise _refused(BAD_JSON, "bad_json") from None
    if _depth(text) > MAX_DEPTH:
        raise _refused(TOO_DEEP.format(depth=MAX_DEPTH), "too_deep")
    try:
        payload = json.loads(text or "null")
    except (ValueError, RecursionError):
        raise _refused(BAD_JSON, "bad_json") from None
    if not isinstance(payload, dict):
        raise _refused(BAD_JSON, "bad_json")
    problems = text_problems(payload)
    if problems:
        raise BodyRefused(
            [
                {"field": field, "message": message, "code": code}
                for field, message, code in problems
            ]
        )
    return payload


DOCS_NEED_SIGN_IN = (
    "The API's documentation is for the service's partners: sign in, or send your API token "
    "as Authorization: Bearer <token>"
)


def docs_access(view: Callable[..., HttpResponse]) -> Callable[..., HttpResponse]:
    """The OpenAPI document and its page, for a signed-in user of the service or a caller with
    a live API token; anyone else is sent to sign in (a browser) or answered 401."""

    @wraps(view)
    def guarded(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        user: Any = getattr(request, "user", None)
        signed_in = bool(user and user.is_authenticated and user.is_verified())
        scheme, _, token = request.headers.get("Authorization", "").partition(" ")
        if signed_in or (scheme.lower() == "bearer" and user_for_token(token=token.strip())):
            return view(request, *args, **kwargs)
        if "text/html" in request.headers.get("Accept", ""):
            return redirect_to_login(request.get_full_path())
        response = JsonResponse({"detail": DOCS_NEED_SIGN_IN}, status=401)
        response["WWW-Authenticate"] = "Bearer"
        return response

    return guarded


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
