"""Code lists of the data standard. Codes are stable identifiers; labels are what people read.

Each list is a Django ``TextChoices`` so the same object serves the case store, the schema and the
codebook. ``ALIASES`` adds the spellings used in the published tables so imports accept them too.
"""

from functools import cache

from django.db import models

from nrm.standard.intelligence_codes import INTELLIGENCE_ALIASES


class Nation(models.TextChoices):
    ENGLAND = "england", "England"
    WALES = "wales", "Wales"
    SCOTLAND = "scotland", "Scotland"
    NORTHERN_IRELAND = "northern_ireland", "Northern Ireland"
    ISLE_OF_MAN = "isle_of_man", "Isle of Man"


class PoliceRegion(models.TextChoices):
    """Police region (England) or country of presentation, as the published tables use them."""

    EAST_MIDLANDS = "east_midlands", "East Midlands"
    EASTERN = "eastern", "Eastern"
    LONDON = "london", "London"
    NORTH_EAST = "north_east", "North East"
    NORTH_WEST = "north_west", "North West"
    SOUTH_EAST = "south_east", "South East"
    SOUTH_WEST = "south_west", "South West"
    WEST_MIDLANDS = "west_midlands", "West Midlands"
    WALES = "wales", "Wales"
    NORTHERN_IRELAND = "northern_ireland", "Northern Ireland"
    SCOTLAND = "scotland", "Scotland"
    ISLE_OF_MAN = "isle_of_man", "Isle of Man"
    NOT_RECORDED = "not_recorded", "Not recorded"


class ExploitationRegion(models.TextChoices):
    """Where the exploitation took place: a police region, overseas (with a country), or several."""

    EAST_MIDLANDS = "east_midlands", "East Midlands"
    EASTERN = "eastern", "Eastern"
    LONDON = "london", "London"
    NORTH_EAST = "north_east", "North East"
    NORTH_WEST = "north_west", "North West"
    SOUTH_EAST = "south_east", "South East"
    SOUTH_WEST = "south_west", "South West"
    WEST_MIDLANDS = "west_midlands", "West Midlands"
    WALES = "wales", "Wales"
    NORTHERN_IRELAND = "northern_ireland", "Northern Ireland"
    SCOTLAND = "scotland", "Scotland"
    ISLE_OF_MAN = "isle_of_man", "Isle of Man"
    OVERSEAS = "overseas", "Overseas"
    MULTIPLE = "multiple", "Multiple"
    NOT_RECORDED = "not_recorded", "Not recorded"


ENGLISH_REGIONS = frozenset(
    {
        "east_midlands",
        "eastern",
        "london",
        "north_east",
        "north_west",
        "south_east",
        "south_west",
        "west_midlands",
    }
)

# The nations a police region of presentation can belong to. The Isle of Man is a Crown
# Dependency with no row in the report's table by UK country, which counts its referral in England.
REGION_NATIONS: dict[str, frozenset[str]] = {
    **{region: frozenset({Nation.ENGLAND}) for region in ENGLISH_REGIONS},
    PoliceRegion.WALES: frozenset({Nation.WALES}),
    PoliceRegion.SCOTLAND: frozenset({Nation.SCOTLAND}),
    PoliceRegion.NORTHERN_IRELAND: frozenset({Nation.NORTHERN_IRELAND}),
    PoliceRegion.ISLE_OF_MAN: frozenset({Nation.ISLE_OF_MAN, Nation.ENGLAND}),
    PoliceRegion.NOT_RECORDED: frozenset(Nation),
}

# The one rule for counting "by UK country": the Isle of Man, a Crown Dependency, has no row of
# its own and is counted in England, as the report does (Table 1's note). The extract's
# ``nation`` column holds the country this gives, so every table by UK country follows it.
COUNTED_IN: dict[str, Nation] = {Nation.ISLE_OF_MAN: Nation.ENGLAND}


def uk_country(nation: str) -> str:
    """The UK country a referral from ``nation`` is counted in by UK country (the code)."""
    return COUNTED_IN.get(nation, Nation(nation)).value


class ExploitationType(models.TextChoices):
    SEXUAL = "sexual", "Sexual exploitation"
    LABOUR = "labour", "Labour exploitation"
    DOMESTIC_SERVITUDE = "domestic_servitude", "Domestic servitude"
    ORGAN_HARVESTING = "organ_harvesting", "Organ harvesting"
    CRIMINAL = "criminal", "Criminal exploitation"
    NOT_RECORDED = "not_recorded", "Not recorded"


