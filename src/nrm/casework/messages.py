"""Messages of the casework rules. Tests import these constants."""

ILLEGAL_TRANSITION = "A case that is {state} cannot take '{event}': {why}"
WHY_RG_DONE = "its reasonable grounds decision is already made"
WHY_NO_POSITIVE_RG = "a conclusive grounds decision needs a positive reasonable grounds decision"
WHY_CLOSED = "the case is closed"
WHY_WITHDRAWN = "the case is withdrawn"
WHY_SUSPENDED = "the case is suspended; resume it first"
WHY_NOT_SUSPENDED = "the case is not suspended"
WHY_NOT_NEGATIVE = "only a negative decision can be reconsidered"
WHY_NOT_IN_RECOVERY = "the case is not in its recovery and reflection period"
NEGATIVE_NEEDS_REASONS = "A negative decision needs its reasons"
EXTENSION_NEEDS_REASON = "An extension of the recovery period needs a reason"
CG_BEFORE_RECOVERY_ENDS = (
    "The conclusive grounds decision can be made from {earliest}, when the recovery and "
    "reflection period ends"
)
RECONSIDERATION_BY = (
    "Only the first responder or the support provider can request a reconsideration"
)
DATE_BEFORE_LAST_EVENT = "The date {day} is before the case's last event ({last})"

# Allocation rules
UNKNOWN_RULE_SET = "There is no allocation rule set '{name}'; available: {allowed}"
UNKNOWN_AUTHORITY = (
    "Allocation rule set '{rule_set}' names the competent authority '{value}'; allowed: {allowed}"
)
UNKNOWN_FACT = "Allocation rule set '{rule_set}' tests '{fact}'; a rule may test: {allowed}"
RULES_NOT_A_LIST = "Allocation rule set '{rule_set}': 'rules' must be a list"
RULE_WITHOUT_CONDITION = (
    "Allocation rule set '{rule_set}': every rule needs a non-empty 'when' of facts"
)
RULES_FILE_UNREADABLE = "Cannot read the allocation rules file {path}: {error}"
