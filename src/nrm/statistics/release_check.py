"""Proof that a written file is k-anonymous and l-diverse: ``file_check``.

Reads the CSV as a reader would, groups its rows by the quasi-identifier columns (by default
those of a public CTDC-layout export, ``release.QI_COLUMNS``) and reports the smallest class
(k) and the fewest distinct values of the sensitive column in a class (l). Independent of how
the file was made: it checks any CSV.
"""

import csv
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from nrm.statistics.release import QI_COLUMNS, SENSITIVE

NO_COLUMN = "{name}: no column {column}; its columns are {columns}"
EMPTY = "{name}: no rows"


class CheckError(Exception):
    """The file cannot be checked (no such column, no rows)."""


@dataclass(frozen=True)
class Checked:
    rows: int
    classes: int
    k: int
    l_div: int | None
    smallest: tuple[str, ...]

    def passes(self, *, k: int, l_div: int | None) -> bool:
        return self.k >= k and (l_div is None or (self.l_div or 0) >= l_div)


def file_check(
    path: Path, *, qi: Sequence[str] = QI_COLUMNS, sensitive: str | None = SENSITIVE
) -> Checked:
    with path.open(encoding="utf-8-sig", newline="") as handle:
        reader = csv.DictReader(handle)
        columns = list(reader.fieldnames or [])
        for column in [*qi, *([sensitive] if sensitive else [])]:
            if column not in columns:
                raise CheckError(
                    NO_COLUMN.format(name=path.name, column=column, columns=", ".join(columns))
                )
        classes: dict[tuple[str, ...], list[str]] = defaultdict(list)
        rows = 0
        for row in reader:
            rows += 1
            classes[tuple(row[c] for c in qi)].append(row[sensitive] if sensitive else "")
    if not rows:
        raise CheckError(EMPTY.format(name=path.name))
    smallest = min(classes, key=lambda key: len(classes[key]))
    diversity = min(len(set(values)) for values in classes.values()) if sensitive else None
    return Checked(rows, len(classes), len(classes[smallest]), diversity, smallest)


def check_lines(
    checked: Checked, *, path: Path, k: int, l_div: int | None, qi: Sequence[str]
) -> list[str]:
    """What ``nrm export check`` prints."""
    verdict = "PASS" if checked.passes(k=k, l_div=l_div) else "FAIL"
    lines = [
        f"{path.name}: {checked.rows} rows in {checked.classes} classes over "
        f"{len(qi)} quasi-identifier columns",
        f"k = {checked.k} (required {k}): {'ok' if checked.k >= k else 'too small'}",
    ]
    if l_div is not None:
        ok = (checked.l_div or 0) >= l_div
        lines.append(f"l = {checked.l_div} (required {l_div}): {'ok' if ok else 'too few'}")
    lines.append(verdict)
    return lines
