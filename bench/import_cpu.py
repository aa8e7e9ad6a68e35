"""CPU seconds per imported row, split by where they are spent; steadier than rows/s on a busy
machine, since other work on the same cores slows the wall clock but not the CPU count.

    python bench/import_cpu.py [--rows 100000] [--backend postgres] [--mode nrm|raw|database]
                               [--profile FILE]

Counts user + system CPU of the importing process, of its worker processes (children, counted
once they have exited) and, on PostgreSQL, of the server backend that serves the import's
connection (read from /proc, so the server must run on the same machine). ``--profile`` writes a
cProfile of the importing process. Prints JSON.

``--mode database`` (PostgreSQL) checks and encodes every row first, untimed, then times only
writing the import's COPY batches in one transaction: what the database alone takes for the
rows, a ceiling for any importer on this schema and machine.
"""

import argparse
import cProfile
import json
import os
import resource
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "bench" / "out"


def _proc_cpu(pid: int) -> float:
    """User + system CPU seconds of a process on this machine."""
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def _own_cpu(who: int) -> float:
    usage = resource.getrusage(who)
    return usage.ru_utime + usage.ru_stime


def _child(mode: str, csv_path: Path, profile: str | None) -> dict[str, object]:
    import django

    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "nrm.config.settings.local")
    django.setup()
    from django.db import connection

    from nrm.config.bootstrap import database_prepare

    database_prepare()
    backend_pid = None
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("SELECT pg_backend_pid()")
            backend_pid = int(cursor.fetchone()[0])
    writers = _checked_batches(csv_path) if mode == "database" else []
    server_before = _proc_cpu(backend_pid) if backend_pid else 0.0
    main_before, workers_before = _own_cpu(resource.RUSAGE_SELF), _own_cpu(resource.RUSAGE_CHILDREN)
    profiler = cProfile.Profile(time.process_time) if profile else None
    started = time.perf_counter()
    if profiler:
        profiler.enable()
    if mode == "nrm":
        from nrm.cases.referrals.importers import ImportOptions, referrals_import

        result = referrals_import(ImportOptions(path=csv_path, progress=False))
        assert result.ok, result.errors_by_column
        saved = result.saved
    elif mode == "database":
        from django.db import transaction

        with transaction.atomic():
            saved = sum(writer.flush() for writer in writers)
    else:
        from bench.raw_insert import raw_insert

        saved = raw_insert(csv_path)
    if profiler:
        profiler.disable()
        profiler.dump_stats(profile)
    seconds = time.perf_counter() - started
    main = _own_cpu(resource.RUSAGE_SELF) - main_before
    workers = _own_cpu(resource.RUSAGE_CHILDREN) - workers_before
    server = (_proc_cpu(backend_pid) - server_before) if backend_pid else 0.0
    per_row = 1e6 / saved
    return {
        "mode": mode,
        "backend": connection.vendor,
        "rows": saved,
        "seconds": round(seconds, 2),
        "cpu_us_per_row": {
            "importing_process": round(main * per_row, 1),
            "workers": round(workers * per_row, 1),
            "server": round(server * per_row, 1),
            "total": round((main + workers + server) * per_row, 1),
        },
    }


def _checked_batches(csv_path: Path) -> list[object]:
    """The import's batches, checked and encoded in this process before the clock starts, so
    that only the database's work is timed ("database" mode: the ceiling of any importer)."""
    from django.utils import timezone

    from nrm.cases.models import Referral
    from nrm.cases.referrals import import_worker
    from nrm.cases.referrals.build import REFERRAL_TABLES
    from nrm.cases.referrals.csvformat import CsvSource
    from nrm.cases.referrals.import_writer import BatchWriter, KeyReserver
    from nrm.cases.referrals.importers import BATCH_SIZE, CHUNK_SIZE, ImportOptions
    from nrm.standard.schema import Referral as Record

    writers: list[BatchWriter] = []
    keys = KeyReserver(Referral)
    with CsvSource(csv_path, Record, defaults={}) as source:
        setup = import_worker.WorkerSetup(
            "nrm.cases.referrals.importers:referral_checker",
            ImportOptions(path=csv_path).checker_config(),
            source.layout,
            "postgresql",
        )
        state = import_worker.worker_state(setup)
        for chunk in source.chunks(CHUNK_SIZE):
            task = import_worker.ChunkTask(chunk, keys(len(chunk)), timezone.now())
            checked = import_worker.chunk_check(state, task)
            assert not checked.errors, checked.errors[:1]
            if not writers or len(writers[-1]) >= BATCH_SIZE:
                writers.append(
                    BatchWriter(tables=REFERRAL_TABLES, prefix="NRM", audit=lambda refs: None)
                )
            writers[-1].add(checked)
    return writers


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--rows", type=int, default=100_000)
    parser.add_argument("--backend", default="postgres", choices=["postgres", "sqlite"])
    parser.add_argument("--mode", default="nrm", choices=["nrm", "raw", "database"])
    parser.add_argument("--profile", default=None)
    parser.add_argument("--child", nargs=2, metavar=("MODE", "CSV"))
    args = parser.parse_args()
    if args.child:
        print(json.dumps(_child(args.child[0], Path(args.child[1]), args.profile)))
        return
    sys.path.insert(0, str(ROOT))
    from bench.import_bench import _database_drop, _database_url
    from bench.rows import write

    OUT.mkdir(parents=True, exist_ok=True)
    path = OUT / f"rows-{args.rows}.csv"
    if not path.exists():
        write(path, args.rows)
    url = _database_url(args.backend, "cpu")
    env = {**os.environ, "DATABASE_URL": url, "NRM_DATA_DIR": str(OUT)}
    command = [sys.executable, __file__, "--child", args.mode, str(path)]
    if args.profile:
        command += ["--profile", str(Path(args.profile).resolve())]
    try:
        done = subprocess.run(
            command, env=env, capture_output=True, text=True, check=False, cwd=ROOT
        )
    finally:
        _database_drop(url)
    if done.returncode != 0:
        raise SystemExit(done.stderr)
    print(done.stdout.strip().splitlines()[-1])


if __name__ == "__main__":
    if "--child" in sys.argv:
        sys.path.insert(0, str(ROOT))
    main()
