"""Reads of casework, scoped to the acting user (``nrm.cases.access``): the work queue, a case
with its timeline, queue sizes for the deadline dashboard, backlog clearance. Reads are
audited."""

from dataclasses import dataclass
from datetime import date, timedelta
from enum import StrEnum
from typing import Any

from django.conf import settings
from django.core.paginator import Page, Paginator
from django.db.models import Count, F, Q, QuerySet

from nrm.accounts.access import Sees, visibility
from nrm.accounts.actors import Actor
from nrm.accounts.capabilities import Capability
from nrm.accounts.models import User
from nrm.accounts.permissions import has_capability
from nrm.audit.models import AuditVerb
from nrm.audit.services import audit_record
from nrm.cases.access import case_scope
from nrm.cases.models import Backlog, Case, CaseEvent, Decision
from nrm.cases.stages import OPEN, Stage
from nrm.support.models import SupportReferral

PAGE_SIZE = 50
OPEN_STAGES = [stage.value for stage in (*OPEN, Stage.SUSPENDED)]


class Queue(StrEnum):
    """The views of the work queue."""

    NEW = "new"
    DUE_TODAY = "due_today"
    OVERDUE = "overdue"
    REVIEW_DUE = "review_due"
    UPCOMING_CG = "upcoming_cg"
    SUSPENDED = "suspended"
    OPEN = "open"


# What people read for each queue: its tab, and its line in a deadline reminder.
QUEUE_LABEL = {
    Queue.NEW: "New referrals",
    Queue.DUE_TODAY: "Due today",
    Queue.OVERDUE: "Overdue",
    Queue.REVIEW_DUE: "Review due",
    Queue.UPCOMING_CG: "Upcoming CG",
    Queue.SUSPENDED: "Suspended",
    Queue.OPEN: "All open",
}


def queue_filter(queue: Queue, *, today: date) -> Q:
    """The cases of one queue on ``today``. An RG is overdue after its due day; a CG is overdue
    once the recovery period has ended without one; both are due on the day itself. New
    referrals are those awaiting their RG decision that is not overdue yet."""
    if queue == Queue.NEW:
        return Q(stage=Stage.AWAITING_RG, due_on__gte=today)
    if queue == Queue.DUE_TODAY:
        return Q(stage__in=[s.value for s in OPEN], due_on=today)
    if queue == Queue.OVERDUE:
        return Q(stage__in=[s.value for s in OPEN], due_on__lt=today)
    if queue == Queue.REVIEW_DUE:
        return Q(stage=Stage.RECOVERY, review_due_on__lte=today, reviewed_on=None)
    if queue == Queue.UPCOMING_CG:
        ahead = today + timedelta(days=settings.NRM_UPCOMING_CG_DAYS)
        return Q(stage=Stage.RECOVERY, recovery_ends_on__gt=today, recovery_ends_on__lte=ahead)
    if queue == Queue.SUSPENDED:
        return Q(stage=Stage.SUSPENDED)
    return Q(stage__in=OPEN_STAGES)


def case_list(*, actor: Actor) -> QuerySet[Case]:
    """Every case visible to ``actor``."""
    return Case.objects.filter(case_scope(actor))


@dataclass(frozen=True)
class QueueFilters:
    """Narrowing of the work queue: only the actor's own cases, a nation, an exploitation type
    (codes of ``nrm.standard.codes``; empty means any)."""

    assigned_to_me: bool = False
    nation: str = ""
    exploitation_type: str = ""

    def q(self, actor: Actor) -> Q:
        found = Q()
        if self.assigned_to_me:
            found &= Q(assigned_to=getattr(actor, "pk", None))
        if self.nation:
            found &= Q(nation=self.nation)
        if self.exploitation_type:
            found &= Q(exploitation_type=self.exploitation_type)
        return found


NO_FILTERS = QueueFilters()


def work_queue(
    *, actor: Actor, queue: Queue, today: date, filters: QueueFilters = NO_FILTERS
) -> QuerySet[Case]:
    """The actor's cases in ``queue`` (narrowed by ``filters``), soonest deadline first; cases
    with no deadline (suspended) last, oldest referral first. Both backends walk the queue index
    in this order (PostgreSQL keeps NULLs last in an ascending index; SQLite reads the NULLs
    after the rest), and backwards for the pages past the middle (SQLite then sorts only the
    cases that share a deadline)."""
    return (
        case_list(actor=actor)
        .filter(queue_filter(queue, today=today), filters.q(actor))
        .select_related("referral", "assigned_to")
        .order_by(F("due_on").asc(nulls_last=True), "received_on", "referral_id")
    )


