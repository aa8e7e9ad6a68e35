"""Table 9 of the report (minors referred in 2012 by nationality, gender and exploitation type):
how each of its 47 published rows is recorded, and its cells as recovered.

``PUBLISHED`` holds the 47 published rows as recovered from the report: ``None`` marks a cell the
extraction did not recover (README of the reference data, "Table 9").

Each row names how its minors are recorded: ``claimed`` nationalities and, for the composite rows,
an ``assessed`` nationality with its certainty, so that ``nationality_key()`` counts them apart
from the plain country (Table 6's Nigeria 205 = 138 adults + 67, UK 33 = 11 + 22, China
55 = 35 + 20). The second "China" row is recorded as a claimed Chinese nationality that the
assessment could not confirm (assessed ``XXX``, unknown): key "China (claimed) Unknown (assessed)".
"Somalia/UK claims Ethiopia" is recorded as three claimed nationalities (Somalia, UK, Ethiopia).
"""

from dataclasses import dataclass

from nrm.standard.nationality import nationality_key

# Column order of the published table (there is no Organ harvesting / Male column).
CELLS: tuple[tuple[str, str], ...] = (
    ("domestic_servitude", "female"),
    ("domestic_servitude", "male"),
    ("labour", "female"),
    ("labour", "male"),
    ("organ_harvesting", "female"),
    ("sexual", "female"),
    ("sexual", "male"),
    ("not_recorded", "female"),
    ("not_recorded", "male"),
)
CELL_NAMES = ("DS_F", "DS_M", "LAB_F", "LAB_M", "ORG_F", "SEX_F", "SEX_M", "NR_F", "NR_M")


@dataclass(frozen=True)
class Row:
    order: int
    label: str
    claimed: tuple[str, ...]
    assessed: str | None = None
    certainty: str | None = None

    @property
    def key(self) -> str:
        return nationality_key(list(self.claimed), self.assessed, self.certainty)


N: None = None  # a cell the extraction did not recover
_OPEN = (N, N, N, N, N, N, N, N)  # the eight cells after Domestic servitude / Female

# (row, published cells in CELLS order); None = not recovered.
PUBLISHED: tuple[tuple[Row, tuple[int | None, ...]], ...] = (
    (Row(1, "Vietnam", ("VNM",)), (1, 4, 4, 51, 0, 9, 1, 9, 17)),
    (Row(2, "Nigeria", ("NGA",)), (12, 2, N, N, N, N, N, 14, 9)),
    (Row(3, "Albania", ("ALB",)), (0, 0, N, N, N, N, N, 2, 7)),
    (Row(4, "UK", ("GBR",)), (1, 0, N, N, N, N, N, 0, 0)),
    (Row(5, "China", ("CHN",)), (1, *_OPEN)),
    (Row(6, "Romania", ("ROU",)), (2, *_OPEN)),
    (Row(7, "Bangladesh", ("BGD",)), (1, *_OPEN)),
    (Row(8, "Slovakia", ("SVK",)), (0, *_OPEN)),
    (Row(9, "Afghanistan", ("AFG",)), (0, *_OPEN)),
    (Row(10, "Somalia", ("SOM",)), (3, *_OPEN)),
    (Row(11, "Pakistan", ("PAK",)), (2, *_OPEN)),
    (Row(12, "Sierra Leone", ("SLE",)), (2, *_OPEN)),
    (Row(13, "Gambia", ("GMB",)), (1, *_OPEN)),
    (Row(14, "Eritrea", ("ERI",)), (2, *_OPEN)),
    (Row(15, "Morocco", ("MAR",)), (0, *_OPEN)),
    (Row(16, "Ghana", ("GHA",)), (1, *_OPEN)),
    (Row(17, "Cameroon", ("CMR",)), (0, *_OPEN)),
    (Row(18, "Guinea", ("GIN",)), (0, *_OPEN)),
    (Row(19, "Democratic Republic of the Congo", ("COD",)), (0, *_OPEN)),
    (Row(20, "UK (Claimed) Nigeria (Possible)", ("GBR",), "NGA", "possible"), (0, *_OPEN)),
    (Row(21, "India", ("IND",)), (0, *_OPEN)),
    (Row(22, "Ethiopia", ("ETH",)), (1, *_OPEN)),
    (Row(23, "Haiti", ("HTI",)), (0, *_OPEN)),
    (Row(24, "Bulgaria", ("BGR",)), (0, *_OPEN)),
    (Row(25, "Iran", ("IRN",)), (0, *_OPEN)),
    (Row(26, "Uganda", ("UGA",)), (0, *_OPEN)),
    (Row(27, "Congo", ("COG",)), (0, *_OPEN)),
    (Row(28, "Ivory Coast", ("CIV",)), (1, *_OPEN)),
    (Row(29, "Tanzania", ("TZA",)), (1, *_OPEN)),
    (Row(30, "Italy", ("ITA",)), (0, *_OPEN)),
    (Row(31, "Libya", ("LBY",)), (0, *_OPEN)),
    (Row(32, "Hungary", ("HUN",)), (0, *_OPEN)),
    (Row(33, "Lithuania", ("LTU",)), (0, *_OPEN)),
    (Row(34, "Zimbabwe", ("ZWE",)), (0, *_OPEN)),
    (Row(35, "Algeria", ("DZA",)), (0, *_OPEN)),
    (Row(36, "Unknown", ("XXX",)), (0, *_OPEN)),
    (Row(37, "Liberia", ("LBR",)), (0, *_OPEN)),
    (Row(38, "South Africa", ("ZAF",)), (1, 0, 0, 0, 0, 0, 0, 0, 0)),
    (Row(39, "Ukraine", ("UKR",)), (0, *_OPEN)),
    (Row(40, "China", ("CHN",), "XXX"), (0, *_OPEN)),
    (Row(41, "Gambia (claimed) USA (suspected)", ("GMB",), "USA", "suspected"), (0, *_OPEN)),
    (Row(42, "Ghana (claimed) Nigeria (Suspected)", ("GHA",), "NGA", "suspected"), (0, *_OPEN)),
    (Row(43, "Jamaica", ("JAM",)), (1, 0, 0, 0, 0, 0, 0, 0, 0)),
    (Row(44, "Somalia/UK claims Ethiopia", ("SOM", "GBR", "ETH")), (0, *_OPEN)),
    (Row(45, "St Lucia", ("LCA",)), (0, *_OPEN)),
    (Row(46, "UK (claimed) Brazil (suspected)", ("GBR",), "BRA", "suspected"), (0, *_OPEN)),
    (Row(47, "UK (claimed), Namibia (Suspected)", ("GBR",), "NAM", "suspected"), (0, *_OPEN)),
)

ROWS: tuple[Row, ...] = tuple(row for row, _cells in PUBLISHED)
ROW_BY_ORDER: dict[int, Row] = {row.order: row for row in ROWS}


def row_key_mapping() -> list[tuple[int, str, str]]:
    """(row order, published row label, nationality_key of its records) for all 47 rows."""
    return [(row.order, row.label, row.key) for row in ROWS]
