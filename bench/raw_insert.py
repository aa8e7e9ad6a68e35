"""The baseline for the import benchmark: the same rows into the same tables, no checks.

Columns are converted from CSV text just enough for the database to take them; references are
numbered in file order. Nothing is validated, allocated by rule or audited.
"""

import csv
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

from django.db import transaction

from nrm.accounts.models import Organisation
from nrm.cases import models
from nrm.db.bulk import ids_allocate, rows_insert

BATCH = 5000


def raw_insert(path: Path) -> int:
    organisations = dict(Organisation.objects.values_list("code", "id"))
    now = datetime.now(UTC)
    count = 0
    with transaction.atomic(), path.open(encoding="utf-8", newline="") as handle:
        batch: list[dict[str, str]] = []
        for row in csv.DictReader(handle):
            batch.append(row)
            if len(batch) == BATCH:
                count = _write(batch, organisations, now, count)
                batch = []
        if batch:
            count = _write(batch, organisations, now, count)
    return count


def _write(
    batch: list[dict[str, str]], organisations: dict[str, int], now: datetime, count: int
) -> int:
    ids = ids_allocate(models.Referral, len(batch))
    referrals, people, nationalities, accounts, decisions = [], [], [], [], []
    for referral_id, row in zip(ids, batch, strict=True):
        count += 1
        referrals.append(
            {
                "id": referral_id,
                "reference": f"RAW-{count:08d}",
                "schema_version": "1.0",
                "referral_date": date.fromisoformat(row["referral_date"]),
                "received_at": now,
                "organisation_id": organisations[row["first_responder_organisation"]],
                "submitted_by_id": None,
                "officer_name": row["first_responder_officer"],
                "officer_email": "",
                "officer_phone": "",
                "nation": row["nation"],
                "police_region": row["police_region"],
                "consent": row["consent"] == "yes",
                "linked_immigration_interest": row["linked_immigration_interest"] == "yes",
                "competent_authority": "home_office",
                "age_group": "adult",
                "exploitation_type": row["exploitation_type"],
                "exploitation_sub_types": [
                    s for s in row["exploitation_sub_types"].split(";") if s
                ],
                "exploitation_means": [],
                "exploitation_region": row["exploitation_region"],
                "exploitation_country": row["exploitation_country"],
                "exploitation_start": date.fromisoformat(row["exploitation_start"]),
                "exploitation_end": None,
            }
        )
        people.append(
            {
                "referral_id": referral_id,
                "given_name": row["given_name"],
                "family_name": row["family_name"],
                "aliases": [],
                "date_of_birth": date.fromisoformat(row["date_of_birth"]),
                "estimated_age": None,
                "age_disputed": False,
                "gender": row["gender"],
                "languages": [row["languages"]],
                "interpreter_needed": False,
                "contact_route": "",
            }
        )
        nationalities.append(
            {
                "referral_id": referral_id,
                "country": row["claimed_nationalities"],
                "basis": "claimed",
                "certainty": "",
                "position": 0,
            }
        )
        if row["account"]:
            accounts.append({"referral_id": referral_id, "text": row["account"]})
        if row["rg_outcome"]:
            decisions.append(
                {
                    "referral_id": referral_id,
                    "stage": "rg",
                    "outcome": row["rg_outcome"],
                    "decided_on": date.fromisoformat(row["rg_date"]),
                    "recorded_at": now,
                }
            )
    tables: list[tuple[Any, list[dict[str, Any]]]] = [
        (models.Referral, referrals),
        (models.Person, people),
        (models.Nationality, nationalities),
        (models.VictimAccount, accounts),
        (models.Decision, decisions),
    ]
    for model, rows in tables:
        rows_insert(model, rows)
    return count
