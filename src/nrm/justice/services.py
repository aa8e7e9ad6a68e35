"""Recording prosecutions and asset recovery: checked against the actor's authority, saved
whole or not at all, and audited. Records come through the data standard
(``nrm.standard.justice_schema``) already validated by the door.

A prosecution is keyed by its authority and the authority's case reference: recording it again
replaces its offences and victims with those given (a later extract of the authority's case
management system, with the outcomes known since), audited as an update. Its defendants are
kept where the same name and date of birth is given again (with what refers to them: links to
organised crime groups); a defendant no longer given is removed, and the audit says how many.
"""

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date
from typing import Any

from django.db import transaction

from nrm.accounts.actors import Actor, SystemActor
from nrm.accounts.capabilities import Capability
from nrm.accounts.models import Organisation
from nrm.accounts.permissions import capability_require
from nrm.audit.models import AuditVerb
from nrm.audit.services import audit_record
from nrm.cases.models import Referral
from nrm.justice.errors import (
    NO_SUCH_PROSECUTION,
    NOT_YOUR_AUTHORITY,
    UNKNOWN_VICTIM,
    JusticeInvalid,
    JusticeRefused,
    refused_as_errors,
)
from nrm.justice.models import AssetRecovery, Charge, Defendant, Prosecution
from nrm.standard import justice_codes as jc
from nrm.standard.justice_schema import (
    AssetRecoveryRecord,
    ChargeRecord,
    DefendantRecord,
    ProsecutionRecord,
)
from nrm.standard.justice_validation import prosecution_validate, recovery_validate


def _organisation(actor: Actor, authority: str, organisation: Organisation | None) -> Organisation:
    """The organisation the record is kept for: the user's own, which must be the record's
    prosecuting authority; an operator names it (or the authority's organisation is used)."""
    label = jc.ProsecutingAuthority(authority).label
    if isinstance(actor, SystemActor):
        found = organisation or Organisation.objects.filter(prosecuting_authority=authority).first()
        if found is None or found.prosecuting_authority != authority:
            raise JusticeRefused(NOT_YOUR_AUTHORITY.format(authority=label), field="authority")
        return found
    own = actor.organisation
    if own is None or own.prosecuting_authority != authority:
        raise JusticeRefused(NOT_YOUR_AUTHORITY.format(authority=label), field="authority")
    return own


def _victims(references: list[str]) -> list[Referral]:
    found = {r.reference: r for r in Referral.objects.filter(reference__in=references)}
    for n, reference in enumerate(references):
        if reference not in found:
            raise JusticeRefused(
                UNKNOWN_VICTIM.format(reference=reference),
                field=f"victim_references[{n}]",
                code="unknown_reference",
            )
    return [found[reference] for reference in references]


def _charge(defendant: Defendant, c: ChargeRecord) -> Charge:
    return Charge(
        defendant=defendant,
        offence=c.offence,
        charged_on=c.charged_on,
        outcome=c.outcome,
        outcome_on=c.outcome_on,
        sentence=c.sentence or "",
        custody_months=c.custody_months,
        fine_pence=c.fine_pence,
    )


def _same_defendant(earlier: list[Defendant], given: DefendantRecord) -> Defendant | None:
    """The defendant recorded before that ``given`` is (the same name and date of birth), taken
    out of ``earlier``: recording a prosecution again keeps its defendants, and what refers to
    them (links to organised crime groups), while their offences are replaced."""
    for n, defendant in enumerate(earlier):
        if defendant.name == given.name and defendant.date_of_birth == given.date_of_birth:
            return earlier.pop(n)
    return None


def prosecution_save(
    *, actor: Actor, record: ProsecutionRecord, organisation: Organisation | None = None
) -> Prosecution:
    """Record (or record again) one prosecution; raises ``JusticeRefused``, saving nothing."""
    return prosecution_write(actor=actor, record=record, organisation=organisation).prosecution


@dataclass(frozen=True)
class Saved:
    """A prosecution recorded, and whether it was new (else it replaced the one recorded)."""

    prosecution: Prosecution
    created: bool
    defendants: int
    charges: int
    victims: int


def prosecution_write(
    *, actor: Actor, record: ProsecutionRecord, organisation: Organisation | None = None
) -> Saved:
    """``prosecution_save``, saying whether the prosecution was new and what it holds."""
    capability_require(actor=actor, capability=Capability.RECORD_PROSECUTIONS)
    owner = _organisation(actor, record.authority, organisation)
    victims = _victims(record.victim_references)
    with transaction.atomic():
        prosecution = (
            Prosecution.objects.select_for_update()
            .filter(authority=record.authority, case_reference=record.case_reference)
            .first()
        )
        verb = AuditVerb.PROSECUTION_UPDATE if prosecution else AuditVerb.PROSECUTION_RECORD
        if prosecution is None:
            prosecution = Prosecution(
                authority=record.authority, case_reference=record.case_reference
            )
            prosecution.created_by = actor if not isinstance(actor, SystemActor) else None
        prosecution.court_nation = record.court_nation
        prosecution.court = record.court
        prosecution.organisation = owner
        prosecution.save()
        prosecution.victims.set(victims)
        charges: list[Charge] = []
        earlier = list(prosecution.defendants.order_by("id")) if prosecution.pk else []
        for d in record.defendants:
            defendant = _same_defendant(earlier, d) or Defendant(prosecution=prosecution)
            defendant.name, defendant.date_of_birth = d.name, d.date_of_birth
            defendant.gender, defendant.nationality = d.gender or "", d.nationality or ""
            defendant.save()
            charges += [_charge(defendant, c) for c in d.charges]
        Defendant.objects.filter(id__in=[d.id for d in earlier]).delete()
        Charge.objects.filter(defendant__prosecution=prosecution).delete()
        Charge.objects.bulk_create(charges)
        audit_record(
            actor=actor,
            verb=verb,
            target=prosecution,
            detail={
                "authority": record.authority,
                "defendants": len(record.defendants),
                "charges": len(charges),
                "victims": len(victims),
                "defendants_removed": len(earlier),
            },
        )
    created = verb == AuditVerb.PROSECUTION_RECORD
    return Saved(prosecution, created, len(record.defendants), len(charges), len(victims))


