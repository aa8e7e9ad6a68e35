"""A report as the API and the pages show it: plain values, codes as stored."""

from typing import Any

from nrm.intelligence.models import Entity, IntelligenceReport

ENTITY_TEXT = (
    "person_role", "given_name", "family_name", "gender", "nationality", "exploitation_type",
    "ocg_name",
    "ocg_nationality", "address", "postcode", "premises_type", "phone", "vehicle_registration",
    "business_name", "company_number",
)  # fmt: skip


def entity_values(entity: Entity) -> dict[str, Any]:
    return {
        "key": entity.key,
        "type": entity.type,
        "nrm_reference": entity.referral.reference if entity.referral is not None else None,
        **{name: getattr(entity, name) for name in ENTITY_TEXT},
        "date_of_birth": entity.date_of_birth,
        "estimated_age": entity.estimated_age,
        "ocg_activities": list(entity.ocg_activities),
        "exploitation_sub_types": list(entity.exploitation_sub_types),
    }


def report_summary(report: IntelligenceReport) -> dict[str, Any]:
    return {
        "reference": report.reference,
        "organisation": report.organisation.code,
        "received_date": report.received_date,
        "events_date": report.events_date,
        "operation": report.operation,
        "source_evaluation": report.source_evaluation,
        "intelligence_assessment": report.intelligence_assessment,
        "handling_code": report.handling_code,
        "entities": getattr(report, "entity_count", None) or report.entities.count(),
    }


def report_values(report: IntelligenceReport) -> dict[str, Any]:
    """Everything a reader of the report sees (``nrm.intelligence.selectors.report_get``)."""
    return {
        **report_summary(report),
        "source_kind": report.source_kind,
        "officer": report.officer,
        "handling_conditions": sorted(o.code for o in report.condition_organisations.all()),
        "narrative": report.narrative,
        "entities": [entity_values(entity) for entity in report.entities.all()],
        "links": [
            {
                "from_key": link.from_entity.key,
                "to_key": link.to_entity.key,
                "type": link.type,
                "confidence": link.confidence,
            }
            for link in report.links.all()
        ],
    }
