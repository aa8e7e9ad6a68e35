"""The screening API (``/api/v1/border/``): screen one visa application or passenger against
the active risk profiles, and record what an officer decided on a hit.

A hit is never a decision and never an automated refusal: it asks an entry clearance officer
or a Border Force officer to look, and they record the outcome. Thin door: parse JSON, call one
service, shape the answer; the services check the capability again and audit everything.
"""

from datetime import datetime
from typing import Any

from django.http import HttpRequest
from ninja import Path, Schema, Status

from nrm.accounts.capabilities import Capability
from nrm.accounts.decorators import api_capability_required
from nrm.border import screening_services as services
from nrm.border.profile_errors import HIT_NOT_FOUND, BorderInvalid
from nrm.border.profile_models import Hit
from nrm.border.screening_schema import OutcomeRecord, ScreeningRecord
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
HIT_ID: Any = Path(..., ge=1, le=2**62, description="The hit's number")
NOT_A_DECISION = (
    "A hit is not a decision and never an automated refusal: it asks an officer to look at the "
    "application or passenger, and the officer records the outcome."
)


class HitOut(Schema):
    id: int
    profile: int
    version: int
    name: str
    record_kind: str
    record_reference: str
    screened_at: datetime
    outcome: str | None
    outcome_at: datetime | None


class ScreenOut(Schema):
    kind: str
    reference: str
    hits: list[HitOut]


def hit_values(hit: Hit) -> dict[str, Any]:
    return {
        "id": hit.pk,
        "profile": hit.version.profile_id,
        "version": hit.version.number,
        "name": hit.version.name,
        "record_kind": hit.record_kind,
        "record_reference": hit.record_reference,
        "screened_at": hit.screened_at,
        "outcome": hit.outcome or None,
        "outcome_at": hit.outcome_at,
    }


def _errors(invalid: BorderInvalid) -> Status:
    return Status(422, {"errors": [e.as_dict() for e in invalid.errors]})


@router.post(
    "/border/screen",
    response={200: ScreenOut, 403: MessageOut, 422: ErrorsOut},
    openapi_extra=request_body(ScreeningRecord),
    summary="Screen one visa application or passenger against the active risk profiles",
    description="Answers the active profiles the record matches, each as a hit stored for an "
    "officer to review (none: an empty list). " + NOT_A_DECISION,
)
@api_capability_required(Capability.SCREEN_AT_BORDER)
def screen(request: HttpRequest) -> Status:
    try:
        payload = json_object(request)
        hits = services.record_screen(actor=caller(request), data=payload)
    except BodyRefused as refused:
        return Status(422, {"errors": refused.errors})
    except BorderInvalid as invalid:
        return _errors(invalid)
    return Status(
        200,
        {
            "kind": payload["kind"],
            "reference": payload["reference"],
            "hits": [hit_values(h) for h in hits],
        },
    )


@router.post(
    "/border/hits/{hit_id}/outcome",
    response={200: HitOut, 403: MessageOut, 404: MessageOut, 422: ErrorsOut},
    openapi_extra=request_body(OutcomeRecord),
    summary="Record what you decided on a hit",
    description="No further action, more scrutiny, refused, or referred to the NRM or "
    "safeguarding; recording it again corrects it. " + NOT_A_DECISION,
)
@api_capability_required(Capability.SCREEN_AT_BORDER)
def hit_outcome(request: HttpRequest, hit_id: int = HIT_ID) -> Status:
    try:
        payload = json_object(request)
        hit = services.hit_outcome_record(actor=caller(request), hit_id=hit_id, data=payload)
    except BodyRefused as refused:
        return Status(422, {"errors": refused.errors})
    except BorderInvalid as invalid:
        if invalid.errors[0].code == "not_found":
            return Status(404, {"detail": HIT_NOT_FOUND})
        return _errors(invalid)
    return Status(200, hit_values(hit))
