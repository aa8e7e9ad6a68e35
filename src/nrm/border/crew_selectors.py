"""Reading crew reports, scoped by who asks and audited (docs/crew-line.md). Deny by default:
a Border Force duty officer sees the reports routed to their organisation's port; an airline
account sees its own airline's references and statuses, never what Border Force found."""

from dataclasses import dataclass
from datetime import datetime, timedelta

from django.core.paginator import Page, Paginator
from django.db.models import QuerySet
from django.utils import timezone

from nrm.accounts.actors import Actor
from nrm.accounts.capabilities import Capability
from nrm.accounts.permissions import capability_require
from nrm.audit.models import AuditVerb
from nrm.audit.services import audit_record
from nrm.border.crew_models import CrewAirline, CrewPortOffice, CrewReport
from nrm.standard import crew_codes as cc

ARRIVING_SOON = timedelta(minutes=60)
PAGE_SIZE = 50
DEALT_WITH_SHOWN = 20


def crew_port_of(actor: Actor) -> str | None:
    """The port whose reports ``actor`` sees: that of their organisation, if it is one."""
    organisation_id = getattr(actor, "organisation_id", None)
    if organisation_id is None:
        return None
    office = CrewPortOffice.objects.filter(organisation_id=organisation_id).first()
    return office.port if office else None


def _port_reports(actor: Actor) -> QuerySet[CrewReport]:
    port = crew_port_of(actor)
    return CrewReport.objects.filter(port=port) if port else CrewReport.objects.none()


def crew_report_in_port(*, actor: Actor, reference: str, lock: bool = False) -> CrewReport | None:
    """The report of the actor's port with ``reference`` (not audited: callers audit)."""
    reports = _port_reports(actor)
    if lock:
        reports = reports.select_for_update()
    return reports.filter(reference=reference[:20]).first()


@dataclass(frozen=True)
class QueueRow:
    report: CrewReport
    landing_soon: bool  # expected within the next 60 minutes
    landed: bool  # expected before now


@dataclass(frozen=True)
class Queue:
    port: str | None
    waiting: list[QueueRow]
    dealt_with: list[CrewReport]


def crew_queue(*, actor: Actor, now: datetime | None = None) -> Queue:
    """The port's reports awaiting arrival, the earliest expected first, each flagged when the
    flight lands within 60 minutes (or should have landed); then the latest dealt with. The
    listing is audited."""
    capability_require(actor=actor, capability=Capability.READ_CREW_REPORTS)
    now = now or timezone.now()
    reports = _port_reports(actor)
    waiting = [
        QueueRow(
            r,
            landing_soon=now <= r.expected_arrival <= now + ARRIVING_SOON,
            landed=r.expected_arrival < now,
        )
        for r in reports.filter(status=cc.CrewStatus.AWAITING_ARRIVAL).order_by(
            "expected_arrival", "id"
        )
    ]
    dealt_with = list(
        reports.filter(status=cc.CrewStatus.DEALT_WITH).order_by("-outcome_at", "-id")[
            :DEALT_WITH_SHOWN
        ]
    )
    port = crew_port_of(actor)
    shown = [row.report.reference for row in waiting] + [r.reference for r in dealt_with]
    audit_record(actor=actor, verb=AuditVerb.CREW_LIST, detail={"port": port, "references": shown})
    return Queue(port, waiting, dealt_with)


def crew_report_get(*, actor: Actor, reference: str) -> CrewReport | None:
    """One report of the actor's port; the read is audited, and so is the attempt on one of
    another port or none (None)."""
    capability_require(actor=actor, capability=Capability.READ_CREW_REPORTS)
    report = crew_report_in_port(actor=actor, reference=reference)
    if report is None:
        audit_record(actor=actor, verb=AuditVerb.ACCESS_DENIED, detail={"crew_report": "refused"})
        return None
    audit_record(actor=actor, verb=AuditVerb.CREW_READ, target=report)
    return report


def crew_airline_page(*, actor: Actor, page: int) -> "Page[CrewReport]":
    """One page of the reports of the actor's airline, newest first: the caller shows their
    references and statuses only. Audited."""
    capability_require(actor=actor, capability=Capability.SUBMIT_CREW_REPORTS)
    organisation_id = getattr(actor, "organisation_id", None)
    reports = CrewReport.objects.none()
    if (
        organisation_id is not None
        and CrewAirline.objects.filter(organisation_id=organisation_id).exists()
    ):
        reports = CrewReport.objects.filter(airline_id=organisation_id)
    current = Paginator(reports.order_by("-received_at", "-id"), PAGE_SIZE).get_page(page)
    audit_record(
        actor=actor,
        verb=AuditVerb.CREW_LIST,
        detail={"page": current.number, "references": [r.reference for r in current]},
    )
    return current


def crew_airlines() -> list[tuple[str, str]]:
    """The airlines on the crew line (code, name), for the call handler to choose from."""
    return [
        (a.organisation.code, a.organisation.name)
        for a in CrewAirline.objects.select_related("organisation").order_by("organisation__name")
        if a.organisation.is_active
    ]


def crew_ports() -> list[tuple[str, str, str]]:
    """The ports on the crew line (port, organisation code, organisation name), by port."""
    return [
        (o.port, o.organisation.code, o.organisation.name)
        for o in CrewPortOffice.objects.select_related("organisation").order_by("port")
    ]
