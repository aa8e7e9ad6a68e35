"""What the engine returns for a spec: exact counts, and comparisons as exact fractions."""

from dataclasses import dataclass, field
from fractions import Fraction
from typing import Any

from nrm.statistics.specs.model import Spec

Key = tuple[Any, ...]


@dataclass
class Row:
    key: Key
    labels: tuple[str, ...]
    counts: list[int]
    total: int
    shares: list[Fraction | None] = field(default_factory=list)
    change: Fraction | None = None
    positions: list[int | None] = field(default_factory=list)  # None: nothing counted, no position
    rank: int | None = None
    is_total: bool = False


@dataclass
class Result:
    spec: Spec
    year: int
    column_keys: list[Key]
    column_labels: list[str]
    rows: list[Row]
    column_totals: list[int] = field(default_factory=list)  # over every row, before any top-N

    def row(self, *key: Any) -> Row | None:
        return next((r for r in self.rows if r.key == key and not r.is_total), None)

    def total(self) -> Row | None:
        return next((r for r in self.rows if r.is_total), None)

    def count(self, key: Key, column: Key = ()) -> int:
        """The count in a cell; 0 for a row the table does not list (no referral counted)."""
        found = self.row(*key)
        if found is None:
            return 0
        return found.counts[self.column_keys.index(column)]

    def as_records(self) -> list[dict[str, Any]]:
        """Plain values, for comparing backends and for tests."""
        return [
            {
                "key": list(r.key),
                "counts": list(r.counts),
                "total": r.total,
                "shares": [None if s is None else str(s) for s in r.shares],
                "change": None if r.change is None else str(r.change),
                "positions": list(r.positions),
                "rank": r.rank,
                "is_total": r.is_total,
            }
            for r in self.rows
        ]