class ExploitationSubType(models.TextChoices):
    LABOUR_AGRICULTURE = "labour_agriculture", "Agriculture"
    LABOUR_FACTORY = "labour_factory", "Factory"
    LABOUR_FOOD_PROCESSING = "labour_food_processing", "Food processing"
    LABOUR_GROUND_WORKS = "labour_ground_works", "Block paving / ground works"
    LABOUR_CONSTRUCTION = "labour_construction", "Construction"
    LABOUR_MARITIME = "labour_maritime", "Maritime / fishing"
    LABOUR_RESTAURANT = "labour_restaurant", "Restaurant / take-away"
    LABOUR_NAIL_BAR = "labour_nail_bar", "Nail bar"
    LABOUR_CAR_WASH = "labour_car_wash", "Car wash"
    LABOUR_OTHER = "labour_other", "Other labour exploitation"
    SEXUAL_BROTHEL = "sexual_brothel", "Brothel"
    SEXUAL_PRIVATE_RESIDENCE = "sexual_private_residence", "Private residence"
    SEXUAL_ON_STREET = "sexual_on_street", "On-street"
    SEXUAL_ONLINE = "sexual_online", "Online / escort advertising"
    SEXUAL_OTHER = "sexual_other", "Other sexual exploitation"
    CRIMINAL_BEGGING = "criminal_begging", "Begging"
    CRIMINAL_SHOPLIFTING = "criminal_shoplifting", "Shoplifting"
    CRIMINAL_CANNABIS = "criminal_cannabis", "Cannabis cultivation"
    CRIMINAL_BENEFIT_FRAUD = "criminal_benefit_fraud", "Benefit fraud"
    CRIMINAL_BOGUS_CHARITY = "criminal_bogus_charity", "Bogus charity collection"
    CRIMINAL_OTHER = "criminal_other", "Other criminal exploitation"


SUB_TYPE_PARENT: dict[str, str] = {
    sub.value: sub.value.split("_", 1)[0] for sub in ExploitationSubType
}


class ExploitationMeans(models.TextChoices):
    """Means of trafficking recorded alongside the type; never a type in their own right."""

    SHAM_OR_FORCED_MARRIAGE = "sham_or_forced_marriage", "Sham / forced marriage"
    ILLEGAL_ADOPTION = "illegal_adoption", "Illegal adoption"


class FirstResponderType(models.TextChoices):
    POLICE = "police", "Police"
    HOME_OFFICE_UKVI = "home_office_ukvi", "Home Office: UK Visas and Immigration"
    HOME_OFFICE_BORDER_FORCE = "home_office_border_force", "Home Office: Border Force"
    HOME_OFFICE_IMMIGRATION_ENFORCEMENT = (
        "home_office_immigration_enforcement",
        "Home Office: Immigration Enforcement",
    )
    NCA_UKHTC = "nca_ukhtc", "NCA / UKHTC"
    LOCAL_AUTHORITY = "local_authority", "Local authority"
    GANGMASTERS_LICENSING_AUTHORITY = "gla", "Gangmasters Licensing Authority"
    NGO = "ngo", "NGO"
    HEALTH = "health", "Health"
    OTHER = "other", "Other"


HOME_OFFICE_RESPONDERS = frozenset(
    {
        FirstResponderType.HOME_OFFICE_UKVI,
        FirstResponderType.HOME_OFFICE_BORDER_FORCE,
        FirstResponderType.HOME_OFFICE_IMMIGRATION_ENFORCEMENT,
    }
)


class Gender(models.TextChoices):
    FEMALE = "female", "Female"
    MALE = "male", "Male"
    OTHER = "other", "Other"
    NOT_RECORDED = "not_recorded", "Not recorded"


class AgeGroup(models.TextChoices):
    """Age at the time of exploitation. An age-disputed person is treated as a minor."""

    ADULT = "adult", "Adult"
    MINOR = "minor", "Minor"


ADULT_AGE = 18


class DecisionStage(models.TextChoices):
    REASONABLE_GROUNDS = "rg", "Reasonable grounds"
    CONCLUSIVE_GROUNDS = "cg", "Conclusive grounds"


class DecisionOutcome(models.TextChoices):
    POSITIVE = "positive", "Positive"
    NEGATIVE = "negative", "Negative"
    PENDING = "pending", "Pending"
    SUSPENDED = "suspended", "Suspended"
    WITHDRAWN = "withdrawn", "Withdrawn"


# The outcomes a caseworker chooses when recording an RG or CG decision.
DECISION_CHOICES = (DecisionOutcome.POSITIVE, DecisionOutcome.NEGATIVE)


class CompetentAuthority(models.TextChoices):
    HOME_OFFICE = "home_office", "Home Office"
    UKHTC = "ukhtc", "UKHTC"
    HOME_OFFICE_HOSTED_IN_UKHTC = "home_office_ukhtc", "Home Office hosted in UKHTC"
    SINGLE_COMPETENT_AUTHORITY = "single", "Single Competent Authority"


class NationalityBasis(models.TextChoices):
    CLAIMED = "claimed", "Claimed"
    ASSESSED = "assessed", "Assessed"


class Certainty(models.TextChoices):
    CONFIRMED = "confirmed", "Confirmed"
    POSSIBLE = "possible", "Possible"
    SUSPECTED = "suspected", "Suspected"


