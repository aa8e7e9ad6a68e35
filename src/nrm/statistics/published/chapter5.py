"""The checks of chapter 5: the second Table 19 (para 5.26, the Salvation Army's referrals by
region, 1 July 2012 to 30 June 2013) and the 746 people referred to it (para 5.23).

They are counted on the support extract, not the referrals': the caller evaluates the table
(``nrm.statistics.support_extract.support_tables``) and passes its results to ``checker``.
"""

from collections.abc import Callable, Sequence

from nrm.standard.codes import SupportRegion
from nrm.statistics.published.figures import label_code
from nrm.statistics.published.verifier import Verifier
from nrm.statistics.result import Result

TABLE = "Table 19 (chapter 5)"
# The one contract year the report publishes: 1 July 2012 to 30 June 2013.
PUBLISHED_YEAR = 2012
COLUMN = "referrals_1jul2012_30jun2013"


def check_t19b(v: Verifier, result: Result) -> None:
    if v.year != PUBLISHED_YEAR:
        return
    for line in v.load("t19b_salvation_army_referrals_by_region.csv"):
        label = line["region"]
        if label == "Total":
            total = result.total()
            v.count(TABLE, "Total", line[COLUMN], total.total if total else 0)
            continue
        row = result.row(label_code(SupportRegion, label))
        v.count(TABLE, label, line[COLUMN], row.total if row else 0)
    figures = {line["id"]: line for line in v.load("paragraph_figures.csv")}
    if "r_tsa_referred" in figures:
        line = figures["r_tsa_referred"]
        total = result.total()
        v.count("Text", f"{line['location']}: {line['metric']}", line["value"],
                total.total if total else 0)  # fmt: skip


def checker(results: Sequence[Result]) -> Callable[[Verifier], None]:
    """A checker for ``verify`` over the tables of chapter 5 (``results``)."""
    by_id = {result.spec.id: result for result in results}
    return lambda v: check_t19b(v, by_id["t19b"])
