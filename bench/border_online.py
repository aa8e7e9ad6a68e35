"""Benchmark: one record screened through the API, 20 clients at once, gunicorn on PostgreSQL.

    python bench/border_online.py [--requests 5000] [--concurrency 20] [--workers 2]
                                  [--profiles 100]

Prepares a fresh PostgreSQL database with ``--profiles`` active risk profiles (generated as in
``border_screening.py``: 3 to 5 conditions each) and an entry clearance officer's API token,
then starts gunicorn on 127.0.0.1 and sends ``POST /api/v1/border/screen`` with ApacheBench
(Debian's apache2-utils, installed if missing), ``--concurrency`` requests in flight, for a
record that matches no profile and for one that matches one (its hit stored and audited).
Goal: p99 <= 50 ms under 20 concurrent clients.

For the ceiling of the machine: the same run against the API's cheapest authenticated answer
(an outcome for a hit that does not exist: a token checked, nothing screened); the screening
service timed alone, in one process, without HTTP; and the database alone: pgbench, with the
same number of clients, running the SQL one screening with a hit runs (which profile versions
are active, the hit inserted, the audit chain's lock taken, its head read and two events
appended, committed) on copies of the tables. Printed as JSON, kept in bench/out/.
"""

import argparse
import json
import os
import re
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from api_bench import _ensure_ab, _free_port, _parse_ab  # noqa: E402
from border_screening import manifest, profiles  # noqa: E402

ROOT = HERE.parent
OUT = HERE / "out"
PG_SERVER = os.environ.get("PG_URL", "postgres://postgres@127.0.0.1:5432")
DB = "nrm_bench_border"


def _record(values: dict[str, Any], reference: str) -> dict[str, Any]:
    return {"kind": "passenger", "reference": reference} | {
        k: v for k, v in values.items() if v is not None
    }


def prepare(count: int) -> dict[str, Any]:
    """In the benchmark's database: the profiles, a token, and a record matching none and one
    matching exactly one of them (found among generated passengers)."""
    import django

    django.setup()
    from nrm.accounts.actors import OPERATOR
    from nrm.accounts.models import Organisation, Role, User
    from nrm.accounts.services import api_token_create
    from nrm.border.profile_rules import profile_matches
    from nrm.border.profile_services import profile_activate, profile_create
    from nrm.border.screening_services import record_screen
    from nrm.config.bootstrap import database_prepare

    database_prepare()
    owner = Organisation.objects.get(code="home-office-ukvi")
    made = profiles(count, 2013)
    for number, conditions in made:
        data = {
            "name": f"Generated profile {number}",
            "conditions": [c.model_dump(mode="json") for c in conditions],
            "rationale": "Generated for the benchmark",
            "intelligence_references": ["IR-2013-000001"],
            "review_on": "2030-01-31",
            "expires_on": "2030-06-30",
        }
        draft = profile_create(actor=OPERATOR, data=data, owner=owner)
        profile_activate(actor=OPERATOR, profile_id=draft.profile_id)
    passengers = manifest(2000, 2014).to_pylist()
    by_hits: dict[int, dict[str, Any]] = {}
    for values in passengers:
        hits = sum(profile_matches(c, values) for _n, c in made)
        by_hits.setdefault(hits, values)
    role = Role.objects.get(code="entry_clearance_officer")
    user = User.objects.create_user(username="screen-load", organisation=owner, role=role)
    token = api_token_create(actor=OPERATOR, user=user, name="load")
    records = {"no_hit": _record(by_hits[0], "LOAD-0"), "one_hit": _record(by_hits[1], "LOAD-1")}
    timings = []
    for _ in range(200):  # the service alone, in this process: no HTTP, no concurrency
        started = time.perf_counter()
        record_screen(actor=user, data=records["one_hit"])
        timings.append((time.perf_counter() - started) * 1000)
    timings.sort()
    service = {"p50_ms": round(timings[100], 2), "p99_ms": round(timings[197], 2)}
    return {"token": token, "records": records, "service_one_hit": service}


PGBENCH_SCRIPT = """\
BEGIN;
SELECT id, activated_at FROM border_profileversion
  WHERE status = 'active' AND expires_on >= CURRENT_DATE ORDER BY profile_id;
INSERT INTO bench_hit (version_id, record_kind, record_reference, screened_at, outcome)
  VALUES (1, 'passenger', 'LOAD-1', now(), '');
SELECT pg_advisory_xact_lock(7958543533193127028);
SELECT coalesce(max(seq), 0) + 1 AS next FROM bench_audit \\gset
INSERT INTO bench_audit (seq, at, verb, target_type, target_id, detail, previous_hash, entry_hash)
  VALUES (:next, now(), 'screening.run', '', '', '{"records": 1, "hits": 1}', 'x', 'y');
INSERT INTO bench_audit (seq, at, verb, target_type, target_id, detail, previous_hash, entry_hash)
  VALUES (:next + 1, now(), 'hit.record', 'border.hit', '1', '{}', 'y', 'z');
COMMIT;
"""


