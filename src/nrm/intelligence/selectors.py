"""Reads of intelligence, scoped to the acting user (``nrm.intelligence.access``). Every read
and listing is audited; a report outside the actor's scope is, to them, one that does not
exist, and the attempt is audited too."""

from typing import Any

from django.core.paginator import Page, Paginator
from django.db.models import Count, QuerySet

from nrm.accounts.actors import Actor
from nrm.accounts.capabilities import Capability
from nrm.accounts.permissions import capability_require
from nrm.audit.models import AuditVerb
from nrm.audit.services import audit_record
from nrm.cases.models import Referral
from nrm.cases.referrals.selectors import referral_get_linked
from nrm.intelligence.access import report_scope
from nrm.intelligence.models import Entity, IntelligenceReport

PAGE_SIZE = 50


def report_list(*, actor: Actor) -> QuerySet[IntelligenceReport]:
    """The reports ``actor`` may see, newest first."""
    return IntelligenceReport.objects.filter(report_scope(actor)).order_by("-received_date", "-id")


def report_page(*, actor: Actor, page: int) -> tuple["Page[IntelligenceReport]", int]:
    """One page of the reports ``actor`` may see; the listing is audited."""
    queryset: QuerySet[IntelligenceReport] = (
        report_list(actor=actor)
        .select_related("organisation")
        .annotate(entity_count=Count("entities"))
    )
    paginator = Paginator(queryset, PAGE_SIZE)
    current = paginator.get_page(page)
    references = [report.reference for report in current]
    audit_record(
        actor=actor,
        verb=AuditVerb.INTELLIGENCE_LIST,
        detail={"page": current.number, "references": references},
    )
    return current, paginator.num_pages


def report_get(*, actor: Actor, reference: str) -> IntelligenceReport | None:
    """One report ``actor`` may see, with its entities, links and conditions; audited."""
    report = (
        report_list(actor=actor)
        .select_related("organisation")
        .prefetch_related(
            "condition_organisations",
            "entities__referral",
            "links__from_entity",
            "links__to_entity",
        )
        .filter(reference=reference)
        .first()
    )
    if report is None:
        audit_record(actor=actor, verb=AuditVerb.ACCESS_DENIED, detail={"reference": reference})
        return None
    audit_record(actor=actor, verb=AuditVerb.INTELLIGENCE_READ, target=report)
    return report


def linked_referral_get(*, actor: Actor, reference: str) -> Referral | None:
    """The NRM referral ``reference`` when a person it is about is an entity of a report
    ``actor`` may see, and the actor may read such records; the read (naming the report that
    led to it) or the refusal is audited."""
    capability_require(
        actor=actor, capability=Capability.READ_LINKED_NRM_RECORDS, detail={"reference": reference}
    )
    entity: Any = (
        Entity.objects.filter(report__in=report_list(actor=actor), referral__reference=reference)
        .select_related("report")
        .order_by("report_id")
        .first()
    )
    if entity is None:
        audit_record(actor=actor, verb=AuditVerb.ACCESS_DENIED, detail={"reference": reference})
        return None
    link = {"via": "intelligence", "report": entity.report.reference}
    return referral_get_linked(actor=actor, reference=reference, link=link)
