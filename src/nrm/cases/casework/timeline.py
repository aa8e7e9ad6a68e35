"""The timeline of a case as people read it: the referral, its allocation, every case event
(decisions, suspensions, reconsiderations, extensions, reviews, reallocations, assignments,
summary edits, notes) and the support the person was referred to, oldest first."""

from dataclasses import dataclass, field
from datetime import date, datetime

from django.utils import timezone

from nrm.accounts.models import User
from nrm.cases.casework.events import EVENT_OF_DECISION, RULES, Shared
from nrm.cases.casework.selectors import case_decisions_brought, case_support, case_timeline
from nrm.cases.models import Case, CaseEvent
from nrm.cases.stages import Change, Event, Requester, event_label, stage_label
from nrm.standard.codes import CompetentAuthority, ExitRoute, SupportReferralStatus, SupportType


@dataclass
class Entry:
    """One line of the timeline. ``at`` is when it was recorded, where that is known; ``after``
    is the entry it follows from (a support referral from its decision, an acceptance from the
    referral, an episode from the acceptance): on the same day it is never shown before it."""

    on: date
    title: str
    lines: list[str] = field(default_factory=list)
    by: str = ""
    reasons: str = ""
    at: datetime | None = None
    after: "Entry | None" = None


def _authority(code: str) -> str:
    return CompetentAuthority(code).label if code in CompetentAuthority.values else code


def _person(user: User | None) -> str:
    return (user.get_full_name() or user.get_username()) if user else ""


def _event_entry(event: CaseEvent, users: dict[int, User]) -> Entry:
    entry = Entry(on=event.on, title=event_label(event.event), by=_person(event.by), at=event.at)
    entry.reasons = event.reasons
    detail = event.detail or {}
    if event.event == Change.REALLOCATE:
        entry.title = f"Reallocated to {_authority(detail.get('to', ''))}"
        entry.lines.append(f"From {_authority(detail.get('from', ''))}")
    elif event.event == Change.ASSIGN:
        assignee = users.get(detail.get("assignee") or 0)
        entry.title = f"Assigned to {_person(assignee)}" if assignee else "Unassigned"
    elif event.event == Event.EXTEND_RECOVERY:
        entry.lines.append(f"{detail.get('extend_days', 0)} days added")
    elif event.event == Event.RECONSIDER and detail.get("requester") in Requester.values:
        entry.lines.append(f"Requested by the {Requester(detail['requester']).label.lower()}")
    if event.from_stage and event.to_stage and event.from_stage != event.to_stage:
        entry.lines.append(f"Stage: {stage_label(event.to_stage)}")
    return entry


def _cause(events: list[tuple[CaseEvent, Entry]], offered: datetime) -> Entry | None:
    """The positive reasonable grounds decision a support referral followed from: the last one
    recorded before it, or else (a referral dated back, as an import's) the last one made on
    or before its day."""
    decisions = [(event, entry) for event, entry in events if event.event == Event.RG_POSITIVE]
    before = [entry for event, entry in decisions if event.at <= offered]
    on_or_before = [e for event, e in decisions if event.on <= timezone.localdate(offered)]
    found = before or on_or_before
    return found[-1] if found else None