def database_alone(seconds: int, clients: int) -> dict[str, float]:
    """pgbench: one screening's SQL, ``clients`` at once; latencies from its per-transaction
    log (milliseconds)."""
    import tempfile

    url = f"{PG_SERVER}/{DB}"
    tables = (
        "DROP TABLE IF EXISTS bench_hit, bench_audit;"
        "CREATE TABLE bench_hit (LIKE border_hit INCLUDING ALL);"
        "CREATE TABLE bench_audit (LIKE audit_auditevent INCLUDING ALL);"
    )
    subprocess.run(
        ["psql", "-q", url, "-c", "SET client_min_messages = warning;" + tables], check=True
    )
    with tempfile.TemporaryDirectory() as folder:
        script = Path(folder) / "screening.sql"
        script.write_text(PGBENCH_SCRIPT)
        subprocess.run(
            ["pgbench", "-n", "-f", str(script), "-c", str(clients), "-j", "2", "-T",
             str(seconds), "-l", "--log-prefix", f"{folder}/log", url],
            check=True, capture_output=True, text=True,
        )  # fmt: skip
        latencies = sorted(
            int(line.split()[2]) / 1000
            for log in Path(folder).glob("log*")
            for line in log.read_text().splitlines()
        )

    def at(share: float) -> float:
        return round(latencies[min(len(latencies) - 1, int(share * len(latencies)))], 1)

    return {"transactions": len(latencies), "per_second": round(len(latencies) / seconds, 1),
            "p50_ms": at(0.5), "p90_ms": at(0.9), "p99_ms": at(0.99),
            "max_ms": latencies[-1]}  # fmt: skip


def _ab(ab: str, url: str, token: str, body: Path | None, n: int, c: int) -> dict[str, float]:
    command = [ab, "-q", "-k", "-n", str(n), "-c", str(c), "-H", f"Authorization: Bearer {token}"]
    if body is not None:
        command += ["-p", str(body), "-T", "application/json"]
    done = subprocess.run([*command, url], capture_output=True, text=True, check=True)
    parsed = _parse_ab(done.stdout)
    # ab counts an answer whose length differs from the first as failed: the hits' numbers
    # differ in length. What counts here is the status: answers other than 2xx.
    non_2xx = re.search(r"^Non-2xx responses:\s+(\d+)", done.stdout, re.MULTILINE)
    parsed["non_2xx"] = float(non_2xx.group(1)) if non_2xx else 0.0
    parsed.pop("acknowledged", None)
    parsed.pop("failed", None)
    return parsed


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--requests", type=int, default=5000)
    parser.add_argument("--concurrency", type=int, default=20)
    parser.add_argument("--workers", type=int, default=os.cpu_count() or 2)
    parser.add_argument("--profiles", type=int, default=100)
    parser.add_argument("--prepare", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.prepare:
        print(json.dumps(prepare(args.profiles)))
        return
    import psycopg

    ab = _ensure_ab()
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "nrm.config.settings.local",
        "DATABASE_URL": f"{PG_SERVER}/{DB}",
        "NRM_DATA_DIR": str(OUT),
        "PYTHONPATH": str(ROOT / "src"),
    }
    OUT.mkdir(parents=True, exist_ok=True)
    with psycopg.connect(f"{PG_SERVER}/postgres", autocommit=True) as conn:
        conn.execute(f"DROP DATABASE IF EXISTS {DB} WITH (FORCE)")
        conn.execute(f"CREATE DATABASE {DB}")
    prepared = subprocess.run(
        [sys.executable, __file__, "--prepare", "--profiles", str(args.profiles)],
        env=env, capture_output=True, text=True, check=True,
    )  # fmt: skip
    setup = json.loads(prepared.stdout.strip().splitlines()[-1])
    port = _free_port()
    server = subprocess.Popen(
        [sys.executable, "-m", "gunicorn", "nrm.config.wsgi:application", "--bind",
         f"127.0.0.1:{port}", "--workers", str(args.workers), "--preload",
         "--log-level", "warning"],
        env=env,
    )  # fmt: skip
    base = f"http://127.0.0.1:{port}/api/v1"
    runs: dict[str, dict[str, float]] = {}
    try:
        import socket

        for _ in range(100):
            try:
                socket.create_connection(("127.0.0.1", port), timeout=0.2).close()
                break
            except OSError:
                time.sleep(0.1)
        for name, record in setup["records"].items():
            body = OUT / f"border-{name}.json"
            body.write_text(json.dumps(record))
            _ab(ab, f"{base}/border/screen", setup["token"], body, 200, 2)  # warm the workers
            runs[name] = _ab(ab, f"{base}/border/screen", setup["token"], body,
                             args.requests, args.concurrency)  # fmt: skip
        # The floor: an authenticated answer that screens nothing (an outcome for a hit that
        # does not exist: the token checked, the body read, one lookup, a 404).
        body = OUT / "border-outcome.json"
        body.write_text(json.dumps({"outcome": "no_further_action"}))
        runs["token_only"] = _ab(ab, f"{base}/border/hits/999999999/outcome", setup["token"],
                                 body, args.requests, args.concurrency)  # fmt: skip
    finally:
        server.terminate()
        server.wait(timeout=30)
    alone = database_alone(15, args.concurrency)
    result = {
        "profiles": args.profiles,
        "concurrency": args.concurrency,
        "gunicorn_workers": args.workers,
        "service_alone_one_hit": setup["service_one_hit"],
        "database_alone_one_hit": alone,
        "runs": {
            name: {**r, "per_second": round(r["requests"] / r["seconds"], 1)}
            for name, r in runs.items()
        },
    }
    print(json.dumps(result, indent=2))
    (OUT / f"border-online-{time.strftime('%Y%m%d-%H%M%S')}.json").write_text(
        json.dumps(result, indent=2)
    )


if __name__ == "__main__":
    main()
