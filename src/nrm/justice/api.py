"""The justice API (``/api/v1/justice/``): record a prosecution (or record it again: the same
authority and case reference replace it), list the prosecutions visible to you and read one,
and record a cash seizure or a confiscation order.

Thin door: parse JSON, call one service or selector, shape the answer. Token authentication,
field-level errors and the OpenAPI rules are those of the intake API; the services check the
capability again, the selectors scope what each caller sees, and every read is audited.
"""

from typing import Any

from django.http import HttpRequest, HttpResponse
from ninja import Path, Status

from nrm.accounts.capabilities import Capability
from nrm.accounts.decorators import api_capability_required
from nrm.cases.referrals.idempotency import IDEMPOTENCY_HEADER, Outcome, idempotent_answer
from nrm.justice import selectors, services
from nrm.justice.api_schemas import (
    ProsecutionOut,
    ProsecutionPageOut,
    ProsecutionSavedOut,
    RecoverySavedOut,
)
from nrm.justice.errors import NOT_FOUND, JusticeInvalid
from nrm.justice.models import AssetRecovery, Prosecution
from nrm.standard.justice_schema import AssetRecoveryRecord, ProsecutionRecord
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

router = Router(tags=["justice"])
PROSECUTION_ID: Any = Path(..., ge=1, le=2**62, description="The prosecution's number")


def _invalid(invalid: JusticeInvalid) -> Outcome:
    return Outcome(422, {"errors": [e.as_dict() for e in invalid.errors]})


@router.post(
    "/justice/prosecutions",
    response={200: ProsecutionSavedOut, 201: ProsecutionSavedOut, 403: MessageOut, 422: ErrorsOut},
    openapi_extra={**request_body(ProsecutionRecord), "parameters": [IDEMPOTENCY_HEADER]},
    summary="Record a prosecution, or record it again with what is known since",
    description="A new authority and case reference answers 201; the same again replaces the "
    "prosecution's defendants, offences charged and victims and answers 200.",
)
@api_capability_required(Capability.RECORD_PROSECUTIONS)
def prosecution_record(request: HttpRequest, response: HttpResponse) -> Status:
    try:
        payload = json_object(request)
    except BodyRefused as refused:
        return Status(422, {"errors": refused.errors})
    user = caller(request)

    def action() -> Outcome:
        try:
            saved = services.prosecution_submit(actor=user, data=payload)
        except JusticeInvalid as invalid:
            return _invalid(invalid)
        body = {
            "id": saved.prosecution.pk,
            "authority": saved.prosecution.authority,
            "case_reference": saved.prosecution.case_reference,
            "created": saved.created,
            "defendants": saved.defendants,
            "charges": saved.charges,
            "victims": saved.victims,
        }
        return Outcome(201 if saved.created else 200, body)

    outcome = idempotent_answer(request=request, response=response, payload=payload, action=action)
    return Status(outcome.status, outcome.body)


def _summary(p: Any) -> dict[str, Any]:
    return {
        "id": p.pk,
        "authority": p.authority,
        "case_reference": p.case_reference,
        "court_nation": p.court_nation,
        "court": p.court,
        "defendants": p.defendant_count,
        "charges": p.charge_count,
        "victims": p.victim_count,
        "created_at": p.created_at,
    }


@router.get(
    "/justice/prosecutions",
    response={200: ProsecutionPageOut, 403: MessageOut},
    summary="List the prosecutions visible to you, newest first",
    description="A reader of every prosecution sees them all; a justice data officer sees "
    "their own prosecuting authority's.",
)
@api_capability_required(Capability.READ_PROSECUTIONS, Capability.RECORD_PROSECUTIONS)
def prosecution_index(request: HttpRequest, page: int = PAGE) -> Any:
    current, pages = selectors.prosecution_page(actor=caller(request), page=page)
    return {
        "count": current.paginator.count,
        "page": current.number,
        "pages": pages,
        "results": [_summary(p) for p in current],
    }


def prosecution_values(p: Prosecution) -> dict[str, Any]:
    return {
        "id": p.pk,
        "authority": p.authority,
        "case_reference": p.case_reference,
        "court_nation": p.court_nation,
        "court": p.court,
        "organisation": p.organisation.code,
        "defendants": [
            {
                "name": d.name,
                "date_of_birth": d.date_of_birth,
                "gender": d.gender,
                "nationality": d.nationality,
                "charges": [
                    {
                        "offence": c.offence,
                        "charged_on": c.charged_on,
                        "outcome": c.outcome,
                        "outcome_on": c.outcome_on,
                        "sentence": c.sentence,
                        "custody_months": c.custody_months,
                        "fine_pence": c.fine_pence,
                    }
                    for c in d.charges.all()
                ],
            }
            for d in p.defendants.all()
        ],
        "victim_references": sorted(r.reference for r in p.victims.all()),
        "created_at": p.created_at,
    }


@router.get(
    "/justice/prosecutions/{prosecution_id}",
    response={200: ProsecutionOut, 403: MessageOut, 404: MessageOut},
    summary="Read one prosecution with its defendants, offences charged and outcomes",
    description="A prosecution you may not see answers 404, like one that does not exist.",
)
@api_capability_required(Capability.READ_PROSECUTIONS, Capability.RECORD_PROSECUTIONS)
def prosecution_detail(request: HttpRequest, prosecution_id: int = PROSECUTION_ID) -> Status:
    found = selectors.prosecution_get(actor=caller(request), prosecution_id=prosecution_id)
    if found is None:
        return Status(404, {"detail": NOT_FOUND})
    return Status(200, prosecution_values(found))


def recovery_values(r: AssetRecovery) -> dict[str, Any]:
    return {
        "id": r.pk,
        "reference": r.reference or None,
        "kind": r.kind,
        "authority": r.authority,
        "nation": r.nation,
        "amount_pence": r.amount_pence,
        "status": r.status,
        "recorded_on": r.recorded_on,
        "case_reference": r.prosecution.case_reference if r.prosecution else None,
    }


@router.post(
    "/justice/recoveries",
    response={200: RecoverySavedOut, 201: RecoverySavedOut, 403: MessageOut, 422: ErrorsOut},
    openapi_extra={**request_body(AssetRecoveryRecord), "parameters": [IDEMPOTENCY_HEADER]},
    summary="Record a cash seizure or a confiscation order (amounts in pence)",
    description="With the authority's own reference for it, the same authority and reference "
    "again updates the one recorded (its status, say, once a seizure is forfeited) and answers "
    "200; a new one answers 201.",
)
@api_capability_required(Capability.RECORD_PROSECUTIONS)
def recovery_record(request: HttpRequest, response: HttpResponse) -> Status:
    try:
        payload = json_object(request)
    except BodyRefused as refused:
        return Status(422, {"errors": refused.errors})
    user = caller(request)

    def action() -> Outcome:
        try:
            saved = services.recovery_submit(actor=user, data=payload)
        except JusticeInvalid as invalid:
            return _invalid(invalid)
        return Outcome(201 if saved.created else 200, recovery_values(saved.recovery))

    outcome = idempotent_answer(request=request, response=response, payload=payload, action=action)
    return Status(outcome.status, outcome.body)
