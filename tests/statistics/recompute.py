"""A second, independent computation of every referral table, written from docs/statistics.md.

It reads the referrals as they were generated (before any door saw them), applies the counting
rules in its own words (the year of the referral date; the Isle of Man in England by UK country;
claimed nationalities as a set, printed by name; the age group when the exploitation began,
through a presumed birth date for an estimated age; the latest decision of each stage) and counts
with pandas. It calls none of the project's rule functions: only the code lists' labels and order
come from ``nrm.standard.codes``. ``tables(people, year)`` gives each table as the report prints
it: its column headings after the row labels, and its rows of cells.
"""

from dataclasses import dataclass, field
from datetime import date
from fractions import Fraction
from math import floor
from typing import Any

import pandas as pd

from nrm.standard import codes

# The countries the generated referrals claim: alpha-3, alpha-2 and the name tables print.
COUNTRIES: dict[str, tuple[str, str]] = {
    "NGA": ("NG", "Nigeria"),
    "VNM": ("VN", "Vietnam"),
    "ALB": ("AL", "Albania"),
    "CHN": ("CN", "China"),
    "ROU": ("RO", "Romania"),
    "GBR": ("GB", "UK"),
    "SVK": ("SK", "Slovakia"),
    "POL": ("PL", "Poland"),
    "ERI": ("ER", "Eritrea"),
    "LTU": ("LT", "Lithuania"),
}
_WRITTEN = {form: three for three, forms in COUNTRIES.items() for form in forms}

# The code list behind each coded dimension: its order and its labels.
_CODED: dict[str, Any] = {
    "nation": codes.Nation,
    "police_region": codes.PoliceRegion,
    "exploitation_region": codes.ExploitationRegion,
    "exploitation_type": codes.ExploitationType,
    "gender": codes.Gender,
    "age_group": codes.AgeGroup,
    "competent_authority": codes.CompetentAuthority,
    "first_responder_type": codes.FirstResponderType,
    "rg_outcome": codes.DecisionOutcome,
    "cg_outcome": codes.DecisionOutcome,
}


def alpha3(written: str) -> str:
    """The country a claim names, written as alpha-3, alpha-2 or the name tables print."""
    return _WRITTEN.get(written, written)


def nationality(claimed: list[str], assessed: str | None, certainty: str | None) -> str:
    """Docs: one claimed nationality no assessment contradicts counts as that country; else a
    composite "UK (claimed) Nigeria (possible)". Claims are a set, listed by printed name."""
    claims = sorted({alpha3(c) for c in claimed}, key=lambda c: (COUNTRIES[c][1].casefold(), c))
    names = "/".join(COUNTRIES[c][1] for c in claims)
    if assessed is not None:
        assessed = alpha3(assessed)
    if len(claims) == 1 and assessed in (None, claims[0]):
        return names
    if assessed is None:
        return f"{names} (claimed)"
    return f"{names} (claimed) {COUNTRIES[assessed][1]} ({certainty})"


def _years_old(born: date, on: date) -> int:
    had_birthday = (on.month, on.day) >= (born.month, born.day)
    return on.year - born.year - (0 if had_birthday else 1)


def age_group(p: dict[str, Any]) -> str:
    """Docs: age when the exploitation began (else at referral); disputed is a minor; then the
    date of birth; then the age group given; then the estimated age, standing for a birth date
    that many years before the referral date (28 February for a 29 February)."""
    if p["age_disputed"]:
        return "minor"
    began = p["exploitation_start"] or p["referral_date"]
    born = p["date_of_birth"]
    if born is None and p["age_group"] is not None:
        return str(p["age_group"])
    if born is None:
        referred = p["referral_date"]
        year = referred.year - p["estimated_age"]
        leap = referred.month == 2 and referred.day == 29
        leap_ok = year % 4 == 0 and (year % 100 != 0 or year % 400 == 0)
        born = date(year, 2, 28) if leap and not leap_ok else referred.replace(year=year)
    return "minor" if _years_old(born, began) < 18 else "adult"


def frame(people: list[dict[str, Any]]) -> pd.DataFrame:
    """One row per referral with the fields the tables count."""
    rows = []
    for p in people:
        rg = p["rg_outcome"] if p["rg_date"] is not None else "pending"
        cg = p["cg_outcome"] if p["cg_date"] is not None else "pending"
        rows.append(
            {
                "referral_year": p["referral_date"].year,
                "referral_quarter": (p["referral_date"].month + 2) // 3,
                "nation": "england" if p["nation"] == "isle_of_man" else p["nation"],
                "police_region": p["police_region"],
                "exploitation_region": p["exploitation_region"],
                "exploitation_type": p["exploitation_type"],
                "gender": p["gender"],
                "age_group": age_group(p),
                "nationality": nationality(p["claimed"], p["assessed"], p["certainty"]),
                "competent_authority": p["competent_authority"],
                "linked_immigration_interest": p["linked_immigration_interest"],
                "first_responder_type": p["responder_type"],
                "rg_outcome": rg,
                "cg_outcome": cg,
            }
        )
    return pd.DataFrame(rows)


