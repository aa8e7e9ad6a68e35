"""The intake API: submit and read referrals and anonymous notifications (``/api/v1/``).

Thin door: parse JSON, call one service, shape the answer. Validation errors are the data
standard's field-level errors, identical to the CSV importer's.
"""

from collections.abc import Callable
from typing import Any

from django.http import HttpRequest, HttpResponse
from ninja import Status

from nrm.accounts.capabilities import Capability
from nrm.accounts.decorators import api_capability_required
from nrm.cases.referrals import selectors, services
from nrm.cases.referrals.api_schemas import (
    NotificationOut,
    NotificationPageOut,
    ReferralCreatedOut,
    ReferralPageOut,
)
from nrm.cases.referrals.build import referral_as_record
from nrm.cases.referrals.errors import (
    ReferralInvalid,
)
from nrm.cases.referrals.idempotency import IDEMPOTENCY_HEADER, Outcome, idempotent_answer
from nrm.standard.codes import DecisionOutcome, DecisionStage
from nrm.standard.schema import AnonymousNotification, Referral
from nrm.web.api import (
    PAGE,
    BodyRefused,
    ErrorsOut,
    MessageOut,
    Router,
    caller,
    json_object,
    request_body,
)

router = Router(tags=["referrals"])
NOT_FOUND = "No referral with that reference is visible to you"


def _error(status: int, errors: list[dict[str, Any]]) -> Outcome:
    return Outcome(status, {"errors": errors})


def _submit(
    request: HttpRequest, response: HttpResponse, submit: Callable[[dict[str, Any]], dict[str, Any]]
) -> tuple[int, dict[str, Any]]:
    try:
        payload = json_object(request)
    except BodyRefused as refused:
        return 422, _error(422, refused.errors).body

    def action() -> Outcome:
        try:
            return Outcome(201, submit(payload))
        except ReferralInvalid as invalid:
            return _error(422, [e.as_dict() for e in invalid.errors])

    outcome = idempotent_answer(request=request, response=response, payload=payload, action=action)
    return outcome.status, outcome.body


@router.post(
    "/referrals",
    response={201: ReferralCreatedOut, 403: MessageOut, 422: ErrorsOut},
    openapi_extra={**request_body(Referral), "parameters": [IDEMPOTENCY_HEADER]},
    summary="Submit a referral",
)
@api_capability_required(Capability.SUBMIT_REFERRAL)
def referral_create(request: HttpRequest, response: HttpResponse) -> Status:

    def submit(payload: dict[str, Any]) -> dict[str, Any]:
        referral = services.referral_submit(
            actor=caller(request),
            data=payload,
            organisation=caller(request).organisation,
        )
        return {
            "reference": referral.reference,
            "received_at": referral.received_at.isoformat(),
            "competent_authority": referral.competent_authority,
            "age_group": referral.age_group,
        }

    return Status(*_submit(request, response, submit))


@router.get(
    "/referrals",
    response={200: ReferralPageOut, 403: MessageOut},
    summary="List your organisation's referrals",
)
@api_capability_required(Capability.READ_REFERRALS)
def referral_index(request: HttpRequest, page: int = PAGE) -> Any:
    current, pages = selectors.referral_page(actor=caller(request), page=page)
    results = []
    for referral in current:
        latest = {d.stage: d.outcome for d in referral.decisions.all()}
        results.append(
            {
                "reference": referral.reference,
                "referral_date": referral.referral_date,
                "nation": referral.nation,
                "age_group": referral.age_group,
                "exploitation_type": referral.exploitation_type,
                "competent_authority": referral.competent_authority,
                "rg_outcome": latest.get(DecisionStage.REASONABLE_GROUNDS, DecisionOutcome.PENDING),
                "cg_outcome": latest.get(DecisionStage.CONCLUSIVE_GROUNDS, DecisionOutcome.PENDING),
            }
        )
    return {
        "count": current.paginator.count,
        "page": current.number,
        "pages": pages,
        "results": results,
    }


@router.get(
    "/referrals/{reference}",
    response={200: dict[str, Any], 403: MessageOut, 404: MessageOut},
    summary="Read one of your organisation's referrals (the account text is restricted)",
)
@api_capability_required(Capability.READ_REFERRALS)
def referral_detail(request: HttpRequest, reference: str) -> Status:
    referral = selectors.referral_get(actor=caller(request), reference=reference)
    if referral is None:
        return Status(404, {"detail": NOT_FOUND})
    record = referral_as_record(referral)
    return Status(
        200, {"reference": referral.reference, "received_at": referral.received_at, **record}
    )


@router.post(
    "/notifications",
    response={201: NotificationOut, 403: MessageOut, 422: ErrorsOut},
    openapi_extra={**request_body(AnonymousNotification), "parameters": [IDEMPOTENCY_HEADER]},
    summary="Submit an anonymous notification (an adult who declined referral)",
    tags=["notifications"],
)
@api_capability_required(Capability.SUBMIT_NOTIFICATION)
def notification_create(request: HttpRequest, response: HttpResponse) -> Status:

    def submit(payload: dict[str, Any]) -> dict[str, Any]:
        notification = services.notification_submit(
            actor=caller(request),
            data=payload,
            organisation=caller(request).organisation,
        )
        return NotificationOut.from_orm(notification).dict() | {
            "notification_date": notification.notification_date.isoformat()
        }

    return Status(*_submit(request, response, submit))


@router.get(
    "/notifications",
    response={200: NotificationPageOut, 403: MessageOut},
    summary="List your organisation's anonymous notifications",
    tags=["notifications"],
)
@api_capability_required(Capability.READ_REFERRALS)
def notification_index(request: HttpRequest, page: int = PAGE) -> Any:
    current, pages = selectors.notification_page(actor=caller(request), page=page)
    return {
        "count": current.paginator.count,
        "page": current.number,
        "pages": pages,
        "results": list(current),
    }


@router.get(
    "/notifications/{reference}",
    response={200: NotificationOut, 403: MessageOut, 404: MessageOut},
    summary="Read one anonymous notification",
    tags=["notifications"],
)
@api_capability_required(Capability.READ_REFERRALS)
def notification_detail(request: HttpRequest, reference: str) -> Status:
    notification = selectors.notification_get(actor=caller(request), reference=reference)
    if notification is None:
        return Status(404, {"detail": NOT_FOUND})
    return Status(200, notification)
