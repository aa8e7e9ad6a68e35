"""Shapes of the casework API. Requests are validated here before any service is called."""

from datetime import date
from typing import Annotated, Literal

from ninja import Schema
from pydantic import BaseModel, BeforeValidator, ConfigDict, Field

from nrm.standard.codes import CompetentAuthority, DecisionOutcome
from nrm.standard.types import labels_accepted

# Codes or their labels, as in the data standard ("positive" or "Positive").
Outcome = Annotated[
    Literal[DecisionOutcome.POSITIVE, DecisionOutcome.NEGATIVE],
    BeforeValidator(labels_accepted(DecisionOutcome)),
]
Authority = Annotated[CompetentAuthority, BeforeValidator(labels_accepted(CompetentAuthority))]


class _Request(BaseModel):
    model_config = ConfigDict(extra="forbid")
    expected_version: int = Field(ge=1, description="The case version the decision was made on")


class DecisionIn(_Request):
    outcome: Outcome
    on: date
    reasons: str = Field(default="", max_length=20000)


class EventIn(_Request):
    on: date
    reasons: str = Field(default="", max_length=20000)


class ExtensionIn(_Request):
    on: date
    days: int = Field(ge=1, le=365)
    reasons: str = Field(max_length=20000)


class ReallocationIn(_Request):
    authority: Authority
    reason: str = Field(max_length=2000)


class CaseOut(Schema):
    reference: str
    stage: str
    version: int
    competent_authority: str
    received_on: date
    rg_due_on: date
    due_on: date | None
    recovery_ends_on: date | None
    review_due_on: date | None
    closed_on: date | None
    days_left: int | None
    age_days: int


class TimelineEntryOut(Schema):
    event: str
    on: date
    from_stage: str
    to_stage: str


class CaseDetailOut(CaseOut):
    timeline: list[TimelineEntryOut]


class CasePageOut(Schema):
    count: int
    page: int
    pages: int
    results: list[CaseOut]
