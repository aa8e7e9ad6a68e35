"""The published figures as files: ``reference/`` read as rows of text, and the labels they
print mapped to the codes of the data standard."""

import csv
from functools import cache
from pathlib import Path

from django.db import models

from nrm.standard.codes import code_lookup
from nrm.standard.nationality import country_code, country_name

REFERENCE_DIR = Path(__file__).with_name("reference")

# The age groups as the tables print them.
AGE_GROUPS = {"Adult": "adult", "Child": "minor", "Minor": "minor"}


def figures_load(name: str, directory: Path | None = None) -> list[dict[str, str]]:
    """The rows of one reference file (of ``directory``, by default ``REFERENCE_DIR``); none
    when the file is not there."""
    path = (directory or REFERENCE_DIR) / name
    if not path.exists():
        return []
    with path.open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


@cache
def published_years(directory: Path | None = None) -> frozenset[int]:
    """The years the published figures cover, so the years ``verify`` has figures to check:
    every year in a ``year`` column of the reference files (2009 to 2012)."""
    return frozenset(
        int(line["year"])
        for path in sorted((directory or REFERENCE_DIR).glob("*.csv"))
        for line in figures_load(path.name, path.parent)
        if line.get("year", "").isdigit()
    )


def label_code(codes: type[models.TextChoices], label: str) -> str:
    """The code of a label as a table prints it ("Labour exploitation" -> ``labour``)."""
    found = code_lookup(codes, label)
    if found is None:
        raise LookupError(f"{label!r} is not in {codes.__name__}")
    return found


def country_key(label: str) -> str:
    """The nationality key of a plain country as a table prints it ("UK", "Czech Republic")."""
    found = country_code(label)
    if found is None:
        raise LookupError(label)
    return country_name(found)
