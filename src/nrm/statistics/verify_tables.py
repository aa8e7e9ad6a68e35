"""The checks of ``verify``, one function per reference file (or group of files).

Labels in the reference files are mapped to codes through the data standard (``code_lookup``,
``country_code``); Table 9's composite nationality rows through the demo's documented mapping.
"""

from collections import Counter
from collections.abc import Callable
from typing import Any

from django.db import models

from nrm.demo.table9 import row_key_mapping
from nrm.standard.codes import (
    CompetentAuthority,
    DecisionOutcome,
    ExploitationRegion,
    ExploitationType,
    Gender,
    Nation,
    PoliceRegion,
    code_lookup,
)
from nrm.standard.nationality import country_code, country_name
from nrm.statistics.result import Result
from nrm.statistics.verify import Verifier

_AGE = {"Adult": "adult", "Child": "minor", "Minor": "minor"}


def _code(codes: type[models.TextChoices], label: str) -> str:
    found = code_lookup(codes, label)
    if found is None:
        raise LookupError(f"{label!r} is not in {codes.__name__}")
    return found


def _country(label: str) -> str:
    found = country_code(label)
    if found is None:
        raise LookupError(label)
    return country_name(found)


def _column(result: Result, year: int) -> int:
    return result.column_keys.index((year,))


def _position(v: Verifier, table: str, cell: str, published: int, counts: dict[Any, int],
              key: Any) -> None:  # fmt: skip
    """A published position matches when it is one the key can hold, ties allowed."""
    mine = counts.get(key, 0)
    above = sum(1 for k, n in counts.items() if k != key and n > mine)
    tied = sum(1 for k, n in counts.items() if k != key and n == mine)
    low, high = above + 1, above + 1 + tied
    shown = str(low) if low == high else f"{low}-{high} (tied)"
    v.fact(table, f"{cell} position", str(published), shown, low <= published <= high)


def _by_year(v: Verifier, name: str, table: str, spec: str, column: str,
             codes: type[models.TextChoices]) -> None:  # fmt: skip
    """Tables 1-3: counts of the report year and the year before, shares and % changes."""
    lines = v.load(name)
    years = {int(line["year"]) for line in lines}
    wanted = {v.year, v.year - 1} if v.year in years else {v.year}
    result = v.result(spec)
    for line in lines:
        year = int(line["year"])
        if year not in wanted:
            continue
        label = line[column]
        row = (
            result.total() if label in ("Total", "Grand Total") else result.row(_code(codes, label))
        )
        at = _column(result, year)
        v.count(table, f"{label} {year}", line["referrals"], row.counts[at] if row else 0)
        share = line.get("pct_of_year_total_published", "")
        if share:
            v.percent(table, f"{label} {year} % of total", share, row.shares[at] if row else None)
        change = line.get("pct_change_2011_12_published") or line.get(
            "pct_difference_2011_12_published", ""
        )
        if change and year == v.year:
            v.percent(
                table, f"{label} % change {year - 1}-{year}", change, row.change if row else None
            )


def check_t01_t03(v: Verifier) -> None:
    _by_year(v, "t01_referrals_by_uk_country.csv", "Table 1", "t01", "uk_country", Nation)
    _by_year(v, "t02_referrals_by_police_region_of_presentation.csv", "Table 2", "t02",
             "police_region_or_country", PoliceRegion)  # fmt: skip
    _by_year(v, "t03_referrals_by_region_of_exploitation.csv", "Table 3", "t03",
             "police_region_or_country_of_exploitation", ExploitationRegion)  # fmt: skip


def check_t01_vs_t02(v: Verifier) -> None:
    """The nations in Table 2 (police region) against Table 1 (nation), as published."""
    t1 = {(line["uk_country"], line["year"]): line["referrals"]
          for line in v.load("t01_referrals_by_uk_country.csv")}  # fmt: skip
    for line in v.load("t02_referrals_by_police_region_of_presentation.csv"):
        key = (line["police_region_or_country"], line["year"])
        if key in t1 and int(line["year"]) == v.year:
            v.fact("Table 1 vs Table 2", " ".join(key), f"Table 2 {line['referrals']}",
                   f"Table 1 {t1[key]}", line["referrals"] == t1[key])  # fmt: skip


def check_decisions(v: Verifier) -> None:
    if v.year != 2012:
        return
    for name, table, spec in (
        ("t04_reasonable_grounds_2012.csv", "Table 4", "t04"),
        ("t05_conclusive_grounds_2012.csv", "Table 5", "t05"),
    ):
        result = v.result(spec)
        for line in v.load(name):
            label = line["decision"]
            row = result.total() if label == "Total" else result.row(_code(DecisionOutcome, label))
            v.count(table, label, line["referrals_2012"], row.total if row else 0)


def _counts(result: Result, at: int = -1) -> dict[Any, int]:
    return {r.key: r.counts[at] for r in result.rows if not r.is_total}


