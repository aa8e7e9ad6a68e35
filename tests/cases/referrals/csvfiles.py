"""Helpers to write referral CSV files for tests."""

import csv
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from nrm.standard.schema import LIST_FIELDS


def flat(record: dict[str, Any]) -> dict[str, str]:
    row = {}
    for name, value in record.items():
        if value is None:
            row[name] = ""
        elif name in LIST_FIELDS:
            row[name] = ";".join(value)
        elif isinstance(value, bool):
            row[name] = "yes" if value else "no"
        else:
            row[name] = str(value)
    return row


def write_csv(path: Path, records: Iterable[dict[str, Any]], *, bom: bool = False) -> Path:
    rows = [flat(r) for r in records]
    columns = list(dict.fromkeys(name for row in rows for name in row))
    with path.open("w", encoding="utf-8-sig" if bom else "utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=columns)
        writer.writeheader()
        writer.writerows(rows)
    return path
