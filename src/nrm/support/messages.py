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
    "The support provider '{code}' is not an active organisation; run the provider seed "
    "(nrm.support.services.support_providers_seed)"
)

# Permission (scope): the capability check has its own message in nrm.accounts.permissions
NOT_YOUR_REFERRAL = "This support referral was not made to your organisation"

# Support referrals
NOT_OFFERED = "Only an offered support referral can be {action}; this one is {status}"
DECLINE_REASON_UNKNOWN = "'{value}' is not a decline reason; allowed: {allowed}"
NOT_A_SUBCONTRACTOR = "'{code}' is not a sub-contractor of {provider} in the provider configuration"

# Episodes
EPISODE_NEEDS_ACCEPTED = (
    "A support episode can start only on an accepted support referral; this one is {status}"
)
EPISODE_ALREADY_OPEN = "This support referral already has an open episode; close it first"
EPISODE_CLOSED = "This support episode is already closed (on {end})"
END_BEFORE_START = "The end date {end} is before the start date {start}"
DATE_IN_FUTURE = "The {field} date {day} is in the future"
START_BEFORE_OFFER = "The start date {start} is before the support referral was offered ({offered})"
SUPPORT_TYPE_UNKNOWN = "'{value}' is not a support type; allowed: {allowed}"
SERVICE_UNKNOWN = "'{value}' is not a support service; allowed: {allowed}"
EXIT_ROUTE_UNKNOWN = "'{value}' is not an exit route; allowed: {allowed}"
