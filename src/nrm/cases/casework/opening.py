"""The case row that goes with a new referral: the state its decisions reach, and its deadlines.

A referral arriving with decisions already made (historical data, imports) opens at the stage
those decisions reach through the state machine (``state.case_replay``). Import workers build
these rows, so nothing here reads the database.
"""

from collections.abc import Sequence
from datetime import date
from typing import Any

from nrm.cases.casework.periods import Periods
from nrm.cases.casework.state import CaseState, case_replay
from nrm.cases.casework.working_days import working_days_add
from nrm.standard.codes import Nation

_NATIONS = frozenset(Nation.values)


def case_row_for(
    *,
    received_on: date,
    nation: str,
    periods: Periods,
    decisions: Sequence[tuple[str, str, date]] = (),
    rule_set: str = "",
) -> dict[str, Any]:
    """Column values of the case (without ``referral_id``). ``decisions`` are (stage, outcome,
    decided on) with outcomes of the data standard; pending ones may be left out."""
    calendar = nation if nation in _NATIONS else Nation.ENGLAND.value
    rg_due_on = working_days_add(received_on, periods.rg_due_working_days, nation=calendar)
    state = case_replay(
        CaseState.received(received_on, rg_due_on=rg_due_on), decisions, periods=periods
    )
    return {
        **state.columns(),
        "received_on": received_on,
        "reviewed_on": None,
        "allocation_rule_set": rule_set,
        "assigned_to_id": None,
        "summary": "",
        "version": 1,
    }
