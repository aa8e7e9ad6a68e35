from collections.abc import Callable
from datetime import date
from typing import Any

import pytest

from nrm.accounts.actors import OPERATOR
from nrm.justice.models import Prosecution
from nrm.justice.services import prosecuting_authorities_seed, prosecution_save
from nrm.standard.justice_schema import ProsecutionRecord

TODAY = date(2013, 6, 30)


def charge(offence: str, charged: str, outcome: str = "ongoing", on: str | None = None,
           months: int | None = None, **more: Any) -> dict[str, Any]:  # fmt: skip
    found: dict[str, Any] = {"offence": offence, "charged_on": charged, "outcome": outcome}
    if on:
        found["outcome_on"] = on
    if months:
        found |= {"sentence": "immediate_custody", "custody_months": months}
    return found | more


@pytest.fixture
def record_prosecution(db: Any) -> Callable[..., Prosecution]:
    """Record a prosecution through the service, as the authority's operator would."""
    prosecuting_authorities_seed()
    made = 0

    def record(*defendants: list[dict[str, Any]], authority: str = "cps",
               nation: str = "england", **more: Any) -> Prosecution:  # fmt: skip
        nonlocal made
        made += 1
        data = {
            "authority": authority,
            "case_reference": f"T-{made:04d}",
            "court_nation": nation,
            "defendants": [
                {"name": f"Test Defendant {n}", "charges": charges}
                for n, charges in enumerate(defendants)
            ],
            **more,
        }
        parsed = ProsecutionRecord.model_validate(data, context={"today": TODAY})
        return prosecution_save(actor=OPERATOR, record=parsed)

    return record
