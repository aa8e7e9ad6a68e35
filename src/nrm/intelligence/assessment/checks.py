"""The checks of the published strategic-assessment figures (Table 10 and the strategic
assessment's rows of ``paragraph_figures.csv``) against the assessment computed from the case
store and intelligence, recorded on the statistics' verifier like every published figure."""

from collections.abc import Callable
from dataclasses import replace
from fractions import Fraction
from typing import Any

import ibis

from nrm.intelligence.assessment.specs import BY_ID
from nrm.standard.codes import AgeGroup, ExploitationType
from nrm.statistics.engine import spec_evaluate
from nrm.statistics.published.figures import country_key
from nrm.statistics.published.verifier import Verifier
from nrm.statistics.result import Result, Row

TABLE_10 = "t10_top10_minor_source_countries_ukhtc_sa_2012.csv"
ASSESSED_YEAR = 2012  # the strategic assessment the report publishes
_MINOR = AgeGroup.MINOR.value


def _every(result: Result, at: int) -> dict[Any, int]:
    return {r.key: r.counts[at] for r in result.rows if not r.is_total}


def _row_count(row: Row | None, at: int = -1) -> int:
    return 0 if row is None or not row.counts else row.counts[at]


class _Assessment:
    """The assessment's results for the verified year, every row kept (no top ten cut)."""

    def __init__(self, table: ibis.Table, year: int) -> None:
        self.results = {
            spec_id: spec_evaluate(replace(spec, top=None), table, year=year)
            for spec_id, spec in BY_ID.items()
        }

    def __getitem__(self, spec_id: str) -> Result:
        return self.results[spec_id]


def _table_10(v: Verifier, sa: _Assessment) -> None:
    t10 = sa["t10"]
    lines = v.load(TABLE_10)
    every_2012, every_2011 = _every(t10, -1), _every(t10, -2)
    for line in lines:
        key = country_key(line["country_of_origin"])
        row = t10.row(key)
        v.count("Table 10", f"{key} 2012", line["potential_victims_2012"], _row_count(row))
        v.position("Table 10", f"{key} 2012", int(line["position_2012"]), every_2012, (key,),
                   listed=len(lines))  # fmt: skip
        v.position("Table 10", f"{key} 2011", int(line["position_2011"]), every_2011, (key,))
        v.percent("Table 10", f"{key} % change 2011-2012", line["pct_change_published"],
                  None if row is None else row.change)  # fmt: skip


def _share(result: Result, *key: Any) -> Fraction | None:
    row = result.row(*key)
    return None if row is None or not row.shares else row.shares[-1]


def _largest_operation(result: Result, country: str) -> int:
    named = (r for r in result.rows if r.key[0] is not None and r.key[1:] == (country,))
    return max((r.total for r in named), default=0)


def _figures(sa: _Assessment) -> dict[str, Callable[[], int]]:
    people, fig09, settings = sa["sa_people"], sa["fig09"], sa["sa_sexual_settings"]
    return {
        "r_sa_total": lambda: _row_count(people.total()),
        "r_sa_children": lambda: _row_count(people.row(_MINOR)),
        "r_sa_unknown_type": lambda: _row_count(fig09.row(ExploitationType.NOT_RECORDED.value)),
        "r_sa_philippines_op": lambda: _largest_operation(sa["sa_operations"], "Philippines"),
        "r_sa_sex_encounters": lambda: _row_count(settings.total()),
        "r_sa_sex_brothel": lambda: _row_count(settings.row("sexual_brothel")),
        "r_sa_sex_private_res": lambda: _row_count(settings.row("sexual_private_residence")),
        "r_sa_sex_street": lambda: _row_count(settings.row("sexual_on_street")),
        "r_sa_sex_not_recorded": lambda: _row_count(settings.row(None)),
    }


def _percents(sa: _Assessment) -> dict[str, Callable[[], Fraction | None]]:
    people, t10, fig08 = sa["sa_people"], sa["t10"], sa["fig08"]

    def change(result: Result, *key: Any) -> Fraction | None:
        row = result.row(*key)
        return None if row is None else row.change

    return {
        "r_sa_children_pct": lambda: _share(people, _MINOR),
        "r_sa_children_increase_pct": lambda: change(people, _MINOR),
        "r_sa_albania_increase_pct": lambda: change(fig08, "Albania"),
        "r_sa_minor_albania_pct": lambda: change(t10, "Albania"),
        "r_sa_minor_somalia_pct": lambda: change(t10, "Somalia"),
    }


# The shares para 3.15 prints beside its counts ("204 (25%)").
_SETTING_SHARES = {
    "r_sa_sex_brothel": ("sexual_brothel",),
    "r_sa_sex_private_res": ("sexual_private_residence",),
    "r_sa_sex_street": ("sexual_on_street",),
    "r_sa_sex_not_recorded": (None,),
}


def check_assessment(v: Verifier, table: ibis.Table) -> None:
    """Record the checks of the published strategic assessment of ``v.year`` (only 2012 is
    published) against the assessment extract ``table``."""
    if v.year != ASSESSED_YEAR:
        return
    sa = _Assessment(table, v.year)
    _table_10(v, sa)
    figures = {line["id"]: line for line in v.load("paragraph_figures.csv")}
    for figure_id, computed in _figures(sa).items():
        line = figures[figure_id]
        v.count("Text", f"{line['location']}: {line['metric']}", line["value"], computed())
    for figure_id, percent in _percents(sa).items():
        line = figures[figure_id]
        v.percent("Text", f"{line['location']}: {line['metric']}", f"{line['value']}%", percent())
    settings = sa["sa_sexual_settings"]
    for figure_id, key in _SETTING_SHARES.items():
        line = figures[figure_id]
        published = line["published_text"].split("(")[-1].rstrip(")")
        v.percent("Text", f"{line['location']}: {line['metric']}, % of encounters", published,
                  _share(settings, *key))  # fmt: skip


def assessment_checker(table: ibis.Table) -> Callable[[Verifier], None]:
    """A checker for ``nrm.statistics.published.verify`` that checks the assessment ``table``."""
    return lambda v: check_assessment(v, table)
