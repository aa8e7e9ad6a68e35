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
from nrm.cases.referrals.idempotency import IDEMPOTENCY_HEADER, Outcome, idempotent_answer
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
    json_object,
    request_body,
)

router = Router(tags=["intelligence"])


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

    outcome = idempotent_answer(request=request, response=response, payload=payload, action=action)
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
