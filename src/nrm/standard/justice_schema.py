"""The criminal justice records of the data standard, the same for every door (API, CSV
import, web form): a prosecution with its defendants and the offences each is charged with, and
an asset recovery (a cash seizure or a confiscation order). Amounts are whole pence.

The rules across fields (which court an authority uses, which offences its courts try, dates in
order, a sentence only on conviction…) are in ``nrm.standard.justice_rules``.
"""

from typing import Annotated

from pydantic import BaseModel, BeforeValidator, ConfigDict, Field

from nrm.standard import codes
from nrm.standard import justice_codes as jc
from nrm.standard.types import Country, PastDate, ShortText, WholeNumber, code_parser

JUSTICE_SCHEMA_VERSION = "1.0"
MAX_DEFENDANTS = 50
MAX_CHARGES = 100
MAX_VICTIMS = 200

AuthorityCode = Annotated[
    jc.ProsecutingAuthority, BeforeValidator(code_parser(jc.ProsecutingAuthority))
]
NationCode = Annotated[codes.Nation, BeforeValidator(code_parser(codes.Nation))]
OffenceCode = Annotated[jc.Offence, BeforeValidator(code_parser(jc.Offence))]
OutcomeCode = Annotated[jc.ChargeOutcome, BeforeValidator(code_parser(jc.ChargeOutcome))]
SentenceCode = Annotated[jc.SentenceKind, BeforeValidator(code_parser(jc.SentenceKind))]
RecoveryKindCode = Annotated[jc.RecoveryKind, BeforeValidator(code_parser(jc.RecoveryKind))]
RecoveryStatusCode = Annotated[jc.RecoveryStatus, BeforeValidator(code_parser(jc.RecoveryStatus))]
GenderCode = Annotated[codes.Gender, BeforeValidator(code_parser(codes.Gender))]
CaseReference = Annotated[str, Field(min_length=1, max_length=40, pattern=r"^[A-Za-z0-9/\-]+$")]
Pence = Annotated[WholeNumber, Field(ge=0, le=10**13)]
Months = Annotated[WholeNumber, Field(ge=1, le=1200)]


class ChargeRecord(BaseModel):
    """One offence a defendant is charged with, and what became of it."""

    model_config = ConfigDict(extra="forbid")

    offence: OffenceCode
    charged_on: PastDate
    outcome: OutcomeCode = jc.ChargeOutcome.ONGOING
    outcome_on: PastDate | None = None
    sentence: SentenceCode | None = None
    custody_months: Months | None = None
    fine_pence: Pence | None = None


class DefendantRecord(BaseModel):
    model_config = ConfigDict(extra="forbid")

    name: Annotated[ShortText, Field(min_length=1)]
    date_of_birth: PastDate | None = None
    gender: GenderCode | None = None
    nationality: Country | None = None
    charges: Annotated[list[ChargeRecord], Field(min_length=1, max_length=MAX_CHARGES)]


class ProsecutionRecord(BaseModel):
    """A proceeding as its prosecuting authority flags it: the authority's reference, the
    nation of its court, the defendants, and the NRM references of its victims where known."""

    model_config = ConfigDict(extra="forbid")

    authority: AuthorityCode
    case_reference: CaseReference
    court_nation: NationCode
    court: ShortText = ""
    defendants: Annotated[list[DefendantRecord], Field(min_length=1, max_length=MAX_DEFENDANTS)]
    victim_references: Annotated[list[ShortText], Field(max_length=MAX_VICTIMS)] = []


class AssetRecoveryRecord(BaseModel):
    """A cash seizure or a confiscation order. With the authority's own ``reference`` for it,
    recording it again (the same authority and reference) updates it: a seizure that has left
    the court process, forfeited or returned; an order paid."""

    model_config = ConfigDict(extra="forbid")

    reference: CaseReference | None = None
    kind: RecoveryKindCode
    authority: AuthorityCode
    nation: NationCode
    amount_pence: Pence
    status: RecoveryStatusCode
    recorded_on: PastDate
    case_reference: CaseReference | None = None
