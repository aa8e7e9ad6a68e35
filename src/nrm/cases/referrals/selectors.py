"""Reads for intake, scoped to the acting user. Reads of a case are audited."""

import uuid
from typing import Any

from django.core.paginator import Page, Paginator
from django.db.models import Count, QuerySet
from django.db.models.functions import ExtractYear

from nrm.accounts.actors import Actor
from nrm.accounts.capabilities import Capability
from nrm.accounts.permissions import capability_require
from nrm.audit.models import AuditVerb
from nrm.audit.services import audit_record
from nrm.cases import models
from nrm.cases.access import draft_organisation, notification_scope, referral_scope


def referral_list(*, actor: Actor) -> QuerySet[models.Referral]:
    """Referrals visible to ``actor`` (``nrm.cases.access``)."""
    queryset = models.Referral.objects.filter(referral_scope(actor))
    return queryset.order_by("-referral_date", "-id")


def referral_get(*, actor: Actor, reference: str) -> models.Referral | None:
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


def notification_list(*, actor: Actor) -> QuerySet[models.AnonymousNotification]:
    queryset = models.AnonymousNotification.objects.filter(notification_scope(actor))
    return queryset.order_by("-notification_date", "-id")


def notification_get(*, actor: Actor, reference: str) -> models.AnonymousNotification | None:
    notification = notification_list(actor=actor).filter(reference=reference).first()
    if notification is None:
        audit_record(actor=actor, verb=AuditVerb.ACCESS_DENIED, detail={"reference": reference})
        return None
    audit_record(actor=actor, verb=AuditVerb.NOTIFICATION_READ, target=notification)
    return notification


PAGE_SIZE = 50


def _audited_page(
    queryset: QuerySet[Any], *, actor: Actor, page: int, verb: AuditVerb
) -> tuple["Page[Any]", int]:
    paginator = Paginator(queryset, PAGE_SIZE)
    current = paginator.get_page(page)
    references = [item.reference for item in current]
    audit_record(actor=actor, verb=verb, detail={"page": current.number, "references": references})
    return current, paginator.num_pages


def referral_page(*, actor: Actor, page: int) -> tuple["Page[models.Referral]", int]:
    """One page of the referrals visible to ``actor``, newest first; the listing is audited."""
    queryset = referral_list(actor=actor).select_related("case").prefetch_related("decisions")
    return _audited_page(queryset, actor=actor, page=page, verb=AuditVerb.REFERRAL_LIST)


def notification_page(
    *, actor: Actor, page: int
) -> tuple["Page[models.AnonymousNotification]", int]:
    queryset = notification_list(actor=actor)
    return _audited_page(queryset, actor=actor, page=page, verb=AuditVerb.NOTIFICATION_LIST)


# Drafts of web referrals hold personal data: only the first responders of the draft's
# organisation see them (``nrm.cases.access.draft_organisation``). Reads are audited.
DRAFT_READ = AuditVerb.DRAFT_READ


def draft_list(*, actor: Actor) -> list[models.ReferralDraft]:
    """The drafts of the actor's organisation, last saved first; the listing is audited."""
    org = draft_organisation(actor)
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


def draft_get(*, actor: Actor, draft_id: str) -> models.ReferralDraft | None:
    """One draft of the actor's organisation; the read (or the refusal) is audited."""
    org = draft_organisation(actor)
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


# Reads for the layers above the case domain (intelligence), which link their records to
# referrals: the case domain knows nothing of them, and reads for them only as below.


def referral_ids_for(*, references: list[str]) -> dict[str, int]:
    """The ids of the referrals with these references, to link a record to them; no content of
    a referral is read, so nothing is audited."""
    found = models.Referral.objects.filter(reference__in=references).values_list("reference", "pk")
    return dict(found)


def referral_counts_by_year() -> dict[int, int]:
    """How many referrals were made in each calendar year of their referral date (as the
    statistics extract's ``referral_year`` counts them); counts only, so nothing is audited."""
    years = (
        models.Referral.objects.annotate(year=ExtractYear("referral_date"))
        .values("year")
        .annotate(n=Count("id"))
        .order_by("year")
    )
    return {row["year"]: row["n"] for row in years}


def referral_get_linked(
    *, actor: Actor, reference: str, link: dict[str, Any]
) -> models.Referral | None:
    """One referral read through a link from a higher layer, which has decided that ``actor``
    may read it (an intelligence analyst reading the NRM record of a person linked to their
    intelligence). The actor must hold ``read_linked_nrm_records``; the read is audited with
    ``link`` (what led to it) in its detail."""
    capability_require(
        actor=actor, capability=Capability.READ_LINKED_NRM_RECORDS, detail={"reference": reference}
    )
    referral = (
        models.Referral.objects.select_related("person", "organisation")
        .prefetch_related("nationalities", "decisions")
        .filter(reference=reference)
        .first()
    )
    if referral is None:
        audit_record(actor=actor, verb=AuditVerb.ACCESS_DENIED, detail={"reference": reference})
        return None
    audit_record(actor=actor, verb=AuditVerb.REFERRAL_READ, target=referral, detail=link)
    return referral
