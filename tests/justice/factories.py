"""Prosecutions and asset recovery for tests, saved through the justice services as the
operator for the authority's organisation (created when missing)."""

from collections.abc import Sequence
from typing import Any

from nrm.accounts.actors import OPERATOR
from nrm.accounts.models import Organisation
from nrm.justice.models import AssetRecovery, Prosecution
from nrm.justice.services import (
    prosecuting_authorities_seed,
    prosecution_save,
    recovery_save,
)
from nrm.standard import justice_codes as jc
from nrm.standard.justice_schema import AssetRecoveryRecord, ProsecutionRecord

S57 = jc.Offence.SEXUAL_OFFENCES_ACT_S57_59.value
S4 = jc.Offence.AITOC_S4.value
S71 = jc.Offence.CORONERS_JUSTICE_S71.value
OTHER = jc.Offence.OTHER.value
CONVICTED = jc.ChargeOutcome.CONVICTED.value
ACQUITTED = jc.ChargeOutcome.ACQUITTED.value
CUSTODY = jc.SentenceKind.IMMEDIATE_CUSTODY.value
FINE = jc.SentenceKind.FINE.value


def authority_organisation(authority: str = "cps") -> Organisation:
    """The prosecuting authority's organisation, seeded when missing."""
    prosecuting_authorities_seed()
    return Organisation.objects.get(
        code=jc.AUTHORITY_ORGANISATIONS[jc.ProsecutingAuthority(authority)]
    )


def charge(
    offence: str = S57,
    charged_on: str = "2011-06-01",
    outcome: str = "ongoing",
    outcome_on: str | None = None,
    sentence: str | None = None,
    months: int | None = None,
    fine_pence: int | None = None,
) -> dict[str, Any]:
    return {
        "offence": offence,
        "charged_on": charged_on,
        "outcome": outcome,
        "outcome_on": outcome_on,
        "sentence": sentence,
        "custody_months": months,
        "fine_pence": fine_pence,
    }


def prosecution_make(
    reference: str,
    defendants: Sequence[tuple[str, Sequence[dict[str, Any]]]],
    *,
    authority: str = "cps",
    court_nation: str = "england",
    victims: Sequence[str] = (),
) -> Prosecution:
    record = ProsecutionRecord.model_validate(
        {
            "authority": authority,
            "case_reference": reference,
            "court_nation": court_nation,
            "court": "Southwark Crown Court",
            "defendants": [{"name": name, "charges": list(cs)} for name, cs in defendants],
            "victim_references": list(victims),
        }
    )
    return prosecution_save(
        actor=OPERATOR, record=record, organisation=authority_organisation(authority)
    )


def recovery_make(
    prosecution: Prosecution | None,
    amount_pence: int,
    *,
    kind: str = "confiscation_order",
    status: str = "ordered",
    recorded_on: str = "2012-09-01",
    authority: str = "cps",
) -> AssetRecovery:
    record = AssetRecoveryRecord.model_validate(
        {
            "kind": kind,
            "authority": authority,
            "nation": "england",
            "amount_pence": amount_pence,
            "status": status,
            "recorded_on": recorded_on,
            "case_reference": prosecution.case_reference if prosecution else None,
        }
    )
    return recovery_save(
        actor=OPERATOR, record=record, organisation=authority_organisation(authority)
    )
