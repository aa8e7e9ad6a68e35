"""The verifier: the checks of one year's published figures against the computed tables.

Each check holds the published figure and the computed one. A figure that differs and that the
reference README records (``known.KNOWN``) is explained by it; one the published figures
themselves prove impossible (``known.FOUND``) by that proof; any other is new.
"""

from collections.abc import Mapping
from dataclasses import dataclass, replace
from decimal import Decimal
from fractions import Fraction
from functools import cached_property
from pathlib import Path
from typing import Any

import ibis

from nrm.statistics.engine import spec_evaluate
from nrm.statistics.published.figures import figures_load
from nrm.statistics.published.known import FOUND, KNOWN
from nrm.statistics.result import Result
from nrm.statistics.rounding import half_up
from nrm.statistics.specs import BY_ID


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
        self.reference = reference
        self.checks: list[Check] = []
        self.extra_checked = False  # checks of parts above the statistics ran too
        # What the checks of parts above the statistics add: the known inconsistencies that
        # are not computed from referral records but that they did check, and notes on cells
        # the reference did not recover (or reconstructed) and figures left unchecked.
        self.covered: set[str] = set()
        self.notes: list[str] = []
        self._results: dict[tuple[str, int, bool], Result] = {}

    def result(self, spec_id: str, year: int | None = None) -> Result:
        return self._evaluate(spec_id, self.year if year is None else year, ranked=True)

    def unranked(self, spec_id: str, year: int | None = None) -> Result:
        """A ranked spec with every row, not only its top ones (to place a published position
        among all the counts)."""
        return self._evaluate(spec_id, self.year if year is None else year, ranked=False)

    def _evaluate(self, spec_id: str, year: int, *, ranked: bool) -> Result:
        key = (spec_id, year, ranked)
        if key not in self._results:
            spec = BY_ID[spec_id]
            if not ranked:
                spec = replace(spec, top=None, id=f"{spec_id}-all")
            self._results[key] = spec_evaluate(spec, self.referrals, year=year)
        return self._results[key]

    def load(self, name: str) -> list[dict[str, str]]:
        return figures_load(name, self.reference)

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

    def position(
        self,
        table: str,
        cell: str,
        published: int,
        counts: Mapping[Any, int],
        key: Any,
        *,
        listed: int | None = None,
        joint: int | None = None,
    ) -> None:
        """A published position of ``key`` among ``counts``.

        By default it matches when the key can hold it, ties allowed (a table that prints tied
        countries one below the other). With ``listed`` (a top list of that many entries) every
        country tied with the key must be listed too: none outside the list has as many. With
        ``joint`` (a ranking that prints joint places as joint, ``joint`` countries sharing this
        one) the position must be the key's own rank, shared with exactly ``joint - 1`` others.
        """
        mine = counts.get(key, 0)
        above = sum(1 for k, n in counts.items() if k != key and n > mine)
        tied = sum(1 for k, n in counts.items() if k != key and n == mine)
        low, high = above + 1, above + 1 + tied
        shown = str(low) if low == high else f"{low}-{high} (tied)"
        if joint is not None:
            ok = low == published and tied == joint - 1
            if joint > 1 and not tied:
                shown += ", not joint"
        else:
            ok = low <= published <= high and (listed is None or high <= listed)
        self.fact(table, f"{cell} position", str(published), shown, ok)

    @cached_property
    def discrepancies(self) -> list[Check]:
        return [c for c in self.checks if not c.ok]
