"""The checks of Table 9 (minors of 2012 by nationality, exploitation type and gender): every
recovered cell, every row and column total, and the values printed in a row's unrecovered cells,
left to right. Its rows are counted under the nationality keys ``table9`` gives them."""

from collections import Counter

from nrm.standard.codes import ExploitationType, Gender
from nrm.statistics.published.figures import label_code
from nrm.statistics.published.table9 import CELLS, ROW_BY_ORDER, row_key_mapping
from nrm.statistics.published.verifier import Verifier
from nrm.statistics.result import Result


def _column(line: dict[str, str]) -> tuple[str, str]:
    """The (exploitation type, gender) column of a line of the cells file."""
    return (
        label_code(ExploitationType, line["exploitation_type"]),
        label_code(Gender, line["gender"]),
    )


def _cell(t9: Result, key: str, column: tuple[str, str]) -> int:
    return t9.count((key,), column) if column in t9.column_keys else 0


def _rows(v: Verifier, t9: Result, keys: dict[int, str]) -> None:
    for line in v.load("t09_row_totals_by_nationality_2012.csv"):
        if not line["row_order"]:
            total = t9.total()
            v.count("Table 9", "Total", line["total_minors_2012"], total.total if total else 0)
            continue
        order = int(line["row_order"])
        row = t9.row(keys[order])
        name = f"{line['nationality']} (row {order})"
        v.count("Table 9", f"{name} total", line["total_minors_2012"], row.total if row else 0)
        if line["values_in_uncertain_cells"]:
            _unplaced(v, t9, order, name, line["values_in_uncertain_cells"])


def _unplaced(v: Verifier, t9: Result, order: int, name: str, published: str) -> None:
    """The values a row prints in the cells whose column the extraction lost, left to right:
    the row's counts in those cells, zeros left out, must be these values in this order."""
    unrecovered = {
        _column(line)
        for line in v.load("t09_minors_by_nationality_gender_exploitation_2012.csv")
        if line["status"] == "uncertain" and int(line["row_order"]) == order
    }
    key = ROW_BY_ORDER[order].key
    counts = [_cell(t9, key, cell) for cell in CELLS if cell in unrecovered]
    expected = published.replace(";", ", ")
    got = ", ".join(str(n) for n in counts if n)
    v.fact("Table 9", f"{name} values in the unrecovered cells, left to right", expected, got,
           got == expected)  # fmt: skip


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
        got = _cell(t9, keys[int(line["row_order"])], _column(line))
        cell = f"{line['nationality']} (row {line['row_order']}) {line['exploitation_type']} "
        v.count("Table 9", cell + line["gender"], line["minors_2012"], got)
    _rows(v, t9, keys)
    for line in v.load("t09_column_totals_2012.csv"):
        got = 0
        total = t9.total()
        for at, (etype, gender) in enumerate(t9.column_keys):
            if line["exploitation_type"] != "All" and etype != label_code(
                ExploitationType, line["exploitation_type"]
            ):
                continue
            if line["gender"] != "All" and gender != label_code(Gender, line["gender"]):
                continue
            got += total.counts[at] if total else 0
        v.count("Table 9", f"column {line['exploitation_type']} {line['gender']}",
                line["total_minors_2012"], got)  # fmt: skip
