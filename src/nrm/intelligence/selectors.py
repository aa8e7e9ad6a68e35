"""Reads of intelligence, scoped to the acting user (``nrm.intelligence.access``). Every read
and listing is audited; a report outside the actor's scope is, to them, one that does not
exist, and the attempt is audited too."""

from typing import Any, NamedTuple

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
from nrm.intelligence.graph import (
    LinkRow,
    Mention,
    Network,
    neighbourhood,
    network_build,
    node_find,
)
from nrm.intelligence.models import Entity, IntelligenceReport, Link
from nrm.intelligence.pages import entity_details, entity_name
from nrm.intelligence.review import resolved_node_keys
from nrm.standard.intelligence_codes import EntityType

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


class NetworkRead(NamedTuple):
    whole: Network  # everything the actor may see
    part: Network  # the neighbourhood asked for
    centre: str  # the key of its centre


def _mention(entity: Entity) -> Mention:
    return Mention(
        id=entity.pk,
        report=entity.report.reference,
        type=entity.type,
        name=entity_name(entity),
        details=entity_details(entity),
        nrm_reference=entity.referral.reference if entity.referral is not None else "",
        phone=entity.phone,
        vehicle_registration=entity.vehicle_registration,
        company_number=entity.company_number,
        business_name=entity.business_name,
        postcode=entity.postcode,
        address=entity.address,
        ocg_name=entity.ocg_name,
    )


def network_visible(*, actor: Actor) -> Network:
    """The network of every report ``actor`` may see (not audited: callers audit what they
    show)."""
    return network_of(report_list(actor=actor))


def network_of(reports: QuerySet[IntelligenceReport]) -> Network:
    """The network of ``reports`` (a selection of what an actor may see; not audited)."""
    entities = Entity.objects.filter(report__in=reports).select_related("report", "referral")
    links = Link.objects.filter(report__in=reports).select_related("report")
    mentions = [_mention(entity) for entity in entities]
    people = [m.id for m in mentions if m.type == EntityType.PERSON]
    return network_build(
        mentions,
        [
            LinkRow(
                report=link.report.reference,
                from_id=link.from_entity_id,
                to_id=link.to_entity_id,
                type=link.type,
                confidence=link.confidence,
            )
            for link in links
        ],
        resolved=resolved_node_keys(people),
    )


def network_get(*, actor: Actor, node: str, hops: int) -> NetworkRead | None:
    """The ``hops``-link neighbourhood of ``node`` (a node key or the id of an entity) in the
    network ``actor`` may see; the read (the centre's first entity and the reports shown) or
    the refusal is audited."""
    whole = network_visible(actor=actor)
    centre = node_find(whole, node)
    if centre is None:
        audit_record(actor=actor, verb=AuditVerb.ACCESS_DENIED, detail={"network": node[:80]})
        return None
    part = neighbourhood(whole, centre, hops)
    reports = sorted({r for n in part.nodes.values() for r in n.reports})
    detail = {"network": whole.nodes[centre].mentions[0], "hops": hops, "references": reports}
    audit_record(actor=actor, verb=AuditVerb.INTELLIGENCE_READ, detail=detail)
    return NetworkRead(whole=whole, part=part, centre=centre)
