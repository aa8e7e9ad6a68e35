"""Receiving crew reports through the three doors and recording their outcome on arrival
(docs/crew-line.md). Every door validates through ``crew_report_validate`` and saves through
``_report_save``: the report whole, with its audit event, or nothing.

- the public form: no account, an airline's reporting code, rate-limited (``crew_limits``);
- an airline's system: its account's token, for its own airline;
- the 24-hour line's call handler: signed in, choosing the caller's airline.
"""

import secrets
from collections.abc import Mapping
from datetime import datetime
from typing import Any

from django.db import transaction
from django.utils import timezone

from nrm.accounts.actors import Actor, SystemActor, acting_user
from nrm.accounts.capabilities import Capability
from nrm.accounts.models import Organisation
from nrm.accounts.permissions import capability_require
from nrm.audit.models import AuditVerb
from nrm.audit.services import audit_record
from nrm.border import crew_errors as e
from nrm.border.crew_limits import (
    CODE_LEAST,
    CODE_MOST,
    code_digest,
    code_normal,
    crew_attempt_allow,
)
from nrm.border.crew_models import CrewAirline, CrewPortOffice, CrewReport
from nrm.border.crew_prefill import referral_prefill
from nrm.border.crew_selectors import crew_report_in_port
from nrm.border.crew_validation import (
    REPORTING_CODE_REQUIRED,
    REPORTING_CODE_UNKNOWN,
    CrewReportRecord,
    crew_report_validate,
)
from nrm.cases.referrals.services import draft_save
from nrm.standard import crew_codes as cc
from nrm.standard.validation import FieldError

# The public form acts in this name: a reporter has no account.
CREW_LINE = SystemActor("crew-line", frozenset())
_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789"
MAX_NOTE = 1000


def _reference() -> str:
    while True:
        code = "".join(secrets.choice(_ALPHABET) for _ in range(8))
        reference = f"CRW-{code[:4]}-{code[4:]}"
        if not CrewReport.objects.filter(reference=reference).exists():
            return reference


def _report_save(
    *,
    actor: Actor,
    airline: Organisation,
    door: cc.CrewDoor,
    record: CrewReportRecord,
    now: datetime,
) -> CrewReport:
    with transaction.atomic():
        report = CrewReport.objects.create(
            reference=_reference(),
            airline=airline,
            door=door,
            flight_number=record.flight_number,
            port=record.port,
            expected_arrival=record.expected_arrival,
            seats=record.seats,
            indicators=[i.value for i in record.indicators],
            details=record.details,
            contact_number=record.contact_number,
            received_at=now,
            taken_by=acting_user(actor),
        )
        audit_record(
            actor=actor,
            verb=AuditVerb.CREW_SUBMIT,
            target=report,
            detail={"door": door.value, "port": record.port.value, "airline": airline.code},
        )
    return report


def _checked(data: Mapping[str, Any], now: datetime, first: list[FieldError]) -> CrewReportRecord:
    checked = crew_report_validate(data, now=now)
    if first or checked.record is None:
        raise e.CrewInvalid(first + checked.errors)
    return checked.record


def crew_report_by_code(
    *, code: str, data: Mapping[str, Any], address: str, now: datetime | None = None
) -> CrewReport:
    """A report from the public form: counted by the rate limit first (``CrewLimited``), then
    the airline's reporting code and the report checked together (``CrewInvalid``)."""
    now = now or timezone.now()
    code = code.strip() if isinstance(code, str) else ""
    counted = {"address": address} | ({"code": code_digest(code)} if code else {})
    if not crew_attempt_allow(counted=counted, now=now):
        raise e.CrewLimited
    airline = None
    first: list[FieldError] = []
    if not code:
        first.append(FieldError("reporting_code", REPORTING_CODE_REQUIRED, "required"))
    else:
        found = CrewAirline.objects.filter(code_digest=code_digest(code)).first()
        if found is None or not found.organisation.is_active:
            first.append(FieldError("reporting_code", REPORTING_CODE_UNKNOWN, "unknown_code"))
        else:
            airline = found.organisation
    record = _checked(data, now, first)
    assert airline is not None
    return _report_save(
        actor=CREW_LINE, airline=airline, door=cc.CrewDoor.WEB, record=record, now=now
    )


def crew_api_admit(*, actor: Actor, now: datetime | None = None) -> None:
    """Count one call of an airline's system before its body is read: ``CrewLimited`` once
    the account has had its limit (an airline's system calls from few addresses, so the
    account is what is counted)."""
    capability_require(actor=actor, capability=Capability.SUBMIT_CREW_REPORTS)
    counted = {"account": str(getattr(actor, "pk", actor))}
    if not crew_attempt_allow(counted=counted, now=now or timezone.now()):
        raise e.CrewLimited


def crew_report_from_airline(
    *, actor: Actor, data: Mapping[str, Any], now: datetime | None = None
) -> CrewReport:
    """A report from an airline's system (admitted by ``crew_api_admit``), for the airline of
    the account."""
    capability_require(actor=actor, capability=Capability.SUBMIT_CREW_REPORTS)
    now = now or timezone.now()
    airline = getattr(actor, "organisation", None)
    first = []
    if airline is None or not CrewAirline.objects.filter(organisation=airline).exists():
        first.append(FieldError("__all__", e.NOT_AN_AIRLINE, "not_an_airline"))
    record = _checked(data, now, first)
    assert airline is not None
    return _report_save(actor=actor, airline=airline, door=cc.CrewDoor.API, record=record, now=now)


