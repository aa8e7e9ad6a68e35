"""A counting view of referral records: the fields the published tables count, parsed through
the data standard (``Referral``, ``derived_age_group``, ``nationality_key``) so that records read
back from the case store are counted exactly like freshly generated ones."""

import csv
from collections import Counter
from collections.abc import Callable, Hashable, Iterable, Mapping
from dataclasses import dataclass
from datetime import date
from decimal import ROUND_HALF_UP, Decimal
from functools import cache
from pathlib import Path
from typing import Any

from django.db import models
from pydantic import ValidationError

from nrm.standard.codes import code_lookup
from nrm.standard.nationality import country_code, country_name, nationality_key
from nrm.standard.organisations import seed_organisations
from nrm.standard.rules import derived_age_group
from nrm.standard.schema import Referral

REFERENCE_DIR = Path(__file__).with_name("reference")


@dataclass(frozen=True)
class Row:
    """What the published tables count about one referral."""

    referral_date: date
    age: str | None
    nation: str
    police_region: str
    exploitation_region: str
    etype: str
    gender: str
    key: str
    rg: str
    cg: str
    authority: str | None
    linked: bool
    responder_type: str | None

    @property
    def year(self) -> int:
        return self.referral_date.year


@cache
def _responder_types() -> dict[str, str]:
    return {org.code: str(org.type) for org in seed_organisations()}


def _blank(value: Any) -> bool:
    return value is None or (isinstance(value, str) and not value.strip())


def parse(records: Iterable[Mapping[str, Any]]) -> tuple[list[Row], list[str]]:
    """Rows for every record that parses; one problem line for every record that does not."""
    rows: list[Row] = []
    problems: list[str] = []
    for index, record in enumerate(records):
        given = {name: value for name, value in record.items() if not _blank(value)}
        try:
            r = Referral.model_validate(given, context={"today": date.max})
        except ValidationError as exc:
            problems.append(f"record {index}: not a valid referral ({exc.error_count()} errors)")
            continue
        age = derived_age_group(r)
        org = r.first_responder_organisation
        rows.append(
            Row(
                referral_date=r.referral_date,
                age=None if age is None else str(age),
                nation=str(r.nation),
                police_region=str(r.police_region),
                exploitation_region=str(r.exploitation_region),
                etype=str(r.exploitation_type),
                gender=str(r.gender),
                key=nationality_key(
                    list(r.claimed_nationalities),
                    r.assessed_nationality,
                    r.assessed_nationality_certainty,
                ),
                rg=str(r.rg_outcome),
                cg=str(r.cg_outcome),
                authority=None if r.competent_authority is None else str(r.competent_authority),
                linked=r.linked_immigration_interest,
                responder_type=_responder_types().get(org) if org else None,
            )
        )
    return rows, problems


def count(rows: Iterable[Row], key: Callable[[Row], Hashable]) -> Counter[Any]:
    return Counter(key(row) for row in rows)


def load(name: str) -> list[dict[str, str]]:
    with (REFERENCE_DIR / name).open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


def code(code_list: type[models.TextChoices], label: str) -> str:
    found = code_lookup(code_list, label)
    if found is None:
        raise LookupError(f"{label!r} is not in {code_list.__name__}")
    return found


def country_key(label: str) -> str:
    """The nationality key of a plain country as a table prints it ("UK", "Czech Republic")."""
    found = country_code(label)
    if found is None:
        raise LookupError(label)
    return country_name(found)


def position_range(counts: Mapping[str, int], key: str) -> tuple[int, int]:
    """The positions ``key`` can hold in a ranking of ``counts`` (a range when tied)."""
    mine = counts.get(key, 0)
    above = sum(1 for k, n in counts.items() if k != key and n > mine)
    tied = sum(1 for k, n in counts.items() if k != key and n == mine)
    return above + 1, above + 1 + tied


def percent_change(old: int, new: int) -> int | None:
    """Rounded half away from zero, as the reference data's checks round."""
    if old == 0:
        return None
    value = Decimal(new - old) * 100 / Decimal(old)
    return int(value.quantize(Decimal(1), rounding=ROUND_HALF_UP))


class Report:
    """Collects one line per difference."""

    def __init__(self) -> None:
        self.lines: list[str] = []

    def eq(self, table: str, cell: str, expected: int, counted: int) -> None:
        if expected != counted:
            self.lines.append(f"{table}: {cell}: expected {expected}, counted {counted}")

    def fail(self, table: str, cell: str, expected: str, counted: str) -> None:
        self.lines.append(f"{table}: {cell}: expected {expected}, counted {counted}")

    def position(
        self, table: str, cell: str, counts: Mapping[str, int], key: str, pos: int
    ) -> None:
        low, high = position_range(counts, key)
        if not low <= pos <= high:
            where = str(low) if low == high else f"{low}-{high}"
            self.fail(table, f"{cell} position", str(pos), where)

    def below(
        self, table: str, cell: str, counts: Mapping[str, int], listed: set[str], top: int
    ) -> None:
        """No country outside the published list reaches the smallest listed count."""
        for key, n in sorted(counts.items()):
            if key not in listed and n >= top:
                self.fail(table, f"{cell} {key}", f"outside the list (< {top})", str(n))
