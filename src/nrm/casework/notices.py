"""Decision notices and deadline reminders: in-app notices to organisations and emails to their
people. An email body names the NRM reference and nothing else about the person; the outcome is
read after signing in."""

from collections.abc import Iterable
from typing import Any

from django.conf import settings
from django.core.mail import send_mass_mail
from django.db import transaction

from nrm.accounts.capabilities import Capability
from nrm.accounts.models import Organisation, User
from nrm.audit.models import AuditVerb
from nrm.audit.services import audit_record
from nrm.casework.models import Case, Notice
from nrm.casework.selectors import case_support
from nrm.referrals.models import Decision
from nrm.standard.codes import DecisionStage, SupportReferralStatus

DECISION_SUBJECT = "NRM {reference}: a decision has been recorded"
DECISION_EMAIL = (
    "A decision has been recorded on the National Referral Mechanism case {reference}.\n\n"
    "Sign in to Open NRM to read it. This email does not contain details of the case.\n"
)
DECISION_NOTICE = "{stage} decision on {reference}: {outcome} ({on})."


def notice_recipients(case: Case) -> list[Organisation]:
    """The organisations told of decisions: the referring first responder and the support
    providers of the case."""
    recipients = [case.referral.organisation]
    for extra in _support_organisations(case):
        if extra not in recipients:
            recipients.append(extra)
    return recipients


def _support_organisations(case: Case) -> Iterable[Organisation]:
    """The providers (and sub-contractors) supporting the person, unless they declined."""
    found: list[Organisation] = []
    for support in case_support(case=case):
        if support.status != SupportReferralStatus.DECLINED:
            found += [o for o in (support.provider, support.delivered_by) if o is not None]
    return found


def _people(organisation: Organisation) -> list[str]:
    """Email addresses of the active people of an organisation who may read its cases."""
    people = User.objects.filter(organisation=organisation, is_active=True).exclude(email="")
    return sorted(
        {
            person.email
            for person in people.select_related("role")
            if person.role is not None and Capability.READ_REFERRALS in person.role.capabilities
        }
    )


def decision_notices_send(*, case: Case, decision: Decision) -> int:
    """An in-app notice to each recipient organisation and an email to its people; audited.
    Returns the number of emails, which are sent when the transaction commits."""
    reference = case.referral.reference
    notice_text = DECISION_NOTICE.format(
        stage=DecisionStage(decision.stage).label,
        reference=reference,
        outcome=decision.get_outcome_display().lower(),
        on=decision.decided_on.isoformat(),
    )
    subject = DECISION_SUBJECT.format(reference=reference)
    body = DECISION_EMAIL.format(reference=reference)
    messages: list[tuple[str, str, str, list[str]]] = []
    for organisation in notice_recipients(case):
        Notice.objects.create(
            organisation=organisation,
            case=case,
            kind="decision",
            subject=subject,
            body=notice_text,
        )
        messages += [
            (subject, body, settings.DEFAULT_FROM_EMAIL, [to]) for to in _people(organisation)
        ]
    if messages:
        transaction.on_commit(lambda: send_mass_mail(messages, fail_silently=False))
    audit_record(
        actor=None,
        verb=AuditVerb.NOTICE_SEND,
        target=case.referral,
        detail={
            "kind": "decision",
            "organisations": [o.code for o in notice_recipients(case)],
            "emails": len(messages),
        },
    )
    return len(messages)


def notices_for(*, actor: Any, unread_only: bool = False) -> list[Notice]:
    """The in-app notices of the actor's organisation, newest first."""
    organisation_id = getattr(actor, "organisation_id", None)
    if organisation_id is None or not getattr(actor, "is_active", False):
        return []
    queryset = Notice.objects.filter(organisation_id=organisation_id)
    if unread_only:
        queryset = queryset.filter(read_at=None)
    return list(queryset.select_related("case__referral")[:200])
