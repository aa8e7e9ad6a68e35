"""The casework API (``/api/v1/cases``): the work queue, a case with its timeline, and the
decision and case events. Thin door: check the capability, check the case is in the caller's
scope (404 otherwise, audited), validate the body (422), call one service; a stale
``expected_version`` is a 409 with the conflict message."""

import json
from collections.abc import Callable
from typing import Any

from django.http import HttpRequest
from django.utils import timezone
from ninja import Router, Status
from pydantic import BaseModel, ValidationError

from nrm.accounts.capabilities import Capability
from nrm.accounts.permissions import CapabilityDenied
from nrm.audit.models import AuditVerb
from nrm.audit.services import audit_record
from nrm.casework import selectors, services
from nrm.casework.api_schemas import (
    CaseDetailOut,
    CaseOut,
    CasePageOut,
    DecisionIn,
    EventIn,
    ExtensionIn,
    ReallocationIn,
)
from nrm.casework.models import Case
from nrm.casework.state import Event, IllegalTransition
from nrm.referrals.api import _actor, _denied, _requires
from nrm.referrals.api_schemas import ErrorsOut, MessageOut
from nrm.standard.codes import DecisionOutcome

router = Router(tags=["casework"])
NOT_FOUND = "No case with that reference is visible to you"
RESPONSES = {200: CaseOut, 403: MessageOut, 404: MessageOut, 409: MessageOut, 422: ErrorsOut}


def _case_out(case: Case) -> dict[str, Any]:
    today = timezone.localdate()
    return {
        "reference": case.referral.reference,
        "stage": case.stage,
        "version": case.version,
        "competent_authority": case.referral.competent_authority,
        "received_on": case.received_on,
        "rg_due_on": case.rg_due_on,
        "due_on": case.due_on,
        "recovery_ends_on": case.recovery_ends_on,
        "review_due_on": case.review_due_on,
        "closed_on": case.closed_on,
        "days_left": selectors.days_left(case, today=today),
        "age_days": selectors.case_age_days(case, today=today),
    }


def _errors(message: str, code: str, field: str = "__all__") -> Status:
    return Status(422, {"errors": [{"field": field, "message": message, "code": code}]})


def _change(
    request: HttpRequest,
    reference: str,
    capability: Capability,
    schema: type[BaseModel],
    act: Callable[[Any], Case],
) -> Status:
    """The common path of every case change (see the module docstring)."""
    actor = _actor(request)
    if denied := _denied(request, capability, reference=reference):
        return denied
    if not selectors.case_list(actor=actor).filter(referral__reference=reference).exists():
        audit_record(actor=actor, verb=AuditVerb.ACCESS_DENIED, detail={"reference": reference})
        return Status(404, {"detail": NOT_FOUND})
    try:
        body = schema.model_validate(json.loads(request.body or b"null"))
    except (ValueError, UnicodeDecodeError) as exc:
        if isinstance(exc, ValidationError):
            return Status(
                422,
                {
                    "errors": [
                        {
                            "field": ".".join(str(p) for p in e["loc"]) or "__all__",
                            "message": e["msg"],
                            "code": e["type"],
                        }
                        for e in exc.errors()
                    ]
                },
            )
        return _errors("The request body must be a JSON object", "bad_json")
    try:
        return Status(200, _case_out(act(body)))
    except services.CaseConflict as conflict:
        return Status(409, {"detail": str(conflict)})
    except services.CaseNotFound:
        return Status(404, {"detail": NOT_FOUND})
    except CapabilityDenied as denied:
        return Status(403, {"detail": str(denied)})
    except IllegalTransition as refused:
        return _errors(str(refused), "illegal_transition")


@router.get(
    "/cases",
    response={200: CasePageOut, 403: MessageOut},
    openapi_extra=_requires(Capability.VIEW_DEADLINES),
    summary="The work queue: cases due today, overdue, with reviews due, upcoming CG, suspended",
)
def case_queue(
    request: HttpRequest, queue: selectors.Queue = selectors.Queue.OPEN, page: int = 1
) -> Any:
    if denied := _denied(request, Capability.VIEW_DEADLINES):
        return denied
    current, pages = selectors.work_queue_page(
        actor=_actor(request), queue=queue, today=timezone.localdate(), page=page
    )
    return {
        "count": current.paginator.count,
        "page": current.number,
        "pages": pages,
        "results": [_case_out(case) for case in current],
    }


