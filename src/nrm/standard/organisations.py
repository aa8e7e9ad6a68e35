"""The seedable list of named first responder organisations.

The list is ``data/first_responder_organisations.csv``; ``nrm organisations seed`` loads it.
"""

import csv
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from nrm.standard.codes import FirstResponderType, Nation

SEED_FILE = Path(__file__).with_name("data") / "first_responder_organisations.csv"


@dataclass(frozen=True)
class SeedOrganisation:
    code: str
    name: str
    type: FirstResponderType
    nation: Nation | None


@cache
def seed_organisations() -> tuple[SeedOrganisation, ...]:
    with SEED_FILE.open(encoding="utf-8", newline="") as handle:
        return tuple(
            SeedOrganisation(
                code=row["code"],
                name=row["name"],
                type=FirstResponderType(row["type"]),
                nation=Nation(row["nation"]) if row["nation"] else None,
            )
            for row in csv.DictReader(handle)
        )