class _CountedPaginator(Paginator):
    """A paginator told its count (the queue sizes already counted it). Pages past the middle
    are read from the far end of the ordering, so no page walks more than half the queue."""

    def __init__(self, object_list: QuerySet[Any], per_page: int, *, known: int | None) -> None:
        super().__init__(object_list, per_page)
        self.ordered = object_list
        if known is not None:
            self.__dict__["count"] = known  # the cached_property, filled in

    def page(self, number: Any) -> "Page[Any]":
        number = self.validate_number(number)
        bottom = (number - 1) * self.per_page
        top = min(bottom + self.per_page, self.count)
        if bottom <= self.count // 2:
            return super().page(number)
        backwards = self.ordered.reverse()[self.count - top : self.count - bottom]
        return Page(list(backwards)[::-1], number, self)


def work_queue_page(
    *,
    actor: Actor,
    queue: Queue,
    today: date,
    page: int,
    filters: QueueFilters = NO_FILTERS,
    count: int | None = None,
) -> tuple["Page[Case]", int]:
    """One page of a queue; the listing is audited with the references shown. ``count`` is the
    queue's size when the caller has it (``queue_sizes``). The page's keys are found from the
    queue index alone; only its rows are then read with their referrals."""
    keys = work_queue(actor=actor, queue=queue, today=today, filters=filters).values_list(
        "pk", flat=True
    )
    paginator = _CountedPaginator(keys, PAGE_SIZE, known=count)
    current = paginator.get_page(page)
    chosen = list(current.object_list)
    rows = Case.objects.select_related("referral", "assigned_to").in_bulk(chosen)
    current.object_list = [rows[pk] for pk in chosen if pk in rows]
    audit_record(
        actor=actor,
        verb=AuditVerb.REFERRAL_LIST,
        detail={
            "queue": queue.value,
            "page": current.number,
            "references": [case.referral.reference for case in current],
        },
    )
    return current, paginator.num_pages


def queue_sizes(
    *, actor: Actor, today: date, filters: QueueFilters = NO_FILTERS
) -> dict[Queue, int]:
    """How many of the actor's cases are in each queue (the deadline dashboard). One count per
    queue: each is a range of one of the queue indexes, faster than one pass with six filters."""
    cases = case_list(actor=actor).filter(filters.q(actor))
    return {queue: cases.filter(queue_filter(queue, today=today)).count() for queue in Queue}


@dataclass(frozen=True)
class CaseworkerLoad:
    """The open and overdue cases of one caseworker (or of nobody: ``username`` empty)."""

    username: str
    name: str
    open: int
    overdue: int


def queue_sizes_by_assignee(*, actor: Actor, today: date) -> list[CaseworkerLoad]:
    """Open and overdue cases per assigned caseworker in the actor's scope; unassigned last."""
    rows = (
        case_list(actor=actor)
        .filter(stage__in=OPEN_STAGES)
        .values("assigned_to__username", "assigned_to__first_name", "assigned_to__last_name")
        .annotate(
            open=Count("pk"),
            overdue=Count("pk", filter=queue_filter(Queue.OVERDUE, today=today)),
        )
        .order_by("assigned_to__username")
    )
    loads = [
        CaseworkerLoad(
            username=row["assigned_to__username"] or "",
            name=" ".join(
                part
                for part in (row["assigned_to__first_name"], row["assigned_to__last_name"])
                if part
            )
            or (row["assigned_to__username"] or ""),
            open=row["open"],
            overdue=row["overdue"],
        )
        for row in rows
    ]
    return sorted(loads, key=lambda load: (load.username == "", load.username))


def caseworkers_for(*, actor: Actor) -> QuerySet[User]:
    """Active staff of the actor's competent authority who may decide cases (assignable)."""
    authority = getattr(getattr(actor, "organisation", None), "competent_authority", "")
    if not authority:
        return User.objects.none()
    staff = User.objects.filter(
        is_active=True, organisation__competent_authority=authority
    ).select_related("role")
    ids = [user.pk for user in staff if has_capability(user, Capability.RECORD_RG_DECISION)]
    return User.objects.filter(pk__in=ids).order_by("username")