# Other spellings met in published tables and partner data, mapped to codes (compared case-blind).
ALIASES: dict[type[models.TextChoices], dict[str, str]] = {
    ExploitationType: {
        "sexual": "sexual",
        "labour": "labour",
        "labor": "labour",
        "unknown": "not_recorded",
        "unknown exploitation": "not_recorded",
        "domestic": "domestic_servitude",
    },
    Gender: {"f": "female", "m": "male", "unknown": "not_recorded"},
    AgeGroup: {"child": "minor", "children": "minor", "adults": "adult"},
    CompetentAuthority: {"uk human trafficking centre": "ukhtc", "sca": "single"},
    FirstResponderType: {"gangmasters licensing authority": "gla", "gla": "gla"},
    PoliceRegion: {"unknown": "not_recorded"},
    ExploitationRegion: {"unknown": "not_recorded"},
    **INTELLIGENCE_ALIASES,
}

CODE_LISTS: tuple[type[models.TextChoices], ...] = (
    Nation,
    PoliceRegion,
    ExploitationRegion,
    ExploitationType,
    ExploitationSubType,
    ExploitationMeans,
    FirstResponderType,
    Gender,
    AgeGroup,
    DecisionStage,
    DecisionOutcome,
    CompetentAuthority,
    NationalityBasis,
    Certainty,
)


@cache
def _lookup_table(code_list: type[models.TextChoices]) -> dict[str, str]:
    table = {_normalise(alias): code for alias, code in ALIASES.get(code_list, {}).items()}
    for member in code_list:
        table[_normalise(str(member.label))] = member.value
        table[_normalise(member.value)] = member.value
        table[member.value] = member.value
    return table


def _normalise(text: str) -> str:
    return " ".join(text.strip().lower().replace("_", " ").split())


def code_lookup(code_list: type[models.TextChoices], value: str) -> str | None:
    """Return the code for ``value`` given as a code, a label or a known alias; None if unknown."""
    table = _lookup_table(code_list)
    found = table.get(value)
    return found if found is not None else table.get(_normalise(value))


# Support provision (after a positive reasonable grounds decision). These lists describe support
# records, not referrals, so they are not part of the referral codebook (``CODE_LISTS``).


class SupportType(models.TextChoices):
    MANAGED_ACCOMMODATION = "managed_accommodation", "Managed accommodation"
    OUTREACH = "outreach", "Outreach"


class SupportService(models.TextChoices):
    ACCOMMODATION = "accommodation", "Accommodation"
    MEDICAL = "medical", "Medical"
    PSYCHOLOGICAL = "psychological", "Psychological"
    LEGAL = "legal", "Legal"
    INTERPRETATION = "interpretation", "Interpretation"
    EDUCATION = "education", "Education"
    REINTEGRATION = "reintegration", "Re-integration"


class ExitRoute(models.TextChoices):
    INDEPENDENT_LIVING_UK = "independent_living_uk", "Independent living in the UK"
    RETURN_TO_ORIGIN = "return_to_origin", "Return to country of origin"
    OTHER = "other", "Other"


class SupportReferralStatus(models.TextChoices):
    OFFERED = "offered", "Offered"
    ACCEPTED = "accepted", "Accepted"
    DECLINED = "declined", "Declined"
    ENDED = "ended", "Ended"


class SupportDeclineReason(models.TextChoices):
    """Why a provider declines a support referral: codes, so no personal data is written."""

    NO_CAPACITY = "no_capacity", "No capacity"
    NEEDS_NOT_MET = "needs_not_met", "Needs cannot be met by this provider"
    PERSON_DECLINED = "person_declined", "The person declined support"
    NOT_CONTACTABLE = "not_contactable", "The person could not be contacted"
    OTHER = "other", "Other"


class SupportRegion(models.TextChoices):
    """The Salvation Army's support regions in England and Wales (its adult victim care
    contract from July 2011), as the report's second Table 19 prints them. They are not police
    regions: the police North East takes in Yorkshire, and the South East is split in two."""

    EAST = "east", "East"
    EAST_MIDLANDS = "east_midlands", "East Midlands"
    NORTH_EAST = "north_east", "North East"
    NORTH_WEST = "north_west", "North West"
    SOUTH = "south", "South"
    SOUTH_EAST = "south_east", "South East"
    SOUTH_WEST = "south_west", "South West"
    WALES = "wales", "Wales"
    WEST_MIDLANDS = "west_midlands", "West Midlands"
    YORKSHIRE = "yorkshire", "Yorkshire"
    NOT_KNOWN = "not_known", "Not known"


# The organisation code of the Salvation Army, the lead provider of the adult victim care
# contract in England and Wales, whose referrals the support regions describe.
SALVATION_ARMY = "salvation-army"

SUPPORT_CODE_LISTS: tuple[type[models.TextChoices], ...] = (
    SupportType,
    SupportService,
    ExitRoute,
    SupportReferralStatus,
    SupportDeclineReason,
    SupportRegion,
)


class ReleaseStatus(models.TextChoices):
    """Where a year's edition of the official statistics stands in the release calendar."""

    ANNOUNCED = "announced", "Announced"
    RELEASED = "released", "Released"
