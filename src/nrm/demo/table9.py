"""Table 9 made whole for the demo: a value for every cell the extraction did not recover.

The published rows and how each is recorded are ``nrm.statistics.published.table9``. ``FILLED``
gives the demo's value for the unrecovered cells; an unrecovered cell not named there is filled
with 0. The fill reproduces every recovered cell, every row total, every column total and Table 8,
follows the report's hint that Nigeria's 25 and the UK's 20 are sexually exploited girls (Nigeria
LabF 4, SexF 25, SexM 1; Albania LabM 5, SexF 11; UK LabM 1, SexF 20), and otherwise spreads rows
5-47 plausibly.
"""

from nrm.statistics.published.table9 import CELL_NAMES, CELLS, PUBLISHED, ROWS

# The demo's values for unrecovered cells (row order -> cell -> value); all other gaps are 0.
FILLED: dict[int, dict[str, int]] = {
    2: {"LAB_F": 4, "SEX_F": 25, "SEX_M": 1},
    3: {"LAB_M": 5, "SEX_F": 11},
    4: {"LAB_M": 1, "SEX_F": 20},
    5: {"LAB_F": 4, "LAB_M": 2, "SEX_F": 6, "NR_F": 3, "NR_M": 4},
    6: {"LAB_F": 1, "LAB_M": 1, "SEX_F": 5, "SEX_M": 2, "NR_F": 3, "NR_M": 2},
    7: {"DS_M": 1, "LAB_M": 4, "NR_F": 1, "NR_M": 4},
    8: {"LAB_F": 1, "LAB_M": 2, "SEX_F": 4, "NR_F": 1, "NR_M": 2},
    9: {"LAB_M": 2, "NR_M": 8},
    10: {"SEX_F": 1, "NR_F": 2, "NR_M": 1},
    11: {"DS_M": 1, "LAB_M": 1, "NR_M": 2},
    12: {"SEX_F": 1, "NR_F": 2},
    13: {"LAB_M": 1, "SEX_F": 1, "NR_F": 1, "NR_M": 1},
    14: {"NR_F": 2, "NR_M": 1},
    15: {"LAB_M": 1, "SEX_M": 1, "NR_M": 3},
    16: {"LAB_F": 1, "SEX_F": 1, "NR_F": 1},
    17: {"LAB_F": 1, "SEX_F": 1, "NR_F": 1, "NR_M": 1},
    18: {"LAB_M": 1, "SEX_F": 1, "NR_F": 1, "NR_M": 1},
    19: {"SEX_F": 1, "NR_F": 2, "NR_M": 1},
    20: {"LAB_F": 1, "SEX_F": 2, "NR_F": 1},
    21: {"DS_M": 1, "LAB_M": 1, "NR_M": 1},
    22: {"LAB_F": 1, "NR_F": 1},
    23: {"LAB_F": 1, "NR_F": 1, "NR_M": 1},
    24: {"SEX_F": 1, "NR_F": 1},
    25: {"LAB_M": 1, "NR_M": 1},
    26: {"SEX_F": 1, "NR_F": 1},
    27: {"ORG_F": 1, "NR_F": 1},
    28: {"LAB_F": 1},
    29: {"NR_F": 1},
    30: {"SEX_F": 1, "NR_F": 1},
    31: {"DS_M": 1, "NR_M": 1},
    32: {"SEX_F": 1},
    33: {"LAB_M": 1},
    34: {"NR_F": 1},
    35: {"NR_M": 1},
    36: {"NR_M": 1},
    37: {"LAB_F": 1},
    39: {"SEX_F": 1},
    40: {"LAB_F": 1},
    41: {"NR_F": 1},
    42: {"SEX_F": 1},
    44: {"NR_F": 1},
    45: {"LAB_F": 1},
    46: {"SEX_M": 1},
    47: {"NR_F": 1},
}


def row_cells(order: int) -> tuple[int, ...]:
    """The nine cells of one row: published where recovered, else the demo's fill."""
    published = PUBLISHED[order - 1][1]
    fill = FILLED.get(order, {})
    given = {name for name, value in zip(CELL_NAMES, published, strict=True) if value is not None}
    if given & set(fill):
        raise ValueError(f"Table 9 row {order}: fill given for published cells {given & set(fill)}")
    return tuple(
        fill.get(name, 0) if value is None else value
        for name, value in zip(CELL_NAMES, published, strict=True)
    )


def filled_cells() -> list[tuple[int, str, str, int]]:
    """(row order, row label, cell, value) for every cell the demo filled (zeros included)."""
    return [
        (row.order, row.label, name, row_cells(row.order)[i])
        for row, cells in PUBLISHED
        for i, name in enumerate(CELL_NAMES)
        if cells[i] is None
    ]


def minor_cells() -> dict[tuple[int, str, str], int]:
    """(row order, exploitation type, gender) -> minors, for every non-zero cell of the table."""
    return {
        (row.order, *CELLS[i]): value
        for row in ROWS
        for i, value in enumerate(row_cells(row.order))
        if value
    }
