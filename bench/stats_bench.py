"""Benchmark: every statistics table for one year, through the spec engine (Ibis on DuckDB),
against hand-written DuckDB SQL and plain pandas for the same tables, in the same run.

    python bench/stats_bench.py [--sizes 100000,1000000,10000000] [--year 2012] [--repeat 3]

Extracts are generated (``nrm.statistics.synthetic``) and written once to bench/out/ as Parquet.
Every measurement is a fresh process reading the Parquet file: the time is from opening the
file to having every table's result (imports excluded); peak memory is that process's max RSS.
The three methods take turns within each repeat. Results are printed as JSON and kept in
bench/out/.
"""

import argparse
import json
import resource
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "bench" / "out"
METHODS = ("engine", "sql", "pandas")
sys.path.insert(0, str(ROOT))


def _extract(rows: int) -> Path:
    """The generated extract of ``rows`` referrals, made once, in its own process: a process's
    peak RSS carries over to the children it starts, so this one must stay small."""
    path = OUT / f"stats-extract-{rows}.parquet"
    if not path.exists():
        OUT.mkdir(parents=True, exist_ok=True)
        command = [sys.executable, __file__, "--make-extract", str(rows), "--file", str(path)]
        subprocess.run(command, check=True)
    return path


def _make_extract(rows: int, path: Path) -> None:
    import pyarrow.parquet as pq

    from nrm.statistics.synthetic import synthetic_extract

    pq.write_table(synthetic_extract(rows), path, compression="zstd", row_group_size=1 << 20)


def _child(method: str, path: Path, year: int) -> dict[str, object]:
    if method == "engine":
        import ibis.backends.duckdb.converter  # noqa: F401  (imported lazily on first result)

        from nrm.statistics.engine import backend_connect, referrals_table, specs_evaluate
        from nrm.statistics.specs import ALL

        started = time.perf_counter()
        table = referrals_table(backend_connect("duckdb"), path)
        results = specs_evaluate(ALL, table, year=year)
        check = results[3].total().total  # type: ignore[union-attr]  # t04: the year's referrals
        tables = len(results)
    elif method == "sql":
        import duckdb

        from bench.stats_queries import sql_queries

        started = time.perf_counter()
        con = duckdb.connect()
        con.execute(f"CREATE VIEW r AS SELECT * FROM read_parquet('{path}')")
        found = {name: con.execute(query).fetchall() for name, query in sql_queries(year).items()}
        check = sum(row[-1] for row in found["t04"])
        tables = len(found)
    else:
        import pandas as pd

        from bench.stats_queries import pandas_tables

        started = time.perf_counter()
        df = pd.read_parquet(path)
        frames = pandas_tables(df, year)
        check = int(frames["t04"].sum())
        tables = len(frames)
    seconds = time.perf_counter() - started
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    return {"method": method, "seconds": seconds, "peak_rss_mib": peak, "tables": tables,
            "check": check}  # fmt: skip


def _run(method: str, path: Path, year: int) -> dict[str, object]:
    command = [sys.executable, __file__, "--child", method, "--file", str(path),
               "--year", str(year)]  # fmt: skip
    done = subprocess.run(command, capture_output=True, text=True, check=True)
    return dict(json.loads(done.stdout.strip().splitlines()[-1]))


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--sizes", default="100000,1000000,10000000")
    parser.add_argument("--year", type=int, default=2012)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--child", choices=METHODS)
    parser.add_argument("--file", type=Path)
    parser.add_argument("--make-extract", type=int, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.make_extract:
        _make_extract(args.make_extract, args.file)
        return 0
    if args.child:
        print(json.dumps(_child(args.child, args.file, args.year)))
        return 0
    report = []
    for rows in (int(size) for size in args.sizes.split(",")):
        path = _extract(rows)
        runs: dict[str, list[dict[str, object]]] = {m: [] for m in METHODS}
        for _ in range(args.repeat):
            for method in METHODS:
                runs[method].append(_run(method, path, args.year))
        checks = {run["check"] for method in METHODS for run in runs[method]}
        assert len(checks) == 1, f"methods disagree: {checks}"
        line: dict[str, object] = {"rows": rows, "parquet_mib": path.stat().st_size / 2**20}
        for method in METHODS:
            line[f"{method}_s"] = statistics.median(float(r["seconds"]) for r in runs[method])  # type: ignore[arg-type]
            line[f"{method}_peak_mib"] = max(float(r["peak_rss_mib"]) for r in runs[method])  # type: ignore[arg-type]
        line["engine_vs_sql"] = float(line["engine_s"]) / float(line["sql_s"])  # type: ignore[arg-type]
        line["pandas_vs_engine"] = float(line["pandas_s"]) / float(line["engine_s"])  # type: ignore[arg-type]
        print(json.dumps(line), flush=True)
        report.append(line)
    OUT.mkdir(parents=True, exist_ok=True)
    (OUT / f"stats-{int(time.time())}.json").write_text(json.dumps(report, indent=1))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
