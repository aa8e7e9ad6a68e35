"""The checks of the figures stated in the running text (``paragraph_figures.csv``) and of the
press release's 2011 figures (its notes to editors 2 and 3), from the computed tables."""

from collections.abc import Callable
from fractions import Fraction

from nrm.standard.codes import HOME_OFFICE_RESPONDERS, PoliceRegion, code_lookup
from nrm.statistics.published.verifier import Verifier
from nrm.statistics.result import Result


def _cell(result: Result, row: tuple[object, ...], column: tuple[object, ...] = ()) -> int:
    if column not in result.column_keys:
        return 0
    return result.count(row, column)


def _total(result: Result, column: tuple[object, ...] = ()) -> int:
    total = result.total()
    if total is None or (column != () and column not in result.column_keys):
        return 0
    return total.total if column == () else total.counts[result.column_keys.index(column)]


def _row_total(result: Result, *key: object) -> int:
    """A row's total; 0 for a row the table does not list (no referral counted)."""
    row = result.row(*key)
    return 0 if row is None else row.total


def _pct(part: int, whole: int) -> Fraction | None:
    return Fraction(100 * part, whole) if whole else None


def _counts_2012(v: Verifier) -> dict[str, Callable[[], int]]:
    g, f2, f5, f6, f7 = (v.result(s) for s in ("gender", "fig02", "fig05", "fig06", "fig07"))
    t22 = v.result("t22")

    def ho(nation: str) -> int:
        return sum(_cell(f5, (str(t),), (nation,)) for t in HOME_OFFICE_RESPONDERS)

    return {
        "r_2012_referrals": lambda: _total(g),
        "r_2012_female": lambda: _row_total(g, "female"),
        "r_2012_male": lambda: _row_total(g, "male"),
        "r_2012_adults": lambda: _total(g, ("adult",)),
        "r_2012_children": lambda: _total(g, ("minor",)),
        "r_minors_2012": lambda: _total(g, ("minor",)),
        "r_minors_female_2012": lambda: _cell(g, ("female",), ("minor",)),
        "r_minors_male_2012": lambda: _cell(g, ("male",), ("minor",)),
        "r_ca_home_office": lambda: _cell(f2, ("home_office",)),
        "r_ca_ukhtc": lambda: _cell(f2, ("ukhtc",)) + _cell(f2, ("home_office_ukhtc",)),
        "r_immigration_interest": lambda: _cell(v.result("immigration"), (True,)),
        "r_fr_ho_england": lambda: ho("england"),
        "r_fr_ho_scotland": lambda: ho("scotland"),
        "r_fr_ho_wales": lambda: ho("wales"),
        "r_fr_police_scotland": lambda: _cell(f5, ("police",), ("scotland",)),
        "r_adult_sexual_2012": lambda: _cell(f6, ("sexual",), ("adult",)),
        # "unknown ... from 40 to 127": all ages, as the sentence reads (Fig. 7).
        "r_unknown_type_2011": lambda: (
            _cell(f7, ("not_recorded",), (2011, "adult"))
            + _cell(f7, ("not_recorded",), (2011, "minor"))
        ),
        "r_unknown_type_2012": lambda: (
            _cell(f7, ("not_recorded",), (2012, "adult"))
            + _cell(f7, ("not_recorded",), (2012, "minor"))
        ),
        "r_organ_minor_2012": lambda: _cell(f6, ("organ_harvesting",), ("minor",)),
        "r_organ_adult_2012": lambda: _cell(f6, ("organ_harvesting",), ("adult",)),
        "r_nrm_total_2009_2012": lambda: _total(t22),
    }


def _minors_2012(v: Verifier) -> dict[str, Callable[[], int]]:
    """Para 1.17's "from 40 to 127" read as minors only, the reading under which its 127 is
    Table 8's figure (read as all ages, both differ: ``known.KNOWN``)."""
    f7 = v.result("fig07")
    return {
        "r_unknown_type_2011": lambda: _cell(f7, ("not_recorded",), (2011, "minor")),
        "r_unknown_type_2012": lambda: _cell(f7, ("not_recorded",), (2012, "minor")),
    }


