"""The versioned referral schema: one flat record per referral, the same for every door.

Flat on purpose: partner organisations collect the same questions in a spreadsheet, the CSV importer
reads one column a field, and the API accepts the same names as JSON (lists as arrays). The schema
is exported as JSON Schema and as a codebook (``nrm standard schema`` / ``nrm standard codebook``).
"""

from typing import Annotated, Any, Literal

from pydantic import BaseModel, BeforeValidator, ConfigDict, Field

from nrm.standard import codes
from nrm.standard.types import (
    Country,
    Language,
    PastDate,
    ShortText,
    WholeNumber,
    YesNo,
    code_parser,
    schema_extra,
)

SCHEMA_VERSION = "1.0"

NationCode = Annotated[codes.Nation, BeforeValidator(code_parser(codes.Nation))]
PoliceRegionCode = Annotated[codes.PoliceRegion, BeforeValidator(code_parser(codes.PoliceRegion))]
ExploitationRegionCode = Annotated[
    codes.ExploitationRegion,
    BeforeValidator(code_parser(codes.ExploitationRegion)),
]
ExploitationTypeCode = Annotated[
    codes.ExploitationType,
    BeforeValidator(code_parser(codes.ExploitationType)),
]
SubTypeCode = Annotated[
    codes.ExploitationSubType,
    BeforeValidator(code_parser(codes.ExploitationSubType)),
]
MeansCode = Annotated[
    codes.ExploitationMeans,
    BeforeValidator(code_parser(codes.ExploitationMeans)),
]
GenderCode = Annotated[codes.Gender, BeforeValidator(code_parser(codes.Gender))]
AgeGroupCode = Annotated[codes.AgeGroup, BeforeValidator(code_parser(codes.AgeGroup))]
OutcomeCode = Annotated[codes.DecisionOutcome, BeforeValidator(code_parser(codes.DecisionOutcome))]
AuthorityCode = Annotated[
    codes.CompetentAuthority,
    BeforeValidator(code_parser(codes.CompetentAuthority)),
]
CertaintyCode = Annotated[codes.Certainty, BeforeValidator(code_parser(codes.Certainty))]


def _field(section: str, description: str, default: Any = ..., **kwargs: Any) -> Any:
    return Field(default, description=description, json_schema_extra={"section": section}, **kwargs)


