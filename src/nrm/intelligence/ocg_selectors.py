"""Reads of the OCG register, scoped like every read of intelligence: a group is the set of
its mentions in the reports the actor may see (``nrm.intelligence.access.report_scope``), so a
handling code C report adds nothing for an organisation its conditions do not name. Every list
and read is audited; a group the actor may not see is, to them, one that does not exist."""

from datetime import date
from typing import NamedTuple

from django.db.models import QuerySet

from nrm.accounts.actors import Actor
from nrm.audit.models import AuditVerb
from nrm.audit.services import audit_record
from nrm.intelligence.models import DefendantOcgLink, Entity, IntelligenceReport
from nrm.intelligence.ocgs import Ocg, OcgMention, ocgs_build
from nrm.intelligence.selectors import network_of, report_list
from nrm.standard.intelligence_codes import EntityType


def _mentions(reports: QuerySet[IntelligenceReport]) -> dict[int, OcgMention]:
    entities = Entity.objects.filter(report__in=reports, type=EntityType.OCG).select_related(
        "report"
    )
    return {
        entity.pk: OcgMention(
            id=entity.pk,
            report=entity.report.reference,
            received=entity.report.received_date,
            grading=entity.report.source_evaluation + entity.report.intelligence_assessment,
            nationality=entity.ocg_nationality,
            activities=tuple(entity.ocg_activities),
        )
        for entity in entities
    }


def ocg_register(*, actor: Actor, until: date | None = None) -> list[Ocg]:
    """Every group in the reports ``actor`` may see (received on or before ``until`` when
    given), by name. Not audited: callers audit what they show."""
    reports = report_list(actor=actor)
    if until is not None:
        reports = reports.filter(received_date__lte=until)
    return ocgs_build(network_of(reports), _mentions(reports))


def _references(groups: list[Ocg]) -> list[str]:
    return sorted({reference for group in groups for reference in group.reports})


class OcgListing(NamedTuple):
    groups: list[Ocg]  # those that pass the filters
    nationalities: list[str]  # the predominant nationalities of every group the actor may see


def ocg_list(*, actor: Actor, nationality: str = "", activity: str = "") -> OcgListing:
    """The groups ``actor`` may see, with that predominant nationality and that activity when
    given; the listing (the groups and the reports behind them) is audited."""
    register = ocg_register(actor=actor)
    groups = [
        group
        for group in register
        if (not nationality or group.nationality == nationality)
        and (not activity or activity in group.activities)
    ]
    detail = {
        "ocgs": [group.key for group in groups],
        "filters": {"nationality": nationality, "activity": activity},
        "references": _references(groups),
    }
    audit_record(actor=actor, verb=AuditVerb.INTELLIGENCE_LIST, detail=detail)
    return OcgListing(groups, sorted({group.nationality for group in register}))


def ocg_years(*, actor: Actor) -> list[int]:
    """The years in which reports ``actor`` may see were received, newest first."""
    days = report_list(actor=actor).dates("received_date", "year", order="DESC")
    return [day.year for day in days]


def ocg_get(*, actor: Actor, key: str) -> Ocg | None:
    """One group ``actor`` may see, by its register key; the read (the group and the reports
    that name it) or the refusal is audited."""
    found = next((g for g in ocg_register(actor=actor) if g.key == key), None)
    if found is None:
        audit_record(actor=actor, verb=AuditVerb.ACCESS_DENIED, detail={"ocg": key[:80]})
        return None
    detail = {"ocg": found.key, "references": list(found.reports)}
    audit_record(actor=actor, verb=AuditVerb.INTELLIGENCE_READ, detail=detail)
    return found


def ocg_defendant_links(
    *, ocg: str = "", prosecution_id: int | None = None
) -> list[DefendantOcgLink]:
    """The links of defendants to groups: of the group ``ocg``, or of the defendants of one
    prosecution (callers have read the group or the prosecution, audited; no record is read
    here beyond the ids)."""
    links = DefendantOcgLink.objects.select_related("linked_by").order_by("linked_at", "id")
    if ocg:
        links = links.filter(ocg=ocg)
    if prosecution_id is not None:
        links = links.filter(defendant__prosecution_id=prosecution_id)
    return list(links)
