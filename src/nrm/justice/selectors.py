"""Reading prosecutions, scoped by who asks and audited. Deny by default: a reader of every
prosecution (``READ_PROSECUTIONS``: the hub's analysts) sees them all; a justice data officer
(``RECORD_PROSECUTIONS``) only those of their own organisation's prosecuting authority; anyone
else is refused (the refusal audited)."""

from typing import TYPE_CHECKING

from django.core.paginator import Paginator
from django.db.models import Count, QuerySet

from nrm.accounts.actors import Actor
from nrm.accounts.capabilities import Capability
from nrm.accounts.permissions import capability_require, has_capability
from nrm.audit.models import AuditVerb
from nrm.audit.services import audit_record
from nrm.justice.models import Prosecution

if TYPE_CHECKING:
    from django.core.paginator import Page

PAGE_SIZE = 50


def prosecution_list(*, actor: Actor) -> QuerySet[Prosecution]:
    """The prosecutions ``actor`` may see (not audited: the callers below audit what they
    show). Raises ``CapabilityDenied`` for an actor who may see none."""
    if has_capability(actor, Capability.READ_PROSECUTIONS):
        return Prosecution.objects.all()
    if has_capability(actor, Capability.RECORD_PROSECUTIONS):
        organisation = getattr(actor, "organisation", None)
        authority = getattr(organisation, "prosecuting_authority", "")
        if not authority:
            return Prosecution.objects.none()
        return Prosecution.objects.filter(authority=authority)
    capability_require(actor=actor, capability=Capability.READ_PROSECUTIONS)
    return Prosecution.objects.none()  # not reached: the requirement raised


def prosecution_page(*, actor: Actor, page: int) -> tuple["Page[Prosecution]", int]:
    """One page of the prosecutions ``actor`` may see, newest first, with how many
    defendants, offences charged and victims each has; the listing is audited."""
    queryset: QuerySet[Prosecution] = (
        prosecution_list(actor=actor)
        .annotate(
            defendant_count=Count("defendants", distinct=True),
            charge_count=Count("defendants__charges", distinct=True),
            victim_count=Count("victims", distinct=True),
        )
        .order_by("-id")
    )
    paginator = Paginator(queryset, PAGE_SIZE)
    current = paginator.get_page(page)
    audit_record(
        actor=actor,
        verb=AuditVerb.PROSECUTION_LIST,
        detail={"page": current.number, "ids": [p.pk for p in current]},
    )
    return current, paginator.num_pages


def prosecution_get(*, actor: Actor, prosecution_id: int) -> Prosecution | None:
    """One prosecution ``actor`` may see, with its defendants, charges and victims; the read is
    audited, and so is the attempt on one the actor may not see (None, as for none at all)."""
    prosecution = (
        prosecution_list(actor=actor)
        .prefetch_related("defendants__charges", "victims")
        .filter(pk=prosecution_id)
        .first()
    )
    if prosecution is None:
        audit_record(
            actor=actor, verb=AuditVerb.ACCESS_DENIED, detail={"prosecution": prosecution_id}
        )
        return None
    audit_record(actor=actor, verb=AuditVerb.PROSECUTION_READ, target=prosecution)
    return prosecution
