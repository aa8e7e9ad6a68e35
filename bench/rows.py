"""Deterministic synthetic referral rows in the CSV format, for benchmarks (fictional people)."""

import csv
import random
from collections.abc import Iterator
from datetime import date, timedelta
from pathlib import Path

from nrm.standard.codes import REGION_NATIONS, PoliceRegion

COLUMNS = [
    "referral_date",
    "nation",
    "police_region",
    "first_responder_organisation",
    "first_responder_officer",
    "consent",
    "linked_immigration_interest",
    "given_name",
    "family_name",
    "aliases",
    "date_of_birth",
    "gender",
    "claimed_nationalities",
    "languages",
    "interpreter_needed",
    "exploitation_type",
    "exploitation_sub_types",
    "exploitation_region",
    "exploitation_country",
    "exploitation_start",
    "account",
    "rg_outcome",
    "rg_date",
]
ORGANISATIONS = ["met-police", "police-scotland", "salvation-army", "home-office-ukvi", "gla"]
NATIONALITIES = ["NGA", "VNM", "ALB", "ROU", "CHN", "SVK", "POL", "LTU", "GBR", "PAK"]
TYPES = [
    ("sexual", "sexual_brothel"),
    ("labour", "labour_car_wash"),
    ("domestic_servitude", ""),
    ("criminal", "criminal_cannabis"),
    ("not_recorded", ""),
]
GIVEN = ["Ama", "Bo", "Cai", "Dara", "Eli", "Fen", "Gil", "Hana"]
FAMILY = ["Fictiva", "Exempla", "Placeholder", "Notreal", "Testington"]


def rows(count: int, seed: int = 7) -> Iterator[list[str]]:
    rng = random.Random(seed)
    regions = [r for r in PoliceRegion if r != PoliceRegion.NOT_RECORDED]
    start = date(2012, 1, 1)
    for i in range(count):
        region = rng.choice(regions)
        nation = sorted(REGION_NATIONS[region])[0]
        referred = start + timedelta(days=rng.randrange(0, 365))
        minor = rng.random() < 0.3
        born = referred - timedelta(
            days=rng.randrange(10 * 365, 17 * 365) if minor else rng.randrange(19 * 365, 60 * 365)
        )
        etype, sub = rng.choice(TYPES)
        overseas = rng.random() < 0.1
        decided = rng.random() < 0.7
        yield [
            referred.isoformat(),
            nation,
            region,
            rng.choice(ORGANISATIONS),
            "Officer Example",
            "yes",
            rng.choice(["yes", "no"]),
            rng.choice(GIVEN),
            f"{rng.choice(FAMILY)}{i}",
            "",
            born.isoformat(),
            rng.choice(["female", "male"]),
            rng.choice(NATIONALITIES),
            "eng",
            "no",
            etype,
            sub,
            "overseas" if overseas else region,
            "FRA" if overseas else "",
            (referred - timedelta(days=30)).isoformat(),
            "A fictional account." if i % 5 == 0 else "",
            "positive" if decided else "",
            (referred + timedelta(days=5)).isoformat() if decided else "",
        ]


def write(path: Path, count: int) -> Path:
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(COLUMNS)
        writer.writerows(rows(count))
    return path
