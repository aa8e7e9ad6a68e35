"""The casework API (``/api/v1/cases``): the work queue, a case with its timeline, and the
decision and case events. Thin door: check the capability, check the case is in the caller's
scope (404 otherwise, audited), validate the body (422), call one service; a stale
``expected_version`` is a 409 with the conflict message."""

from collections.abc import Callable
from typing import Any

from django.http import HttpRequest
from django.utils import timezone
from ninja import Status
from pydantic import BaseModel, ValidationError

from nrm.accounts.capabilities import Capability
from nrm.accounts.decorators import api_capability_required
from nrm.accounts.permissions import CapabilityDenied
from nrm.audit.models import AuditVerb
from nrm.audit.services import audit_record
from nrm.cases.casework import selectors
from nrm.cases.casework.api_schemas import (
    CaseDetailOut,
    CaseOut,
    CasePageOut,
    DecisionIn,
    EventIn,
    ExtensionIn,
    ReallocationIn,
)
from nrm.cases.casework.events import RULES
from nrm.cases.casework.services.decisions import case_event_record
from nrm.cases.casework.services.edits import case_reallocate
from nrm.cases.casework.services.locking import CaseConflict, CaseNotFound
from nrm.cases.casework.state import IllegalTransition
from nrm.cases.models import Case
from nrm.cases.stages import Change, Event
from nrm.standard.codes import DecisionOutcome
from nrm.standard.errors import plain_errors
from nrm.web.api import (
    PAGE,
    BodyRefused,
    ErrorsOut,
    MessageOut,
    Router,
    caller,
    field_errors,
    json_object,
    request_body,
)

router = Router(tags=["casework"])
NOT_FOUND = "No case with that reference is visible to you"
# What people read for the fields of the bodies and parameters of these operations.
NAMES = {
    "expected_version": "the version you saw",
    "outcome": "the decision",
    "on": "the date",
    "reasons": "the reasons",
    "reason": "the reason",
    "days": "the number of days to add",
    "authority": "the competent authority",
    "queue": "the queue",
    "page": "the page",
}
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


def _change(
    request: HttpRequest, reference: str, schema: type[BaseModel], act: Callable[[Any], Case]
) -> Status:
    """The common path of every case change (see the module docstring)."""
    actor = caller(request)
    if not selectors.case_list(actor=actor).filter(referral__reference=reference).exists():
        audit_record(actor=actor, verb=AuditVerb.ACCESS_DENIED, detail={"reference": reference})
        return Status(404, {"detail": NOT_FOUND})
    try:
        body = schema.model_validate(json_object(request))
    except BodyRefused as refused:
        return Status(422, {"errors": refused.errors})
    except ValidationError as invalid:
        errors = invalid.errors(include_url=False, include_input=False)
        return Status(422, {"errors": plain_errors(errors, model=schema, names=NAMES)})
    try:
        return Status(200, _case_out(act(body)))
    except CaseConflict as conflict:
        return Status(409, {"detail": str(conflict)})
    except CaseNotFound:
        return Status(404, {"detail": NOT_FOUND})
    except CapabilityDenied as denied:
        return Status(403, {"detail": str(denied)})
    except IllegalTransition as refused:
        return field_errors(422, str(refused), "illegal_transition")


@router.get(
    "/cases",
    response={200: CasePageOut, 403: MessageOut},
    summary="The work queue: cases due today, overdue, with reviews due, upcoming CG, suspended",
)
@api_capability_required(Capability.VIEW_DEADLINES)
def case_queue(
    request: HttpRequest, queue: selectors.Queue = selectors.Queue.OPEN, page: int = PAGE
) -> Any:
    current, pages = selectors.work_queue_page(
        actor=caller(request), queue=queue, today=timezone.localdate(), page=page
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
    summary="A case: its stage, deadlines and timeline",
)
@api_capability_required(Capability.READ_REFERRALS)
def case_detail(request: HttpRequest, reference: str) -> Status:
    case = selectors.case_get(actor=caller(request), reference=reference)
    if case is None:
        return Status(404, {"detail": NOT_FOUND})
    timeline = [
        {"event": e.event, "on": e.on, "from_stage": e.from_stage, "to_stage": e.to_stage}
        for e in selectors.case_timeline(case=case)
    ]
    return Status(200, {**_case_out(case), "timeline": timeline})


