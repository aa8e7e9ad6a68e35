"""Linking defendants in prosecutions to organised crime groups: an analyst who reads both
prosecutions and intelligence records that a defendant belongs to a group they may see, or
takes the link away. Each link and unlink is audited in the same transaction, naming the
defendant, their prosecution and the group by key (never by a person's name)."""

from django.db import transaction
from django.utils import timezone

from nrm.accounts.actors import Actor, SystemActor
from nrm.accounts.capabilities import Capability
from nrm.accounts.permissions import capability_require
from nrm.audit.models import AuditVerb
from nrm.audit.services import audit_record
from nrm.intelligence.models import DefendantOcgLink
from nrm.intelligence.ocg_selectors import ocg_register
from nrm.justice.models import Defendant

DEFENDANT_UNKNOWN = "Choose a defendant in this prosecution"
OCG_UNKNOWN = "Choose an organised crime group from the list"
ALREADY_LINKED = "This defendant is already linked to that group"
LINK_UNKNOWN = "That link does not exist or was already removed"


class LinkRefused(Exception):
    """The link cannot be made or removed; nothing was changed. ``field`` says which answer."""

    def __init__(self, message: str, *, field: str) -> None:
        super().__init__(message)
        self.message = message
        self.field = field


def _require(actor: Actor) -> None:
    capability_require(actor=actor, capability=Capability.READ_PROSECUTIONS)
    capability_require(actor=actor, capability=Capability.READ_INTELLIGENCE)


def defendant_ocg_link(
    *, actor: Actor, prosecution_id: int, defendant_id: int, ocg: str
) -> DefendantOcgLink:
    """Link a defendant of prosecution ``prosecution_id`` to the group ``ocg`` (its register
    key), which ``actor`` must be able to see; raises ``LinkRefused``."""
    _require(actor)
    defendant = Defendant.objects.filter(pk=defendant_id, prosecution_id=prosecution_id).first()
    if defendant is None:
        raise LinkRefused(DEFENDANT_UNKNOWN, field="defendant")
    if ocg not in {group.key for group in ocg_register(actor=actor)}:
        raise LinkRefused(OCG_UNKNOWN, field="ocg")
    with transaction.atomic():
        if DefendantOcgLink.objects.filter(defendant=defendant, ocg=ocg).exists():
            raise LinkRefused(ALREADY_LINKED, field="ocg")
        link = DefendantOcgLink.objects.create(
            defendant=defendant,
            ocg=ocg,
            linked_by=None if isinstance(actor, SystemActor) else actor,
            linked_at=timezone.now(),
        )
        audit_record(
            actor=actor,
            verb=AuditVerb.OCG_DEFENDANT_LINK,
            target=link,
            detail={"ocg": ocg, "defendant": defendant.pk, "prosecution": prosecution_id},
        )
    return link


def defendant_ocg_unlink(*, actor: Actor, prosecution_id: int, link_id: int) -> None:
    """Remove the link ``link_id`` of a defendant of prosecution ``prosecution_id``; raises
    ``LinkRefused`` when there is no such link."""
    _require(actor)
    with transaction.atomic():
        link = (
            DefendantOcgLink.objects.select_for_update()
            .filter(pk=link_id, defendant__prosecution_id=prosecution_id)
            .first()
        )
        if link is None:
            raise LinkRefused(LINK_UNKNOWN, field="link")
        detail = {
            "ocg": link.ocg,
            "defendant": link.defendant_id,
            "prosecution": prosecution_id,
            "linked_by": link.linked_by_id,
            "linked_at": link.linked_at.isoformat(),
        }
        audit_record(actor=actor, verb=AuditVerb.OCG_DEFENDANT_UNLINK, target=link, detail=detail)
        link.delete()
