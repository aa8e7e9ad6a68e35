"""Messages of the support rules. Tests import these constants."""

# Configuration (docs/support.md)
NO_PROVIDER_CONFIGURED = "No support provider is configured for {case} cases"
CONFIG_UNKNOWN_CODE = "{file} line {line}: '{value}' is not a known {column}"
CONFIG_MISSING_COLUMNS = "{file} lacks the columns: {columns}"
CONFIG_CODE_AND_NAME = "{file} line {line}: every provider needs a code and a name"
CONFIG_NO_PROVIDER = "{file} line {line}: every rule needs a provider"
CONFIG_NOT_COVERED = (
    "{file} has no rule without conditions for {nation} {age_group} cases; add one so every "
    "case reaches a provider"
)
PROVIDER_NOT_SEEDED = (
    "The support provider '{code}' is not an active organisation. Run nrm migrate, which adds "
    "the providers of the configuration, or make the organisation active again"
)

# Permission (scope): the capability check has its own message in nrm.accounts.permissions
NOT_YOUR_REFERRAL = "This support referral was not made to your organisation"

# Support referrals (fill in a template with ``nrm.standard.words.say``: dates as "10 October
# 2031"; code lists by their labels)
NOT_OFFERED = "Only an offered support referral can be {action}. This one is {status}"
DECLINE_REASON_UNKNOWN = "Select why you are declining the support referral. It can be {allowed}"
REGION_UNKNOWN = "Select the region the person is supported in. It can be {allowed}"
REGION_NOT_SALVATION_ARMY = (
    "Only a referral to The Salvation Army has a support region. Leave the region empty"
)
NOT_A_SUBCONTRACTOR = (
    "{name} is not a sub-contractor of {provider}. Select your own organisation or one of its "
    "sub-contractors"
)

# Episodes
EPISODE_NEEDS_ACCEPTED = (
    "A support episode can start only on an accepted support referral; this one is {status}"
)
EPISODE_ALREADY_OPEN = "This support referral already has an open episode. Close it first"
EPISODE_CLOSED = "This support episode was closed on {end}"
END_BEFORE_START = "The end date must be the same as or after the start date, {start}"
DATE_IN_FUTURE = "The {date} must be today or in the past"
START_BEFORE_OFFER = (
    "The start date must be the same as or after {offered}, when the support referral was offered"
)
SUPPORT_TYPE_UNKNOWN = "Select the type of support. It can be {allowed}"
SERVICE_UNKNOWN = "Select the services given from the list: {allowed}"
EXIT_ROUTE_UNKNOWN = "Select how the person left support. It can be {allowed}"
