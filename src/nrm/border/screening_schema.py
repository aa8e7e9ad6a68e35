"""A visa application or a passenger record as it is screened: its kind, its reference (the
application number or the booking reference, never a name) and the fields risk profiles may
test (``nrm.standard.border_codes.ScreenField``), each optional: a field not given never meets
a condition."""

from typing import Annotated, Any

from pydantic import BaseModel, ConfigDict, Field, StrictBool, StrictInt

from nrm.border.profile_conditions import MAX_NUMBER
from nrm.standard import border_codes as bc

ThreeLetters = Annotated[str, Field(pattern=r"^[A-Z]{3}$", min_length=3, max_length=3)]
Count = Annotated[StrictInt, Field(ge=0, le=MAX_NUMBER)]
RecordReference = Annotated[str, Field(min_length=1, max_length=40, pattern=r"^[A-Za-z0-9/\-]+$")]


class ScreeningRecord(BaseModel):
    """One visa application or one passenger, as screened against the active risk profiles."""

    model_config = ConfigDict(extra="forbid")

    kind: bc.RecordKind
    reference: RecordReference
    nationality: ThreeLetters | None = None
    sex: bc.Sex | None = None
    age_band: bc.AgeBand | None = None
    visa_category: bc.VisaCategory | None = None
    purpose_of_travel: bc.Purpose | None = None
    sponsor_relationship: bc.SponsorRelationship | None = None
    origin_airport: ThreeLetters | None = None
    transit_airport: ThreeLetters | None = None
    destination_airport: ThreeLetters | None = None
    journey: bc.Journey | None = None
    return_within_days: Count | None = None
    paid_in_cash: StrictBool | None = None
    booked_by_third_party: StrictBool | None = None
    hours_booked_before_departure: Count | None = None

    def screened_values(self) -> dict[str, Any]:
        """The fields profiles test, as plain values (codes as text; None: not given)."""
        values = self.model_dump(mode="json")
        return {str(f): values.get(str(f)) for f in bc.ScreenField}


class OutcomeRecord(BaseModel):
    """What the officer who reviewed a hit decided."""

    model_config = ConfigDict(extra="forbid")

    outcome: bc.HitOutcome