def check_t06_fig03(v: Verifier) -> None:
    if v.year != 2012:
        return
    result = v.result("t06")
    everyone = _counts(v.result("fig03"))
    for line in v.load("t06_top10_source_countries_2012.csv"):
        key = _country(line["source_country"])
        row = result.row(key)
        v.count("Table 6", f"{key} 2012", line["referrals_2012"], row.counts[-1] if row else 0)
        _position(v, "Table 6", key, int(line["table_order"]), everyone, (key,))
        v.percent("Table 6", f"{key} % change 2011-2012", line["pct_change_2011_12_published"],
                  row.change if row else None)  # fmt: skip
    fig = v.result("fig03")
    for line in v.load("fig03_top10_source_countries_2012.csv"):
        key = _country(line["country"])
        row = fig.row(key)
        v.count("Fig. 3", key, line["referrals_2012"], row.total if row else 0)


def _top3(v: Verifier, name: str, table: str, year: int) -> None:
    lines = v.load(name)
    if not lines:
        return
    everyone = _nation_counts(v, year)
    for line in lines:
        nation = _code(Nation, line["uk_country"])
        for label in line["source_country"].split("/"):
            key = _country(label)
            cell = f"{line['uk_country']} {key}"
            _position(v, table, cell, int(line["rank"]), everyone.get(nation, {}), key)


def _nation_counts(v: Verifier, year: int) -> dict[str, dict[Any, int]]:
    """Every nationality's count in each nation (not only the top three)."""
    from nrm.statistics.engine import spec_evaluate
    from nrm.statistics.specs import BY_ID

    spec = BY_ID["t07"]
    everyone = type(spec)(**{**spec.__dict__, "top": None, "id": "t07-all"})
    counts: dict[str, dict[Any, int]] = {}
    for row in spec_evaluate(everyone, v.referrals, year=year).rows:
        counts.setdefault(row.key[0], {})[row.key[1]] = row.counts[0]
    return counts


def check_t07(v: Verifier) -> None:
    if v.year == 2012:
        _top3(v, "t07_top3_source_countries_by_uk_country_2012.csv", "Table 7", 2012)
    if v.year == 2011:
        _top3(v, "pr2011_top3_source_countries_by_uk_country.csv", "Press release note 5", 2011)


def check_t08_fig06(v: Verifier) -> None:
    if v.year != 2012:
        return
    t8 = v.result("t08")
    for line in v.load("t08_minors_by_uk_country_and_exploitation_type_2012.csv"):
        nation, etype = line["uk_country"], line["exploitation_type"]
        row = t8.total() if nation == "Total" else t8.row(_code(Nation, nation))
        if row is None:
            got = 0
        elif etype == "Total":
            got = row.total
        else:
            column = (_code(ExploitationType, etype),)
            got = row.counts[t8.column_keys.index(column)] if column in t8.column_keys else 0
        v.count("Table 8", f"{nation} {etype}", line["minors_2012"], got)
    f6 = v.result("fig06")
    for line in v.load("fig06_referrals_by_exploitation_type_age_2012.csv"):
        row = f6.row(_code(ExploitationType, line["exploitation_type"]))
        column = (_AGE[line["age_group"]],)
        got = row.counts[f6.column_keys.index(column)] if row and column in f6.column_keys else 0
        v.count("Fig. 6", f"{line['age_group']} {line['exploitation_type']}",
                line["referrals_2012"], got)  # fmt: skip


def check_t09(v: Verifier) -> None:
    if v.year != 2012:
        return
    t9 = v.result("t09")
    keys = {order: key for order, _label, key in row_key_mapping()}
    labels = Counter(label for _order, label, _key in row_key_mapping())
    for label, times in sorted(labels.items()):
        if times > 1:
            v.fact("Table 9", f"row {label}", f"listed {times} times", "one row per nationality",
                   False)  # fmt: skip
    for line in v.load("t09_minors_by_nationality_gender_exploitation_2012.csv"):
        if line["status"] == "uncertain":
            continue
        column = (_code(ExploitationType, line["exploitation_type"]), _code(Gender, line["gender"]))
        key = keys[int(line["row_order"])]
        got = t9.count((key,), column) if column in t9.column_keys else 0
        cell = f"{line['nationality']} (row {line['row_order']}) {line['exploitation_type']} "
        v.count("Table 9", cell + line["gender"], line["minors_2012"], got)
    for line in v.load("t09_row_totals_by_nationality_2012.csv"):
        if not line["row_order"]:
            total = t9.total()
            v.count("Table 9", "Total", line["total_minors_2012"], total.total if total else 0)
            continue
        row = t9.row(keys[int(line["row_order"])])
        v.count("Table 9", f"{line['nationality']} (row {line['row_order']}) total",
                line["total_minors_2012"], row.total if row else 0)  # fmt: skip
    for line in v.load("t09_column_totals_2012.csv"):
        got = 0
        for at, (etype, gender) in enumerate(t9.column_keys):
            if line["exploitation_type"] not in ("All",) and etype != _code(
                ExploitationType, line["exploitation_type"]
            ):
                continue
            if line["gender"] != "All" and gender != _code(Gender, line["gender"]):
                continue
            total = t9.total()
            got += total.counts[at] if total else 0
        v.count("Table 9", f"column {line['exploitation_type']} {line['gender']}",
                line["total_minors_2012"], got)  # fmt: skip


