"""The risk profile API (``/api/v1/border/profiles``), for the hub's analysts who write profiles
(``manage_risk_profiles``) from their own tools: list and read profiles, write a draft, change
it, make it active, retire it. The same services as the command line: checked (the
protected-characteristic rule, expiry), versioned and audited. Thin door.
"""

from datetime import date, datetime
from typing import Any

from django.http import HttpRequest
from ninja import Path, Query, Schema, Status

from nrm.accounts.capabilities import Capability
from nrm.accounts.decorators import api_capability_required
from nrm.border import profile_services as services
from nrm.border.profile_errors import NOT_FOUND, BorderInvalid
from nrm.border.profile_models import ProfileVersion
from nrm.border.profile_schema import ProfileRecord
from nrm.border.profile_selectors import profile_summaries, profile_versions
from nrm.web.api import (
    BodyRefused,
    ErrorsOut,
    MessageOut,
    Router,
    caller,
    json_object,
    request_body,
)

router = Router(tags=["border"])
PROFILE_ID: Any = Path(..., ge=1, le=2**62, description="The profile's number")
EXPECTED: Any = Query(
    None,
    ge=1,
    le=10_000,
    description="The number of the profile's latest version as you read it: "
    "the change is refused if someone has made a newer one since",
)


class VersionOut(Schema):
    profile: int
    version: int
    status: str
    name: str
    conditions: list[dict[str, Any]]
    rationale: str
    intelligence_references: list[str]
    review_on: date
    expires_on: date
    created_at: datetime
    activated_at: datetime | None
    retired_at: datetime | None


class ProfileOut(Schema):
    id: int
    owner: str
    versions: list[VersionOut]


class SummaryOut(Schema):
    id: int
    name: str
    status: str
    version: int
    owner: str
    hits: int
    last_hit: datetime | None
    expires_on: date


def version_values(v: ProfileVersion) -> dict[str, Any]:
    return {
        "profile": v.profile_id,
        "version": v.number,
        "status": v.status,
        "name": v.name,
        "conditions": v.conditions,
        "rationale": v.rationale,
        "intelligence_references": v.intelligence_references,
        "review_on": v.review_on,
        "expires_on": v.expires_on,
        "created_at": v.created_at,
        "activated_at": v.activated_at,
        "retired_at": v.retired_at,
    }


def _refused(invalid: BorderInvalid) -> Status:
    if invalid.errors[0].code == "not_found":
        return Status(404, {"detail": NOT_FOUND})
    return Status(422, {"errors": [e.as_dict() for e in invalid.errors]})


@router.get(
    "/border/profiles",
    response={200: list[SummaryOut], 403: MessageOut},
    summary="List the risk profiles",
    description="Every profile with its current version (the active one, else the latest), "
    "its hits, last hit and expiry.",
)
@api_capability_required(Capability.MANAGE_RISK_PROFILES)
def profiles_list(request: HttpRequest) -> Status:
    found = profile_summaries(actor=caller(request))
    return Status(200, [vars(s) for s in found])


@router.get(
    "/border/profiles/{profile_id}",
    response={200: ProfileOut, 403: MessageOut, 404: MessageOut},
    summary="Read a risk profile and its versions",
)
@api_capability_required(Capability.MANAGE_RISK_PROFILES)
def profile_get(request: HttpRequest, profile_id: int = PROFILE_ID) -> Status:
    found = profile_versions(actor=caller(request), profile_id=profile_id)
    if found is None:
        return Status(404, {"detail": NOT_FOUND})
    profile, versions = found
    return Status(200, {"id": profile.pk, "owner": profile.owner.code,
                        "versions": [version_values(v) for v in versions]})  # fmt: skip


@router.post(
    "/border/profiles",
    response={201: VersionOut, 403: MessageOut, 422: ErrorsOut},
    openapi_extra=request_body(ProfileRecord),
    summary="Write a new risk profile as a draft",
    description="Version 1, a draft owned by your organisation: it screens nothing until it is "
    "made active. A profile that tests only nationality or sex is refused.",
)
@api_capability_required(Capability.MANAGE_RISK_PROFILES)
def profile_new(request: HttpRequest) -> Status:
    try:
        version = services.profile_create(actor=caller(request), data=json_object(request))
    except BodyRefused as refused:
        return Status(422, {"errors": refused.errors})
    except BorderInvalid as invalid:
        return _refused(invalid)
    return Status(201, version_values(version))


@router.put(
    "/border/profiles/{profile_id}",
    response={200: VersionOut, 403: MessageOut, 404: MessageOut, 422: ErrorsOut},
    openapi_extra=request_body(ProfileRecord),
    summary="Change a risk profile",
    description="Changes its draft in place, or else makes a new draft version and keeps the "
    "earlier ones (the active version goes on screening until the new one is made active).",
)
@api_capability_required(Capability.MANAGE_RISK_PROFILES)
def profile_change(
    request: HttpRequest, profile_id: int = PROFILE_ID, expected_version: int | None = EXPECTED
) -> Status:
    try:
        version = services.profile_revise(actor=caller(request), profile_id=profile_id,
                                          data=json_object(request),
                                          expected_version=expected_version)  # fmt: skip
    except BodyRefused as refused:
        return Status(422, {"errors": refused.errors})
    except BorderInvalid as invalid:
        return _refused(invalid)
    return Status(200, version_values(version))


@router.post(
    "/border/profiles/{profile_id}/activate",
    response={200: VersionOut, 403: MessageOut, 404: MessageOut, 422: ErrorsOut},
    summary="Make a risk profile's draft its active version",
    description="The draft screens from now on; the version active before it is retired.",
)
@api_capability_required(Capability.MANAGE_RISK_PROFILES)
def profile_activate(request: HttpRequest, profile_id: int = PROFILE_ID) -> Status:
    try:
        version = services.profile_activate(actor=caller(request), profile_id=profile_id)
    except BorderInvalid as invalid:
        return _refused(invalid)
    return Status(200, version_values(version))


@router.post(
    "/border/profiles/{profile_id}/retire",
    response={200: list[VersionOut], 403: MessageOut, 404: MessageOut, 422: ErrorsOut},
    summary="Retire a risk profile",
    description="It stops screening; its versions and hits are kept.",
)
@api_capability_required(Capability.MANAGE_RISK_PROFILES)
def profile_retire(request: HttpRequest, profile_id: int = PROFILE_ID) -> Status:
    try:
        retired = services.profile_retire(actor=caller(request), profile_id=profile_id)
    except BorderInvalid as invalid:
        return _refused(invalid)
    return Status(200, [version_values(v) for v in retired])
