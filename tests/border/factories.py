"""Risk profiles for the border's tests, written through the services."""

from typing import Any

from nrm.accounts.actors import OPERATOR
from nrm.accounts.models import Organisation
from nrm.border.profile_models import ProfileVersion
from nrm.border.profile_services import profile_activate, profile_create

CASH_ONE_WAY: list[dict[str, Any]] = [
    {"field": "nationality", "operator": "in", "values": ["ALB", "VNM"]},
    {"field": "journey", "operator": "in", "values": ["one_way"]},
    {"field": "paid_in_cash", "operator": "equals", "values": [True]},
]


def profile_data(**changes: Any) -> dict[str, Any]:
    return {
        "name": "One-way tickets paid in cash",
        "conditions": CASH_ONE_WAY,
        "rationale": "Recent reports describe recruits flown in on one-way tickets bought in cash",
        "intelligence_references": ["IR-2026-000123"],
        "review_on": "2030-01-31",
        "expires_on": "2030-06-30",
        **changes,
    }


def active_profile_version(owner: Organisation, **changes: Any) -> ProfileVersion:
    draft = profile_create(actor=OPERATOR, data=profile_data(**changes), owner=owner)
    return profile_activate(actor=OPERATOR, profile_id=draft.profile_id)
