"""``nrm export``: case records in HTCDS or the CTDC layout (``--public``: k-anonymous), and
``nrm export check FILE``: proof of a file's k-anonymity and l-diversity. Thin doors onto
``exports.cases_export`` and ``release_check.file_check`` (docs/htcds.md, docs/statistics.md).
The data standard's own schema and codebook stay with ``nrm standard``."""

import argparse
import getpass
import sys
from collections.abc import Callable
from pathlib import Path

from nrm.accounts.actors import OPERATOR
from nrm.statistics.exports import FORMATS, ExportRefused, cases_export
from nrm.statistics.extract import ExtractKeyMissing
from nrm.statistics.release import QI_COLUMNS, SENSITIVE
from nrm.statistics.release_check import CheckError, check_lines, file_check

NEEDS = "{what} needs {options}"


def export_arguments(exp: argparse.ArgumentParser) -> None:
    exp.add_argument(
        "what",
        nargs="?",
        choices=["cases", "check"],
        default="cases",
        help="cases (the default): export case records; check: check a written file",
    )
    exp.add_argument("file", nargs="?", type=Path, help="with check: the CSV file to check")
    exp.add_argument("--format", choices=FORMATS, help="htcds (a ZIP of CSV tables) or ctdc")
    exp.add_argument("--year", type=int, help="only referrals of this year (by referral date)")
    exp.add_argument("--out", type=Path, help="the file to write")
    exp.add_argument("--public", action="store_true", help="k-anonymous, l-diverse release")
    exp.add_argument(
        "--synthetic",
        type=float,
        metavar="EPSILON",
        help="differentially private synthetic records (CTDC layout) for this epsilon",
    )
    exp.add_argument("--k", type=int, default=11, help="smallest class of quasi-identifiers")
    exp.add_argument("--l", type=int, default=2, help="fewest sensitive values in a class")
    exp.add_argument("--sensitive", default=SENSITIVE, help="with check: the sensitive column")
    exp.add_argument(
        "--qi",
        default=",".join(QI_COLUMNS),
        help="with check: the quasi-identifier columns, comma-separated",
    )


def _operator() -> str:
    try:
        return getpass.getuser()
    except (KeyError, OSError):
        return ""


def _check(args: argparse.Namespace) -> int:
    if args.file is None:
        print(f"error: {NEEDS.format(what='nrm export check', options='FILE')}", file=sys.stderr)
        return 2
    qi = [column.strip() for column in args.qi.split(",") if column.strip()]
    sensitive = args.sensitive or None
    try:
        checked = file_check(args.file, qi=qi, sensitive=sensitive)
    except (CheckError, OSError) as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    l_div = args.l if sensitive else None
    for line in check_lines(checked, path=args.file, k=args.k, l_div=l_div, qi=qi):
        print(line)
    return 0 if checked.passes(k=args.k, l_div=l_div) else 1


def cmd_export(args: argparse.Namespace) -> int:
    if args.what == "check":
        return _check(args)
    if args.format is None or args.out is None:
        print(f"error: {NEEDS.format(what='nrm export', options='--format and --out')}",
              file=sys.stderr)  # fmt: skip
        return 2
    try:
        exported = cases_export(
            actor=OPERATOR,
            fmt=args.format,
            out=args.out,
            year=args.year,
            public=args.public,
            k=args.k,
            l_div=args.l,
            synthetic_epsilon=args.synthetic,
            operator=_operator(),
        )
    except (ExportRefused, ExtractKeyMissing, OSError) as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    print(f"wrote {args.out} ({exported.rows} referrals)")
    if exported.loss is not None:
        for line in exported.loss.lines():
            print(line)
    for measure in exported.utility or []:
        print(measure.line())
    return 0


ARGUMENTS: dict[str, Callable[[argparse.ArgumentParser], None]] = {"export": export_arguments}
HANDLERS: dict[str, Callable[[argparse.Namespace], int]] = {"export": cmd_export}
