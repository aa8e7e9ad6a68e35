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

# Case services
CASE_CONFLICT = (
    "This case was changed by someone else after you opened it (you had version {expected}, it "
    "is now version {current}). Nothing was saved; what you entered is kept. Check the case as it "
    "is now, then save again."
)
CASE_NOT_FOUND = "There is no case {reference} that you can see"
REALLOCATION_NEEDS_REASON = "A reallocation needs a reason"
REALLOCATION_SAME_AUTHORITY = "The case is already allocated to {authority}"
REALLOCATION_CLOSED = "A closed case cannot be reallocated"
ASSIGNMENT_CLOSED = "A closed case cannot be assigned"
ASSIGNEE_NOT_CASEWORKER = (
    "{username} cannot be assigned this case: they must be an active caseworker or manager of "
    "the competent authority it is allocated to"
)
REVIEW_NOT_IN_RECOVERY = "The day-30 review belongs to the recovery and reflection period"
REVIEW_ALREADY_RECORDED = "The day-30 review of this case was recorded on {day}"
EXTENSION_DAYS_POSITIVE = "An extension must be at least one day"
DECISION_DATE_IN_FUTURE = "The date {day} is in the future"
BACKLOG_NEEDS_NAME = "A backlog needs a name"
BACKLOG_EXISTS = "There is already a backlog named '{name}'"
BACKLOG_UNKNOWN_CASES = "{count} references are not cases that can be chosen: {shown}"
NOTE_EMPTY = "Enter the note"