def check_t22(v: Verifier) -> None:
    result = v.result("t22", 2012)
    for line in v.load("t22_adult_child_referrals_2009_2012.csv"):
        if line["year"] != "Total" and int(line["year"]) > v.year:
            continue
        if line["year"] == "Total" and v.year != 2012:
            continue
        row = result.total() if line["age_group"] == "All" else result.row(_AGE[line["age_group"]])
        if row is None:
            got = 0
        elif line["year"] == "Total":
            got = row.total
        else:
            got = row.counts[_column(result, int(line["year"]))]
        if line["year"] == "Total" or int(line["year"]) == v.year or v.year == 2012:
            v.count("Table 22", f"{line['year']} {line['age_group']}", line["referrals"], got)


def _ranked(v: Verifier, name: str, table: str, spec: str) -> None:
    if v.year != 2012:
        return
    result = v.result(spec)
    full = _everyone(v, spec)
    for line in v.load(name):
        key, year = _country(line["country"]), int(line["year"])
        at = _column(result, year)
        row = result.row(key)
        v.count(table, f"{key} {year}", line["potential_victims"], row.counts[at] if row else 0)
        if line["position_in_year"].isdigit():
            counts = {k: c[at] for k, c in full.items()}
            _position(v, table, f"{key} {year}", int(line["position_in_year"]), counts, key)
        if year == 2012:
            v.count(table, f"{key} 2009-2012", line["combined_2009_2012"], row.total if row else 0)
            totals = {k: sum(c) for k, c in full.items()}
            _position(v, table, f"{key} 2009-2012", int(line["combined_rank"]), totals, key)


def _everyone(v: Verifier, spec_id: str, year: int | None = None) -> dict[Any, list[int]]:
    from nrm.statistics.engine import spec_evaluate
    from nrm.statistics.specs import BY_ID

    spec = BY_ID[spec_id]
    every = type(spec)(**{**spec.__dict__, "top": None, "id": f"{spec_id}-all"})
    rows = spec_evaluate(every, v.referrals, year=v.year if year is None else year).rows
    return {r.key[-1]: r.counts for r in rows if not r.is_total}


def check_t23_t25(v: Verifier) -> None:
    _ranked(v, "t23_adult_top10_countries_2009_2012.csv", "Table 23", "t23")
    _ranked(v, "t25_child_top10_countries_2009_2012.csv", "Table 25", "t25")


def check_t24(v: Verifier) -> None:
    if v.year != 2012:
        return
    everyone = _everyone(v, "t23")
    result = v.result("t23")
    for line in v.load("t24_adult_top10_by_year.csv"):
        key, year = _country(line["country"]), int(line["year"])
        at = _column(result, year)
        counts = {k: c[at] for k, c in everyone.items()}
        v.count("Table 24", f"{year} {key}", line["potential_victims"], counts.get(key, 0))
        _position(v, "Table 24", f"{year} {key}", int(line["position"]), counts, key)


def check_fig01_fig02(v: Verifier) -> None:
    if v.year != 2012:
        return
    f1 = v.result("fig01")
    for line in v.load("fig01_referrals_by_uk_country_2012.csv"):
        row = f1.row(_code(Nation, line["uk_country"]))
        v.count("Fig. 1", line["uk_country"], line["referrals_2012"], row.total if row else 0)
    f2 = _counts(v.result("fig02"))
    for line in v.load("fig02_referrals_by_competent_authority_2012.csv"):
        label = line["competent_authority"]
        if label.startswith("UKHTC incl."):
            got = f2.get(("ukhtc",), 0) + f2.get(("home_office_ukhtc",), 0)
        else:
            got = f2.get((_code(CompetentAuthority, label),), 0)
        v.count("Fig. 2", label, line["referrals_2012"], got)


def _paragraph_checkers() -> tuple[Callable[[Verifier], None], ...]:
    from nrm.statistics.verify_paragraphs import check_paragraphs, check_press_release_regions

    return (check_paragraphs, check_press_release_regions)


CHECKERS: tuple[Callable[[Verifier], None], ...] = (
    check_t01_t03,
    check_t01_vs_t02,
    check_decisions,
    check_t06_fig03,
    check_t07,
    check_t08_fig06,
    check_t09,
    check_t22,
    check_t23_t25,
    check_t24,
    check_fig01_fig02,
    *_paragraph_checkers(),
)
