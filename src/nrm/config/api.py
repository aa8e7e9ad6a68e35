"""The JSON API, ``/api/v1/``: token authentication, OpenAPI 3 document and docs page."""

from typing import Any

from django.http import HttpRequest, HttpResponse
from ninja import NinjaAPI
from ninja.errors import ValidationError as NinjaValidationError
from ninja.security import HttpBearer

from nrm.accounts.models import User
from nrm.accounts.selectors import user_for_token
from nrm.border.crew_api import router as crew_router
from nrm.border.profile_api import router as profile_router
from nrm.border.screening_api import router as screening_router
from nrm.cases.casework.api import NAMES as PARAMETER_NAMES
from nrm.cases.casework.api import router as casework_router
from nrm.cases.referrals.api import router as referrals_router
from nrm.intelligence.api import router as intelligence_router
from nrm.justice.api import router as justice_router
from nrm.standard.errors import plain_errors
from nrm.web.api import BODIES, docs_access


class TokenAuth(HttpBearer):
    """``Authorization: Bearer nrm_…``: a token issued to a user of a partner organisation."""

    def authenticate(self, request: HttpRequest, token: str) -> User | None:
        user = user_for_token(token=token)
        if user is None or user.organisation_id is None:
            return None
        return user


class NrmAPI(NinjaAPI):
    def get_openapi_schema(self, *args: Any, **kwargs: Any) -> Any:
        schema = super().get_openapi_schema(*args, **kwargs)
        components = schema.setdefault("components", {}).setdefault("schemas", {})
        for model in BODIES.values():
            definition = model.model_json_schema(ref_template="#/components/schemas/{model}")
            components.update(definition.pop("$defs", {}))
            components[model.__name__] = definition
        return schema


api = NrmAPI(
    title="Open NRM API",
    version="1.0",
    description="Submit and read NRM referrals, anonymous notifications, graded "
    "intelligence reports, prosecutions and asset recovery, and airline crew reports; screen "
    "visa applications and passengers against risk profiles (a hit is never a decision). "
    "Bodies follow the NRM data standard v1.0; errors are field-level.",
    auth=TokenAuth(),
    urls_namespace="api-v1",
    docs_url="/docs",
    openapi_url="/openapi.json",
    docs_decorator=docs_access,
)


@api.exception_handler(NinjaValidationError)
def parameters_invalid(request: HttpRequest, exc: NinjaValidationError) -> HttpResponse:
    """A query or path parameter that does not validate: field-level errors, like a body's."""
    errors = plain_errors(list(exc.errors), model=None, names=PARAMETER_NAMES)
    return api.create_response(request, {"errors": errors}, status=422)


api.add_router("/", referrals_router)
api.add_router("/", casework_router)
api.add_router("/", intelligence_router)
api.add_router("/", justice_router)
api.add_router("/", screening_router)
api.add_router("/", profile_router)
api.add_router("/", crew_router)
