"""Benchmark: every statistics table for one year through the spec engine on DuckDB and on
Apache Spark (Ibis's PySpark backend, a local session), side by side, on the same Parquet file.

    python bench/stats_spark.py [--sizes 1000000,10000000] [--year 2012] [--master local[2]]

Needs the spark extra (``pip install -e '.[spark]'``) and Java 17. The extracts are those of
``stats_bench.py`` (generated once into bench/out/). Each measurement is a fresh process: for
Spark, starting the session is timed apart from counting (a cluster's session is already up);
both then read the Parquet file and evaluate every spec, and their results are compared cell by
cell. Peak memory is the driver process's max RSS (Spark's JVM is a child: its peak is
reported too). Printed as JSON, kept in bench/out/.
"""

import argparse
import hashlib
import json
import resource
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "bench" / "out"
sys.path.insert(0, str(ROOT))

from bench.stats_bench import _extract  # noqa: E402


def _child(engine: str, path: Path, year: int, master: str) -> dict[str, object]:
    from nrm.statistics.engine import backend_connect, referrals_table, specs_evaluate
    from nrm.statistics.specs import ALL

    started = time.perf_counter()
    con = backend_connect(engine, spark_master=master)
    session = time.perf_counter() - started
    started = time.perf_counter()
    table = referrals_table(con, path, name="referrals")
    results = specs_evaluate(ALL, table, year=year)
    seconds = time.perf_counter() - started
    cells = [r.as_records() for r in results]
    digest = hashlib.sha256(json.dumps(cells, sort_keys=True, default=str).encode()).hexdigest()
    own = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    children = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    if engine == "spark":
        import pyspark

        children = max(children, _jvm_peak_mib())
        pyspark.sql.SparkSession.builder.getOrCreate().stop()
    return {"engine": engine, "session_s": session, "seconds": seconds, "tables": len(results),
            "peak_rss_mib": own, "jvm_peak_mib": children, "digest": digest,
            "cells": sum(len(r) for r in cells)}  # fmt: skip


def _jvm_peak_mib() -> float:
    """The peak resident memory of the Spark JVM (a child of this process), from /proc."""
    import os

    peak = 0.0
    for pid in os.listdir("/proc"):
        if not pid.isdigit():
            continue
        try:
            status = Path(f"/proc/{pid}/status").read_text()
            parent = int(status.split("PPid:")[1].split()[0])
        except (OSError, IndexError, ValueError):
            continue
        if parent == os.getpid() and "VmHWM" in status:
            peak = max(peak, int(status.split("VmHWM:")[1].split()[0]) / 1024)
    return peak


def _run(engine: str, path: Path, year: int, master: str) -> dict[str, object]:
    command = [sys.executable, __file__, "--child", engine, "--file", str(path),
               "--year", str(year), "--master", master]  # fmt: skip
    done = subprocess.run(command, capture_output=True, text=True, check=True)
    return dict(json.loads(done.stdout.strip().splitlines()[-1]))


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--sizes", default="1000000,10000000")
    parser.add_argument("--year", type=int, default=2012)
    parser.add_argument("--master", default="local[2]")
    parser.add_argument("--child", choices=("duckdb", "spark"))
    parser.add_argument("--file", type=Path)
    args = parser.parse_args()
    if args.child:
        print(json.dumps(_child(args.child, args.file, args.year, args.master)))
        return 0
    report = []
    for rows in (int(size) for size in args.sizes.split(",")):
        path = _extract(rows)
        duck = _run("duckdb", path, args.year, args.master)
        spark = _run("spark", path, args.year, args.master)
        line = {
            "rows": rows,
            "tables": duck["tables"],
            "cells": duck["cells"],
            "same_cells": duck["digest"] == spark["digest"],
            "duckdb_s": round(float(duck["seconds"]), 2),  # type: ignore[arg-type]
            "spark_session_s": round(float(spark["session_s"]), 2),  # type: ignore[arg-type]
            "spark_s": round(float(spark["seconds"]), 2),  # type: ignore[arg-type]
            "spark_vs_duckdb": round(float(spark["seconds"]) / float(duck["seconds"]), 1),  # type: ignore[arg-type]
            "duckdb_peak_mib": round(float(duck["peak_rss_mib"]), 1),  # type: ignore[arg-type]
            "spark_driver_peak_mib": round(float(spark["peak_rss_mib"]), 1),  # type: ignore[arg-type]
            "spark_jvm_peak_mib": round(float(spark["jvm_peak_mib"]), 1),  # type: ignore[arg-type]
            "master": args.master,
        }
        print(json.dumps(line), flush=True)
        report.append(line)
    OUT.mkdir(parents=True, exist_ok=True)
    (OUT / f"stats-spark-{int(time.time())}.json").write_text(json.dumps(report, indent=1))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
