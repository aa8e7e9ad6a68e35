"""Benchmark: CSV import through the data standard vs a raw bulk insert of the same rows.

    python bench/import_bench.py [--rows 1000000] [--backends sqlite,postgres]

Each measurement runs in a fresh process on a fresh database, so peak memory (max RSS) is that
run's own. "raw" inserts the same rows into the same tables with COPY (PostgreSQL) or one
prepared INSERT with executemany (SQLite), converting the CSV text to column values without
validation, allocation or audit. Results are printed as JSON and appended to bench/out/.
"""

import argparse
import json
import os
import resource
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "bench" / "out"
PG_SERVER = os.environ.get("PG_URL", "postgres://postgres@127.0.0.1:5432")


def _database_url(backend: str, tag: str) -> str:
    """A fresh, empty database for one measurement. PostgreSQL databases are named after this
    process, so benchmarks run from other checkouts against the same server do not collide."""
    if backend == "sqlite":
        path = OUT / f"bench-{tag}.sqlite3"
        for suffix in ("", "-wal", "-shm"):
            Path(f"{path}{suffix}").unlink(missing_ok=True)
        return f"sqlite:///{path}"
    name = f"nrm_bench_{tag}_{os.getpid()}"
    _pg_admin(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)", f"CREATE DATABASE {name}")
    return f"{PG_SERVER}/{name}"


def _database_drop(url: str) -> None:
    if url.startswith(PG_SERVER):
        _pg_admin(f"DROP DATABASE IF EXISTS {url.rsplit('/', 1)[1]} WITH (FORCE)")


def _pg_admin(*statements: str) -> None:
    import psycopg

    with psycopg.connect(f"{PG_SERVER}/postgres", autocommit=True) as conn:
        for statement in statements:
            conn.execute(statement)


def _child(mode: str, csv_path: Path) -> dict[str, object]:
    """Runs inside the measured process (DATABASE_URL set by the parent)."""
    import django

    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "nrm.config.settings.local")
    django.setup()
    from django.db import connection

    from nrm.config.bootstrap import database_prepare

    database_prepare()
    started = time.perf_counter()
    if mode == "nrm":
        from nrm.cases.referrals.importers import ImportOptions, referrals_import

        result = referrals_import(ImportOptions(path=csv_path, progress=False))
        assert result.ok, result.errors_by_column
        saved = result.saved
    else:
        from bench.raw_insert import raw_insert

        saved = raw_insert(csv_path)
    seconds = time.perf_counter() - started
    from nrm.cases.models import Referral

    assert Referral.objects.count() == saved
    return {
        "mode": mode,
        "backend": connection.vendor,
        "rows": saved,
        "seconds": round(seconds, 2),
        "rows_per_second": round(saved / seconds),
        "peak_rss_mib": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1),
    }


def measure(mode: str, backend: str, csv_path: Path, tag: str) -> dict[str, object]:
    url = _database_url(backend, tag)
    env = {**os.environ, "DATABASE_URL": url, "NRM_DATA_DIR": str(OUT)}
    try:
        done = subprocess.run(
            [sys.executable, __file__, "--child", mode, str(csv_path)],
            env=env,
            capture_output=True,
            text=True,
            check=False,
            cwd=ROOT,
        )
    finally:
        _database_drop(url)
    if done.returncode != 0:
        raise SystemExit(done.stderr)
    return json.loads(done.stdout.strip().splitlines()[-1])


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--rows", type=int, default=1_000_000)
    parser.add_argument("--backends", default="sqlite,postgres")
    parser.add_argument("--child", nargs=2, metavar=("MODE", "CSV"))
    args = parser.parse_args()
    if args.child:
        print(json.dumps(_child(args.child[0], Path(args.child[1]))))
        return
    sys.path.insert(0, str(ROOT))
    from bench.rows import write

    OUT.mkdir(parents=True, exist_ok=True)
    small, large = OUT / f"rows-{args.rows // 10}.csv", OUT / f"rows-{args.rows}.csv"
    write(small, args.rows // 10)
    write(large, args.rows)
    results = []
    for backend in args.backends.split(","):
        raw = measure("raw", backend, large, "raw")
        nrm = measure("nrm", backend, large, "nrm")
        nrm_small = measure("nrm", backend, small, "small")
        summary = {
            "backend": backend,
            "rows": args.rows,
            "nrm_rows_per_second": nrm["rows_per_second"],
            "raw_rows_per_second": raw["rows_per_second"],
            "nrm_over_raw_time": round(float(nrm["seconds"]) / float(raw["seconds"]), 2),
            "nrm_peak_rss_mib": nrm["peak_rss_mib"],
            "nrm_peak_rss_mib_at_tenth_size": nrm_small["peak_rss_mib"],
            "raw_peak_rss_mib": raw["peak_rss_mib"],
        }
        print(json.dumps(summary))
        results.append({"summary": summary, "runs": [raw, nrm, nrm_small]})
    stamp = time.strftime("%Y%m%d-%H%M%S")
    (OUT / f"import-{stamp}.json").write_text(json.dumps(results, indent=2))


if __name__ == "__main__":
    if "--child" in sys.argv:
        sys.path.insert(0, str(ROOT))
    main()
