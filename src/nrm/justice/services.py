"""Recording prosecutions and asset recovery: checked against the actor's authority, saved
whole or not at all, and audited. Records come through the data standard
(``nrm.standard.justice_schema``) already validated by the door.

A prosecution is keyed by its authority and the authority's case reference: recording it again
replaces its defendants, charges and victims with those given (a later extract of the
authority's case management system, with the outcomes known since), audited as an update.
"""

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
    JusticeRefused,
)
from nrm.justice.models import AssetRecovery, Charge, Defendant, Prosecution
from nrm.standard import justice_codes as jc
from nrm.standard.justice_schema import AssetRecoveryRecord, ChargeRecord, ProsecutionRecord


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


def prosecution_save(
    *, actor: Actor, record: ProsecutionRecord, organisation: Organisation | None = None
) -> Prosecution:
    """Record (or record again) one prosecution; raises ``JusticeRefused``, saving nothing."""
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
            prosecution = Prosecution(authority=record.authority,
                                      case_reference=record.case_reference)  # fmt: skip
            prosecution.created_by = actor if not isinstance(actor, SystemActor) else None
        else:
            prosecution.defendants.all().delete()
        prosecution.court_nation = record.court_nation
        prosecution.court = record.court
        prosecution.organisation = owner
        prosecution.save()
        prosecution.victims.set(victims)
        charges: list[Charge] = []
        for d in record.defendants:
            defendant = Defendant.objects.create(
                prosecution=prosecution,
                name=d.name,
                date_of_birth=d.date_of_birth,
                gender=d.gender or "",
                nationality=d.nationality or "",
            )
            charges += [_charge(defendant, c) for c in d.charges]
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
            },
        )
    return prosecution


def recovery_save(
    *, actor: Actor, record: AssetRecoveryRecord, organisation: Organisation | None = None
) -> AssetRecovery:
    """Record one cash seizure or confiscation order; raises ``JusticeRefused``."""
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
        recovery = AssetRecovery.objects.create(
            kind=record.kind,
            authority=record.authority,
            nation=record.nation,
            amount_pence=record.amount_pence,
            status=record.status,
            recorded_on=record.recorded_on,
            prosecution=prosecution,
            organisation=owner,
        )
        audit_record(
            actor=actor,
            verb=AuditVerb.RECOVERY_RECORD,
            target=recovery,
            detail={"kind": record.kind, "authority": record.authority},
        )
    return recovery


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
