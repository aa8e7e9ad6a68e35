"""``nrm audit verify``: recompute the audit log's hash chain (docs/audit.md)."""

import argparse
import sys
from collections.abc import Callable
from typing import Any

COMMANDS: dict[str, str] = {
    "audit": "check the audit log: recompute its hash chain and name the first bad entry",
}


def _positive(text: str) -> int:
    value = int(text)
    if value < 1:
        raise argparse.ArgumentTypeError("must be a whole number of at least 1")
    return value


def add_parsers(sub: Any) -> None:
    audit = sub.add_parser("audit", help=COMMANDS["audit"])
    audit.add_argument("action", choices=["verify"])
    audit.add_argument(
        "--chunk-size", type=_positive, default=None, help="rows read per round trip (default 5000)"
    )


def cmd_audit(args: argparse.Namespace) -> int:
    from nrm.cli import setup

    setup()
    from nrm.audit import errors
    from nrm.audit.verify import CHUNK_SIZE, chain_verify

    report = chain_verify(chunk_size=args.chunk_size or CHUNK_SIZE)
    if report.broken is not None:
        print(f"audit chain broken: {report.broken}", file=sys.stderr)
        return 1
    print(errors.CHAIN_INTACT.format(count=report.entries))
    print(f"last entry: seq {report.last_seq}, hash {report.last_hash}")
    return 0


HANDLERS: dict[str, Callable[[argparse.Namespace], int]] = {"audit": cmd_audit}
