"""The intelligence report of the data standard: one graded report, the entities it names and
the links between them, the same for every door (API, CSV import, web form).

A report is graded with the UK's 3x5x2 model and names one or more entities (people, organised
crime groups, locations, phone numbers, vehicles, businesses), each with the attributes of its
type; links join two of its entities by the ``key`` the report gives each. Phone numbers are
stored in E.164 form, read with the UK as the default region.
"""

from typing import Annotated, Any, Literal

import phonenumbers
from pydantic import AfterValidator, BaseModel, BeforeValidator, ConfigDict, Field, WithJsonSchema
from pydantic_core import PydanticCustomError

from nrm.standard import codes, messages
from nrm.standard import intelligence_codes as icodes
from nrm.standard.codes import code_lookup
from nrm.standard.nationality import country_code
from nrm.standard.schema import ExploitationTypeCode, SubTypeCode
from nrm.standard.types import (
    Country,
    PastDate,
    ShortText,
    WholeNumber,
    code_parser,
    schema_extra,
)

INTELLIGENCE_SCHEMA_VERSION = "1.0"
PHONE_REGION = "GB"  # numbers written without a country code are read as UK numbers
NARRATIVE_MAX = 20_000
MAX_ENTITIES = 50
MAX_LINKS = 100


SourceEvaluationCode = Annotated[
    icodes.SourceEvaluation, BeforeValidator(code_parser(icodes.SourceEvaluation))
]
AssessmentCode = Annotated[
    icodes.IntelligenceAssessment, BeforeValidator(code_parser(icodes.IntelligenceAssessment))
]
HandlingCodeCode = Annotated[icodes.HandlingCode, BeforeValidator(code_parser(icodes.HandlingCode))]
SourceKindCode = Annotated[
    icodes.SourceOrganisationKind, BeforeValidator(code_parser(icodes.SourceOrganisationKind))
]
EntityTypeCode = Annotated[icodes.EntityType, BeforeValidator(code_parser(icodes.EntityType))]
PersonRoleCode = Annotated[icodes.PersonRole, BeforeValidator(code_parser(icodes.PersonRole))]
PremisesTypeCode = Annotated[icodes.PremisesType, BeforeValidator(code_parser(icodes.PremisesType))]
LinkTypeCode = Annotated[icodes.LinkType, BeforeValidator(code_parser(icodes.LinkType))]
LinkConfidenceCode = Annotated[
    icodes.LinkConfidence, BeforeValidator(code_parser(icodes.LinkConfidence))
]
OcgActivityCode = Annotated[icodes.OcgActivity, BeforeValidator(code_parser(icodes.OcgActivity))]
GenderCode = Annotated[codes.Gender, BeforeValidator(code_parser(codes.Gender))]


def phone_e164(value: str) -> str:
    """``value`` as an E.164 number ("+447700900123"), read with the UK as the default region;
    raises ``ValueError`` when it is not a valid telephone number."""
    try:
        number = phonenumbers.parse(value, PHONE_REGION)
    except phonenumbers.NumberParseException:
        raise ValueError(value) from None
    if not phonenumbers.is_valid_number(number):
        raise ValueError(value)
    return phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.E164)


def _parse_phone(value: str) -> str:
    try:
        return phone_e164(value)
    except ValueError:
        raise PydanticCustomError(
            "bad_phone", messages.PHONE_NOT_VALID, {"name": "this answer", "Name": "This answer"}
        ) from None


PhoneNumber = Annotated[
    str,
    Field(max_length=40),
    AfterValidator(_parse_phone),
    WithJsonSchema(
        {
            "type": "string",
            "maxLength": 40,
            "description": "A telephone number; stored in E.164 form (+447700900123). Numbers "
            "without a country code are read as UK numbers",
        }
    ),
]


def _parse_ocg_nationality(value: object) -> object:
    if isinstance(value, str):
        found = code_lookup(icodes.OcgNationality, value) or country_code(value)
        if found is not None:
            return found
    raise PydanticCustomError(
        "unknown_country",
        messages.UNKNOWN_COUNTRY + "{suggestion}",
        {"name": "this answer", "Name": "This answer", "suggestion": ""},
    )


OcgNationalityCode = Annotated[
    str,
    BeforeValidator(_parse_ocg_nationality),
    WithJsonSchema(
        {
            "type": "string",
            "maxLength": 40,
            "description": "ISO 3166-1 alpha-3 code of the predominant nationality, or mixed, "
            "unknown or not_recorded",
        }
    ),
]


def _field(description: str, default: Any = ..., **kwargs: Any) -> Any:
    return Field(default, description=description, **kwargs)


_CONFIG = ConfigDict(extra="forbid", str_strip_whitespace=True)


