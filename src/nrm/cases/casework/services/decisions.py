"""The events of the state machine: reasonable and conclusive grounds decisions, suspension,
resumption, withdrawal, extension of the recovery period and reconsideration. Each writes the
decision row the statistics read (``events.RULES``), and a decision that settles something tells
the first responder and the support providers; a positive reasonable grounds decision refers the
person for support."""

from datetime import date

from django.utils import timezone

from nrm.accounts.access import Sees, visibility
from nrm.accounts.actors import Actor
from nrm.cases.casework import messages
from nrm.cases.casework.events import RG, RULES
from nrm.cases.casework.notices import decision_notices_send
from nrm.cases.casework.periods import periods_configured
from nrm.cases.casework.services.locking import Entry, case_change
from nrm.cases.casework.state import CaseState, IllegalTransition, case_transition
from nrm.cases.models import Case, Decision
from nrm.cases.stages import Event, Requester, Stage
from nrm.standard.codes import DecisionOutcome, DecisionStage
from nrm.support.services import support_referral_create

# Decisions the first responder and the support providers are told of.
NOTIFIED = frozenset(
    {DecisionOutcome.POSITIVE, DecisionOutcome.NEGATIVE, DecisionOutcome.WITHDRAWN}
)


def _awaited(case: Case) -> DecisionStage:
    """The decision the case is waiting for: reasonable grounds until a positive one."""
    stage = Stage(case.stage)
    waiting = Stage(case.resume_to) if stage == Stage.SUSPENDED and case.resume_to else stage
    return (
        RG
        if waiting in (Stage.AWAITING_RG, Stage.RG_NEGATIVE)
        else DecisionStage.CONCLUSIVE_GROUNDS
    )


def _requester(actor: Actor) -> Requester:
    """Who is asking, by how the actor sees the case: the referring first responder through
    their organisation, the support provider through the support referral."""
    seen = visibility(actor).sees
    if seen == Sees.ORGANISATION:
        return Requester.FIRST_RESPONDER
    if seen == Sees.SUPPORTED:
        return Requester.SUPPORT_PROVIDER
    return Requester.OTHER


def case_event_record(
    *,
    actor: Actor,
    reference: str,
    event: Event,
    on: date,
    expected_version: int,
    reasons: str = "",
    extend_days: int = 0,
) -> Case:
    """Apply ``event`` to the case ``reference`` (decisions, suspend, resume, withdraw, extend,
    reconsider). Raises ``CapabilityDenied``, ``CaseNotFound``, ``CaseConflict`` or
    ``IllegalTransition`` (with the reason) and then writes nothing."""
    rule = RULES[event]

    def change(case: Case) -> Entry:
        if on > timezone.localdate():
            raise IllegalTransition(messages.DECISION_DATE_IN_FUTURE)
        if event == Event.EXTEND_RECOVERY and extend_days < 1:
            raise IllegalTransition(messages.EXTENSION_DAYS_POSITIVE)
        awaited = _awaited(case)
        requester = _requester(actor) if event == Event.RECONSIDER else None
        state = case_transition(
            CaseState.of(case),
            event,
            on=on,
            reasons=reasons,
            requester=requester,
            periods=periods_configured(),
            extend_days=extend_days,
        )
        for column, value in state.columns().items():
            setattr(case, column, value)
        entry = Entry(event=event, on=on, reasons=reasons, detail={})
        if event == Event.EXTEND_RECOVERY:
            entry.detail = {"extend_days": extend_days}
        if requester is not None:
            entry.detail = {"requester": requester.value}
        if rule.decision is not None:
            stage, outcome = rule.decision
            entry.decision = Decision.objects.create(
                referral=case.referral, stage=stage or awaited, outcome=outcome, decided_on=on
            )
            entry.detail = {
                **(entry.detail or {}),
                "decision_stage": entry.decision.stage,
                "outcome": outcome.value,
            }
        return entry

    def then(case: Case, entry: Entry) -> None:
        """What a recorded decision sets off: support for a positive reasonable grounds
        decision, notices of a decision that settles something."""
        if event == Event.RG_POSITIVE:
            support_referral_create(referral=case.referral, actor=actor)
        if entry.decision is not None and entry.decision.outcome in NOTIFIED:
            decision_notices_send(actor=actor, case=case, decision=entry.decision)

    return case_change(
        actor=actor,
        reference=reference,
        expected_version=expected_version,
        event=event,
        change=change,
        then=then,
    )


def rg_decision_record(
    *,
    actor: Actor,
    reference: str,
    positive: bool,
    on: date,
    expected_version: int,
    reasons: str = "",
) -> Case:
    return case_event_record(
        actor=actor,
        reference=reference,
        event=Event.RG_POSITIVE if positive else Event.RG_NEGATIVE,
        on=on,
        expected_version=expected_version,
        reasons=reasons,
    )


def cg_decision_record(
    *,
    actor: Actor,
    reference: str,
    positive: bool,
    on: date,
    expected_version: int,
    reasons: str = "",
) -> Case:
    return case_event_record(
        actor=actor,
        reference=reference,
        event=Event.CG_POSITIVE if positive else Event.CG_NEGATIVE,
        on=on,
        expected_version=expected_version,
        reasons=reasons,
    )