def case_age_days(case: Case, *, today: date) -> int:
    """Days since the referral was received (to the day the case closed, if it has)."""
    return ((case.closed_on or today) - case.received_on).days


def days_left(case: Case, *, today: date) -> int | None:
    """Days to the next deadline (negative when overdue); None when nothing is due."""
    return (case.due_on - today).days if case.due_on else None


def case_get(*, actor: Actor, reference: str) -> Case | None:
    """One case visible to ``actor``; the read (or the refusal) is audited."""
    case = (
        case_list(actor=actor)
        .select_related("referral", "referral__organisation", "assigned_to")
        .filter(referral__reference=reference)
        .first()
    )
    if case is None:
        audit_record(actor=actor, verb=AuditVerb.ACCESS_DENIED, detail={"reference": reference})
        return None
    audit_record(actor=actor, verb=AuditVerb.REFERRAL_READ, target=case.referral)
    return case


def case_reference_find(*, actor: Actor, reference: str) -> bool:
    """Whether the case ``reference`` (an NRM reference, as stored) is one ``actor`` may open.
    A reference outside their scope, or of no case, is audited as a refusal, as opening its
    page would be."""
    found = case_list(actor=actor).filter(referral__reference=reference).exists()
    if not found:
        audit_record(actor=actor, verb=AuditVerb.ACCESS_DENIED, detail={"reference": reference})
    return found


def case_timeline(*, case: Case) -> list[CaseEvent]:
    """The case's events, oldest first (call after ``case_get``, which audits the read)."""
    return list(case.events.select_related("by", "decision"))


def case_decisions_brought(*, case: Case) -> list[Decision]:
    """The decisions the case arrived with, oldest first: a referral imported with its history
    has its decisions but no timeline events for them (call after ``case_get``)."""
    recorded = CaseEvent.objects.filter(case=case, decision__isnull=False).values("decision_id")
    return list(
        Decision.objects.filter(referral_id=case.pk)
        .exclude(pk__in=recorded)
        .order_by("decided_on", "-stage", "id")
    )


def case_support(*, case: Case) -> list[SupportReferral]:
    """The support referrals of the case's person with their episodes, oldest first (call after
    ``case_get``, which checks the scope and audits the read)."""
    return list(
        SupportReferral.objects.filter(referral_id=case.pk)
        .select_related("provider", "delivered_by")
        .prefetch_related("episodes__provider")
        .order_by("offered_at", "id")
    )


def backlogs_all() -> list[str]:
    """The names of every backlog, oldest start first."""
    return list(Backlog.objects.values_list("name", flat=True))


@dataclass(frozen=True)
class BacklogProgress:
    name: str
    starts_on: date
    total: int
    cleared: int
    rg_decided: int
    by_stage: dict[str, int]

    @property
    def cleared_share(self) -> float:
        return self.cleared / self.total if self.total else 0.0


def backlog_progress(*, name: str, actor: Actor) -> BacklogProgress | None:
    """How far a backlog is cleared, counting the cases ``actor`` sees (the operator at the
    command line: every case). A case is cleared once it is closed (negative
    RG, CG made or withdrawn); ``rg_decided`` counts cases with a reasonable grounds decision
    made. None for an unknown backlog or one with no case in scope."""
    backlog = Backlog.objects.filter(name=name).first()
    if backlog is None:
        return None
    cases = backlog.cases.filter(case_scope(actor))
    by_stage: dict[str, int] = {}
    for stage in cases.values_list("stage", flat=True):
        by_stage[stage] = by_stage.get(stage, 0) + 1
    total = sum(by_stage.values())
    open_count = sum(by_stage.get(s, 0) for s in OPEN_STAGES)
    awaiting = by_stage.get(Stage.AWAITING_RG, 0)
    if not total and visibility(actor).sees != Sees.EVERYTHING:
        return None
    suspended_rg = cases.filter(stage=Stage.SUSPENDED, resume_to=Stage.AWAITING_RG)
    return BacklogProgress(
        name=backlog.name,
        starts_on=backlog.starts_on,
        total=total,
        cleared=total - open_count,
        rg_decided=total - awaiting - suspended_rg.count(),
        by_stage=dict(sorted(by_stage.items())),
    )