class IntelligenceEntity(BaseModel):
    """One entity a report names, with the attributes of its type."""

    model_config = ConfigDict(
        **_CONFIG, title="Intelligence entity", json_schema_extra=schema_extra()
    )

    key: Annotated[str, Field(min_length=1, max_length=40)] = _field(
        "The report's own name for the entity, which its links use (e1, e2 …)"
    )
    type: EntityTypeCode = _field("What the entity is")
    nrm_reference: ShortText | None = _field(
        "The NRM referral this person is the subject of, if any", None
    )
    # a person
    person_role: PersonRoleCode | None = _field(
        "Person: potential victim, suspect or associate", None
    )
    given_name: ShortText | None = _field("Person: given names", None)
    family_name: ShortText | None = _field("Person: family name", None)
    date_of_birth: PastDate | None = _field("Person: date of birth", None)
    estimated_age: WholeNumber | None = _field("Person: estimated age", None, ge=0, le=120)
    gender: GenderCode | None = _field("Person: gender", None)
    nationality: Country | None = _field("Person: nationality", None)
    exploitation_type: ExploitationTypeCode | None = _field(
        "Potential victim: the main type of exploitation the source reports", None
    )
    exploitation_sub_types: list[SubTypeCode] = _field(
        "Potential victim: sub-types of that exploitation (where or how)",
        default_factory=list,
        max_length=len(codes.ExploitationSubType),
    )
    # an organised crime group
    ocg_name: ShortText | None = _field("OCG: the name it is known by", None)
    ocg_nationality: OcgNationalityCode | None = _field("OCG: predominant nationality", None)
    ocg_activities: list[OcgActivityCode] = _field(
        "OCG: what it is involved in", default_factory=list, max_length=len(icodes.OcgActivity)
    )
    # a location
    address: str | None = _field("Location: address", None, max_length=500)
    postcode: Annotated[str, Field(max_length=16)] | None = _field("Location: postcode", None)
    premises_type: PremisesTypeCode | None = _field("Location: type of premises", None)
    # a phone, a vehicle, a business
    phone: PhoneNumber | None = _field("Phone: the number", None)
    vehicle_registration: Annotated[str, Field(max_length=16)] | None = _field(
        "Vehicle: registration mark", None
    )
    business_name: ShortText | None = _field("Business: name", None)
    company_number: Annotated[str, Field(max_length=16)] | None = _field(
        "Business: Companies House number", None
    )


# The attributes each type of entity may have (all others must be left out).
ENTITY_ATTRIBUTES: dict[str, frozenset[str]] = {
    icodes.EntityType.PERSON: frozenset(
        {
            "nrm_reference",
            "person_role",
            "given_name",
            "family_name",
            "date_of_birth",
            "estimated_age",
            "gender",
            "nationality",
            "exploitation_type",
            "exploitation_sub_types",
        }
    ),
    icodes.EntityType.OCG: frozenset({"ocg_name", "ocg_nationality", "ocg_activities"}),
    icodes.EntityType.LOCATION: frozenset({"address", "postcode", "premises_type"}),
    icodes.EntityType.PHONE: frozenset({"phone"}),
    icodes.EntityType.VEHICLE: frozenset({"vehicle_registration"}),
    icodes.EntityType.BUSINESS: frozenset({"business_name", "company_number"}),
}
# What an entity of each type must have: one of these attributes at least.
ENTITY_NEEDS: dict[str, tuple[str, ...]] = {
    icodes.EntityType.PERSON: ("person_role",),
    icodes.EntityType.OCG: ("ocg_name",),
    icodes.EntityType.LOCATION: ("address", "postcode"),
    icodes.EntityType.PHONE: ("phone",),
    icodes.EntityType.VEHICLE: ("vehicle_registration",),
    icodes.EntityType.BUSINESS: ("business_name",),
}


class IntelligenceLink(BaseModel):
    """A link from one entity of the report to another."""

    model_config = ConfigDict(
        **_CONFIG, title="Intelligence link", json_schema_extra=schema_extra()
    )

    from_key: Annotated[str, Field(min_length=1, max_length=40)] = _field(
        "The key of the entity the link starts from"
    )
    to_key: Annotated[str, Field(min_length=1, max_length=40)] = _field(
        "The key of the entity the link ends at"
    )
    type: LinkTypeCode = _field("How the two are linked")
    confidence: LinkConfidenceCode = _field(
        "How sure the link is", icodes.LinkConfidence.UNCONFIRMED
    )


class IntelligenceReport(BaseModel):
    """A graded intelligence report (data standard, intelligence v1.0)."""

    model_config = ConfigDict(
        **_CONFIG,
        title="Intelligence report",
        json_schema_extra=schema_extra("https://open-nrm.example/schema/intelligence-report/1.0"),
    )

    schema_version: Literal["1.0"] = _field("Version of the data standard", "1.0")
    organisation: ShortText | None = _field(
        "Code of the organisation recording the report (set from the API token when omitted)",
        None,
    )
    source_kind: SourceKindCode = _field("The kind of organisation the intelligence comes from")
    officer: ShortText = _field("Name of the officer recording the report")
    received_date: PastDate = _field("Date the intelligence was received")
    events_date: PastDate | None = _field("Date of the events the intelligence describes", None)
    operation: ShortText | None = _field(
        "The name of the operation the intelligence comes from, if any", None
    )
    source_evaluation: SourceEvaluationCode = _field("3x5x2: how reliable the source is (1-3)")
    intelligence_assessment: AssessmentCode = _field("3x5x2: how the source knows it (A-E)")
    handling_code: HandlingCodeCode = _field("3x5x2: P, or C with its conditions")
    handling_conditions: list[ShortText] = _field(
        "With handling code C: the codes of the organisations that may see the report",
        default_factory=list,
        max_length=20,
    )
    narrative: str = _field("What the source said", min_length=1, max_length=NARRATIVE_MAX)
    entities: list[IntelligenceEntity] = _field(
        "The people, groups, places, phones, vehicles and businesses the report names",
        min_length=1,
        max_length=MAX_ENTITIES,
    )
    links: list[IntelligenceLink] = _field(
        "Links between the report's entities", default_factory=list, max_length=MAX_LINKS
    )
