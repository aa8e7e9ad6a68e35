"""Validation messages of the data standard, written for the people who read them: what went
wrong and how to fix it, fields named as their labels (``nrm.standard.words``), code lists by
their labels, dates as "10 October 2031". Codes and field names are for machines and stay in an
error's ``code`` and ``field``.

A template names a field as ``{f.field}`` in a sentence and ``{F.field}`` at its start, and the
field or list item an answer was given for as ``{name}`` / ``{Name}``; fill one in with
``nrm.standard.words.say``. Tests import these constants; doors never reword them.
"""

# Answers that are not of their field's kind (any field: ``{name}`` is the field or item).
MISSING_ENTER = "Enter {name}"
MISSING_SELECT = "Select {name}"
NOT_YES_NO = "Select yes or no to say {name}"
NOT_WHOLE_NUMBER = "{Name} must be a whole number, like 34"
NOT_TEXT = "{Name} must be text"
TEXT_TOO_LONG = "{Name} must be {max_length:,} characters or fewer"
NOT_A_LIST = "Give the {items} as a list, even if there is only one"
TOO_FEW = "Give at least {min_length} {items}"
TOO_MANY = "Give no more than {max_length} {items}"
UNKNOWN_CODE = "Select {name}. It can be {allowed}"
UNKNOWN_COUNTRY = (
    "{Name} is not a country we know. Enter the country's English name or its code, for "
    "example Nigeria or NGA, or enter Stateless or Unknown"
)
COUNTRY_SUGGESTION = ". Did you mean {names}?"
UNKNOWN_LANGUAGE = (
    "{Name} is not one we know. Enter the language's English name or its code, for example "
    "Yoruba or yor"
)
BAD_DATE = "{Name} must be a real date, for example 14/05/2012"
FUTURE_DATE = "{Name} must be today or in the past"
DATE_TOO_EARLY = "{Name} must be 1 January 1900 or later"
AT_LEAST = "{Name} must be {ge} or more"
MORE_THAN = "{Name} must be more than {gt}"
AT_MOST = "{Name} must be {le} or less"
LESS_THAN = "{Name} must be less than {lt}"
NOT_A_DATE = "{Name} must be a real date, written as year-month-day"
NOT_ASKED = "This request takes no answer of this name. Leave it out"
NOT_ACCEPTED = "{Name} is not a value this accepts. The API's documentation lists the values"
NOT_READABLE = "{Name} is not in a form the data standard accepts: check it against the codebook"
TEXT_NUL = (
    "This contains a NUL character (a zero byte), which cannot be stored. Remove it and send "
    "the text again"
)
TEXT_HALF_CHARACTER = (
    "This contains half of a character (an unpaired surrogate), which cannot be stored. Check "
    "how the text was encoded and send it again as UTF-8"
)
UNSUPPORTED_VERSION = "This service accepts version {supported} of the data standard only"
UNKNOWN_FIELD = (
    "The data standard has no question of this name. Check the name against the codebook, or "
    "leave it out"
)
NOT_IN_NOTIFICATION = "An anonymous notification does not hold {name}: leave it out"

# The rules across fields (``rules.py``).
ADULT_NEEDS_CONSENT = (
    "An adult can only be referred with their informed consent. If the person does not consent, "
    "send an anonymous notification instead: it holds no details that identify them"
)
NAME_REQUIRED = "Enter {f.given_name}, {f.family_name} or both"
AGE_UNKNOWN = (
    "Enter {f.date_of_birth} or {f.estimated_age}, so that it is known whether the person was a "
    "child when the exploitation began"
)
AGE_DISPUTED_IS_MINOR = (
    "A person whose age is disputed is treated as a child, so {f.age_group} must be {minor}"
)
AGE_GROUP_CONTRADICTS_DOB = (
    "{F.age_group} {given} does not match {f.date_of_birth}: the person was {age} when the "
    "exploitation began. Correct {f.age_group} or {f.date_of_birth}"
)
DOB_AFTER_REFERRAL = "{F.date_of_birth} must be before {f.referral_date}, {referral_date}"
ESTIMATED_AGE_RANGE = "{F.estimated_age} must be between 0 and 120"
ESTIMATED_AGE_CONTRADICTS_DOB = (
    "{F.estimated_age} of {given} does not match {f.date_of_birth}: the person was {age} on "
    "{f.referral_date}. Enter {f.date_of_birth} alone, or correct one of them"
)
REGION_NOT_IN_NATION = "{region} is not in {nation}. Select a police region in {nation}: {allowed}"
OVERSEAS_NEEDS_COUNTRY = "Enter {f.exploitation_country}, as the exploitation took place overseas"
COUNTRY_ONLY_OVERSEAS = (
    "{F.exploitation_country} is only for exploitation overseas or in more than one place. "
    "Remove it, or select {overseas} or {multiple} for {f.exploitation_region}"
)
OVERSEAS_NOT_UK = (
    "Exploitation overseas cannot be in the UK. Select the region of the UK for "
    "{f.exploitation_region}, or enter the country overseas"
)
SUB_TYPE_NOT_OF_TYPE = (
    "{sub_type} is a sub-type of {parent}, but {f.exploitation_type} is {type}. Select only "
    "sub-types of {f.exploitation_type}, or change it"
)
EXPLOITATION_END_BEFORE_START = (
    "{F.exploitation_end} must be the same as or after {f.exploitation_start}"
)
EXPLOITATION_BEFORE_BIRTH = "{F.exploitation_start} must be the same as or after {f.date_of_birth}"
EXPLOITATION_AFTER_REFERRAL = (
    "{F.exploitation_start} must be the same as or before {f.referral_date}"
)
CERTAINTY_NEEDS_ASSESSED = (
    "Enter {f.assessed_nationality}, or leave out {f.assessed_nationality_certainty}"
)