def _support_entries(case: Case, events: list[tuple[CaseEvent, Entry]]) -> list[Entry]:
    entries = []
    for offer in case_support(case=case):
        provider = offer.delivered_by or offer.provider
        last = Entry(
            on=timezone.localdate(offer.offered_at),
            title=f"Referred for support to {offer.provider.name}",
            at=offer.offered_at,
            lines=[f"Delivered by {offer.delivered_by.name}"] if offer.delivered_by else [],
            after=_cause(events, offer.offered_at),
        )
        entries.append(last)
        if offer.responded_at and offer.status != SupportReferralStatus.OFFERED:
            # The answer: declined, or accepted (the referral has ended since, if support has).
            answer = (
                SupportReferralStatus.DECLINED
                if offer.status == SupportReferralStatus.DECLINED
                else SupportReferralStatus.ACCEPTED
            )
            status = answer.label.lower()
            last = Entry(
                on=timezone.localdate(offer.responded_at),
                title=f"Support referral {status} by {provider.name}",
                at=offer.responded_at,
                after=last,
            )
            entries.append(last)
        for episode in offer.episodes.all():
            kind = SupportType(episode.support_type).label
            last = Entry(
                on=episode.start,
                title=f"Support started: {kind}",
                by=episode.provider.name,
                after=last,
            )
            entries.append(last)
            if episode.end:
                last = Entry(
                    on=episode.end, title="Support ended", by=episode.provider.name, after=last
                )
                if episode.exit_route in ExitRoute.values:
                    last.lines.append(f"Exit route: {ExitRoute(episode.exit_route).label}")
                entries.append(last)
    return entries


def _brought_entries(case: Case) -> list[Entry]:
    """The decisions made before the case came in (an import of past cases), as the events
    they stand for; pending decisions say nothing happened and are left out."""
    entries = []
    for decision in case_decisions_brought(case=case):
        event = EVENT_OF_DECISION.get((decision.stage, decision.outcome))
        if event is not None:
            entries.append(
                Entry(
                    on=decision.decided_on,
                    title=event_label(event),
                    lines=["Recorded with the referral"],
                )
            )
    return entries


def _shared(code: str) -> Shared:
    kind: Event | Change | None = (
        Event(code) if code in Event.values else Change(code) if code in Change.values else None
    )
    return RULES[kind].shared if kind is not None else Shared.NOTHING


def timeline_entries(*, case: Case, internal: bool) -> list[Entry]:
    """The entries of the case's timeline, oldest first (call after ``case_get``). Without
    ``internal`` (``access.sees_internal_case_content``), only what each entry's rule shares
    with the referrer and the support provider (``events.Shared``)."""
    events = [e for e in case_timeline(case=case) if internal or _shared(e.event) != Shared.NOTHING]
    reallocations = [e for e in events if e.event == "reallocate"]
    first_authority = (
        reallocations[0].detail.get("from", "")
        if reallocations
        else case.referral.competent_authority
    )
    assignee_ids = {e.detail.get("assignee") for e in events if e.event == "assign"} - {None}
    users = {user.pk: user for user in User.objects.filter(pk__in=assignee_ids)}
    received = Entry(
        on=case.received_on,
        title="Referral received",
        lines=[f"From {case.referral.organisation.name}"],
    )
    entries = [
        received,
        Entry(on=case.received_on, title=f"Allocated to {_authority(first_authority)}"),
    ]
    recorded = []
    for event in events:
        entry = _event_entry(event, users)
        if not internal and _shared(event.event) != Shared.WHOLE:
            entry.reasons = ""
        recorded.append((event, entry))
    entries += _brought_entries(case)
    entries += [entry for _, entry in recorded]
    entries += _support_entries(case, recorded)
    return timeline_order(entries)


def timeline_order(entries: list[Entry]) -> list[Entry]:
    """``entries`` in the order things happened: by day; on one day, by when each was recorded,
    an entry never before the one it follows from (a decision, the support referral it caused,
    its acceptance, the episodes), and in the order given where nothing else tells. Entries
    with neither a time nor an entry they follow from (the referral's receipt and allocation)
    open their day; those with only a day (a support episode's start and end) close it."""
    position = {id(entry): n for n, entry in enumerate(entries)}
    moment: dict[int, float] = {}

    def when(entry: Entry) -> float:
        if id(entry) not in moment:
            if entry.at is not None:
                own = entry.at.timestamp()
            else:
                own = float("inf") if entry.after else float("-inf")
            moment[id(entry)] = max(own, when(entry.after)) if entry.after else own
        return moment[id(entry)]

    def depth(entry: Entry) -> int:
        return depth(entry.after) + 1 if entry.after else 0

    return sorted(
        entries, key=lambda entry: (entry.on, when(entry), depth(entry), position[id(entry)])
    )
