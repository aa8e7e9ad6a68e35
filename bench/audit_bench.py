"""Benchmark: `nrm audit verify` on logs of 100,000 and 1,000,000 entries.

    python bench/audit_bench.py [--entries 100000,1000000] [--backends sqlite]

For each size, a fresh database is migrated and filled with audit_record_many, a thousand
entries per call as the CSV importer writes them, in one transaction. Then `nrm audit verify`
runs in its own process: wall time and that process's peak memory (max RSS) are recorded.
Results are printed as JSON and appended to bench/out/.
"""

import argparse
import json
import os
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "bench" / "out"
PG_SERVER = os.environ.get("PG_URL", "postgres://postgres@127.0.0.1:5432")
BUILD = """
import sys
from nrm.cli import setup
setup()
from django.db import transaction
from nrm.accounts.actors import OPERATOR
from nrm.audit.models import AuditVerb
from nrm.audit.services import audit_record_many
entries = int(sys.argv[1])
with transaction.atomic():
    for start in range(0, entries, 1000):
        audit_record_many(
            actor=OPERATOR, verb=AuditVerb.REFERRAL_IMPORT, target_type="cases.referral",
            target_ids=range(start + 1, min(start + 1000, entries) + 1),
            detail={"door": "csv", "file": f"batch-{start // 1000}.csv"},
        )
"""


def _database_url(backend: str, tag: str) -> str:
    if backend == "sqlite":
        path = OUT / f"audit-{tag}.sqlite3"
        for suffix in ("", "-wal", "-shm"):
            Path(f"{path}{suffix}").unlink(missing_ok=True)
        return f"sqlite:///{path}"
    import psycopg

    name = f"nrm_bench_audit_{tag}"
    with psycopg.connect(f"{PG_SERVER}/postgres", autocommit=True) as conn:
        conn.execute(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)")
        conn.execute(f"CREATE DATABASE {name}")
    return f"{PG_SERVER}/{name}"


def _timed(command: list[str], env: dict[str, str]) -> tuple[float, float, str]:
    """Wall seconds, peak RSS (MiB) and standard output of one process."""
    started = time.perf_counter()
    process = subprocess.Popen(command, env=env, cwd=ROOT, stdout=subprocess.PIPE, text=True)
    assert process.stdout is not None
    output = process.stdout.read()
    _, status, usage = os.wait4(process.pid, 0)
    process.returncode = os.waitstatus_to_exitcode(status)
    if process.returncode != 0:
        raise SystemExit(f"{command} exited {process.returncode}")
    return time.perf_counter() - started, usage.ru_maxrss / 1024, output


def measure(backend: str, entries: int) -> dict[str, object]:
    env = {
        **os.environ,
        "DATABASE_URL": _database_url(backend, str(entries)),
        "NRM_DATA_DIR": str(OUT),
    }
    nrm = str(Path(sys.executable).with_name("nrm"))
    subprocess.run([nrm, "migrate"], env=env, cwd=ROOT, check=True, capture_output=True)
    build_seconds, _, _ = _timed([sys.executable, "-c", BUILD, str(entries)], env)
    seconds, rss, output = _timed([nrm, "audit", "verify"], env)
    assert f"{entries} entries, chain intact" in output, output
    return {
        "backend": backend,
        "entries": entries,
        "build_seconds": round(build_seconds, 1),
        "verify_seconds": round(seconds, 2),
        "verify_entries_per_second": round(entries / seconds),
        "verify_peak_rss_mib": round(rss, 1),
    }


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--entries", default="100000,1000000")
    parser.add_argument("--backends", default="sqlite")
    args = parser.parse_args()
    OUT.mkdir(parents=True, exist_ok=True)
    for backend in args.backends.split(","):
        for entries in (int(n) for n in args.entries.split(",")):
            result = measure(backend, entries)
            print(json.dumps(result), flush=True)
            with (OUT / "audit_bench.jsonl").open("a") as out:
                out.write(json.dumps(result) + "\n")


if __name__ == "__main__":
    main()
