"""The extracts the justice tables are counted on: no names, no references, only codes and
years (``nrm.justice.rules`` decides which year and which offence is principal).

- ``charges_table``: one row per offence charged (one fact per offence), with the financial
  year of its charge, the calendar year of its outcome, and whether it is the principal offence
  of its defendant in its proceeding.
- ``recoveries_table``: one row per asset recovery and measure (its number, 1, and its value
  in pence; the same again when it is still going through the court process), so that one
  table can count and sum them side by side.
"""

from collections import defaultdict
from collections.abc import Mapping, Sequence
from typing import Any

import pyarrow as pa

from nrm.justice.models import AssetRecovery, Charge
from nrm.justice.rules import Conviction, financial_year, principal_offence
from nrm.standard import justice_codes as jc

PRINCIPAL, NOT_PRINCIPAL = jc.Principal.YES.value, jc.Principal.NO.value
CHARGES_SCHEMA = pa.schema(
    [
        ("financial_year", pa.int64()),
        ("outcome_year", pa.int64()),
        ("authority", pa.string()),
        ("jurisdiction", pa.string()),
        ("court_nation", pa.string()),
        ("offence", pa.string()),
        ("offence_category", pa.string()),
        ("purpose", pa.string()),
        ("outcome", pa.string()),
        ("principal", pa.string()),
    ]
)
RECOVERIES_SCHEMA = pa.schema(
    [
        ("recovery_year", pa.int64()),
        ("jurisdiction", pa.string()),
        ("kind", pa.string()),
        ("status", pa.string()),
        ("recovery", pa.string()),
        ("amount", pa.int64()),
    ]
)


def principal_ids(charges: Sequence[Mapping[str, Any]]) -> set[int]:
    """The ids of the charges that are their defendant's principal offence (``rules``); each
    charge gives ``id``, ``defendant_id``, ``offence``, ``charged_on``, ``outcome``, ``sentence``,
    ``custody_months`` and ``fine_pence``."""
    convicted: dict[int, list[Conviction]] = defaultdict(list)
    for c in charges:
        if c["outcome"] == jc.ChargeOutcome.CONVICTED:
            convicted[c["defendant_id"]].append(
                Conviction(
                    key=c["id"],
                    offence=c["offence"],
                    charged_on=c["charged_on"],
                    sentence=c["sentence"],
                    custody_months=c["custody_months"],
                    fine_pence=c["fine_pence"],
                )
            )
    chosen = (principal_offence(found) for found in convicted.values())
    return {c.key for c in chosen if c is not None}


def charges_table() -> pa.Table:
    """Every charge of the case store as a row of the charges extract."""
    charges = list(
        Charge.objects.order_by("id").values(
            "id",
            "defendant_id",
            "offence",
            "charged_on",
            "outcome",
            "outcome_on",
            "sentence",
            "custody_months",
            "fine_pence",
            "defendant__prosecution__authority",
            "defendant__prosecution__court_nation",
        )
    )
    principal = principal_ids(charges)
    rows = []
    for c in charges:
        authority = jc.ProsecutingAuthority(c["defendant__prosecution__authority"])
        category = jc.OFFENCE_CATEGORY[jc.Offence(c["offence"])]
        rows.append(
            {
                "financial_year": financial_year(c["charged_on"]),
                "outcome_year": c["outcome_on"].year if c["outcome_on"] else None,
                "authority": authority.value,
                "jurisdiction": jc.AUTHORITY_JURISDICTION[authority].value,
                "court_nation": c["defendant__prosecution__court_nation"],
                "offence": c["offence"],
                "offence_category": category.value,
                "purpose": jc.PURPOSE[category].value,
                "outcome": c["outcome"],
                "principal": PRINCIPAL if c["id"] in principal else NOT_PRINCIPAL,
            }
        )
    return pa.Table.from_pylist(rows, schema=CHARGES_SCHEMA)


def recoveries_table() -> pa.Table:
    """Every asset recovery of the case store as rows of the recoveries extract."""
    rows = []
    for r in AssetRecovery.objects.order_by("id").values(
        "recorded_on", "authority", "kind", "status", "amount_pence"
    ):
        jurisdiction = jc.AUTHORITY_JURISDICTION[jc.ProsecutingAuthority(r["authority"])]
        base = {
            "recovery_year": r["recorded_on"].year,
            "jurisdiction": jurisdiction.value,
            "kind": r["kind"],
            "status": r["status"],
        }
        measures = [(jc.RecoveryMeasure.NUMBER, 1), (jc.RecoveryMeasure.VALUE, r["amount_pence"])]
        if r["status"] == jc.RecoveryStatus.IN_COURT_PROCESS:
            measures += [
                (jc.RecoveryMeasure.IN_COURT_NUMBER, 1),
                (jc.RecoveryMeasure.IN_COURT_VALUE, r["amount_pence"]),
            ]
        rows += [{**base, "recovery": m.value, "amount": amount} for m, amount in measures]
    return pa.Table.from_pylist(rows, schema=RECOVERIES_SCHEMA)
