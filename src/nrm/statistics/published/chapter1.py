"""The checks of chapter 1's tables and figures (Tables 1-8; Figs. 1, 2, 3 and 6) and of the
press release's 2011 top three source countries by UK nation (its note 5), one function per
reference file or group of files. Labels are mapped to codes through the data standard."""

from typing import Any

from django.db import models

from nrm.standard.codes import (
    CompetentAuthority,
    DecisionOutcome,
    ExploitationRegion,
    ExploitationType,
    Nation,
    PoliceRegion,
)
from nrm.statistics.published.figures import AGE_GROUPS, country_key, label_code
from nrm.statistics.published.verifier import Verifier
from nrm.statistics.result import Result


def _column(result: Result, year: int) -> int:
    return result.column_keys.index((year,))


def _counts(result: Result, at: int = -1) -> dict[Any, int]:
    return {r.key: r.counts[at] for r in result.rows if not r.is_total}


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
            result.total()
            if label in ("Total", "Grand Total")
            else result.row(label_code(codes, label))
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
            row = (
                result.total()
                if label == "Total"
                else result.row(label_code(DecisionOutcome, label))
            )
            v.count(table, label, line["referrals_2012"], row.total if row else 0)


def check_t06_fig03(v: Verifier) -> None:
    """Table 6's counts, % changes and positions (a top ten: nobody outside it has as many as
    its tenth), and Fig. 3's counts."""
    if v.year != 2012:
        return
    result = v.result("t06")
    everyone = _counts(v.result("fig03"))
    lines = v.load("t06_top10_source_countries_2012.csv")
    for line in lines:
        key = country_key(line["source_country"])
        row = result.row(key)
        v.count("Table 6", f"{key} 2012", line["referrals_2012"], row.counts[-1] if row else 0)
        v.position("Table 6", key, int(line["table_order"]), everyone, (key,), listed=len(lines))
        v.percent("Table 6", f"{key} % change 2011-2012", line["pct_change_2011_12_published"],
                  row.change if row else None)  # fmt: skip
    fig = v.result("fig03")
    for line in v.load("fig03_top10_source_countries_2012.csv"):
        key = country_key(line["country"])
        row = fig.row(key)
        v.count("Fig. 3", key, line["referrals_2012"], row.total if row else 0)


def _top3(v: Verifier, name: str, table: str, year: int) -> None:
    """A top three per nation, whose joint places are printed as joint ("Nigeria/Vietnam"):
    each country's rank exactly, tied only with the countries printed with it."""
    lines = v.load(name)
    if not lines:
        return
    everyone: dict[str, dict[Any, int]] = {}
    for row in v.unranked("t07", year).rows:
        everyone.setdefault(row.key[0], {})[row.key[1]] = row.counts[0]
    for line in lines:
        nation = label_code(Nation, line["uk_country"])
        labels = line["source_country"].split("/")
        for label in labels:
            key = country_key(label)
            cell = f"{line['uk_country']} {key}"
            v.position(table, cell, int(line["rank"]), everyone.get(nation, {}), key,
                       joint=len(labels))  # fmt: skip


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
        row = t8.total() if nation == "Total" else t8.row(label_code(Nation, nation))
        if row is None:
            got = 0
        elif etype == "Total":
            got = row.total
        else:
            column = (label_code(ExploitationType, etype),)
            got = row.counts[t8.column_keys.index(column)] if column in t8.column_keys else 0
        v.count("Table 8", f"{nation} {etype}", line["minors_2012"], got)
    f6 = v.result("fig06")
    for line in v.load("fig06_referrals_by_exploitation_type_age_2012.csv"):
        row = f6.row(label_code(ExploitationType, line["exploitation_type"]))
        column = (AGE_GROUPS[line["age_group"]],)
        got = row.counts[f6.column_keys.index(column)] if row and column in f6.column_keys else 0
        v.count("Fig. 6", f"{line['age_group']} {line['exploitation_type']}",
                line["referrals_2012"], got)  # fmt: skip


def check_fig01_fig02(v: Verifier) -> None:
    if v.year != 2012:
        return
    f1 = v.result("fig01")
    for line in v.load("fig01_referrals_by_uk_country_2012.csv"):
        row = f1.row(label_code(Nation, line["uk_country"]))
        v.count("Fig. 1", line["uk_country"], line["referrals_2012"], row.total if row else 0)
    f2 = _counts(v.result("fig02"))
    for line in v.load("fig02_referrals_by_competent_authority_2012.csv"):
        label = line["competent_authority"]
        if label.startswith("UKHTC incl."):
            got = f2.get(("ukhtc",), 0) + f2.get(("home_office_ukhtc",), 0)
        else:
            got = f2.get((label_code(CompetentAuthority, label),), 0)
        v.count("Fig. 2", label, line["referrals_2012"], got)