def prosecution_submit(
    *,
    actor: Actor,
    data: Mapping[str, Any],
    organisation: Organisation | None = None,
    today: date | None = None,
) -> Saved:
    """Validate ``data`` as a prosecution of the data standard and record it: the service every
    door calls. Raises ``JusticeInvalid`` with every problem as a field-level error (the
    service's refusals included), saving nothing; ``CapabilityDenied`` without the capability."""
    capability_require(actor=actor, capability=Capability.RECORD_PROSECUTIONS)
    checked = prosecution_validate(data, today=today)
    if checked.record is None:
        raise JusticeInvalid(checked.errors)
    try:
        return prosecution_write(actor=actor, record=checked.record, organisation=organisation)
    except JusticeRefused as refused:
        raise JusticeInvalid(refused_as_errors(refused)) from None


@dataclass(frozen=True)
class SavedRecovery:
    """A recovery recorded, and whether it was new (else it updated the one recorded)."""

    recovery: AssetRecovery
    created: bool


def recovery_submit(
    *,
    actor: Actor,
    data: Mapping[str, Any],
    organisation: Organisation | None = None,
    today: date | None = None,
) -> SavedRecovery:
    """Validate ``data`` as a cash seizure or confiscation order and record it; raises
    ``JusticeInvalid`` (nothing saved) or ``CapabilityDenied``."""
    capability_require(actor=actor, capability=Capability.RECORD_PROSECUTIONS)
    checked = recovery_validate(data, today=today)
    if checked.record is None:
        raise JusticeInvalid(checked.errors)
    try:
        return recovery_write(actor=actor, record=checked.record, organisation=organisation)
    except JusticeRefused as refused:
        raise JusticeInvalid(refused_as_errors(refused)) from None


def recovery_save(
    *, actor: Actor, record: AssetRecoveryRecord, organisation: Organisation | None = None
) -> AssetRecovery:
    """``recovery_write``'s recovery."""
    return recovery_write(actor=actor, record=record, organisation=organisation).recovery


def recovery_write(
    *, actor: Actor, record: AssetRecoveryRecord, organisation: Organisation | None = None
) -> SavedRecovery:
    """Record one cash seizure or confiscation order, or record again the one with the same
    authority and reference (audited as an update, with the status and amount before and
    after); raises ``JusticeRefused``."""
    capability_require(actor=actor, capability=Capability.RECORD_PROSECUTIONS)
    owner = _organisation(actor, record.authority, organisation)
    prosecution = None
    if record.case_reference is not None:
        prosecution = Prosecution.objects.filter(
            authority=record.authority, case_reference=record.case_reference
        ).first()
        if prosecution is None:
            label = jc.ProsecutingAuthority(record.authority).label
            raise JusticeRefused(
                NO_SUCH_PROSECUTION.format(authority=label, reference=record.case_reference),
                field="case_reference",
                code="unknown_reference",
            )
    with transaction.atomic():
        recovery = None
        if record.reference is not None:
            recovery = (
                AssetRecovery.objects.select_for_update()
                .filter(authority=record.authority, reference=record.reference)
                .first()
            )
        verb = AuditVerb.RECOVERY_UPDATE if recovery else AuditVerb.RECOVERY_RECORD
        old = {"status": recovery.status, "amount_pence": recovery.amount_pence} if recovery else {}
        recovery = recovery or AssetRecovery(authority=record.authority,
                                             reference=record.reference or "")  # fmt: skip
        recovery.kind, recovery.nation = record.kind, record.nation
        recovery.amount_pence, recovery.status = record.amount_pence, record.status
        recovery.recorded_on, recovery.prosecution = record.recorded_on, prosecution
        recovery.organisation = owner
        recovery.save()
        new = {"status": record.status, "amount_pence": record.amount_pence}
        audit_record(
            actor=actor,
            verb=verb,
            target=recovery,
            detail={"kind": record.kind, "authority": record.authority},
            old=old or None,
            new=new if old else None,
        )
    return SavedRecovery(recovery, created=verb == AuditVerb.RECOVERY_RECORD)


def prosecuting_authorities_seed() -> int:
    """Create or update the organisation of each prosecuting authority."""
    for authority, code in jc.AUTHORITY_ORGANISATIONS.items():
        nations = jc.AUTHORITY_NATIONS[authority]
        Organisation.objects.update_or_create(
            code=code,
            defaults={
                "name": str(authority.label),
                "prosecuting_authority": authority.value,
                "nation": nations[0].value if len(nations) == 1 else "",
            },
        )
    return len(jc.AUTHORITY_ORGANISATIONS)
