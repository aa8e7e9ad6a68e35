"""Statistical disclosure control for public outputs (``nrm report --public``).

The rule (docs/statistics.md): **primary suppression** of every published count from 1 to
``threshold - 1`` (default 10, as ONS practice; zeros too when ``suppress_zeros``);
**secondary suppression** until no suppressed count can be worked out from the published
counts and the row, column and grand totals; then, optionally, **rounding** of every published
count to the nearest ``round_to`` (5). Internal outputs are never altered.

A table is a grid of counts with, optionally, a total for each row, a total for each column and
a grand total. Every published total is a linear equation over the counts. A suppressed count
can be recovered exactly when its unit vector lies in the row space of those equations
restricted to the suppressed counts; ``recoverable`` tests exactly that, and secondary
suppression adds the smallest publishable count of an equation through a recoverable count until
none is left. Counts are preferred to totals for secondary suppression.
"""

from collections.abc import Sequence
from dataclasses import dataclass, field

import numpy as np

SUPPRESSED = "[c]"  # the ONS marker for a confidential cell


@dataclass(frozen=True)
class DisclosureRule:
    threshold: int = 10
    round_to: int | None = None
    suppress_zeros: bool = False

    def sensitive(self, value: int) -> bool:
        return (value == 0 and self.suppress_zeros) or 0 < value < self.threshold

    def rounded(self, value: int) -> int:
        if not self.round_to:
            return value
        return ((value + self.round_to // 2) // self.round_to) * self.round_to


@dataclass
class Grid:
    """Counts (rows x columns) and which totals are published beside them."""

    cells: list[list[int]]
    row_totals: bool = False
    column_totals: bool = False

    def variables(self) -> list[tuple[str, int, int]]:
        """Every published number: ("cell", i, j), ("row", i, 0), ("column", 0, j), ("grand")."""
        rows, cols = len(self.cells), len(self.cells[0]) if self.cells else 0
        found = [("cell", i, j) for i in range(rows) for j in range(cols)]
        if self.row_totals:
            found += [("row", i, 0) for i in range(rows)]
        if self.column_totals:
            found += [("column", 0, j) for j in range(cols)]
        if self.row_totals and self.column_totals:
            found.append(("grand", 0, 0))
        return found

    def value(self, var: tuple[str, int, int]) -> int:
        kind, i, j = var
        if kind == "cell":
            return self.cells[i][j]
        if kind == "row":
            return sum(self.cells[i])
        if kind == "column":
            return sum(row[j] for row in self.cells)
        return sum(sum(row) for row in self.cells)

    def equations(self) -> list[dict[tuple[str, int, int], int]]:
        """Each published total as {variable: coefficient} summing to zero."""
        rows, cols = len(self.cells), len(self.cells[0]) if self.cells else 0
        found: list[dict[tuple[str, int, int], int]] = []
        if self.row_totals:
            for i in range(rows):
                found.append({**{("cell", i, j): 1 for j in range(cols)}, ("row", i, 0): -1})
        if self.column_totals:
            for j in range(cols):
                found.append({**{("cell", i, j): 1 for i in range(rows)}, ("column", 0, j): -1})
        if self.row_totals and self.column_totals:
            found.append({**{("row", i, 0): 1 for i in range(rows)}, ("grand", 0, 0): -1})
            found.append({**{("column", 0, j): 1 for j in range(cols)}, ("grand", 0, 0): -1})
        return found


Var = tuple[str, int, int]


def recoverable(grid: Grid, suppressed: set[Var]) -> list[Var]:
    """The suppressed numbers that the published numbers and totals determine exactly."""
    if not suppressed:
        return []
    order = sorted(suppressed)
    index = {var: k for k, var in enumerate(order)}
    matrix = np.zeros((len(grid.equations()) or 1, len(order)))
    for r, equation in enumerate(grid.equations()):
        for var, coef in equation.items():
            if var in index:
                matrix[r, index[var]] = coef
    _u, singular, vt = np.linalg.svd(matrix, full_matrices=False)
    basis = vt[singular > 1e-9]
    weight = (basis**2).sum(axis=0) if len(basis) else np.zeros(len(order))
    return [var for var, w in zip(order, weight, strict=True) if w > 1 - 1e-9]


@dataclass
class Protected:
    grid: Grid
    rule: DisclosureRule
    primary: set[Var] = field(default_factory=set)
    secondary: set[Var] = field(default_factory=set)

    @property
    def suppressed(self) -> set[Var]:
        return self.primary | self.secondary

    def published(self, var: Var) -> int | None:
        """The number as published: None when suppressed, else rounded by the rule."""
        if var in self.suppressed:
            return None
        return self.rule.rounded(self.grid.value(var))


def grid_protect(grid: Grid, rule: DisclosureRule) -> Protected:
    """Apply primary and secondary suppression to ``grid``."""
    variables = grid.variables()
    protected = Protected(grid, rule)
    protected.primary = {v for v in variables if rule.sensitive(grid.value(v))}
    equations = grid.equations()
    while True:
        exposed = recoverable(grid, protected.suppressed)
        if not exposed:
            return protected
        target = exposed[0]
        nearby = [
            var
            for equation in equations
            if target in equation
            for var in equation
            if var not in protected.suppressed
        ]
        pool = nearby or [v for v in variables if v not in protected.suppressed]
        if not pool:
            return protected
        protected.secondary.add(min(pool, key=lambda v: (v[0] != "cell", grid.value(v), v)))


def cells_protect(
    cells: Sequence[Sequence[int]], *, row_totals: bool, column_totals: bool, rule: DisclosureRule
) -> Protected:
    grid = Grid([list(row) for row in cells], row_totals=row_totals, column_totals=column_totals)
    return grid_protect(grid, rule)
