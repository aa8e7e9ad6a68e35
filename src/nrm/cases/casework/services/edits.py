"""Changes of a case that leave its stage alone: reallocation to another competent authority,
assignment to a caseworker, the case summary, notes, and the day-30 review of the recovery and
reflection period. Each is refused at a stage ``events.RULES`` does not allow it at."""

from datetime import date

from django.utils import timezone

from nrm.accounts.actors import Actor
from nrm.accounts.capabilities import Capability
from nrm.accounts.models import User
from nrm.accounts.permissions import has_capability
from nrm.cases.casework import messages
from nrm.cases.casework.events import RULES, event_applies
from nrm.cases.casework.services.locking import CaseRefused, Entry, case_change
from nrm.cases.models import Case
from nrm.cases.stages import Change
from nrm.standard.codes import CompetentAuthority
from nrm.standard.words import say


def _applies(change: Change, case: Case) -> None:
    if not event_applies(change, stage=case.stage):
        raise CaseRefused(RULES[change].wrong_stage)


def _reasons(change: Change, text: str) -> None:
    if RULES[change].reasons_required and not text.strip():
        raise CaseRefused(RULES[change].reasons_required)


def case_reallocate(
    *,
    actor: Actor,
    reference: str,
    authority: CompetentAuthority,
    reason: str,
    expected_version: int,
) -> Case:
    """Move a case to another competent authority (managers), with a reason."""

    def change(case: Case) -> Entry:
        _reasons(Change.REALLOCATE, reason)
        current = case.referral.competent_authority
        if current == authority:
            label = CompetentAuthority(authority).label
            raise CaseRefused(messages.REALLOCATION_SAME_AUTHORITY.format(authority=label))
        _applies(Change.REALLOCATE, case)
        case.referral.competent_authority = authority
        case.referral.save(update_fields=["competent_authority"])
        case.competent_authority = CompetentAuthority(authority).value
        case.assigned_to = None
        detail = {"from": current, "to": CompetentAuthority(authority).value}
        return Entry(Change.REALLOCATE, timezone.localdate(), reason, detail)

    return case_change(
        actor=actor,
        reference=reference,
        expected_version=expected_version,
        event=Change.REALLOCATE,
        change=change,
    )


def case_assign(
    *, actor: Actor, reference: str, assignee: User | None, expected_version: int
) -> Case:
    """Assign a case to a caseworker of its competent authority (or unassign with None)."""

    def change(case: Case) -> Entry:
        _applies(Change.ASSIGN, case)
        if assignee is not None:
            organisation = assignee.organisation
            fits = (
                assignee.is_active
                and organisation is not None
                and organisation.competent_authority == case.referral.competent_authority
                and has_capability(assignee, Capability.RECORD_RG_DECISION)
            )
            if not fits:
                raise CaseRefused(
                    messages.ASSIGNEE_NOT_CASEWORKER.format(username=assignee.username)
                )
        case.assigned_to = assignee
        detail = {"assignee": assignee.pk if assignee else None}
        return Entry(Change.ASSIGN, timezone.localdate(), "", detail)

    return case_change(
        actor=actor,
        reference=reference,
        expected_version=expected_version,
        event=Change.ASSIGN,
        change=change,
    )


def case_edit(*, actor: Actor, reference: str, expected_version: int, summary: str) -> Case:
    """Save the caseworker's case summary. A stale version raises ``CaseConflict``; the caller
    keeps what the user typed and shows it again with the conflict message."""

    def change(case: Case) -> Entry:
        case.summary = summary
        return Entry(Change.EDIT, timezone.localdate(), "", {"fields": ["summary"]})

    return case_change(
        actor=actor,
        reference=reference,
        expected_version=expected_version,
        event=Change.EDIT,
        change=change,
    )


def case_note_add(*, actor: Actor, reference: str, expected_version: int, note: str) -> Case:
    """Add a note to the case's timeline. The note is case content: the audit records only that
    a note was added."""

    def change(case: Case) -> Entry:
        _reasons(Change.NOTE, note)
        return Entry(Change.NOTE, timezone.localdate(), note.strip())

    return case_change(
        actor=actor,
        reference=reference,
        expected_version=expected_version,
        event=Change.NOTE,
        change=change,
    )


def review_record(*, actor: Actor, reference: str, on: date, expected_version: int) -> Case:
    """Record the day-30 review of the recovery and reflection period."""

    def change(case: Case) -> Entry:
        _applies(Change.REVIEW, case)
        if case.reviewed_on is not None:
            raise CaseRefused(say(messages.REVIEW_ALREADY_RECORDED, day=case.reviewed_on))
        case.reviewed_on = on
        return Entry(Change.REVIEW, on)

    return case_change(
        actor=actor,
        reference=reference,
        expected_version=expected_version,
        event=Change.REVIEW,
        change=change,
    )
