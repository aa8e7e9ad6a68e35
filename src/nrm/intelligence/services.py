"""Writes of intelligence: a report with its entities and links, in one transaction, all or
nothing. Every door (API, CSV import, web form, demo) calls ``intelligence_report_submit`` or,
for many reports at once, ``intelligence_report_check`` and ``intelligence_report_save``."""

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date
from typing import Any

from django.db import transaction

from nrm.accounts.actors import Actor, acting_user
from nrm.accounts.capabilities import Capability
from nrm.accounts.models import Organisation
from nrm.accounts.permissions import capability_require
from nrm.audit.models import AuditVerb
from nrm.audit.services import audit_record
from nrm.cases.referrals.references import references_reserve
from nrm.cases.referrals.selectors import referral_ids_for
from nrm.intelligence import errors
from nrm.intelligence.models import Entity, IntelligenceReport, Link
from nrm.standard import messages
from nrm.standard.intelligence_schema import IntelligenceReport as ReportRecord
from nrm.standard.intelligence_validation import intelligence_report_validate
from nrm.standard.validation import FieldError
from nrm.standard.words import one_of

REFERENCE_PREFIX = "INT"


@dataclass(frozen=True)
class CheckedReport:
    """A valid report with what its codes and references name in the case store."""

    record: ReportRecord
    organisation: Organisation
    conditions: list[Organisation]
    referrals: dict[str, int]  # NRM reference -> referral id


class Organisations:
    """The active organisations by code, looked up once (an import checks many rows)."""

    def __init__(self, known: Iterable[Organisation] | None = None) -> None:
        found = Organisation.objects.filter(is_active=True) if known is None else known
        self.by_code = {o.code: o for o in found}

    def example(self) -> str:
        return one_of(sorted(self.by_code)[:3]) if self.by_code else "met-police"


def _organisation(
    data: Mapping[str, Any], own: Organisation | None, known: Organisations
) -> Organisation | FieldError:
    code = data.get("organisation")
    code = code.strip() if isinstance(code, str) and code.strip() else None
    if own is not None:
        if code and code != own.code:
            message = errors.OTHER_ORGANISATION.format(name=own.name, own=own.code)
            return FieldError("organisation", message, "other_organisation", code)
        return own
    if code is None:
        return FieldError("organisation", errors.ORGANISATION_REQUIRED, "missing", None)
    found = known.by_code.get(code)
    if found is None:
        message = errors.UNKNOWN_ORGANISATION.format(value=code, allowed=known.example())
        return FieldError("organisation", message, "unknown_organisation", code)
    return found


def intelligence_report_check(
    data: Mapping[str, Any],
    *,
    own: Organisation | None,
    known: Organisations | None = None,
    today: date | None = None,
) -> CheckedReport | list[FieldError]:
    """Validate one report fully: the standard, the organisation recording it (``own``, or the
    one it names when ``own`` is None), the organisations its conditions name and the NRM
    referrals its people are the subjects of. Every problem at once."""
    known = known or Organisations()
    validated = intelligence_report_validate(data, today=today)
    problems = list(validated.errors)
    organisation = _organisation(data, own, known)
    if isinstance(organisation, FieldError):
        problems.insert(0, organisation)
    record = validated.record
    if record is None or isinstance(organisation, FieldError):
        return problems
    conditions = []
    for n, code in enumerate(record.handling_conditions):
        found = known.by_code.get(code)
        if found is None:
            message = messages.UNKNOWN_CONDITION_ORGANISATION.format(
                value=code, example=known.example()
            )
            field = f"handling_conditions[{n}]"
            problems.append(FieldError(field, message, "unknown_organisation", code))
        else:
            conditions.append(found)
    wanted = [e.nrm_reference for e in record.entities if e.nrm_reference]
    referrals = referral_ids_for(references=wanted) if wanted else {}
    for n, entity in enumerate(record.entities):
        if entity.nrm_reference and entity.nrm_reference not in referrals:
            message = messages.NRM_REFERENCE_UNKNOWN.format(value=entity.nrm_reference)
            field = f"entities[{n}].nrm_reference"
            problems.append(FieldError(field, message, "unknown_referral", entity.nrm_reference))
    if problems:
        return problems
    return CheckedReport(record, organisation, conditions, referrals)


