"""The timeline of a case as people read it: the referral, its allocation, every case event
(decisions, suspensions, reconsiderations, extensions, reviews, reallocations, assignments,
summary edits, notes) and the support the person was referred to, oldest first."""

from dataclasses import dataclass, field
from datetime import date, datetime

from nrm.accounts.models import User
from nrm.cases.casework.events import RULES, Shared
from nrm.cases.casework.selectors import case_support, case_timeline
from nrm.cases.models import Case, CaseEvent
from nrm.cases.stages import Change, Event, Requester, event_label, stage_label
from nrm.standard.codes import CompetentAuthority, ExitRoute, SupportReferralStatus, SupportType


@dataclass
class Entry:
    on: date
    title: str
    lines: list[str] = field(default_factory=list)
    by: str = ""
    reasons: str = ""
    at: datetime | None = None


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


def _support_entries(case: Case) -> list[Entry]:
    entries = []
    for offer in case_support(case=case):
        provider = offer.delivered_by or offer.provider
        entries.append(
            Entry(
                on=offer.offered_at.date(),
                title=f"Referred for support to {offer.provider.name}",
                at=offer.offered_at,
                lines=[f"Delivered by {offer.delivered_by.name}"] if offer.delivered_by else [],
            )
        )
        if offer.responded_at and offer.status != SupportReferralStatus.OFFERED:
            status = SupportReferralStatus(offer.status).label.lower()
            entries.append(
                Entry(
                    on=offer.responded_at.date(),
                    title=f"Support referral {status} by {provider.name}",
                    at=offer.responded_at,
                )
            )
        for episode in offer.episodes.all():
            kind = SupportType(episode.support_type).label
            entries.append(
                Entry(on=episode.start, title=f"Support started: {kind}", by=episode.provider.name)
            )
            if episode.end:
                ended = Entry(on=episode.end, title="Support ended", by=episode.provider.name)
                if episode.exit_route in ExitRoute.values:
                    ended.lines.append(f"Exit route: {ExitRoute(episode.exit_route).label}")
                entries.append(ended)
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
    entries = [
        Entry(
            on=case.received_on,
            title="Referral received",
            lines=[f"From {case.referral.organisation.name}"],
        ),
        Entry(on=case.received_on, title=f"Allocated to {_authority(first_authority)}"),
    ]
    for event in events:
        entry = _event_entry(event, users)
        if not internal and _shared(event.event) != Shared.WHOLE:
            entry.reasons = ""
        entries.append(entry)
    entries += _support_entries(case)
    order = {id(entry): n for n, entry in enumerate(entries)}
    return sorted(
        entries,
        key=lambda entry: (
            entry.on,
            entry.at.timestamp() if entry.at else 0.0,
            order[id(entry)],
        ),
    )
