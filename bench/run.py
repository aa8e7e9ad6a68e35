"""Run every benchmark with its recorded settings (see bench/README.md).

    python bench/run.py [--quick]

--quick uses small sizes to check the benchmarks work; recorded results use the defaults.
"""

import argparse
import subprocess
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--quick", action="store_true")
    args = parser.parse_args()
    runs = [
        [
            sys.executable,
            str(HERE / "import_bench.py"),
            *(["--rows", "20000"] if args.quick else []),
        ],
        [
            sys.executable,
            str(HERE / "audit_bench.py"),
            *(["--entries", "20000"] if args.quick else []),
        ],
        [
            sys.executable,
            str(HERE / "api_bench.py"),
            *(["--requests", "1000"] if args.quick else []),
        ],
        [
            sys.executable,
            str(HERE / "stats_bench.py"),
            *(["--sizes", "100000", "--repeat", "1"] if args.quick else []),
        ],
        [
            sys.executable,
            str(HERE / "queue_bench.py"),
            *(["--cases", "5000", "--requests", "20"] if args.quick else []),
        ],
        [
            sys.executable,
            str(HERE / "resolution.py"),
            *(["--records", "5000"] if args.quick else []),
        ],
        [
            sys.executable,
            str(HERE / "similar_accounts.py"),
            *(["--accounts", "5000", "--new", "100", "--sample", "500"] if args.quick else []),
        ],
        [
            sys.executable,
            str(HERE / "surveillance_series.py"),
            *(["--nationalities", "20"] if args.quick else []),
        ],
        [
            sys.executable,
            str(HERE / "surveillance_simulation.py"),
            *(["--quick"] if args.quick else []),
        ],
        [
            sys.executable,
            str(HERE / "border_screening.py"),
            *(["--rows", "20000", "--profiles", "10"] if args.quick else []),
        ],
        [
            sys.executable,
            str(HERE / "border_online.py"),
            *(["--requests", "200", "--profiles", "10"] if args.quick else []),
        ],
        [
            sys.executable,
            str(HERE / "stats_spark.py"),
            *(["--sizes", "100000"] if args.quick else []),
        ],
    ]
    for command in runs:
        print("$", " ".join(command[1:]), flush=True)
        if subprocess.run(command, check=False).returncode != 0:
            return 1
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
