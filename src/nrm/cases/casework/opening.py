"""The case row that goes with a new referral: its stage and deadlines.

Pure and Django-free (import workers use it). A referral arriving with decisions already made
(historical data, imports) opens at the stage those decisions reached.
"""

from collections.abc import Sequence
from datetime import date, timedelta
from typing import Any

from nrm.cases.casework.working_days import working_days_add
from nrm.cases.stages import Stage
from nrm.standard.codes import DecisionOutcome, DecisionStage, Nation

RG_DUE_WORKING_DAYS = 5
RECOVERY_DAYS = 45
REVIEW_DAY = 30

_NATIONS = frozenset(Nation.values)
_RG = DecisionStage.REASONABLE_GROUNDS.value
_CG = DecisionStage.CONCLUSIVE_GROUNDS.value


def _latest(decisions: Sequence[tuple[str, str, date]], stage: str) -> tuple[str, date] | None:
    found = [(on, outcome) for s, outcome, on in decisions if s == stage]
    if not found:
        return None
    on, outcome = max(found)
    return outcome, on


def case_row_for(
    *,
    received_on: date,
    nation: str,
    decisions: Sequence[tuple[str, str, date]] = (),
    rg_due_working_days: int = RG_DUE_WORKING_DAYS,
    recovery_days: int = RECOVERY_DAYS,
    review_day: int = REVIEW_DAY,
    rule_set: str = "",
) -> dict[str, Any]:
    """Column values of the case (without ``referral_id``). ``decisions`` are (stage, outcome,
    decided on) with outcomes of the data standard; pending ones may be left out."""
    calendar = nation if nation in _NATIONS else Nation.ENGLAND.value
    row: dict[str, Any] = {
        "stage": Stage.AWAITING_RG.value,
        "resume_to": "",
        "received_on": received_on,
        "last_event_on": received_on,
        "rg_due_on": working_days_add(received_on, rg_due_working_days, nation=calendar),
        "rg_positive_on": None,
        "recovery_ends_on": None,
        "review_due_on": None,
        "reviewed_on": None,
        "due_on": None,
        "closed_on": None,
        "allocation_rule_set": rule_set,
        "assigned_to_id": None,
        "summary": "",
        "version": 1,
    }
    rg, cg = _latest(decisions, _RG), _latest(decisions, _CG)
    if rg is None or rg[0] == DecisionOutcome.PENDING:
        row["due_on"] = row["rg_due_on"]
        return row
    outcome, on = rg
    row["last_event_on"] = on
    if outcome == DecisionOutcome.NEGATIVE:
        return {**row, "stage": Stage.RG_NEGATIVE.value, "closed_on": on}
    if outcome == DecisionOutcome.WITHDRAWN:
        return {**row, "stage": Stage.WITHDRAWN.value, "closed_on": on}
    if outcome == DecisionOutcome.SUSPENDED:
        return {**row, "stage": Stage.SUSPENDED.value, "resume_to": Stage.AWAITING_RG.value}
    recovery_ends = on + timedelta(days=recovery_days)
    row.update(
        stage=Stage.RECOVERY.value,
        rg_positive_on=on,
        recovery_ends_on=recovery_ends,
        review_due_on=on + timedelta(days=review_day),
        due_on=recovery_ends,
    )
    if cg is None or cg[0] == DecisionOutcome.PENDING:
        return row
    outcome, on = cg
    row.update(last_event_on=max(on, row["last_event_on"]), due_on=None)
    if outcome == DecisionOutcome.SUSPENDED:
        return {**row, "stage": Stage.SUSPENDED.value, "resume_to": Stage.RECOVERY.value}
    closed = {
        DecisionOutcome.POSITIVE: Stage.CG_POSITIVE,
        DecisionOutcome.NEGATIVE: Stage.CG_NEGATIVE,
        DecisionOutcome.WITHDRAWN: Stage.WITHDRAWN,
    }[DecisionOutcome(outcome)]
    return {**row, "stage": closed.value, "closed_on": on}


def case_settings(*, rule_set: str) -> dict[str, Any]:
    """The configured deadlines and the allocating rule set's name, as keyword arguments of
    ``case_row_for``."""
    from django.conf import settings

    return {
        "rg_due_working_days": settings.NRM_RG_DUE_WORKING_DAYS,
        "recovery_days": settings.NRM_RECOVERY_DAYS,
        "review_day": settings.NRM_REVIEW_DAY,
        "rule_set": rule_set,
    }
