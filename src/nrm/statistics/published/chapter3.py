"""The checks of chapter 3's tables: referrals by year since the NRM began (Table 22) and the top
ten countries of origin of adults and children (Tables 23-25), counts and positions."""

from typing import Any

from nrm.statistics.published.figures import AGE_GROUPS, country_key
from nrm.statistics.published.verifier import Verifier
from nrm.statistics.result import Result


def _column(result: Result, year: int) -> int:
    return result.column_keys.index((year,))


def check_t22(v: Verifier) -> None:
    result = v.result("t22", 2012)
    for line in v.load("t22_adult_child_referrals_2009_2012.csv"):
        if line["year"] != "Total" and int(line["year"]) > v.year:
            continue
        if line["year"] == "Total" and v.year != 2012:
            continue
        if line["age_group"] == "All":
            row = result.total()
        else:
            row = result.row(AGE_GROUPS[line["age_group"]])
        if row is None:
            got = 0
        elif line["year"] == "Total":
            got = row.total
        else:
            got = row.counts[_column(result, int(line["year"]))]
        if line["year"] == "Total" or int(line["year"]) == v.year or v.year == 2012:
            v.count("Table 22", f"{line['year']} {line['age_group']}", line["referrals"], got)


def _everyone(v: Verifier, spec_id: str) -> dict[Any, list[int]]:
    """Every country's counts by year (not only the top ten's)."""
    rows = v.unranked(spec_id).rows
    return {r.key[-1]: r.counts for r in rows if not r.is_total}


def _ranked(v: Verifier, name: str, table: str, spec: str) -> None:
    """Tables 23 and 25: counts and positions in each year, and the combined 2009-2012 count and
    rank of a top ten (nobody outside it has as many as its tenth)."""
    if v.year != 2012:
        return
    result = v.result(spec)
    full = _everyone(v, spec)
    lines = v.load(name)
    listed = len({line["country"] for line in lines})
    for line in lines:
        key, year = country_key(line["country"]), int(line["year"])
        at = _column(result, year)
        row = result.row(key)
        v.count(table, f"{key} {year}", line["potential_victims"], row.counts[at] if row else 0)
        if line["position_in_year"].isdigit():
            counts = {k: c[at] for k, c in full.items()}
            v.position(table, f"{key} {year}", int(line["position_in_year"]), counts, key)
        if year == 2012:
            v.count(table, f"{key} 2009-2012", line["combined_2009_2012"], row.total if row else 0)
            totals = {k: sum(c) for k, c in full.items()}
            v.position(table, f"{key} 2009-2012", int(line["combined_rank"]), totals, key,
                       listed=listed)  # fmt: skip


def check_t23_t25(v: Verifier) -> None:
    _ranked(v, "t23_adult_top10_countries_2009_2012.csv", "Table 23", "t23")
    _ranked(v, "t25_child_top10_countries_2009_2012.csv", "Table 25", "t25")


def check_t24(v: Verifier) -> None:
    """Table 24: each year's top ten adults, counts and positions (nobody outside a year's list
    has as many as its tenth)."""
    if v.year != 2012:
        return
    everyone = _everyone(v, "t23")
    result = v.result("t23")
    lines = v.load("t24_adult_top10_by_year.csv")
    for line in lines:
        key, year = country_key(line["country"]), int(line["year"])
        at = _column(result, year)
        counts = {k: c[at] for k, c in everyone.items()}
        listed = sum(1 for other in lines if other["year"] == line["year"])
        v.count("Table 24", f"{year} {key}", line["potential_victims"], counts.get(key, 0))
        v.position("Table 24", f"{year} {key}", int(line["position"]), counts, key,
                   listed=listed)  # fmt: skip