@router.get(
    "/cases/{reference}",
    response={200: CaseDetailOut, 403: MessageOut, 404: MessageOut},
    openapi_extra=_requires(Capability.READ_REFERRALS),
    summary="A case: its stage, deadlines and timeline",
)
def case_detail(request: HttpRequest, reference: str) -> Status:
    if denied := _denied(request, Capability.READ_REFERRALS, reference=reference):
        return denied
    case = selectors.case_get(actor=_actor(request), reference=reference)
    if case is None:
        return Status(404, {"detail": NOT_FOUND})
    timeline = [
        {"event": e.event, "on": e.on, "from_stage": e.from_stage, "to_stage": e.to_stage}
        for e in selectors.case_timeline(case=case)
    ]
    return Status(200, {**_case_out(case), "timeline": timeline})


def _decision(stage_event: tuple[Event, Event]) -> Callable[..., Callable[[DecisionIn], Case]]:
    def make(request: HttpRequest, reference: str) -> Callable[[DecisionIn], Case]:
        return lambda body: services.case_event_record(
            actor=_actor(request),
            reference=reference,
            event=stage_event[0] if body.outcome == DecisionOutcome.POSITIVE else stage_event[1],
            on=body.on,
            expected_version=body.expected_version,
            reasons=body.reasons,
        )

    return make


@router.post(
    "/cases/{reference}/rg-decision",
    response=RESPONSES,
    openapi_extra=_requires(Capability.RECORD_RG_DECISION),
    summary="Record the reasonable grounds decision (a negative one needs reasons)",
)
def rg_decision(request: HttpRequest, reference: str) -> Status:
    act = _decision((Event.RG_POSITIVE, Event.RG_NEGATIVE))(request, reference)
    return _change(request, reference, Capability.RECORD_RG_DECISION, DecisionIn, act)


@router.post(
    "/cases/{reference}/cg-decision",
    response=RESPONSES,
    openapi_extra=_requires(Capability.RECORD_CG_DECISION),
    summary="Record the conclusive grounds decision (after the recovery period)",
)
def cg_decision(request: HttpRequest, reference: str) -> Status:
    act = _decision((Event.CG_POSITIVE, Event.CG_NEGATIVE))(request, reference)
    return _change(request, reference, Capability.RECORD_CG_DECISION, DecisionIn, act)


def _event_route(path: str, event: Event, capability: Capability, summary: str) -> None:
    def view(request: HttpRequest, reference: str) -> Status:
        def act(body: EventIn) -> Case:
            return services.case_event_record(
                actor=_actor(request),
                reference=reference,
                event=event,
                on=body.on,
                expected_version=body.expected_version,
                reasons=body.reasons,
            )

        return _change(request, reference, capability, EventIn, act)

    view.__name__ = f"case_{event.value}"
    router.post(path, response=RESPONSES, openapi_extra=_requires(capability), summary=summary)(
        view
    )


_event_route(
    "/cases/{reference}/suspension",
    Event.SUSPEND,
    Capability.RECORD_RG_DECISION,
    "Suspend a case (e.g. the person is missing)",
)
_event_route(
    "/cases/{reference}/resumption", Event.RESUME, Capability.RECORD_RG_DECISION, "Resume a case"
)
_event_route(
    "/cases/{reference}/withdrawal",
    Event.WITHDRAW,
    Capability.RECORD_RG_DECISION,
    "Withdraw a case",
)
_event_route(
    "/cases/{reference}/reconsideration",
    Event.RECONSIDER,
    Capability.REQUEST_RECONSIDERATION,
    "Request the reconsideration of a negative decision (first responder or support provider)",
)


@router.post(
    "/cases/{reference}/recovery-extension",
    response=RESPONSES,
    openapi_extra=_requires(Capability.EXTEND_DEADLINE),
    summary="Extend the recovery and reflection period, with a reason",
)
def recovery_extension(request: HttpRequest, reference: str) -> Status:
    def act(body: ExtensionIn) -> Case:
        return services.case_event_record(
            actor=_actor(request),
            reference=reference,
            event=Event.EXTEND_RECOVERY,
            on=body.on,
            expected_version=body.expected_version,
            reasons=body.reasons,
            extend_days=body.days,
        )

    return _change(request, reference, Capability.EXTEND_DEADLINE, ExtensionIn, act)


@router.post(
    "/cases/{reference}/reallocation",
    response=RESPONSES,
    openapi_extra=_requires(Capability.ALLOCATE_CASE),
    summary="Reallocate a case to another competent authority, with a reason",
)
def reallocation(request: HttpRequest, reference: str) -> Status:
    def act(body: ReallocationIn) -> Case:
        return services.case_reallocate(
            actor=_actor(request),
            reference=reference,
            authority=body.authority,
            reason=body.reason,
            expected_version=body.expected_version,
        )

    return _change(request, reference, Capability.ALLOCATE_CASE, ReallocationIn, act)
