"""What each change of a case needs and does, declared once as data.

For every event of the state machine and every other change of a case: the capability it needs,
the audit verb it is recorded under, the stages it may happen in, the decision row it writes (the
one the statistics count) and whether it needs reasons. The state machine (``state.py``) refuses
an event outside its stages, the services check the capability and write the audit and the
decision, and the case page and the API offer a change only where it applies.
"""

from dataclasses import dataclass
from enum import StrEnum

from nrm.accounts.capabilities import Capability
from nrm.audit.models import AuditVerb
from nrm.cases.casework import messages
from nrm.cases.stages import NEGATIVE, NOT_CLOSED, OPEN, Change, Event, Stage
from nrm.standard.codes import DecisionOutcome, DecisionStage

RG = DecisionStage.REASONABLE_GROUNDS
CG = DecisionStage.CONCLUSIVE_GROUNDS
EVERY_STAGE = frozenset(Stage)


class Shared(StrEnum):
    """What a timeline entry shows to those outside the competent authority (the referring
    first responder and the support provider, ``access.sees_internal_case_content``)."""

    WHOLE = "whole"  # the entry and its reasons: decisions, and a reconsideration request
    WITHOUT_REASONS = "without_reasons"  # the entry, not the authority's reasons for it
    NOTHING = "nothing"  # the authority's own working: notes, assignment, the summary


@dataclass(frozen=True)
class EventRule:
    capability: Capability
    verb: AuditVerb
    stages: frozenset[Stage]  # where the case may be for the event to happen
    # The decision row written: (stage, outcome); a stage of None is the decision the case is
    # waiting for (reasonable grounds until a positive one, conclusive grounds after).
    decision: tuple[DecisionStage | None, DecisionOutcome] | None = None
    reasons_required: str = ""  # the refusal when no reasons are given; "" if none are needed
    # The refusal of a change at a stage outside ``stages`` (the state machine words its own
    # refusals of events).
    wrong_stage: str = ""
    shared: Shared = Shared.WITHOUT_REASONS


RULES: dict[Event | Change, EventRule] = {
    Event.RG_POSITIVE: EventRule(
        Capability.RECORD_RG_DECISION,
        AuditVerb.DECISION_RECORD,
        frozenset({Stage.AWAITING_RG}),
        (RG, DecisionOutcome.POSITIVE),
        shared=Shared.WHOLE,
    ),
    Event.RG_NEGATIVE: EventRule(
        Capability.RECORD_RG_DECISION,
        AuditVerb.DECISION_RECORD,
        frozenset({Stage.AWAITING_RG}),
        (RG, DecisionOutcome.NEGATIVE),
        messages.NEGATIVE_NEEDS_REASONS,
        shared=Shared.WHOLE,
    ),
    Event.CG_POSITIVE: EventRule(
        Capability.RECORD_CG_DECISION,
        AuditVerb.DECISION_RECORD,
        frozenset({Stage.RECOVERY}),
        (CG, DecisionOutcome.POSITIVE),
        shared=Shared.WHOLE,
    ),
    Event.CG_NEGATIVE: EventRule(
        Capability.RECORD_CG_DECISION,
        AuditVerb.DECISION_RECORD,
        frozenset({Stage.RECOVERY}),
        (CG, DecisionOutcome.NEGATIVE),
        messages.NEGATIVE_NEEDS_REASONS,
        shared=Shared.WHOLE,
    ),
    Event.SUSPEND: EventRule(
        Capability.RECORD_RG_DECISION,
        AuditVerb.CASE_SUSPEND,
        OPEN,
        (None, DecisionOutcome.SUSPENDED),
    ),
    Event.RESUME: EventRule(
        Capability.RECORD_RG_DECISION,
        AuditVerb.CASE_RESUME,
        frozenset({Stage.SUSPENDED}),
        (None, DecisionOutcome.PENDING),
    ),
    Event.WITHDRAW: EventRule(
        Capability.RECORD_RG_DECISION,
        AuditVerb.CASE_WITHDRAW,
        NOT_CLOSED,
        (None, DecisionOutcome.WITHDRAWN),
        shared=Shared.WHOLE,
    ),
    Event.EXTEND_RECOVERY: EventRule(
        Capability.EXTEND_DEADLINE,
        AuditVerb.DEADLINE_EXTEND,
        frozenset({Stage.RECOVERY}),
        reasons_required=messages.EXTENSION_NEEDS_REASON,
    ),
    Event.RECONSIDER: EventRule(
        Capability.REQUEST_RECONSIDERATION,
        AuditVerb.RECONSIDERATION_REQUEST,
        NEGATIVE,
        (None, DecisionOutcome.PENDING),
        shared=Shared.WHOLE,
    ),
    Change.REALLOCATE: EventRule(
        Capability.ALLOCATE_CASE,
        AuditVerb.CASE_REALLOCATE,
        NOT_CLOSED,
        reasons_required=messages.REALLOCATION_NEEDS_REASON,
        wrong_stage=messages.REALLOCATION_CLOSED,
    ),
    Change.ASSIGN: EventRule(
        Capability.ALLOCATE_CASE,
        AuditVerb.CASE_ASSIGN,
        NOT_CLOSED,
        wrong_stage=messages.ASSIGNMENT_CLOSED,
        shared=Shared.NOTHING,
    ),
    Change.EDIT: EventRule(
        Capability.RECORD_RG_DECISION,
        AuditVerb.CASE_EDIT,
        EVERY_STAGE,
        shared=Shared.NOTHING,
    ),
    Change.NOTE: EventRule(
        Capability.RECORD_RG_DECISION,
        AuditVerb.CASE_EDIT,
        EVERY_STAGE,
        reasons_required=messages.NOTE_EMPTY,
        shared=Shared.NOTHING,
    ),
    Change.REVIEW: EventRule(
        Capability.RECORD_CG_DECISION,
        AuditVerb.REVIEW_RECORD,
        frozenset({Stage.RECOVERY}),
        wrong_stage=messages.REVIEW_NOT_IN_RECOVERY,
    ),
}

# The event a decision already made stands for, when a case is opened with its history (an
# import of past cases): every decision outcome but pending, at either stage.
EVENT_OF_DECISION: dict[tuple[str, str], Event] = {
    (str(stage), str(rule.decision[1])): event
    for event, rule in RULES.items()
    if isinstance(event, Event) and rule.decision is not None
    for stage in (RG, CG)
    if rule.decision[0] in (None, stage) and rule.decision[1] != DecisionOutcome.PENDING
}


def event_applies(event: Event | Change, *, stage: str) -> bool:
    """Whether ``event`` may happen to a case at ``stage``."""
    return stage in RULES[event].stages
