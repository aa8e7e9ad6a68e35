"""Benchmark: screen a passenger manifest against the active risk profiles in one query.

    python bench/border_screening.py [--rows 1000000] [--profiles 100] [--seed 2013]

Generates a manifest of ``--rows`` passengers (every field risk profiles test, about one value
in ten missing, written to Parquet and read back as Arrow) and ``--profiles`` profiles of 3 to 5
conditions each (never only protected characteristics, checked as the service checks them),
then times ``screen_table``: every profile's conditions compiled to one Ibis predicate, run on
DuckDB, the matches (row, profile) returned. Goal: <= 10 s for 1,000,000 rows and 100 profiles.
Records seconds, rows/s, matches and peak memory (max RSS); printed as JSON and kept in
bench/out/.
"""

import argparse
import json
import os
import resource
import tempfile
import time
from pathlib import Path
from typing import Any

import numpy as np
import pyarrow as pa
import pyarrow.parquet as pq

from nrm.border.profile_conditions import Condition, conditions_parse
from nrm.border.screening_batch import SCHEMA, screen_table
from nrm.standard import border_codes as bc

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "bench" / "out"
NATIONALITIES = ["ALB", "VNM", "NGA", "CHN", "ROU", "POL", "ERI", "SDN", "IND", "PAK"]
AIRPORTS = ["LHR", "LGW", "MAN", "STN", "LTN", "TIA", "HAN", "LOS", "PEK", "OTP", "DXB", "IST"]


def _codes(field: bc.ScreenField) -> list[str]:
    if field == bc.ScreenField.NATIONALITY:
        return NATIONALITIES
    if field in bc.AIRPORT_FIELDS:
        return AIRPORTS
    return list(bc.FIELD_CODES[field].values)


def manifest(rows: int, seed: int) -> pa.Table:
    """Generated passengers, one column per field, about one value in ten missing."""
    rng = np.random.default_rng(seed)
    columns: dict[str, pa.Array] = {}
    for field, kind in bc.FIELD_KINDS.items():
        missing = rng.random(rows) < 0.1
        if kind is bc.FieldKind.CODE:
            codes = np.array(_codes(field))
            values: Any = codes[rng.integers(0, len(codes), rows)]
        elif kind is bc.FieldKind.NUMBER:
            values = rng.integers(0, 120, rows)
        else:
            values = rng.random(rows) < 0.3
        columns[str(field)] = pa.array(values, mask=missing, type=SCHEMA.field(str(field)).type)
    return pa.table(columns, schema=SCHEMA)


def profiles(count: int, seed: int) -> list[tuple[int, list[Condition]]]:
    """Generated profiles of 3 to 5 conditions, checked as the service checks them."""
    rng = np.random.default_rng(seed + 1)
    fields = list(bc.ScreenField)
    made = []
    while len(made) < count:
        chosen = rng.choice(len(fields), size=int(rng.integers(3, 6)), replace=False)
        data = []
        for i in chosen:
            field = fields[int(i)]
            kind = bc.FIELD_KINDS[field]
            if kind is bc.FieldKind.CODE:
                codes = _codes(field)
                picked = rng.choice(
                    len(codes), size=min(len(codes) - 1, int(rng.integers(1, 3))), replace=False
                )
                operator = "not_in" if rng.random() < 0.1 else "in"
                values: list[Any] = [codes[int(j)] for j in picked]
            elif kind is bc.FieldKind.NUMBER:
                low = int(rng.integers(0, 60))
                operator, values = "between", [low, low + int(rng.integers(1, 30))]
            else:
                operator, values = "equals", [bool(rng.random() < 0.5)]
            data.append({"field": str(field), "operator": operator, "values": values})
        try:
            made.append((len(made) + 1, conditions_parse(data)))
        except ValueError:  # only protected characteristics: refused, as the service would
            continue
    return made


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--rows", type=int, default=1_000_000)
    parser.add_argument("--profiles", type=int, default=100)
    parser.add_argument("--seed", type=int, default=2013)
    args = parser.parse_args()
    t0 = time.perf_counter()
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "manifest.parquet"
        pq.write_table(manifest(args.rows, args.seed), path)
        generated = time.perf_counter() - t0
        t1 = time.perf_counter()
        table = pq.read_table(path)
        read = time.perf_counter() - t1
    rules = profiles(args.profiles, args.seed)
    load_before = os.getloadavg()[0]
    t2 = time.perf_counter()
    matches = screen_table(table, rules)
    screened = time.perf_counter() - t2
    report: dict[str, object] = {
        "rows": args.rows,
        "profiles": len(rules),
        "conditions": sum(len(c) for _, c in rules),
        "generate_s": round(generated, 2),
        "read_parquet_s": round(read, 2),
        "screen_s": round(screened, 2),
        "rows_per_s": round(args.rows / screened),
        "matches": len(matches),
        "records_matched": len({row for row, _ in matches}),
        "goal_s": 10,
        "met": screened <= 10,
        "load_average_before": load_before,
        "load_average_after": os.getloadavg()[0],
        "peak_rss_mib": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1),
    }
    text = json.dumps(report, indent=2)
    print(text)
    OUT.mkdir(exist_ok=True)
    (OUT / f"border_screening_{args.rows}x{args.profiles}.json").write_text(text + "\n")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
