"""Code lists of intelligence reports: the UK 3x5x2 grading, the kinds of entity a report names
and the links between them (docs/intelligence.md).

Like every code list of the standard (``nrm.standard.codes``), each is a Django ``TextChoices``:
codes are stable identifiers, labels are what people read. The grading's labels are the wording
of the College of Policing's 3x5x2 intelligence report (Authorised Professional Practice,
*Intelligence management*), with its code first, as officers say it: "1: Reliable", "A: Known
directly to the source".
"""

from django.db import models


class SourceEvaluation(models.TextChoices):
    """How reliable the source is (the "3" of 3x5x2)."""

    RELIABLE = "1", "1: Reliable"
    UNTESTED = "2", "2: Untested"
    NOT_RELIABLE = "3", "3: Not reliable"


class IntelligenceAssessment(models.TextChoices):
    """How the source knows what they report (the "5" of 3x5x2)."""

    KNOWN_DIRECTLY = "A", "A: Known directly to the source"
    CORROBORATED = "B", "B: Known indirectly to the source but corroborated"
    KNOWN_INDIRECTLY = "C", "C: Known indirectly to the source"
    NOT_KNOWN = "D", "D: Not known"
    SUSPECTED_FALSE = "E", "E: Suspected to be false or malicious"


class HandlingCode(models.TextChoices):
    """Whether the intelligence may be shared (the "2" of 3x5x2). Conditions (C) name the
    organisations that may see it."""

    PERMITTED = "P", "P: Lawful sharing permitted"
    CONDITIONS = "C", "C: Lawful sharing permitted subject to conditions"


class SourceOrganisationKind(models.TextChoices):
    POLICE_FORCE = "police_force", "Police force"
    BORDER_FORCE = "border_force", "Border Force"
    UKHTC = "ukhtc", "UKHTC"
    NGO = "ngo", "NGO"
    OVERSEAS_PARTNER = "overseas_partner", "Overseas partner"


class EntityType(models.TextChoices):
    PERSON = "person", "Person"
    OCG = "ocg", "Organised crime group"
    LOCATION = "location", "Location"
    PHONE = "phone", "Phone number"
    VEHICLE = "vehicle", "Vehicle"
    BUSINESS = "business", "Business"


class PersonRole(models.TextChoices):
    POTENTIAL_VICTIM = "potential_victim", "Potential victim"
    SUSPECT = "suspect", "Suspect"
    ASSOCIATE = "associate", "Associate"


class PersonRecordSource(models.TextChoices):
    """Where a mention of a person that person resolution reads comes from."""

    REFERRAL = "referral", "Referral"
    INTELLIGENCE_REPORT = "intelligence_report", "Intelligence report"


class PremisesType(models.TextChoices):
    BROTHEL = "brothel", "Brothel"
    PRIVATE_RESIDENCE = "private_residence", "Private residence"
    CAR_WASH = "car_wash", "Car wash"
    NAIL_BAR = "nail_bar", "Nail bar"
    FARM = "farm", "Farm"
    CANNABIS_FACTORY = "cannabis_factory", "Cannabis factory"
    FACTORY = "factory", "Factory"
    FOOD_PROCESSING = "food_processing", "Food processing plant"
    RESTAURANT = "restaurant", "Restaurant or take-away"
    HOTEL = "hotel", "Hotel"
    CONSTRUCTION_SITE = "construction_site", "Construction site"
    PORT = "port", "Port or airport"
    OTHER = "other", "Other"


class LinkType(models.TextChoices):
    CONTROLS = "controls", "Controls"
    EXPLOITED_AT = "exploited_at", "Exploited at"
    USES_PHONE = "uses_phone", "Uses phone"
    MEMBER_OF = "member_of", "Member of"
    MOVED_BY = "moved_by", "Moved by"
    ASSOCIATE_OF = "associate_of", "Associate of"
    OWNS = "owns", "Owns"
    LIVES_AT = "lives_at", "Lives at"
    WORKS_AT = "works_at", "Works at"
    USES_VEHICLE = "uses_vehicle", "Uses vehicle"
    OPERATES_FROM = "operates_from", "Operates from"
    RECRUITED_BY = "recruited_by", "Recruited by"