@dataclass(frozen=True)
class Table:
    """A table as docs/statistics.md and the report describe it."""

    rows: tuple[str, ...]
    columns: tuple[str, ...] = ()
    years: tuple[int, ...] = (0,)
    only: dict[str, str] = field(default_factory=dict)
    total_row: bool = False
    total_column: bool = False
    share: bool = False
    change: bool = False
    top: int | None = None
    by_total: bool = False
    within: str | None = None
    positions: bool = False


_Y = ("referral_year",)
_FOUR = (-3, -2, -1, 0)
TABLES: dict[str, Table] = {
    "t01": Table(("nation",), _Y, (-1, 0), total_row=True, share=True, change=True),
    "t02": Table(("police_region",), _Y, (-1, 0), total_row=True, change=True),
    "t03": Table(("exploitation_region",), _Y, (-1, 0), total_row=True, change=True),
    "t04": Table(("rg_outcome",), total_row=True, share=True),
    "t05": Table(("cg_outcome",), only={"rg_outcome": "positive"}, total_row=True, share=True),
    "t06": Table(("nationality",), _Y, (-1, 0), change=True, top=10, positions=True),
    "t07": Table(("nation", "nationality"), top=3, within="nation", positions=True),
    "t08": Table(
        ("nation",),
        ("exploitation_type",),
        only={"age_group": "minor"},
        total_row=True,
        total_column=True,
    ),
    "t09": Table(
        ("nationality",),
        ("exploitation_type", "gender"),
        only={"age_group": "minor"},
        total_row=True,
        total_column=True,
    ),
    "fig01": Table(("nation",), share=True),
    "fig02": Table(("competent_authority",), total_row=True, share=True),
    "fig03": Table(("nationality",), top=10, positions=True, share=True),
    "fig04": Table(
        ("nationality",), ("referral_quarter",), total_column=True, top=6, by_total=True
    ),
    "fig05": Table(("first_responder_type",), ("nation",), total_row=True, total_column=True),
    "fig06": Table(("exploitation_type",), ("age_group",), total_row=True, total_column=True),
    "fig07": Table(("exploitation_type",), ("referral_year", "age_group"), (-1, 0), total_row=True),
    "gender": Table(("gender",), ("age_group",), total_row=True, total_column=True, share=True),
    "immigration": Table(("linked_immigration_interest",), total_row=True, share=True),
    "t22": Table(("age_group",), _Y, _FOUR, total_row=True, total_column=True),
    "t23": Table(
        ("nationality",),
        _Y,
        _FOUR,
        only={"age_group": "adult"},
        total_column=True,
        top=10,
        by_total=True,
        positions=True,
    ),
    "t24": Table(
        ("referral_year", "nationality"),
        (),
        _FOUR,
        only={"age_group": "adult"},
        top=10,
        within="referral_year",
        positions=True,
    ),
    "t25": Table(
        ("nationality",),
        _Y,
        _FOUR,
        only={"age_group": "minor"},
        total_column=True,
        top=10,
        by_total=True,
        positions=True,
    ),
}


def _label(dimension: str, value: Any) -> str:
    if dimension in _CODED:
        return str(_CODED[dimension](value).label)
    if dimension == "linked_immigration_interest":
        return "Yes" if value else "No"
    if dimension == "referral_quarter":
        return f"Q{value}"
    return str(value)


def _order(dimension: str, value: Any) -> Any:
    if dimension in _CODED:
        return [member.value for member in _CODED[dimension]].index(value)
    if dimension == "linked_immigration_interest":
        return 0 if value else 1
    return value


def _sorted(dimensions: tuple[str, ...], keys: Any) -> list[tuple[Any, ...]]:
    return sorted(
        keys, key=lambda k: tuple(_order(d, v) for d, v in zip(dimensions, k, strict=True))
    )


def percent(part: int, whole: int) -> str:
    """Docs: rounded half away from zero; empty when undefined (a zero base)."""
    if whole == 0:
        return ""
    exact = Fraction(100 * part, whole)
    rounded = floor(abs(exact) + Fraction(1, 2))
    return f"{'-' if exact < 0 and rounded else ''}{rounded}%"


