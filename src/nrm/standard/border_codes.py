"""The codes of risk profiles and screening at the border (docs/border.md): the fields of a visa
application or a passenger record a profile's conditions may test, the operators a condition
may use, a profile's status, the kind of record screened and the outcome a person records on a
hit. Nationality is an ISO 3166 alpha-3 code and sex uses the data standard's genders; airports
are IATA codes."""

from enum import Enum

from django.db import models


class FieldKind(Enum):
    """What a field holds, which decides the operators it takes."""

    CODE = "code"
    NUMBER = "number"
    YES_NO = "yes_no"


class ScreenField(models.TextChoices):
    NATIONALITY = "nationality", "Nationality"
    SEX = "sex", "Sex"
    AGE_BAND = "age_band", "Age band"
    VISA_CATEGORY = "visa_category", "Visa category"
    PURPOSE_OF_TRAVEL = "purpose_of_travel", "Purpose of travel"
    SPONSOR_RELATIONSHIP = (
        "sponsor_relationship",
        "Relationship to the sponsor or accompanying person",
    )
    ORIGIN_AIRPORT = "origin_airport", "Airport of origin"
    TRANSIT_AIRPORT = "transit_airport", "Transit airport"
    DESTINATION_AIRPORT = "destination_airport", "Destination airport"
    JOURNEY = "journey", "Journey"
    RETURN_WITHIN_DAYS = "return_within_days", "Days until the return flight"
    PAID_IN_CASH = "paid_in_cash", "Paid in cash"
    BOOKED_BY_THIRD_PARTY = "booked_by_third_party", "Booked by a third party"
    HOURS_BOOKED_BEFORE_DEPARTURE = (
        "hours_booked_before_departure",
        "Hours between booking and departure",
    )


FIELD_KINDS: dict[ScreenField, FieldKind] = {
    ScreenField.NATIONALITY: FieldKind.CODE,
    ScreenField.SEX: FieldKind.CODE,
    ScreenField.AGE_BAND: FieldKind.CODE,
    ScreenField.VISA_CATEGORY: FieldKind.CODE,
    ScreenField.PURPOSE_OF_TRAVEL: FieldKind.CODE,
    ScreenField.SPONSOR_RELATIONSHIP: FieldKind.CODE,
    ScreenField.ORIGIN_AIRPORT: FieldKind.CODE,
    ScreenField.TRANSIT_AIRPORT: FieldKind.CODE,
    ScreenField.DESTINATION_AIRPORT: FieldKind.CODE,
    ScreenField.JOURNEY: FieldKind.CODE,
    ScreenField.RETURN_WITHIN_DAYS: FieldKind.NUMBER,
    ScreenField.PAID_IN_CASH: FieldKind.YES_NO,
    ScreenField.BOOKED_BY_THIRD_PARTY: FieldKind.YES_NO,
    ScreenField.HOURS_BOOKED_BEFORE_DEPARTURE: FieldKind.NUMBER,
}

# Characteristics protected by the Equality Act 2010 that a record carries: a profile must
# test something beyond them.
PROTECTED_FIELDS: frozenset[ScreenField] = frozenset({ScreenField.NATIONALITY, ScreenField.SEX})


class Operator(models.TextChoices):
    IN = "in", "is one of"
    NOT_IN = "not_in", "is not one of"
    BETWEEN = "between", "is between"
    EQUALS = "equals", "is"


OPERATORS_OF_KIND: dict[FieldKind, frozenset[Operator]] = {
    FieldKind.CODE: frozenset({Operator.IN, Operator.NOT_IN}),
    FieldKind.NUMBER: frozenset({Operator.BETWEEN}),
    FieldKind.YES_NO: frozenset({Operator.EQUALS}),
}


class Sex(models.TextChoices):
    FEMALE = "female", "Female"
    MALE = "male", "Male"
    OTHER = "other", "Other"