DECISION_NEEDS_DATE = "Enter {date}, as the decision is recorded as {outcome}"
DATE_NEEDS_DECISION = (
    "{Date} is given but the decision is pending. Remove the date, or give {decision}"
)
RG_BEFORE_REFERRAL = "{F.rg_date} must be the same as or after {f.referral_date}, {referral_date}"
CG_WITHOUT_POSITIVE_RG = (
    "A conclusive grounds decision needs a positive reasonable grounds decision first, and "
    "{f.rg_outcome} is {rg_outcome}"
)
CG_BEFORE_RG = "{F.cg_date} must be after {f.rg_date}, {rg_date}"
DECISIONS_NOT_ALLOWED = (
    "Decisions are recorded by the competent authority, not with the referral: leave out {name}"
)

NOTIFICATION_CHILD = (
    "A child is always referred, without needing consent: submit a referral, not an anonymous "
    "notification"
)
NOTIFICATION_IDENTIFYING = (
    "An anonymous notification holds no details that identify the person: leave out {name}"
)

# Intelligence reports (``intelligence_validation.py``). ``{entity}`` / ``{Entity}`` is an entity
# as people count them ("entity 2"), ``{link}`` a link ("link 1").
PHONE_NOT_VALID = (
    "{Name} is not a telephone number we recognise. Enter a UK number, like 07911 123456, or "
    "an international number starting with +, like +40 712 345 678"
)
ENTITIES_NONE = (
    "Name at least one person, group, place, phone, vehicle or business the report is about"
)
HANDLING_NEEDS_CONDITIONS = (
    "Name the organisations that may see this report, as its handling code says it may be "
    "shared only subject to conditions"
)
CONDITIONS_ONLY_WITH_C = (
    "Only a report that may be shared subject to conditions names the organisations that may "
    "see it. Remove them, or choose that handling code"
)
UNKNOWN_CONDITION_ORGANISATION = (
    "{value} is not an organisation we know. Name the organisations by their codes, for "
    "example {example}"
)
EVENTS_AFTER_RECEIVED = (
    "The date of the events must be the same as or before the date the report was received, "
    "{received}"
)
ENTITY_KEY_TWICE = (
    "Two entities have the same key, {key}. Give each entity its own key, so that links can name it"
)
ENTITY_ATTRIBUTE_NOT_OF_TYPE = (
    "{Name} is not recorded for {kind}. Remove it from {entity}, or change what {entity} is"
)
ENTITY_NEEDS = "Enter {needs} of {entity}, which is {kind}"
EXPLOITATION_ONLY_VICTIM = (
    "Where or how someone was exploited is recorded only for a potential victim. Remove it from "
    "{entity}, or make {entity} a potential victim"
)
ENTITY_SUB_TYPE_NOT_OF_TYPE = (
    "{sub_type} is a sub-type of {parent}, but the type of exploitation of {entity} is {type}. "
    "Select only sub-types of {type}, or change the type"
)
ENTITY_SUB_TYPE_NEEDS_TYPE = (
    "Select the type of exploitation of {entity} as well as where or how they were exploited"
)
LINK_UNKNOWN_ENTITY = (
    "{Link} names an entity the report does not have, {key}. Use the key of one of the "
    "report's entities"
)
LINK_TO_ITSELF = "{Link} joins an entity to itself. A link joins two different entities"
LINK_DOES_NOT_FIT = (
    "{Link} says {from_kind} {link_type} {to_kind}, which cannot be. {Link_type} joins {allowed}"
)
NRM_REFERENCE_UNKNOWN = (
    "There is no NRM referral with the reference {value}. Check the reference, for example "
    "NRM-2012-000123, or leave it out"
)