def _decision(stage_event: tuple[Event, Event]) -> Callable[..., Callable[[DecisionIn], Case]]:
    def make(request: HttpRequest, reference: str) -> Callable[[DecisionIn], Case]:
        return lambda body: case_event_record(
            actor=caller(request),
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
    openapi_extra=request_body(DecisionIn),
    summary="Record the reasonable grounds decision (a negative one needs reasons)",
)
@api_capability_required(RULES[Event.RG_POSITIVE].capability)
def rg_decision(request: HttpRequest, reference: str) -> Status:
    act = _decision((Event.RG_POSITIVE, Event.RG_NEGATIVE))(request, reference)
    return _change(request, reference, DecisionIn, act)


@router.post(
    "/cases/{reference}/cg-decision",
    response=RESPONSES,
    openapi_extra=request_body(DecisionIn),
    summary="Record the conclusive grounds decision (after the recovery period)",
)
@api_capability_required(RULES[Event.CG_POSITIVE].capability)
def cg_decision(request: HttpRequest, reference: str) -> Status:
    act = _decision((Event.CG_POSITIVE, Event.CG_NEGATIVE))(request, reference)
    return _change(request, reference, DecisionIn, act)


def _event_route(path: str, event: Event, summary: str) -> None:
    def view(request: HttpRequest, reference: str) -> Status:
        def act(body: EventIn) -> Case:
            return case_event_record(
                actor=caller(request),
                reference=reference,
                event=event,
                on=body.on,
                expected_version=body.expected_version,
                reasons=body.reasons,
            )

        return _change(request, reference, EventIn, act)

    view.__name__ = f"case_{event.value}"
    router.post(path, response=RESPONSES, summary=summary, openapi_extra=request_body(EventIn))(
        api_capability_required(RULES[event].capability)(view)
    )


_event_route(
    "/cases/{reference}/suspension",
    Event.SUSPEND,
    "Suspend a case (e.g. the person is missing)",
)
_event_route("/cases/{reference}/resumption", Event.RESUME, "Resume a case")
_event_route(
    "/cases/{reference}/withdrawal",
    Event.WITHDRAW,
    "Withdraw a case",
)
_event_route(
    "/cases/{reference}/reconsideration",
    Event.RECONSIDER,
    "Request the reconsideration of a negative decision (first responder or support provider)",
)


@router.post(
    "/cases/{reference}/recovery-extension",
    response=RESPONSES,
    openapi_extra=request_body(ExtensionIn),
    summary="Extend the recovery and reflection period, with a reason",
)
@api_capability_required(RULES[Event.EXTEND_RECOVERY].capability)
def recovery_extension(request: HttpRequest, reference: str) -> Status:
    def act(body: ExtensionIn) -> Case:
        return case_event_record(
            actor=caller(request),
            reference=reference,
            event=Event.EXTEND_RECOVERY,
            on=body.on,
            expected_version=body.expected_version,
            reasons=body.reasons,
            extend_days=body.days,
        )

    return _change(request, reference, ExtensionIn, act)


@router.post(
    "/cases/{reference}/reallocation",
    response=RESPONSES,
    openapi_extra=request_body(ReallocationIn),
    summary="Reallocate a case to another competent authority, with a reason",
)
@api_capability_required(RULES[Change.REALLOCATE].capability)
def reallocation(request: HttpRequest, reference: str) -> Status:
    def act(body: ReallocationIn) -> Case:
        return case_reallocate(
            actor=caller(request),
            reference=reference,
            authority=body.authority,
            reason=body.reason,
            expected_version=body.expected_version,
        )

    return _change(request, reference, ReallocationIn, act)