class Referral(BaseModel):
    """A referral of a potential victim to the NRM (data standard v1.0)."""

    model_config = ConfigDict(
        extra="forbid",
        str_strip_whitespace=True,
        title="NRM referral",
        json_schema_extra=schema_extra("https://open-nrm.example/schema/referral/1.0"),
    )

    schema_version: Literal["1.0"] = _field("referral", "Version of the data standard", "1.0")
    referral_date: PastDate = _field("referral", "Date the first responder made the referral")
    nation: NationCode = _field("referral", "UK nation the referral comes from")
    police_region: PoliceRegionCode = _field(
        "referral",
        "Police region (England) or country where the person presented",
        codes.PoliceRegion.NOT_RECORDED,
    )
    first_responder_organisation: ShortText | None = _field(
        "referral",
        "Code of the first responder organisation (set from the API token when omitted)",
        None,
    )
    first_responder_officer: ShortText | None = _field(
        "referral", "Name of the referring officer", None
    )
    first_responder_email: ShortText | None = _field(
        "referral", "Work email of the referring officer", None
    )
    first_responder_phone: ShortText | None = _field(
        "referral", "Work telephone of the referring officer", None
    )
    consent: YesNo | None = _field(
        "referral",
        "The person gave informed consent to the referral (required for adults; "
        "children are referred without consent)",
        None,
    )
    linked_immigration_interest: YesNo = _field(
        "referral", "The person has a linked immigration interest", False
    )
    competent_authority: AuthorityCode | None = _field(
        "referral", "Competent authority (allocated by rule when omitted)", None
    )

    given_name: ShortText | None = _field("person", "Given name(s)", None)
    family_name: ShortText | None = _field("person", "Family name", None)
    aliases: list[ShortText] = _field(
        "person", "Other names used", default_factory=list, max_length=20
    )
    date_of_birth: PastDate | None = _field("person", "Date of birth, if known", None)
    estimated_age: WholeNumber | None = _field(
        "person",
        "Estimated age in years at the referral date, if the date of birth is unknown",
        None,
    )
    age_disputed: YesNo = _field(
        "person", "The person's age is disputed (treated as a minor)", False
    )
    age_group: AgeGroupCode | None = _field(
        "person",
        "Age group at the time of exploitation (derived from the date of birth when omitted)",
        None,
    )
    gender: GenderCode = _field("person", "Gender")
    claimed_nationalities: list[Country] = _field(
        "person", "Nationalities the person claims (one or more)", min_length=1, max_length=10
    )
    assessed_nationality: Country | None = _field(
        "person", "Nationality as assessed by the first responder or competent authority", None
    )
    assessed_nationality_certainty: CertaintyCode | None = _field(
        "person", "How certain the assessed nationality is", None
    )
    languages: list[Language] = _field(
        "person", "Languages spoken", default_factory=list, max_length=20
    )
    interpreter_needed: YesNo = _field("person", "An interpreter is needed", False)
    contact_route: str | None = _field(
        "person",
        "A safe way to contact the person (never shared outside the case)",
        None,
        max_length=500,
    )

    exploitation_type: ExploitationTypeCode = _field("exploitation", "Main type of exploitation")
    exploitation_sub_types: list[SubTypeCode] = _field(
        "exploitation", "Sub-types of the exploitation", default_factory=list
    )
    exploitation_means: list[MeansCode] = _field(
        "exploitation",
        "Means used (sham / forced marriage, illegal adoption)",
        default_factory=list,
    )
    exploitation_region: ExploitationRegionCode = _field(
        "exploitation",
        "Police region or country of exploitation; 'overseas' with a country, or 'multiple'",
        codes.ExploitationRegion.NOT_RECORDED,
    )
    exploitation_country: Country | None = _field(
        "exploitation", "Country of exploitation when overseas", None
    )
    exploitation_start: PastDate | None = _field(
        "exploitation", "Start of the period of exploitation", None
    )
    exploitation_end: PastDate | None = _field(
        "exploitation", "End of the period of exploitation", None
    )

    account: str | None = _field(
        "account", "The person's account in their own words (restricted)", None, max_length=50_000
    )

    rg_outcome: OutcomeCode = _field(
        "decisions",
        "Reasonable grounds outcome (historic records only)",
        codes.DecisionOutcome.PENDING,
    )
    rg_date: PastDate | None = _field("decisions", "Date of the reasonable grounds decision", None)
    cg_outcome: OutcomeCode = _field(
        "decisions",
        "Conclusive grounds outcome (historic records only)",
        codes.DecisionOutcome.PENDING,
    )
    cg_date: PastDate | None = _field("decisions", "Date of the conclusive grounds decision", None)


class AnonymousNotification(BaseModel):
    """Notification of an adult potential victim who declined referral: no identifying details."""

    model_config = ConfigDict(
        extra="forbid",
        str_strip_whitespace=True,
        title="Anonymous notification",
        json_schema_extra=schema_extra(),
    )

    schema_version: Literal["1.0"] = _field("notification", "Version of the data standard", "1.0")
    notification_date: PastDate = _field("notification", "Date of the notification")
    nation: NationCode = _field("notification", "UK nation the notification comes from")
    police_region: PoliceRegionCode = _field(
        "notification", "Police region or country of presentation", codes.PoliceRegion.NOT_RECORDED
    )
    first_responder_organisation: ShortText | None = _field(
        "notification",
        "Code of the first responder organisation (from the API token if omitted)",
        None,
    )
    age_group: AgeGroupCode = _field(
        "notification", "Age group (always adult: children are referred)", codes.AgeGroup.ADULT
    )
    gender: GenderCode = _field("notification", "Gender", codes.Gender.NOT_RECORDED)
    nationality: Country | None = _field("notification", "Nationality, if known", None)
    exploitation_type: ExploitationTypeCode = _field(
        "notification", "Main type of exploitation", codes.ExploitationType.NOT_RECORDED
    )
    exploitation_sub_types: list[SubTypeCode] = _field(
        "notification", "Sub-types of the exploitation", default_factory=list
    )
    exploitation_region: ExploitationRegionCode = _field(
        "notification", "Region of exploitation", codes.ExploitationRegion.NOT_RECORDED
    )
    exploitation_country: Country | None = _field(
        "notification", "Country of exploitation when overseas", None
    )


# Fields that identify a person: never in an anonymous notification, an extract or a log.
IDENTIFYING_FIELDS = frozenset(
    {
        "given_name",
        "family_name",
        "aliases",
        "date_of_birth",
        "estimated_age",
        "contact_route",
        "account",
        "languages",
    }
)
LIST_FIELDS = frozenset(
    name
    for model in (Referral, AnonymousNotification)
    for name, info in model.model_fields.items()
    if getattr(info.annotation, "__origin__", None) is list
)
