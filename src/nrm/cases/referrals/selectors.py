"""Reads for intake, scoped to the acting user. Reads of a case are audited."""

import uuid
from typing import Any

from django.core.paginator import Page, Paginator
from django.db.models import QuerySet

from nrm.accounts.capabilities import Capability, Scope
from nrm.accounts.permissions import has_capability
from nrm.audit.models import AuditVerb
from nrm.audit.services import audit_record
from nrm.cases import models
from nrm.cases.casework.scope import referral_scope


def _own_organisation(actor: Any) -> int | None:
    """The organisation whose anonymous notifications ``actor`` sees: their own, when their
    role's scope is their own organisation; None otherwise."""
    role = getattr(actor, "role", None)
    if role is None or role.scope != Scope.OWN_ORGANISATION or not actor.is_active:
        return None
    return getattr(actor, "organisation_id", None)


def referral_list(*, actor: Any) -> QuerySet[models.Referral]:
    """Referrals visible to ``actor`` under their role's scope (``nrm.cases.casework.scope``)."""
    queryset = models.Referral.objects.filter(referral_scope(actor))
    return queryset.order_by("-referral_date", "-id")


def referral_get(*, actor: Any, reference: str) -> models.Referral | None:
    """One referral visible to ``actor``, with its person and nationalities; the read is audited."""
    referral = (
        referral_list(actor=actor)
        .select_related("person", "organisation")
        .prefetch_related("nationalities", "decisions")
        .filter(reference=reference)
        .first()
    )
    if referral is None:
        audit_record(actor=actor, verb=AuditVerb.ACCESS_DENIED, detail={"reference": reference})
        return None
    audit_record(actor=actor, verb=AuditVerb.REFERRAL_READ, target=referral)
    return referral


def notification_list(*, actor: Any) -> QuerySet[models.AnonymousNotification]:
    org = _own_organisation(actor)
    queryset = models.AnonymousNotification.objects.all()
    queryset = queryset.filter(organisation_id=org) if org else queryset.none()
    return queryset.order_by("-notification_date", "-id")


def notification_get(*, actor: Any, reference: str) -> models.AnonymousNotification | None:
    notification = notification_list(actor=actor).filter(reference=reference).first()
    if notification is None:
        audit_record(actor=actor, verb=AuditVerb.ACCESS_DENIED, detail={"reference": reference})
        return None
    audit_record(actor=actor, verb=AuditVerb.NOTIFICATION_READ, target=notification)
    return notification


PAGE_SIZE = 50


def _audited_page(
    queryset: QuerySet[Any], *, actor: Any, page: int, verb: AuditVerb
) -> tuple["Page[Any]", int]:
    paginator = Paginator(queryset, PAGE_SIZE)
    current = paginator.get_page(page)
    references = [item.reference for item in current]
    audit_record(actor=actor, verb=verb, detail={"page": current.number, "references": references})
    return current, paginator.num_pages


def referral_page(*, actor: Any, page: int) -> tuple["Page[models.Referral]", int]:
    """One page of the referrals visible to ``actor``, newest first; the listing is audited."""
    queryset = referral_list(actor=actor).select_related("case").prefetch_related("decisions")
    return _audited_page(queryset, actor=actor, page=page, verb=AuditVerb.REFERRAL_LIST)


def notification_page(*, actor: Any, page: int) -> tuple["Page[models.AnonymousNotification]", int]:
    queryset = notification_list(actor=actor)
    return _audited_page(queryset, actor=actor, page=page, verb=AuditVerb.NOTIFICATION_LIST)


# Drafts of web referrals hold personal data: only the first responders (capability to submit
# referrals, scope of their own organisation) of the draft's organisation see them. Reads are
# audited.
DRAFT_READ = AuditVerb.DRAFT_READ


def _draft_organisation(actor: Any) -> int | None:
    if not has_capability(actor, Capability.SUBMIT_REFERRAL):
        return None
    return _own_organisation(actor)


def draft_list(*, actor: Any) -> list[models.ReferralDraft]:
    """The drafts of the actor's organisation, last saved first; the listing is audited."""
    org = _draft_organisation(actor)
    if org is None:
        return []
    drafts = list(
        models.ReferralDraft.objects.filter(organisation_id=org).select_related("created_by")
    )
    if drafts:
        audit_record(
            actor=actor,
            verb=AuditVerb.REFERRAL_LIST,
            detail={"drafts": [str(d.pk) for d in drafts]},
        )
    return drafts


def draft_get(*, actor: Any, draft_id: str) -> models.ReferralDraft | None:
    """One draft of the actor's organisation; the read (or the refusal) is audited."""
    org = _draft_organisation(actor)
    try:
        key = uuid.UUID(draft_id)
    except ValueError:
        key = None
    draft = (
        models.ReferralDraft.objects.filter(organisation_id=org, pk=key).first()
        if org is not None and key is not None
        else None
    )
    if draft is None:
        audit_record(actor=actor, verb=AuditVerb.ACCESS_DENIED, detail={"draft": draft_id[:64]})
        return None
    audit_record(actor=actor, verb=DRAFT_READ, target=draft, detail={"draft": True})
    return draft
