"""Benchmark: referral submissions through the API, gunicorn on PostgreSQL, load from ab.

    python bench/api_bench.py [--requests 10000] [--concurrency 8] [--workers 4]

Starts gunicorn on 127.0.0.1 against a fresh PostgreSQL database and sends a fixed number of
referral submissions with ApacheBench (Debian's apache2-utils; installed if missing), which waits
for every response, so the referrals counted in the database afterwards can be compared exactly
with the requests the API acknowledged (201). All traffic stays on the loopback interface.
"""

import argparse
import json
import os
import re
import shutil
import socket
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "bench" / "out"
PG_SERVER = os.environ.get("PG_URL", "postgres://postgres@127.0.0.1:5432")
DB = "nrm_bench_api"


def _ensure_ab() -> str:
    found = shutil.which("ab")
    if found:
        return found
    subprocess.run(
        ["apt-get", "install", "-y", "-qq", "apache2-utils"],
        check=True,
        env={**os.environ, "DEBIAN_FRONTEND": "noninteractive"},
    )
    return shutil.which("ab") or "ab"


BODY = {
    "referral_date": "2012-05-14",
    "nation": "england",
    "police_region": "london",
    "consent": True,
    "linked_immigration_interest": True,
    "given_name": "Load",
    "family_name": "Test",
    "date_of_birth": "1990-02-03",
    "gender": "female",
    "claimed_nationalities": ["NGA"],
    "exploitation_type": "sexual",
    "exploitation_sub_types": ["sexual_brothel"],
    "exploitation_region": "london",
    "account": "A fictional account used for load testing.",
}


def _parse_ab(text: str) -> dict[str, float]:
    def number(label: str) -> float:
        match = re.search(rf"^{re.escape(label)}:\s+([\d.]+)", text, re.MULTILINE)
        return float(match.group(1)) if match else 0.0

    percentiles = {
        int(p): float(ms) for p, ms in re.findall(r"^\s+(\d+)%\s+(\d+)", text, re.MULTILINE)
    }
    complete = number("Complete requests")
    failed = number("Failed requests")
    non_2xx = number("Non-2xx responses")
    return {
        "requests": complete,
        "acknowledged": complete - failed - non_2xx,
        "failed": failed + non_2xx,
        "seconds": number("Time taken for tests"),
        "p50_ms": percentiles.get(50, 0.0),
        "p90_ms": percentiles.get(90, 0.0),
        "p99_ms": percentiles.get(99, 0.0),
        "max_ms": percentiles.get(100, 0.0),
    }


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def _prepare(env: dict[str, str]) -> str:
    import psycopg

    with psycopg.connect(f"{PG_SERVER}/postgres", autocommit=True) as conn:
        conn.execute(f"DROP DATABASE IF EXISTS {DB} WITH (FORCE)")
        conn.execute(f"CREATE DATABASE {DB}")
    script = (
        "import django; django.setup()\n"
        "from nrm.config.bootstrap import database_prepare; database_prepare()\n"
        "from nrm.accounts.models import Organisation, Role, User\n"
        "from nrm.accounts.actors import OPERATOR\n"
        "from nrm.accounts.services import api_token_create\n"
        "org = Organisation.objects.get(code='met-police')\n"
        "role = Role.objects.get(code='first_responder')\n"
        "user = User.objects.create_user(username='load', organisation=org, role=role)\n"
        "print(api_token_create(actor=OPERATOR, user=user, name='load'))\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", script], env=env, capture_output=True, text=True, check=True
    )
    return done.stdout.strip().splitlines()[-1]


def _count(env: dict[str, str]) -> int:
    script = (
        "import django; django.setup()\n"
        "from nrm.cases.models import Referral\n"
        "print(Referral.objects.count())\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", script], env=env, capture_output=True, text=True, check=True
    )
    return int(done.stdout.strip().splitlines()[-1])


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--requests", type=int, default=10_000)
    parser.add_argument("--concurrency", type=int, default=8)
    parser.add_argument("--workers", type=int, default=os.cpu_count() or 2)
    args = parser.parse_args()
    ab = _ensure_ab()
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "nrm.config.settings.local",
        "DATABASE_URL": f"{PG_SERVER}/{DB}",
        "NRM_DATA_DIR": str(OUT),
        "PYTHONPATH": str(ROOT / "src"),
    }
    OUT.mkdir(parents=True, exist_ok=True)
    token = _prepare(env)
    port = _free_port()
    server = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "gunicorn",
            "nrm.config.wsgi:application",
            "--bind",
            f"127.0.0.1:{port}",
            "--workers",
            str(args.workers),
            "--preload",
            "--log-level",
            "warning",
        ],
        env=env,
    )
    try:
        for _ in range(100):
            try:
                socket.create_connection(("127.0.0.1", port), timeout=0.2).close()
                break
            except OSError:
                time.sleep(0.1)
        body = OUT / "api-body.json"
        body.write_text(json.dumps(BODY))
        done = subprocess.run(
            [
                ab,
                "-q",
                "-k",
                "-n",
                str(args.requests),
                "-c",
                str(args.concurrency),
                "-p",
                str(body),
                "-T",
                "application/json",
                "-H",
                f"Authorization: Bearer {token}",
                f"http://127.0.0.1:{port}/api/v1/referrals",
            ],
            capture_output=True,
            text=True,
            check=True,
        )
    finally:
        server.terminate()
        server.wait(timeout=30)
    measured = _parse_ab(done.stdout)
    rows = _count(env)
    result = {
        **measured,
        "referrals_per_second": round(measured["acknowledged"] / measured["seconds"], 1),
        "rows_after": rows,
        "rows_equal_acknowledged": rows == measured["acknowledged"],
        "concurrency": args.concurrency,
        "gunicorn_workers": args.workers,
    }
    print(json.dumps(result))
    (OUT / f"api-{time.strftime('%Y%m%d-%H%M%S')}.json").write_text(json.dumps(result, indent=2))


if __name__ == "__main__":
    main()
