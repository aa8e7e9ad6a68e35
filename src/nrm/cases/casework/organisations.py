"""The competent authorities as organisations: their staff see and decide the cases allocated
to them (``Organisation.competent_authority``). Seeded from ``data/competent_authorities.csv``."""

import csv
from pathlib import Path

from nrm.accounts.models import Organisation
from nrm.standard.codes import CompetentAuthority

SEED = Path(__file__).with_name("data") / "competent_authorities.csv"


def competent_authorities_seed() -> int:
    """Create or update the competent authority organisations; returns how many."""
    with SEED.open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    for row in rows:
        Organisation.objects.update_or_create(
            code=row["code"],
            defaults={
                "name": row["name"],
                "competent_authority": CompetentAuthority(row["competent_authority"]).value,
            },
        )
    return len(rows)
