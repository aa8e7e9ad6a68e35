"""Verification of published figures: every computed table compared, cell by cell, with the
reference CSVs (``nrm.demo`` keeps the project's copy), printing matches and discrepancies.

Each discrepancy shows the published figure and the figure it should be. Discrepancies that the
reference README records are marked ``[KNOWN]`` with its explanation; those the published
figures themselves prove impossible, beyond the README's list, ``[FOUND]`` with the proof; any
other is ``[NEW]`` (a difference between the case store and the publication).
The known inconsistencies that cannot be computed from referral records are listed as such.
"""

import csv
import sys
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal
from fractions import Fraction
from functools import cached_property
from pathlib import Path

import ibis

from nrm.statistics.engine import spec_evaluate
from nrm.statistics.result import Result
from nrm.statistics.specs import BY_ID
from nrm.statistics.verify_known import FOUND, KNOWN, NOT_FROM_REFERRALS

REFERENCE_DIR = Path(__file__).resolve().parents[1] / "demo" / "reference"


def half_up(value: Fraction, decimals: int = 0) -> Decimal:
    """Rounded half away from zero, as the reference data's checks round."""
    exact = Decimal(value.numerator) / Decimal(value.denominator)
    sign = -1 if exact < 0 else 1
    rounded = abs(exact).quantize(Decimal(1).scaleb(-decimals), rounding=ROUND_HALF_UP)
    return sign * rounded


def percent_text(value: Fraction | None, decimals: int = 0) -> str:
    return "undefined (zero base)" if value is None else f"{half_up(value, decimals)}%"


@dataclass
class Check:
    table: str
    cell: str
    published: str
    computed: str
    ok: bool

    @property
    def known(self) -> str | None:
        return KNOWN.get((self.table, self.cell))

    @property
    def found(self) -> str | None:
        return FOUND.get((self.table, self.cell))

    @property
    def explained(self) -> str | None:
        return self.known or self.found


class Verifier:
    """Collects checks; evaluates each spec at most once per year."""

    def __init__(self, referrals: ibis.Table, *, year: int, reference: Path | None) -> None:
        self.referrals = referrals
        self.year = year
        self.reference = reference or REFERENCE_DIR
        self.checks: list[Check] = []
        self._results: dict[tuple[str, int], Result] = {}

    def result(self, spec_id: str, year: int | None = None) -> Result:
        key = (spec_id, self.year if year is None else year)
        if key not in self._results:
            self._results[key] = spec_evaluate(BY_ID[spec_id], self.referrals, year=key[1])
        return self._results[key]

    def load(self, name: str) -> list[dict[str, str]]:
        path = self.reference / name
        if not path.exists():
            return []
        with path.open(encoding="utf-8", newline="") as handle:
            return list(csv.DictReader(handle))

    def count(self, table: str, cell: str, published: int | str, computed: int) -> None:
        text = str(published).strip()
        value = int(text) if text else 0  # a blank count is published as no referral
        self.checks.append(Check(table, cell, text or "blank", str(computed), value == computed))

    def percent(self, table: str, cell: str, published: str, computed: Fraction | None) -> None:
        """Compare a published percentage at the precision it is published with."""
        text = published.strip()
        if not text:
            return
        if text.lower() == "no change":
            number = Decimal(0)
            decimals = 0
        else:
            number = Decimal(text.rstrip("%").lstrip("+"))
            decimals = max(0, -int(number.as_tuple().exponent))
        ok = computed is not None and half_up(computed, decimals) == number
        self.checks.append(Check(table, cell, text, percent_text(computed, decimals), ok))

    def fact(self, table: str, cell: str, published: str, computed: str, ok: bool) -> None:
        self.checks.append(Check(table, cell, published, computed, ok))

    @cached_property
    def discrepancies(self) -> list[Check]:
        return [c for c in self.checks if not c.ok]


def verify(referrals: ibis.Table, *, year: int, reference: Path | None = None) -> Verifier:
    """Run every check that applies to ``year``; the verifier holds the checks."""
    from nrm.statistics.verify_tables import CHECKERS

    verifier = Verifier(referrals, year=year, reference=reference)
    for checker in CHECKERS:
        checker(verifier)
    return verifier


def verify_lines(verifier: Verifier, *, show_all: bool = False) -> list[str]:
    lines: list[str] = []
    if show_all:
        lines += [f"MATCH {c.table}: {c.cell}: {c.published}" for c in verifier.checks if c.ok]
    found = verifier.discrepancies
    known = [c for c in found if c.known]
    beyond = [c for c in found if c.found]
    new = [c for c in found if not c.explained]
    lines.append(
        f"{verifier.year}: {len(verifier.checks)} published figures checked, "
        f"{len(verifier.checks) - len(found)} match, {len(found)} differ "
        f"({len(known)} known published inconsistencies, {len(beyond)} found beyond the "
        f"reference README, {len(new)} new)"
    )
    for c in found:
        tag = "[KNOWN]" if c.known else "[FOUND]" if c.found else "[NEW]"
        lines.append(f"{tag} {c.table}: {c.cell}: published {c.published}, should be {c.computed}")
        if c.explained:
            lines.append(f"        {c.explained}")
    if verifier.year == 2012:
        lines.append("Known inconsistencies not computed from referral records (not checked here):")
        lines += [f"  - {text}" for text in NOT_FROM_REFERRALS]
    return lines


def verify_print(verifier: Verifier, *, show_all: bool = False) -> int:
    """Print the verification; exit code 0 when every discrepancy is explained, else 1."""
    for line in verify_lines(verifier, show_all=show_all):
        print(line)
    if not verifier.checks:
        print(f"no published figures for {verifier.year}", file=sys.stderr)
        return 1
    return 0 if all(c.explained for c in verifier.discrepancies) else 1
