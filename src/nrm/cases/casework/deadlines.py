"""The daily deadline run: what is due or overdue for each competent authority, with reminders
to its staff (in-app and email). Emails carry counts and NRM references only."""

from dataclasses import dataclass, field
from datetime import date

from django.db import transaction

from nrm.accounts.actors import Actor
from nrm.accounts.capabilities import Capability
from nrm.accounts.models import NoticeKind, Organisation
from nrm.accounts.notices import notices_send
from nrm.accounts.permissions import capability_require
from nrm.audit.models import AuditVerb
from nrm.audit.services import audit_record
from nrm.cases.access import case_scope
from nrm.cases.casework.selectors import QUEUE_LABEL, Queue, queue_filter
from nrm.cases.models import Case
from nrm.standard.codes import CompetentAuthority
from nrm.standard.words import long_date

REMINDER_QUEUES = (Queue.OVERDUE, Queue.DUE_TODAY, Queue.REVIEW_DUE, Queue.UPCOMING_CG)
SUBJECT = "NRM deadlines for {authority} on {today}: {overdue} overdue, {due} due today"
HEADING = "Deadlines of {authority} on {today}."
SIGN_IN = "Sign in to Open NRM to open the cases."
LIMIT = 200  # references listed per queue in an email; the counts are always complete


@dataclass
class AuthorityDeadlines:
    authority: CompetentAuthority
    references: dict[Queue, list[str]] = field(default_factory=dict)
    counts: dict[Queue, int] = field(default_factory=dict)

    def body(self, *, today: date, email: bool = True) -> str:
        """The reminder: counts and NRM references only. The email ends by asking its reader
        to sign in; the in-app notice is read signed in."""
        lines = [HEADING.format(authority=self.authority.label, today=long_date(today)), ""]
        for queue in REMINDER_QUEUES:
            lines.append(f"{QUEUE_LABEL[queue]}: {self.counts[queue]}")
            lines += [f"  {reference}" for reference in self.references[queue]]
            if self.counts[queue] > len(self.references[queue]):
                lines.append(f"  … and {self.counts[queue] - len(self.references[queue])} more")
        if email:
            lines += ["", SIGN_IN]
        return "\n".join(lines) + "\n"


def deadlines_collect(*, actor: Actor, today: date) -> list[AuthorityDeadlines]:
    """For each competent authority with cases ``actor`` sees, those in each reminder queue."""
    found = []
    seen = Case.objects.filter(case_scope(actor))
    authorities = seen.values_list("competent_authority", flat=True).order_by().distinct()
    for code in sorted(set(authorities)):
        entry = AuthorityDeadlines(CompetentAuthority(code))
        cases = seen.filter(competent_authority=code)
        for queue in REMINDER_QUEUES:
            chosen = cases.filter(queue_filter(queue, today=today)).order_by("due_on", "pk")
            entry.counts[queue] = chosen.count()
            entry.references[queue] = list(
                chosen.values_list("referral__reference", flat=True)[:LIMIT]
            )
        found.append(entry)
    return found


def deadline_reminders_send(
    *, actor: Actor, today: date, email: bool = True
) -> list[AuthorityDeadlines]:
    """Collect the deadlines of the cases ``actor`` sees (the operator's daily run, ``nrm
    deadlines``: every case) and remind each authority's staff; audited. Returns what was
    due."""
    capability_require(actor=actor, capability=Capability.VIEW_DEADLINES)
    collected = deadlines_collect(actor=actor, today=today)
    with transaction.atomic():
        for entry in collected:
            due = entry.counts[Queue.OVERDUE] + entry.counts[Queue.DUE_TODAY]
            if not due and not entry.counts[Queue.REVIEW_DUE]:
                continue
            body = entry.body(today=today)
            notice = entry.body(today=today, email=False)
            sent = notices_send(
                organisations=list(
                    Organisation.objects.filter(competent_authority=entry.authority.value)
                ),
                kind=NoticeKind.REMINDER,
                subject=SUBJECT.format(
                    authority=entry.authority.label,
                    today=long_date(today),
                    overdue=entry.counts[Queue.OVERDUE],
                    due=entry.counts[Queue.DUE_TODAY],
                ),
                text=notice,
                email=body if email else "",
                readers=Capability.VIEW_DEADLINES,
            )
            audit_record(
                actor=actor,
                verb=AuditVerb.REMINDER_SEND,
                detail={
                    "competent_authority": entry.authority.value,
                    "counts": {queue.value: n for queue, n in entry.counts.items()},
                    "emails": sent,
                },
            )
    return collected
