"""Validation messages of the data standard. Tests import these constants; doors never reword
them."""

UNKNOWN_CODE = "'{value}' is not a known {list_name}; allowed codes: {allowed}"
UNKNOWN_COUNTRY = (
    "'{value}' is not a known country: give an ISO 3166 code (GBR or GB), an English name, "
    "'stateless' or 'unknown'"
)
COUNTRY_SUGGESTION = ". Did you mean {names}?"
UNKNOWN_LANGUAGE = "'{value}' is not a known language: give an ISO 639 code or an English name"
BAD_DATE = "'{value}' is not a date: use YYYY-MM-DD (or DD/MM/YYYY)"
FUTURE_DATE = "Date {value} is in the future"
DATE_TOO_EARLY = "Date {value} is before 1900: check the year"
TEXT_NUL = (
    "This contains a NUL character (a zero byte), which cannot be stored. Remove it and send "
    "the text again"
)
TEXT_HALF_CHARACTER = (
    "This contains half of a character (an unpaired surrogate), which cannot be stored. Check "
    "how the text was encoded and send it again as UTF-8"
)
UNSUPPORTED_VERSION = "Schema version '{value}' is not supported; this service accepts {supported}"

ADULT_NEEDS_CONSENT = (
    "An adult can only be referred with their informed consent. If the person declines, "
    "submit an anonymous notification instead (POST /api/v1/notifications or "
    "`nrm import notifications`), which holds no identifying details"
)
NAME_REQUIRED = "Give the person's given name or family name (or both)"
AGE_UNKNOWN = (
    "Give date_of_birth, estimated_age or age_group, so the person's age group at the time of "
    "exploitation is known"
)
AGE_DISPUTED_IS_MINOR = "An age-disputed person is treated as a minor: age_group must be 'minor'"
AGE_GROUP_CONTRADICTS_DOB = (
    "age_group '{given}' contradicts date_of_birth: the person was {age} at the time of "
    "exploitation"
)
DOB_AFTER_REFERRAL = "date_of_birth must be before the referral date ({referral_date})"
ESTIMATED_AGE_RANGE = "estimated_age must be between 0 and 120"
ESTIMATED_AGE_CONTRADICTS_DOB = (
    "estimated_age {given} contradicts date_of_birth: the person was {age} on the referral date. "
    "Give the date of birth alone, or correct one of them"
)
REGION_NOT_IN_NATION = "police region '{region}' is not in {nation}; allowed here: {allowed}"
OVERSEAS_NEEDS_COUNTRY = "exploitation_country is required when exploitation_region is 'overseas'"
COUNTRY_ONLY_OVERSEAS = (
    "exploitation_country is only given when exploitation_region is 'overseas' (or 'multiple')"
)
OVERSEAS_NOT_UK = "exploitation overseas cannot be in the UK: use a UK region instead"
SUB_TYPE_NOT_OF_TYPE = "sub-type '{sub_type}' belongs to {parent} exploitation, not to '{type}'"
EXPLOITATION_END_BEFORE_START = "exploitation_end must not be before exploitation_start"
EXPLOITATION_BEFORE_BIRTH = "exploitation_start must not be before date_of_birth"
EXPLOITATION_AFTER_REFERRAL = "exploitation_start must not be after the referral date"
CERTAINTY_NEEDS_ASSESSED = "assessed_nationality_certainty needs an assessed_nationality"

DECISION_NEEDS_DATE = "A {stage} decision of '{outcome}' needs its date ({field})"
DATE_NEEDS_DECISION = "{field} is given but the {stage} outcome is pending"
RG_BEFORE_REFERRAL = "rg_date must not be before the referral date ({referral_date})"
CG_WITHOUT_POSITIVE_RG = (
    "A conclusive grounds decision needs a positive reasonable grounds decision first "
    "(rg_outcome is '{rg_outcome}')"
)
CG_BEFORE_RG = "cg_date must be after rg_date ({rg_date})"
DECISIONS_NOT_ALLOWED = (
    "Decisions are recorded by the competent authority, not with the referral: leave {field} empty"
)

NOTIFICATION_CHILD = (
    "A child is always referred, without needing consent: submit a referral, not an anonymous "
    "notification"
)
NOTIFICATION_IDENTIFYING = "Anonymous notifications hold no identifying details: remove '{field}'"
UNKNOWN_FIELD = "'{field}' is not a field of the data standard"