def crew_report_by_call(
    *, actor: Actor, airline: str, data: Mapping[str, Any], now: datetime | None = None
) -> CrewReport:
    """A report taken on the 24-hour line for the airline the caller named (its code)."""
    capability_require(actor=actor, capability=Capability.TAKE_CREW_CALLS)
    now = now or timezone.now()
    found = None
    first = []
    if not airline:
        first.append(FieldError("airline", e.AIRLINE_REQUIRED, "required"))
    else:
        found = CrewAirline.objects.filter(organisation__code=airline[:64]).first()
        if found is None:
            first.append(FieldError("airline", e.AIRLINE_UNKNOWN, "unknown_code"))
    record = _checked(data, now, first)
    assert found is not None
    return _report_save(
        actor=actor, airline=found.organisation, door=cc.CrewDoor.CALL, record=record, now=now
    )


def crew_outcome_record(
    *, actor: Actor, reference: str, outcome: str, note: str = "", now: datetime | None = None
) -> CrewReport:
    """Record what happened when the flight landed, for a report of the officer's port. For
    ``nrm_referral`` a referral draft is started, pre-filled from the report, in the officer's
    organisation (the referral journey's rules, consent among them, are unchanged). Raises
    ``CrewNotFound`` (audited) or ``CrewInvalid``; saves nothing then."""
    capability_require(actor=actor, capability=Capability.RECORD_CREW_OUTCOMES)
    now = now or timezone.now()
    problems = []
    if outcome not in cc.CrewOutcome.values:
        problems.append(FieldError("outcome", e.OUTCOME_REQUIRED, "required"))
    if len(note) > MAX_NOTE:
        problems.append(FieldError("note", e.NOTE_TOO_LONG, "too_long"))
    if outcome == cc.CrewOutcome.NRM_REFERRAL:
        capability_require(actor=actor, capability=Capability.SUBMIT_REFERRAL)
    if crew_report_in_port(actor=actor, reference=reference) is None:
        audit_record(actor=actor, verb=AuditVerb.ACCESS_DENIED, detail={"crew_report": "refused"})
        raise e.CrewNotFound(e.NOT_FOUND)
    with transaction.atomic():
        report = crew_report_in_port(actor=actor, reference=reference, lock=True)
        assert report is not None  # reports are never deleted
        if report.outcome:
            problems.insert(0, FieldError("outcome", e.OUTCOME_RECORDED, "already_recorded"))
        if problems:
            raise e.CrewInvalid(problems)
        if outcome == cc.CrewOutcome.NRM_REFERRAL:
            officer = acting_user(actor)
            prefill = referral_prefill(report, officer=officer.get_full_name() if officer else "")
            report.referral_draft = draft_save(actor=actor, draft=None, data=prefill)
        report.outcome = outcome
        report.outcome_note = note.strip()
        report.outcome_at = now
        report.outcome_by = acting_user(actor)
        report.status = cc.CrewStatus.DEALT_WITH
        report.save()
        audit_record(
            actor=actor,
            verb=AuditVerb.CREW_OUTCOME,
            target=report,
            detail={"port": report.port, "referral_started": report.referral_draft_id is not None},
            old={"status": cc.CrewStatus.AWAITING_ARRIVAL.value, "outcome": ""},
            new={"status": report.status, "outcome": outcome},
        )
    return report


def crew_airline_set(*, actor: Actor, organisation: Organisation, code: str) -> CrewAirline:
    """Put an airline organisation on the crew line with ``code`` as its reporting code (a
    new code replaces the old one, which stops working). Only its digest is kept."""
    capability_require(actor=actor, capability=Capability.MANAGE_ACCOUNTS)
    length, digest = len(code_normal(code)), code_digest(code)
    others = CrewAirline.objects.filter(code_digest=digest).exclude(organisation=organisation)
    problem = (
        e.CODE_TOO_SHORT.format(least=CODE_LEAST) if length < CODE_LEAST
        else e.CODE_TOO_LONG.format(most=CODE_MOST) if length > CODE_MOST
        else e.CODE_IN_USE
        if others.exists()
        else None
    )  # fmt: skip
    if problem:
        raise e.CrewInvalid([FieldError("reporting_code", problem, "invalid")])
    with transaction.atomic():
        airline, _ = CrewAirline.objects.update_or_create(
            organisation=organisation, defaults={"code_digest": digest}
        )
        audit_record(
            actor=actor,
            verb=AuditVerb.CREW_LINE_SET,
            target=airline,
            detail={"organisation": organisation.code, "kind": "airline"},
        )
    return airline


def crew_port_set(*, actor: Actor, organisation: Organisation, port: str) -> CrewPortOffice:
    """Make ``organisation`` the Border Force of ``port``: its duty officers see the port's
    reports."""
    capability_require(actor=actor, capability=Capability.MANAGE_ACCOUNTS)
    if port not in cc.Port.values:
        ports = ", ".join(cc.Port.values)
        unknown = e.PORT_UNKNOWN.format(port=port, ports=ports)
        raise e.CrewInvalid([FieldError("port", unknown, "invalid")])
    with transaction.atomic():
        office, _ = CrewPortOffice.objects.update_or_create(
            port=cc.Port(port), defaults={"organisation": organisation}
        )
        audit_record(
            actor=actor,
            verb=AuditVerb.CREW_LINE_SET,
            target=office,
            detail={"organisation": organisation.code, "port": office.port},
        )
    return office
