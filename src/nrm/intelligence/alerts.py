"""What the hub's analysts do with a surge alert: acknowledge it (they are looking at it), close
it as explained (a note says why the rise is not a concern) or escalate it for investigation
(a note says what is to be investigated). A closed or escalated alert is final. Every change is
audited with the status before and after; the note itself stays on the alert."""

from dataclasses import dataclass

from django.db import transaction
from django.utils import timezone

from nrm.accounts.actors import Actor
from nrm.accounts.capabilities import Capability
from nrm.accounts.models import User
from nrm.accounts.permissions import capability_require
from nrm.audit.models import AuditVerb
from nrm.audit.services import audit_record
from nrm.intelligence.surveillance_models import SurgeAlert
from nrm.standard.surveillance_codes import AlertStatus

NOTE_LIMIT = 2000
ACKNOWLEDGE, EXPLAIN, ESCALATE = "acknowledge", "explain", "escalate"
# Each action: the status it leads to, the statuses it may start from, its audit verb and
# whether it needs a note.
ACTIONS: dict[str, tuple[str, tuple[str, ...], AuditVerb, bool]] = {
    ACKNOWLEDGE: (
        AlertStatus.ACKNOWLEDGED,
        (AlertStatus.OPEN,),
        AuditVerb.ALERT_ACKNOWLEDGE,
        False,
    ),
    EXPLAIN: (
        AlertStatus.EXPLAINED,
        (AlertStatus.OPEN, AlertStatus.ACKNOWLEDGED),
        AuditVerb.ALERT_EXPLAIN,
        True,
    ),
    ESCALATE: (
        AlertStatus.ESCALATED,
        (AlertStatus.OPEN, AlertStatus.ACKNOWLEDGED),
        AuditVerb.ALERT_ESCALATE,
        True,
    ),
}
NOTE_NEEDED = {
    EXPLAIN: "Say why the rise is explained",
    ESCALATE: "Say what is to be investigated",
}
NOTE_TOO_LONG = f"The note must be {NOTE_LIMIT} characters or fewer"
NOTE_UNREADABLE = "The note contains characters that cannot be saved; remove them and try again"
ALREADY: dict[str, str] = {
    AlertStatus.ACKNOWLEDGED: "This alert has already been acknowledged",
    AlertStatus.EXPLAINED: "This alert has already been closed as explained",
    AlertStatus.ESCALATED: "This alert has already been escalated for investigation",
}
CLOSED_STATUSES = (AlertStatus.EXPLAINED, AlertStatus.ESCALATED)


class AlertNotFound(Exception):
    """No alert with that number."""


@dataclass
class AlertChangeRefused(Exception):
    """The change cannot be made; ``message`` says why, in the analyst's words."""

    message: str


def note_problem(action: str, note: str) -> str | None:
    """Why ``note`` will not do for ``action``, or None. The one rule, for the page and the
    service."""
    if "\x00" in note or any(0xD800 <= ord(c) <= 0xDFFF for c in note):
        return NOTE_UNREADABLE
    if len(note) > NOTE_LIMIT:
        return NOTE_TOO_LONG
    if ACTIONS[action][3] and not note.strip():
        return NOTE_NEEDED[action]
    return None


def alert_change(*, actor: Actor, alert_id: int, action: str, note: str = "") -> SurgeAlert:
    """Make ``action`` on the alert; audited. Raises ``AlertNotFound`` or
    ``AlertChangeRefused``."""
    capability_require(actor=actor, capability=Capability.MONITOR_SURGES)
    if action not in ACTIONS:
        raise AlertChangeRefused("Choose what to do with the alert")
    status, starts, verb, _needs_note = ACTIONS[action]
    problem = note_problem(action, note)
    if problem is not None:
        raise AlertChangeRefused(problem)
    with transaction.atomic():
        alert = SurgeAlert.objects.select_for_update().filter(pk=alert_id).first()
        if alert is None:
            raise AlertNotFound
        if alert.status not in starts:
            raise AlertChangeRefused(ALREADY.get(alert.status, "This alert cannot be changed"))
        before = alert.status
        alert.status = status
        if note.strip():
            alert.note = note.strip()
        alert.changed_at = timezone.now()
        alert.changed_by = actor if isinstance(actor, User) else None
        alert.save(update_fields=["status", "note", "changed_at", "changed_by"])
        audit_record(
            actor=actor,
            verb=verb,
            target=alert,
            old={"status": before},
            new={"status": status},
        )
    return alert


def alerts_list(*, actor: Actor, closed: bool = False) -> list[SurgeAlert]:
    """The alerts still to handle (new and acknowledged, newest period first), or the closed
    and escalated ones."""
    capability_require(actor=actor, capability=Capability.MONITOR_SURGES)
    queryset = SurgeAlert.objects.all()
    if closed:
        queryset = queryset.filter(status__in=CLOSED_STATUSES)
    else:
        queryset = queryset.exclude(status__in=CLOSED_STATUSES)
    return list(queryset.order_by("-period_start", "-score", "id")[:500])


def alert_get(*, actor: Actor, alert_id: int) -> SurgeAlert:
    capability_require(actor=actor, capability=Capability.MONITOR_SURGES)
    alert = SurgeAlert.objects.filter(pk=alert_id).first()
    if alert is None:
        raise AlertNotFound
    return alert