class AgeBand(models.TextChoices):
    UNDER_18 = "under_18", "Under 18"
    AGE_18_24 = "18_24", "18 to 24"
    AGE_25_34 = "25_34", "25 to 34"
    AGE_35_49 = "35_49", "35 to 49"
    AGE_50_PLUS = "50_plus", "50 and over"


class VisaCategory(models.TextChoices):
    VISITOR = "visitor", "Visitor"
    STUDENT = "student", "Student"
    WORK = "work", "Work"
    DOMESTIC_WORKER = "domestic_worker", "Overseas domestic worker"
    FAMILY = "family", "Family"
    TRANSIT = "transit", "Transit"
    NONE = "none", "No visa needed"


class Purpose(models.TextChoices):
    TOURISM = "tourism", "Tourism"
    BUSINESS = "business", "Business"
    STUDY = "study", "Study"
    WORK = "work", "Work"
    VISITING_FAMILY = "visiting_family", "Visiting family or friends"
    MARRIAGE = "marriage", "Marriage"
    MEDICAL = "medical", "Medical treatment"
    OTHER = "other", "Other"


class SponsorRelationship(models.TextChoices):
    NONE = "none", "No sponsor or accompanying person"
    SPOUSE = "spouse", "Spouse or partner"
    PARENT = "parent", "Parent"
    OTHER_RELATIVE = "other_relative", "Other relative"
    EMPLOYER = "employer", "Employer"
    AGENT = "agent", "Agent"
    UNRELATED = "unrelated", "Not related"


class Journey(models.TextChoices):
    ONE_WAY = "one_way", "One way"
    RETURN = "return", "Return"


# The code list of each code field (airports and nationality are checked by pattern).
FIELD_CODES: dict[ScreenField, type[models.TextChoices]] = {
    ScreenField.SEX: Sex,
    ScreenField.AGE_BAND: AgeBand,
    ScreenField.VISA_CATEGORY: VisaCategory,
    ScreenField.PURPOSE_OF_TRAVEL: Purpose,
    ScreenField.SPONSOR_RELATIONSHIP: SponsorRelationship,
    ScreenField.JOURNEY: Journey,
}
AIRPORT_FIELDS: frozenset[ScreenField] = frozenset(
    {ScreenField.ORIGIN_AIRPORT, ScreenField.TRANSIT_AIRPORT, ScreenField.DESTINATION_AIRPORT}
)


class ProfileStatus(models.TextChoices):
    DRAFT = "draft", "Draft"
    ACTIVE = "active", "Active"
    RETIRED = "retired", "Retired"


class RecordKind(models.TextChoices):
    VISA_APPLICATION = "visa_application", "Visa application"
    PASSENGER = "passenger", "Passenger"


class HitOutcome(models.TextChoices):
    NO_FURTHER_ACTION = "no_further_action", "No further action"
    MORE_SCRUTINY = "more_scrutiny", "More scrutiny"
    REFUSED = "refused", "Refused"
    REFERRED = "referred", "Referred to the NRM or safeguarding"


# A hit is confirmed when the person who reviewed it recorded anything but no further action.
CONFIRMED_OUTCOMES: frozenset[HitOutcome] = frozenset(
    {HitOutcome.MORE_SCRUTINY, HitOutcome.REFUSED, HitOutcome.REFERRED}
)


class HitReview(models.TextChoices):
    """Where a hit stands, as the profile tables count it."""

    AWAITING = "awaiting", "Awaiting review"
    NOT_CONFIRMED = "not_confirmed", "Not confirmed"
    CONFIRMED = "confirmed", "Confirmed"


def hit_review(outcome: str) -> HitReview:
    """A hit's standing from its recorded outcome (empty while nobody has reviewed it)."""
    if not outcome:
        return HitReview.AWAITING
    return HitReview.CONFIRMED if outcome in CONFIRMED_OUTCOMES else HitReview.NOT_CONFIRMED
