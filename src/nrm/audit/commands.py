"""``nrm audit verify``: recompute the audit log's hash chain (docs/audit.md)."""

import argparse
import re
import sys
from collections.abc import Callable

from nrm.audit.errors import ALTER_RISK_WARNING, CHAIN_INTACT, KEPT_INVALID
from nrm.audit.privileges import append_only_trigger_problem, audit_alter_risks, connected_role
from nrm.audit.verify import CHUNK_SIZE, chain_verify


def _positive(text: str) -> int:
    value = int(text)
    if value < 1:
        raise argparse.ArgumentTypeError("must be a whole number of at least 1")
    return value


def _kept(text: str) -> tuple[int, str]:
    seq, _, digest = text.partition(":")
    if not seq.isdigit() or re.fullmatch(r"[0-9a-f]{64}", digest) is None:
        raise argparse.ArgumentTypeError(KEPT_INVALID)
    return int(seq), digest


def audit_arguments(audit: argparse.ArgumentParser) -> None:
    audit.add_argument("action", choices=["verify"])
    audit.add_argument(
        "--chunk-size", type=_positive, default=None, help="rows read per round trip (default 5000)"
    )
    audit.add_argument(
        "--expect",
        type=_kept,
        metavar="SEQ:HASH",
        help="a seq and hash printed by an earlier check and kept elsewhere: that entry must "
        "still be there with that hash (catches removed newest entries and rewritten chains)",
    )


def _warnings() -> list[str]:
    """What could let the log be changed behind the services' back (PostgreSQL): warnings only,
    the check's result does not depend on them."""
    found = []
    risks = audit_alter_risks()
    if risks:
        found.append(ALTER_RISK_WARNING.format(role=connected_role(), risks="; ".join(risks)))
    trigger = append_only_trigger_problem()
    if trigger is not None:
        found.append(trigger)
    return found


def cmd_audit(args: argparse.Namespace) -> int:
    for warning in _warnings():
        print(warning, file=sys.stderr)
    report = chain_verify(chunk_size=args.chunk_size or CHUNK_SIZE, kept=args.expect)
    if report.broken is not None:
        print(f"audit chain broken: {report.broken}", file=sys.stderr)
        return 1
    print(CHAIN_INTACT.format(count=report.entries))
    print(f"last entry: seq {report.last_seq}, hash {report.last_hash}")
    kept = f"{report.last_seq}:{report.last_hash}"
    print(f"keep it elsewhere and check against it later: nrm audit verify --expect {kept}")
    return 0


ARGUMENTS: dict[str, Callable[[argparse.ArgumentParser], None]] = {"audit": audit_arguments}
HANDLERS: dict[str, Callable[[argparse.Namespace], int]] = {"audit": cmd_audit}