def _positions(counts: pd.Series) -> dict[Any, int | None]:
    """Docs: the largest count is 1, equal counts share a position, nothing counted has none."""
    ranked = counts.where(counts > 0).rank(method="min", ascending=False)
    return {k: None if pd.isna(r) else int(r) for k, r in ranked.items()}


def _column_keys(t: Table, d: pd.DataFrame, years: list[int]) -> list[tuple[Any, ...]]:
    if t.columns == _Y:
        return [(y,) for y in years]
    if t.columns == ("referral_quarter",):
        return [(q,) for q in (1, 2, 3, 4)]
    if not t.columns:
        return [()]
    if "referral_year" in t.columns:  # every year of the table for each other value seen
        others = sorted(set(d[t.columns[1]]), key=lambda v: _order(t.columns[1], v))
        return [(y, o) for y in years for o in others]
    seen = set(d[list(t.columns)].itertuples(index=False, name=None))
    return _sorted(t.columns, seen)


def table(t: Table, people: pd.DataFrame, year: int) -> tuple[list[str], list[list[Any]]]:
    """The table ``t`` of the report ``year``: column headings after the labels, and rows."""
    years = [year + offset for offset in t.years]
    d = people[people["referral_year"].isin(years)]
    for column, value in t.only.items():
        d = d[d[column] == value]
    columns = _column_keys(t, d, years)
    grouped = d.groupby(list(t.rows + t.columns), dropna=False).size()
    counts = {(k if isinstance(k, tuple) else (k,)): int(n) for k, n in grouped.items()}
    width = len(t.rows)
    keys = _sorted(t.rows, {k[:width] for k in counts})
    grid = pd.DataFrame(
        [[counts.get(k + c, 0) for c in columns] for k in keys],
        index=pd.MultiIndex.from_tuples(keys) if keys else None,
        columns=range(len(columns)),
        dtype="int64",
    )
    totals = [int(grid[j].sum()) for j in range(len(columns))]
    heads = [" ".join(_label(dim, v) for dim, v in zip(t.columns, c, strict=True)) for c in columns]
    heads = heads if t.columns else ["Referrals"]
    header = heads + (["Total"] if t.total_column else [])
    header += [f"% of total {h}" if t.columns else "% of total" for h in heads] if t.share else []
    header += ["% change"] if t.change else []
    many = t.positions and len(columns) > 1
    header += [f"Position {h}" for h in heads] if many else []
    header += ["Rank"] if t.top else []
    place: dict[Any, list[int | None]] = {k: [] for k in keys}
    rank: dict[Any, int | None] = {}
    groups = (
        [keys]
        if t.within is None
        else [
            [k for k in keys if k[t.rows.index(t.within)] == g]
            for g in dict.fromkeys(k[t.rows.index(t.within)] for k in keys)
        ]
    )
    for members in groups:
        sub = grid.loc[members] if members else grid
        for j in range(len(columns)):
            for k, p in _positions(sub[j]).items():
                place[k].append(p)
        if t.top is not None:
            rank.update(_positions(sub.sum(axis=1) if t.by_total else sub[len(columns) - 1]))
    if t.top is not None:
        listed = [k for k in keys if (r := rank[k]) is not None and r <= t.top]
        group_at = t.rows.index(t.within) if t.within else None
        keys = sorted(
            listed,
            key=lambda k: (
                _order(t.within, k[group_at]) if t.within and group_at is not None else 0,
                rank[k],
                tuple(_label(d, v) for d, v in zip(t.rows, k, strict=True)),
            ),
        )
    lines = []
    for k in keys:
        values = [int(v) for v in grid.loc[[k]].iloc[0]]
        line: list[Any] = [_label(dim, v) for dim, v in zip(t.rows, k, strict=True)] + values
        line += [sum(values)] if t.total_column else []
        line += [percent(n, w) for n, w in zip(values, totals, strict=True)] if t.share else []
        line += [percent(values[-1] - values[-2], values[-2])] if t.change else []
        line += ["N/A" if p is None else p for p in place[k]] if many else []
        line += [rank[k]] if t.top else []
        lines.append(line)
    if t.total_row:
        line = ["Total"] + [""] * (width - 1) + totals
        line += [sum(totals)] if t.total_column else []
        line += ["100%" if n else "" for n in totals] if t.share else []
        line += [percent(totals[-1] - totals[-2], totals[-2])] if t.change else []
        line += [""] * len(columns) if many else []
        line += [None] if t.top else []
        lines.append(line)
    return header, lines
