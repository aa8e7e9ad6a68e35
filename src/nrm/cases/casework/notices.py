"""Decision notices and deadline reminders: in-app notices to organisations and emails to their
people. An email body names the NRM reference and nothing else about the person; the outcome is
read after signing in."""

from collections.abc import Iterable

from nrm.accounts.actors import Actor
from nrm.accounts.capabilities import Capability
from nrm.accounts.models import NoticeKind, Organisation
from nrm.accounts.notices import notices_send
from nrm.audit.models import AuditVerb
from nrm.audit.services import audit_record
from nrm.cases.casework.selectors import case_support
from nrm.cases.models import Case, Decision
from nrm.standard.codes import DecisionStage, SupportReferralStatus
from nrm.standard.words import long_date

DECISION_SUBJECT = "NRM {reference}: a decision has been recorded"
DECISION_EMAIL = (
    "A decision has been recorded on the National Referral Mechanism case {reference}.\n\n"
    "Sign in to Open NRM to read it. This email does not contain details of the case.\n"
)
DECISION_NOTICE = "{stage} decision on {reference}: {outcome}, made on {on}."


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


def decision_notices_send(*, actor: Actor, case: Case, decision: Decision) -> int:
    """An in-app notice to each recipient organisation and an email to its people; audited.
    Returns the number of emails, which are sent when the transaction commits. ``actor`` made
    the decision."""
    reference = case.referral.reference
    recipients = notice_recipients(case)
    emails = notices_send(
        organisations=recipients,
        kind=NoticeKind.DECISION,
        subject=DECISION_SUBJECT.format(reference=reference),
        text=DECISION_NOTICE.format(
            stage=DecisionStage(decision.stage).label,
            reference=reference,
            outcome=decision.get_outcome_display().lower(),
            on=long_date(decision.decided_on),
        ),
        email=DECISION_EMAIL.format(reference=reference),
        readers=Capability.READ_REFERRALS,
        reference=reference,
    )
    audit_record(
        actor=actor,
        verb=AuditVerb.NOTICE_SEND,
        target=case.referral,
        detail={
            "kind": NoticeKind.DECISION.value,
            "organisations": [o.code for o in recipients],
            "emails": emails,
        },
    )
    return emails