def _percents_2012(v: Verifier) -> dict[str, Callable[[], Fraction | None]]:
    t1, t4, t5, f2, f3 = (v.result(s) for s in ("t01", "t04", "t05", "fig02", "fig03"))
    total = _total(t1, (2012,))

    def concluded(result: Result) -> Fraction | None:
        positive, negative = _cell(result, ("positive",)), _cell(result, ("negative",))
        return _pct(positive, positive + negative)

    return {
        "r_2012_increase_pct": lambda: t1.total().change,  # type: ignore[union-attr]
        "r_ca_home_office_pct": lambda: _pct(_cell(f2, ("home_office",)), total),
        "r_ca_ukhtc_pct": lambda: _pct(
            _cell(f2, ("ukhtc",)) + _cell(f2, ("home_office_ukhtc",)), total
        ),
        # "69% of reasonable grounds decisions concluded ... were positive": of concluded ones.
        "r_rg_positive_pct": lambda: concluded(t4),
        "r_cg_positive_pct": lambda: concluded(t5),
        "r_top10_share_pct": lambda: _pct(sum(r.total for r in f3.rows), total),
    }


def _press_release(v: Verifier) -> dict[str, Callable[[], int]]:
    t22 = v.result("t22", 2012)

    def cell(age: str, year: int) -> int:
        if age == "all":
            return _total(t22, (year,))
        return _cell(t22, (age,), (year,))

    return {
        "p_2011_referrals": lambda: cell("all", 2011),
        "p_2011_adults": lambda: cell("adult", 2011),
        "p_2011_children": lambda: cell("minor", 2011),
        "p_2010_referrals": lambda: cell("all", 2010),
        "p_2010_adults": lambda: cell("adult", 2010),
        "p_2010_minors": lambda: cell("minor", 2010),
    }


def check_paragraphs(v: Verifier) -> None:
    figures = {line["id"]: line for line in v.load("paragraph_figures.csv")}
    if not figures:
        return
    if v.year == 2012:
        for figure_id, computed in _counts_2012(v).items():
            line = figures[figure_id]
            v.count("Text", f"{line['location']}: {line['metric']}", line["value"], computed())
        for figure_id, computed in _minors_2012(v).items():
            line = figures[figure_id]
            v.count("Text", f"{line['location']}: {line['metric']}, minors only", line["value"],
                    computed())  # fmt: skip
        for figure_id, percent in _percents_2012(v).items():
            line = figures[figure_id]
            v.percent("Text", f"{line['location']}: {line['metric']}", f"{line['value']}%",
                      percent())  # fmt: skip
        peak = figures["r_nigeria_q3_peak"]
        q3 = _cell(v.result("fig04"), ("Nigeria",), (3,))
        v.fact("Text", f"{peak['location']}: {peak['metric']}", f"over {peak['value']}", str(q3),
               q3 > int(peak["value"]))  # fmt: skip
    if v.year == 2011:
        for figure_id, computed in _press_release(v).items():
            line = figures[figure_id]
            v.count("Press release", f"{line['location']}: {line['metric']}", line["value"],
                    computed())  # fmt: skip


def check_press_release_regions(v: Verifier) -> None:
    if v.year != 2011:
        return
    lines = v.load("pr2011_referrals_by_police_region.csv")
    t2 = v.result("t02", 2011)
    rows = 0
    for line in lines:
        label = line["police_region_or_country_as_published"]
        if label == "Total":
            v.count("Press release note 3", "Total", line["referrals_2011"], _total(t2, (2011,)))
            v.fact("Press release note 3", "sum of the published rows", line["referrals_2011"],
                   f"{rows} (the rows' sum)", rows == int(line["referrals_2011"]))  # fmt: skip
            continue
        rows += int(line["referrals_2011"])
        code = code_lookup(PoliceRegion, label)
        v.count("Press release note 3", label, line["referrals_2011"], _cell(t2, (code,), (2011,)))
