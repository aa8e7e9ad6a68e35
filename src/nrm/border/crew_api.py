"""The crew line's API for airline systems (``/api/v1/crew/reports``): send a report for the
airline of the token's account, and list the airline's reports with their references and
statuses (never what Border Force found). Thin door: the validation and the rate limit are
those of the public form (``crew_services``)."""

from datetime import datetime
from typing import Any

from django.http import HttpRequest
from ninja import Schema, Status
from pydantic import BaseModel, ConfigDict, Field

from nrm.accounts.capabilities import Capability
from nrm.accounts.decorators import api_capability_required
from nrm.border import crew_errors as e
from nrm.border.crew_models import CrewReport
from nrm.border.crew_selectors import crew_airline_page
from nrm.border.crew_services import crew_api_admit, crew_report_from_airline
from nrm.standard import crew_codes as cc
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

router = Router(tags=["crew line"])


class CrewReportIn(BaseModel):
    """A crew report, sent while the flight is in the air."""

    model_config = ConfigDict(extra="forbid")

    flight_number: str = Field(description="The flight number, like BA123", max_length=8)
    destination_port: cc.Port = Field(description="The UK airport it lands at (IATA code)")
    expected_arrival: datetime = Field(
        description="When it is expected to land, with its time zone (from 2 hours ago to 20 "
        "hours ahead)"
    )
    seats: list[str] = Field([], description="Seats concerned, like 23C", max_length=9)
    indicators: list[cc.CrewIndicator] = Field(description="What crew saw", min_length=1)
    details: str = Field(
        "", description="What crew saw, described (required with `other`)", max_length=2000
    )
    contact_number: str = Field("", description="A number to call the reporter back on")


class CrewSentOut(Schema):
    reference: str
    status: str
    destination_port: str
    expected_arrival: datetime


class CrewStatusOut(Schema):
    reference: str
    flight_number: str
    destination_port: str
    expected_arrival: datetime
    received_at: datetime
    status: str


class CrewPageOut(Schema):
    count: int
    page: int
    pages: int
    results: list[CrewStatusOut]


def _status(report: CrewReport) -> dict[str, Any]:
    return {
        "reference": report.reference,
        "flight_number": report.flight_number,
        "destination_port": report.port,
        "expected_arrival": report.expected_arrival,
        "received_at": report.received_at,
        "status": report.status,
    }


@router.post(
    "/crew/reports",
    response={201: CrewSentOut, 403: MessageOut, 422: ErrorsOut, 429: MessageOut},
    openapi_extra=request_body(CrewReportIn),
    summary="Send a crew report for your airline while the flight is in the air",
    description="The report goes to Border Force at the destination airport; the answer "
    "holds the reference to quote. Rate-limited per account (429).",
)
@api_capability_required(Capability.SUBMIT_CREW_REPORTS)
def crew_report_send(request: HttpRequest) -> Status:
    try:
        crew_api_admit(actor=caller(request))
    except e.CrewLimited:
        return Status(429, {"detail": e.TOO_MANY})
    try:
        payload = json_object(request)
    except BodyRefused as refused:
        return Status(422, {"errors": refused.errors})
    try:
        report = crew_report_from_airline(actor=caller(request), data=payload)
    except e.CrewInvalid as invalid:
        return Status(422, {"errors": [error.as_dict() for error in invalid.errors]})
    body = {
        "reference": report.reference,
        "status": report.status,
        "destination_port": report.port,
        "expected_arrival": report.expected_arrival,
    }
    return Status(201, body)


@router.get(
    "/crew/reports",
    response={200: CrewPageOut, 403: MessageOut},
    summary="List your airline's crew reports with their statuses, newest first",
    description="References and statuses only: what Border Force found is not shared.",
)
@api_capability_required(Capability.SUBMIT_CREW_REPORTS)
def crew_report_index(request: HttpRequest, page: int = PAGE) -> Any:
    current = crew_airline_page(actor=caller(request), page=page)
    return {
        "count": current.paginator.count,
        "page": current.number,
        "pages": current.paginator.num_pages,
        "results": [_status(r) for r in current],
    }
