"""Messages of the casework rules, written for the caseworkers and first responders who read
them: stages and events by their labels (``nrm.cases.stages``), dates as "10 October 2031"
(fill a template in with ``nrm.standard.words.say``). Tests import these constants."""

ILLEGAL_TRANSITION = 'You cannot record "{event}" while the case\'s stage is "{stage}": {why}'
WHY_RG_DONE = "its reasonable grounds decision has already been made"
WHY_CG_DONE = "its conclusive grounds decision has already been made"
WHY_NO_POSITIVE_RG = (
    "a conclusive grounds decision needs a positive reasonable grounds decision first"
)
WHY_CLOSED = "the case is closed"
WHY_WITHDRAWN = "the case has been withdrawn"
WHY_SUSPENDED = "the case is suspended. Resume it first"
WHY_ALREADY_SUSPENDED = "the case is already suspended"
WHY_NOT_SUSPENDED = "the case is not suspended"
WHY_NOT_NEGATIVE = "only a negative decision can be reconsidered"
WHY_NOT_IN_RECOVERY = "the case is not in its recovery and reflection period"
NEGATIVE_NEEDS_REASONS = "Enter the reasons for the negative decision"
EXTENSION_NEEDS_REASON = "Enter the reason for extending the recovery period"
CG_BEFORE_RECOVERY_ENDS = (
    "The conclusive grounds decision can be made from {earliest}, when the recovery and "
    "reflection period ends"
)
RECONSIDERATION_BY = (
    "Only the first responder or the support provider can request a reconsideration"
)
DATE_BEFORE_LAST_EVENT = (
    "The date must be the same as or after {last}, the date of the case's last entry"
)

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
REALLOCATION_NEEDS_REASON = "Enter the reason for the reallocation"
REALLOCATION_SAME_AUTHORITY = "The case is already allocated to {authority}"
REALLOCATION_CLOSED = "A closed case cannot be reallocated"
ASSIGNMENT_CLOSED = "A closed case cannot be assigned"
ASSIGNEE_NOT_CASEWORKER = (
    "{username} cannot be assigned this case: they must be an active caseworker or manager of "
    "the competent authority it is allocated to"
)
REVIEW_NOT_IN_RECOVERY = "The day-30 review belongs to the recovery and reflection period"
REVIEW_ALREADY_RECORDED = "The day-30 review of this case was recorded on {day}"
EXTENSION_DAYS_POSITIVE = "The extension must be at least 1 day"
DECISION_DATE_IN_FUTURE = "The date must be today or in the past"
BACKLOG_NEEDS_NAME = "A backlog needs a name"
BACKLOG_EXISTS = "There is already a backlog named '{name}'"
BACKLOG_UNKNOWN_CASES = "{count} references are not cases that can be chosen: {shown}"
NOTE_EMPTY = "Enter the note"

# The case page
CG_NOT_YET = "The conclusive grounds decision can be made from {day}"