def _entity(report: IntelligenceReport, values: Any, referrals: dict[str, int]) -> Entity:
    text = {
        name: getattr(values, name) or ""
        for name in (
            "person_role",
            "given_name",
            "family_name",
            "gender",
            "nationality",
            "ocg_name",
            "ocg_nationality",
            "address",
            "postcode",
            "premises_type",
            "phone",
            "vehicle_registration",
            "business_name",
            "company_number",
            "exploitation_type",
        )
    }
    return Entity(
        report=report,
        key=values.key,
        type=values.type,
        referral_id=referrals.get(values.nrm_reference or ""),
        date_of_birth=values.date_of_birth,
        estimated_age=values.estimated_age,
        ocg_activities=[str(activity) for activity in values.ocg_activities],
        exploitation_sub_types=[str(sub) for sub in values.exploitation_sub_types],
        **{name: str(value) for name, value in text.items()},
    )


def intelligence_report_save(
    *, actor: Actor, checked: CheckedReport, verb: AuditVerb, door: str
) -> IntelligenceReport:
    """Save a checked report with its entities and links, audited; in the caller's transaction
    when there is one (an import), else in its own."""
    capability_require(
        actor=actor, capability=Capability.RECORD_INTELLIGENCE, detail={"door": door}
    )
    record = checked.record
    with transaction.atomic():
        prefix = f"{REFERENCE_PREFIX}-{record.received_date.year}"
        (reference,) = references_reserve(prefix=prefix, count=1)
        report = IntelligenceReport.objects.create(
            reference=reference,
            organisation=checked.organisation,
            source_kind=record.source_kind,
            officer=record.officer,
            received_date=record.received_date,
            events_date=record.events_date,
            operation=record.operation or "",
            source_evaluation=record.source_evaluation,
            intelligence_assessment=record.intelligence_assessment,
            handling_code=record.handling_code,
            narrative=record.narrative,
            created_by=acting_user(actor),
        )
        report.condition_organisations.set(checked.conditions)
        entities = Entity.objects.bulk_create(
            [_entity(report, values, checked.referrals) for values in record.entities]
        )
        by_key = {entity.key: entity for entity in entities}
        if any(entity.pk is None for entity in entities):  # a backend that returns no keys
            by_key = {entity.key: entity for entity in report.entities.all()}
        Link.objects.bulk_create(
            Link(
                report=report,
                from_entity=by_key[link.from_key],
                to_entity=by_key[link.to_key],
                type=link.type,
                confidence=link.confidence,
            )
            for link in record.links
        )
        detail = {
            "door": door,
            "grading": report.grading,
            "entities": len(entities),
            "links": len(record.links),
        }
        audit_record(actor=actor, verb=verb, target=report, detail=detail)
    return report


def intelligence_report_submit(
    *,
    actor: Actor,
    data: Mapping[str, Any],
    organisation: Organisation | None = None,
    today: date | None = None,
    door: str = "api",
) -> IntelligenceReport:
    """Validate and save one report with its entities and links, all or nothing; raise
    ``ReportInvalid`` with every field-level problem. ``organisation`` is the recording user's
    own (API and web); when None the report must name one (the demo, an operator)."""
    capability_require(
        actor=actor, capability=Capability.RECORD_INTELLIGENCE, detail={"door": door}
    )
    checked = intelligence_report_check(data, own=organisation, today=today)
    if isinstance(checked, list):
        raise errors.ReportInvalid(checked)
    return intelligence_report_save(
        actor=actor, checked=checked, verb=AuditVerb.INTELLIGENCE_SUBMIT, door=door
    )
