"""The R reference fixtures written by ``fixtures/make_fixtures.R``, read back."""

import csv
from functools import cache
from pathlib import Path

from nrm.intelligence.surveillance.farrington import Control

FIXTURES = Path(__file__).parent / "fixtures"


def rows(name: str) -> list[dict[str, str]]:
    with (FIXTURES / name).open(newline="") as handle:
        return list(csv.DictReader(handle))


def number(text: str) -> float | None:
    return None if text == "NA" else float(text)


@cache
def series() -> dict[str, list[int]]:
    out: dict[str, list[int]] = {}
    for row in rows("series.csv"):
        out.setdefault(row["series"], []).append(int(row["observed"]))
    return out


@cache
def controls() -> dict[str, Control]:
    out = {}
    for row in rows("farrington_controls.csv"):
        excluded = row["pastWeeksNotIncluded"]
        out[row["control"]] = Control(
            freq=int(row["freq"]),
            b=int(row["b"]),
            w=int(row["w"]),
            no_periods=int(row["noPeriods"]),
            past_periods_not_included=None if excluded == "NA" else int(excluded),
            threshold_method=row["thresholdMethod"],
            trend=row["trend"] == "TRUE",
            reweight=row["reweight"] == "TRUE",
            weights_threshold=float(row["weightsThreshold"]),
            alpha=float(row["alpha"]),
            limit54=(int(row["limit54_cases"]), int(row["limit54_periods"])),
            powertrans=row["powertrans"],
        )
    return out


def ears_rows() -> list[dict[str, str]]:
    return rows("ears.csv")
