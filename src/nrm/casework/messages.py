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
