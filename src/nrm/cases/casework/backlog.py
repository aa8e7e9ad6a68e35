"""Backlogs: named sets of cases with a start date (e.g. the cases a hub inherited), so their
clearance can be followed (``selectors.backlog_progress``)."""

from collections.abc import Sequence
from datetime import date

from django.db import transaction
from django.db.models import Q

from nrm.accounts.actors import Actor
from nrm.accounts.capabilities import Capability
from nrm.accounts.permissions import capability_require
from nrm.audit.models import AuditVerb
from nrm.audit.services import audit_record
from nrm.cases.access import case_scope
from nrm.cases.casework import messages
from nrm.cases.models import Backlog, Case


class BacklogInvalid(ValueError):
    """The backlog cannot be created as asked; the message says why."""


def backlog_create(
    *, actor: Actor, name: str, starts_on: date, references: Sequence[str] | None = None
) -> Backlog:
    """Create the backlog ``name`` of the cases ``references``, or, without references, of every
    case open on ``starts_on`` (received by then and not closed before it). The actor needs the
    allocation capability and chooses among the cases they see (the operator at the command
    line: every case)."""
    capability_require(actor=actor, capability=Capability.ALLOCATE_CASE)
    name = name.strip()
    if not name:
        raise BacklogInvalid(messages.BACKLOG_NEEDS_NAME)
    cases = Case.objects.filter(case_scope(actor))
    if references is None:
        chosen = cases.filter(received_on__lte=starts_on).filter(
            Q(closed_on=None) | Q(closed_on__gte=starts_on)
        )
    else:
        wanted = sorted(set(references))
        chosen = cases.filter(referral__reference__in=wanted)
        found = set(chosen.values_list("referral__reference", flat=True))
        missing = [ref for ref in wanted if ref not in found]
        if missing:
            shown = ", ".join(missing[:10]) + (" …" if len(missing) > 10 else "")
            raise BacklogInvalid(
                messages.BACKLOG_UNKNOWN_CASES.format(count=len(missing), shown=shown)
            )
    with transaction.atomic():
        if Backlog.objects.filter(name=name).exists():
            raise BacklogInvalid(messages.BACKLOG_EXISTS.format(name=name))
        backlog = Backlog.objects.create(name=name, starts_on=starts_on)
        backlog.cases.set(list(chosen.values_list("pk", flat=True)))
        audit_record(
            actor=actor,
            verb=AuditVerb.BACKLOG_CREATE,
            target=backlog,
            detail={"starts_on": starts_on.isoformat(), "cases": backlog.cases.count()},
        )
    return backlog
