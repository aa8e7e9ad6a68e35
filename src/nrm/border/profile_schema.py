"""A risk profile as it is written (through the API or a file): its name, its conditions
(``profile_conditions``), why, the intelligence it rests on, and when it is reviewed and
expires."""

from datetime import date
from typing import Annotated

from pydantic import BaseModel, ConfigDict, Field, model_validator

from nrm.border.profile_conditions import MAX_CONDITIONS, Condition
from nrm.border.profile_errors import REVIEW_AFTER_EXPIRY

IntelligenceReference = Annotated[
    str, Field(min_length=1, max_length=40, pattern=r"^[A-Za-z0-9/\-]+$")
]


class ProfileRecord(BaseModel):
    """A risk profile: every condition must hold for a record to match. The rules across
    conditions (``profile_conditions.conditions_problem``) are the service's, so that their
    refusal names the conditions."""

    model_config = ConfigDict(extra="forbid")

    name: Annotated[str, Field(min_length=1, max_length=120)]
    conditions: Annotated[list[Condition], Field(min_length=1, max_length=MAX_CONDITIONS)]
    rationale: Annotated[str, Field(min_length=1, max_length=2000)]
    intelligence_references: Annotated[
        list[IntelligenceReference], Field(min_length=1, max_length=20)
    ]
    review_on: date
    expires_on: date

    @model_validator(mode="after")
    def _rules(self) -> "ProfileRecord":
        if self.review_on > self.expires_on:
            raise ValueError(REVIEW_AFTER_EXPIRY)
        return self