class LinkConfidence(models.TextChoices):
    CONFIRMED = "confirmed", "Confirmed"
    UNCONFIRMED = "unconfirmed", "Unconfirmed"
    TENTATIVE = "tentative", "Tentative"


class OcgActivity(models.TextChoices):
    """What an organised crime group is involved in (the strategic assessment, paras 2.4-2.7)."""

    TRAFFICKING_SEXUAL = "trafficking_sexual", "Trafficking for sexual exploitation"
    TRAFFICKING_LABOUR = "trafficking_labour", "Trafficking for labour exploitation"
    TRAFFICKING_CRIMINAL = "trafficking_criminal", "Trafficking for criminal exploitation"
    IMMIGRATION_CRIME = "immigration_crime", "Immigration crime"
    SEXUAL_OFFENCES = "sexual_offences", "Sexual offences"
    VIOLENCE = "violence", "Violence"
    MONEY_LAUNDERING = "money_laundering", "Money laundering"
    DRUGS = "drugs", "Drugs"
    CANNABIS_CULTIVATION = "cannabis_cultivation", "Cannabis cultivation"


class OcgNationality(models.TextChoices):
    """An OCG's predominant nationality when it is not one country's (an ISO 3166 code then)."""

    MIXED = "mixed", "Mixed"
    UNKNOWN = "unknown", "Unknown"
    NOT_RECORDED = "not_recorded", "Not recorded"


_P, _O, _L, _PH, _V, _B = (
    EntityType.PERSON,
    EntityType.OCG,
    EntityType.LOCATION,
    EntityType.PHONE,
    EntityType.VEHICLE,
    EntityType.BUSINESS,
)

# Which entity types each link may join: (types it may start from, types it may end at). A link
# reads from its first entity to its second: "person controls person", "person exploited at
# location".
LINK_ENDS: dict[LinkType, tuple[frozenset[str], frozenset[str]]] = {
    LinkType.CONTROLS: (frozenset({_P, _O}), frozenset({_P, _B, _L})),
    LinkType.EXPLOITED_AT: (frozenset({_P}), frozenset({_L, _B})),
    LinkType.USES_PHONE: (frozenset({_P, _O, _B}), frozenset({_PH})),
    LinkType.MEMBER_OF: (frozenset({_P}), frozenset({_O})),
    LinkType.MOVED_BY: (frozenset({_P}), frozenset({_P, _O})),
    LinkType.ASSOCIATE_OF: (frozenset({_P, _O}), frozenset({_P, _O})),
    LinkType.OWNS: (frozenset({_P, _O, _B}), frozenset({_L, _V, _B, _PH})),
    LinkType.LIVES_AT: (frozenset({_P}), frozenset({_L})),
    LinkType.WORKS_AT: (frozenset({_P}), frozenset({_L, _B})),
    LinkType.USES_VEHICLE: (frozenset({_P, _O}), frozenset({_V})),
    LinkType.OPERATES_FROM: (frozenset({_O, _B}), frozenset({_L})),
    LinkType.RECRUITED_BY: (frozenset({_P}), frozenset({_P, _O})),
}


def link_fits(link_type: str, from_type: str, to_type: str) -> bool:
    """Whether a link of ``link_type`` may run from an entity of ``from_type`` to one of
    ``to_type`` (``LINK_ENDS``)."""
    starts, ends = LINK_ENDS[LinkType(link_type)]
    return from_type in starts and to_type in ends


INTELLIGENCE_CODE_LISTS: tuple[type[models.TextChoices], ...] = (
    SourceEvaluation,
    IntelligenceAssessment,
    HandlingCode,
    SourceOrganisationKind,
    EntityType,
    PersonRole,
    PersonRecordSource,
    PremisesType,
    LinkType,
    LinkConfidence,
    OcgActivity,
    OcgNationality,
)

# The grading without its code, as people also write it.
INTELLIGENCE_ALIASES: dict[type[models.TextChoices], dict[str, str]] = {
    SourceEvaluation: {str(m.label).split(": ", 1)[1].lower(): m.value for m in SourceEvaluation},
    IntelligenceAssessment: {
        str(m.label).split(": ", 1)[1].lower(): m.value for m in IntelligenceAssessment
    },
    HandlingCode: {str(m.label).split(": ", 1)[1].lower(): m.value for m in HandlingCode},
    OcgNationality: {"not known": "unknown"},
}
