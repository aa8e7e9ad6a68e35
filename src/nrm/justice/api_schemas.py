"""Response shapes of the justice API (requests use the data standard's records directly;
errors and messages have the shapes every operation shares). Amounts are whole pence."""

from datetime import date, datetime

from ninja import Schema


class ProsecutionSavedOut(Schema):
    id: int
    authority: str
    case_reference: str
    created: bool
    defendants: int
    charges: int
    victims: int


class ProsecutionSummaryOut(Schema):
    id: int
    authority: str
    case_reference: str
    court_nation: str
    court: str
    defendants: int
    charges: int
    victims: int
    created_at: datetime


class ProsecutionPageOut(Schema):
    count: int
    page: int
    pages: int
    results: list[ProsecutionSummaryOut]


class ChargeOut(Schema):
    offence: str
    charged_on: date
    outcome: str
    outcome_on: date | None
    sentence: str
    custody_months: int | None
    fine_pence: int | None


class DefendantOut(Schema):
    name: str
    date_of_birth: date | None
    gender: str
    nationality: str
    charges: list[ChargeOut]


class ProsecutionOut(Schema):
    id: int
    authority: str
    case_reference: str
    court_nation: str
    court: str
    organisation: str
    defendants: list[DefendantOut]
    victim_references: list[str]
    created_at: datetime


class RecoverySavedOut(Schema):
    id: int
    reference: str | None
    kind: str
    authority: str
    nation: str
    amount_pence: int
    status: str
    recorded_on: date
    case_reference: str | None
