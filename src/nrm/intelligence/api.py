"""The intelligence API (``/api/v1/intelligence/reports``): record a graded report with its
entities and links, list the reports visible to the caller and read one.

Thin door: parse JSON, call one service, shape the answer. Token authentication, idempotency
(``Idempotency-Key``), field-level errors and the OpenAPI rules are those of the intake API.
"""

from typing import Any

from django.http import HttpRequest, HttpResponse
from ninja import Status

from nrm.accounts.capabilities import Capability
from nrm.accounts.decorators import api_capability_required
from nrm.cases.referrals.errors import (
    IDEMPOTENCY_KEY_INVALID,
    IDEMPOTENCY_KEY_REUSED,
    IdempotencyConflict,
)
from nrm.cases.referrals.idempotency import KEY_PATTERN, Outcome, idempotent_run, request_digest
from nrm.intelligence import selectors, services
from nrm.intelligence.api_schemas import ReportCreatedOut, ReportOut, ReportPageOut
from nrm.intelligence.display import report_summary, report_values
from nrm.intelligence.errors import NOT_FOUND, ReportInvalid
from nrm.standard.intelligence_schema import IntelligenceReport
from nrm.web.api import (
    PAGE,
    BodyRefused,
    ErrorsOut,
    MessageOut,
    Router,
    caller,
    caller_organisation,
    field_errors,
    json_object,
    request_body,
)

router = Router(tags=["intelligence"])

IDEMPOTENCY_HEADER = {
    "name": "Idempotency-Key",
    "in": "header",
    "required": False,
    "schema": {"type": "string", "minLength": 1, "maxLength": 255, "pattern": "^[!-~]+$"},
    "description": "A retry with the same key returns the first result and creates nothing; "
    "the same key with a different body is refused (422).",
}


@router.post(
    "/intelligence/reports",
    response={201: ReportCreatedOut, 403: MessageOut, 422: ErrorsOut},
    openapi_extra={**request_body(IntelligenceReport), "parameters": [IDEMPOTENCY_HEADER]},
    summary="Record a graded intelligence report with its entities and links",
)
@api_capability_required(Capability.RECORD_INTELLIGENCE)
def report_create(request: HttpRequest, response: HttpResponse) -> Status:
    try:
        payload = json_object(request)
    except BodyRefused as refused:
        return Status(422, {"errors": refused.errors})
    user = caller(request)

    def action() -> Outcome:
        try:
            report = services.intelligence_report_submit(
                actor=user, data=payload, organisation=user.organisation
            )
        except ReportInvalid as invalid:
            return Outcome(422, {"errors": [e.as_dict() for e in invalid.errors]})
        created = {
            "reference": report.reference,
            "created_at": report.created_at.isoformat(),
            "grading": report.grading,
        }
        return Outcome(201, created)

    key = request.headers.get("Idempotency-Key")
    if key is None:
        outcome = action()
    elif not KEY_PATTERN.match(key):
        return field_errors(
            422, IDEMPOTENCY_KEY_INVALID, "idempotency_key_invalid", "Idempotency-Key"
        )
    else:
        try:
            outcome = idempotent_run(
                organisation=caller_organisation(request),
                key=key,
                digest=request_digest([request.path, payload]),
                action=action,
            )
        except IdempotencyConflict:
            return field_errors(
                422, IDEMPOTENCY_KEY_REUSED, "idempotency_key_reused", "Idempotency-Key"
            )
        if outcome.replayed:
            response["Idempotent-Replayed"] = "true"
    return Status(outcome.status, outcome.body)


@router.get(
    "/intelligence/reports",
    response={200: ReportPageOut, 403: MessageOut},
    summary="List the intelligence reports visible to you, newest first",
)
@api_capability_required(Capability.READ_INTELLIGENCE)
def report_index(request: HttpRequest, page: int = PAGE) -> Any:
    current, pages = selectors.report_page(actor=caller(request), page=page)
    return {
        "count": current.paginator.count,
        "page": current.number,
        "pages": pages,
        "results": [report_summary(report) for report in current],
    }


@router.get(
    "/intelligence/reports/{reference}",
    response={200: ReportOut, 403: MessageOut, 404: MessageOut},
    summary="Read one intelligence report with its entities and links",
)
@api_capability_required(Capability.READ_INTELLIGENCE)
def report_detail(request: HttpRequest, reference: str) -> Status:
    report = selectors.report_get(actor=caller(request), reference=reference)
    if report is None:
        return Status(404, {"detail": NOT_FOUND})
    return Status(200, report_values(report))
