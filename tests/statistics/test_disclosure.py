"""Disclosure control: small counts are suppressed and no suppressed count can be recovered
from the published counts and totals (checked by exact rational elimination, independently of
the implementation's floating-point test)."""

from fractions import Fraction

from hypothesis import given, settings
from hypothesis import strategies as st

from nrm.statistics.disclosure import DisclosureRule, Grid, Var, cells_protect, grid_protect


def _rank(rows: list[list[Fraction]]) -> int:
    matrix = [list(r) for r in rows]
    rank, cols = 0, len(matrix[0]) if matrix else 0
    for col in range(cols):
        pivot = next((r for r in range(rank, len(matrix)) if matrix[r][col] != 0), None)
        if pivot is None:
            continue
        matrix[rank], matrix[pivot] = matrix[pivot], matrix[rank]
        for r in range(len(matrix)):
            if r != rank and matrix[r][col] != 0:
                factor = matrix[r][col] / matrix[rank][col]
                matrix[r] = [a - factor * b for a, b in zip(matrix[r], matrix[rank], strict=True)]
        rank += 1
    return rank


def _derivable(grid: Grid, suppressed: set[Var]) -> list[Var]:
    """Suppressed numbers fixed by the published equations (exact arithmetic)."""
    order = sorted(suppressed)
    rows = [
        [Fraction(equation.get(var, 0)) for var in order]
        for equation in grid.equations()
        if any(var in equation for var in order)
    ]
    base = _rank(rows) if rows else 0
    found = []
    for k, var in enumerate(order):
        unit = [Fraction(1 if i == k else 0) for i in range(len(order))]
        if _rank([*rows, unit]) == base:
            found.append(var)
    return found


grids = st.integers(min_value=1, max_value=5).flatmap(
    lambda rows: st.integers(min_value=1, max_value=5).flatmap(
        lambda cols: st.lists(
            st.lists(
                st.one_of(st.integers(0, 12), st.integers(0, 60)), min_size=cols, max_size=cols
            ),
            min_size=rows,
            max_size=rows,
        )
    )
)


@settings(max_examples=150)
@given(cells=grids, row_totals=st.booleans(), column_totals=st.booleans(),
       threshold=st.integers(2, 12))  # fmt: skip
def test_no_suppressed_count_can_be_derived_from_the_published_margins(
    cells: list[list[int]], row_totals: bool, column_totals: bool, threshold: int
) -> None:
    protected = cells_protect(
        cells, row_totals=row_totals, column_totals=column_totals,
        rule=DisclosureRule(threshold=threshold),
    )  # fmt: skip
    assert _derivable(protected.grid, protected.suppressed) == []


@settings(max_examples=100)
@given(cells=grids, threshold=st.integers(2, 12))
def test_every_small_count_is_suppressed_and_every_published_count_is_exact(
    cells: list[list[int]], threshold: int
) -> None:
    rule = DisclosureRule(threshold=threshold)
    protected = cells_protect(cells, row_totals=True, column_totals=True, rule=rule)
    for var in protected.grid.variables():
        value = protected.grid.value(var)
        if 0 < value < threshold:
            assert protected.published(var) is None
        elif var not in protected.suppressed:
            assert protected.published(var) == value


def test_a_lone_small_cell_in_a_row_takes_a_second_cell_with_it() -> None:
    grid = Grid([[3, 40, 50], [20, 30, 60]], row_totals=True, column_totals=True)
    protected = grid_protect(grid, DisclosureRule())
    assert ("cell", 0, 0) in protected.primary
    assert protected.secondary
    assert _derivable(grid, protected.suppressed) == []


def test_without_secondary_suppression_the_small_cell_would_be_derivable() -> None:
    grid = Grid([[3, 40, 50], [20, 30, 60]], row_totals=True, column_totals=True)
    assert _derivable(grid, {("cell", 0, 0)}) == [("cell", 0, 0)]


def test_published_counts_round_to_the_nearest_five_when_asked() -> None:
    rule = DisclosureRule(round_to=5)
    assert [rule.rounded(n) for n in (10, 12, 13, 17, 1041)] == [10, 10, 15, 15, 1040]


def test_zeros_are_published_unless_the_rule_suppresses_them() -> None:
    assert not DisclosureRule().sensitive(0)
    assert DisclosureRule(suppress_zeros=True).sensitive(0)
