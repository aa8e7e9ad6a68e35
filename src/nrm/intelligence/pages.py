"""How a report reads on the web: its summary list, its entities described in a line each, and
its links as sentences ("Sample Suspecto controls Testa")."""

from typing import Any

from nrm.cases.referrals.display import country, day
from nrm.intelligence.models import Entity, IntelligenceReport
from nrm.standard import codes
from nrm.standard import intelligence_codes as icodes
from nrm.standard.intelligence_codes import OcgNationality


def _label(code_list: Any, value: str) -> str:
    return str(code_list(value).label) if value else ""


def report_rows(report: IntelligenceReport) -> list[dict[str, str]]:
    conditions = ", ".join(o.name for o in report.condition_organisations.all())
    rows = [
        ("Recorded by", f"{report.officer}, {report.organisation.name}"),
        ("Source", report.get_source_kind_display()),
        ("Received", day(report.received_date)),
        ("Date of the events", day(report.events_date) if report.events_date else "Not given"),
        ("Operation", report.operation or "None given"),
        ("Source evaluation", report.get_source_evaluation_display()),
        ("Intelligence assessment", report.get_intelligence_assessment_display()),
        ("Handling code", report.get_handling_code_display()),
    ]
    if conditions:
        rows.append(("May be seen by", conditions))
    return [{"key": key, "value": value} for key, value in rows]


_OCG_NATIONALITY_WORDS = {
    OcgNationality.MIXED: "members of mixed nationalities",
    OcgNationality.UNKNOWN: "nationality of its members unknown",
    OcgNationality.NOT_RECORDED: "nationality of its members not recorded",
}


def _ocg_nationality(value: str) -> str:
    """An OCG's predominant nationality in a phrase: "members mostly from Albania"."""
    special = {member.value: words for member, words in _OCG_NATIONALITY_WORDS.items()}
    return special.get(value) or f"members mostly from {country(value)}"


def entity_name(entity: Entity) -> str:
    """What people call the entity: a person's name, a group's, an address, a number."""
    if entity.type == icodes.EntityType.PERSON:
        name = " ".join(part for part in (entity.given_name, entity.family_name) if part)
        return name or f"Unnamed {_label(icodes.PersonRole, entity.person_role).lower()}"
    found = {
        icodes.EntityType.OCG: entity.ocg_name,
        icodes.EntityType.LOCATION: ", ".join(p for p in (entity.address, entity.postcode) if p),
        icodes.EntityType.PHONE: entity.phone,
        icodes.EntityType.VEHICLE: entity.vehicle_registration,
        icodes.EntityType.BUSINESS: entity.business_name,
    }.get(icodes.EntityType(entity.type))
    return found or entity.key


def entity_details(entity: Entity) -> str:
    """The entity's other attributes, in a line."""
    parts: list[str] = []
    if entity.type == icodes.EntityType.PERSON:
        parts += [_label(icodes.PersonRole, entity.person_role)]
        if entity.date_of_birth:
            parts.append(f"born {day(entity.date_of_birth)}")
        if entity.estimated_age is not None:
            parts.append(f"about {entity.estimated_age} years old")
        if entity.gender:
            parts.append(_label(codes.Gender, entity.gender))
        if entity.nationality:
            parts.append(country(entity.nationality))
        if entity.exploitation_type:
            parts.append(_label(codes.ExploitationType, entity.exploitation_type))
        parts += [_label(codes.ExploitationSubType, s) for s in entity.exploitation_sub_types]
    elif entity.type == icodes.EntityType.OCG:
        if entity.ocg_nationality:
            parts.append(_ocg_nationality(entity.ocg_nationality))
        parts += [_label(icodes.OcgActivity, a) for a in entity.ocg_activities]
    elif entity.type == icodes.EntityType.LOCATION:
        parts.append(_label(icodes.PremisesType, entity.premises_type))
    elif entity.type == icodes.EntityType.BUSINESS and entity.company_number:
        parts.append(f"company number {entity.company_number}")
    return ", ".join(part for part in parts if part)


def entity_rows(report: IntelligenceReport) -> list[dict[str, Any]]:
    return [
        {
            "id": entity.pk,
            "type": entity.get_type_display(),
            "name": entity_name(entity),
            "details": entity_details(entity),
            "nrm_reference": entity.referral.reference if entity.referral is not None else "",
        }
        for entity in report.entities.all()
    ]


def link_rows(report: IntelligenceReport) -> list[dict[str, str]]:
    return [
        {
            "from": entity_name(link.from_entity),
            "type": link.get_type_display().lower(),
            "to": entity_name(link.to_entity),
            "confidence": link.get_confidence_display(),
        }
        for link in report.links.all()
    ]
