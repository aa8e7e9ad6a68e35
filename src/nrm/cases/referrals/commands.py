"""``nrm import``: the CSV door. Prints every bad row with its column, value and reason."""

import argparse
import sys
from collections.abc import Callable
from pathlib import Path

from nrm.cases.referrals.csvformat import CsvFormatError
from nrm.cases.referrals.htcds_import import htcds_import
from nrm.cases.referrals.importers import ImportOptions, ImportResult, RowError, referrals_import
from nrm.cases.referrals.notification_import import notifications_import


def csv_file_arguments(parser: argparse.ArgumentParser) -> None:
    """The options of every CSV import command: the file, --partial and where rejects go."""
    parser.add_argument("file", type=Path)
    parser.add_argument(
        "--partial", action="store_true", help="save good rows; write rejects beside the file"
    )
    parser.add_argument("--organisation", help="organisation code for rows that name none")
    parser.add_argument(
        "--rejects", type=Path, help="where to write rejected rows (with --partial)"
    )
    parser.add_argument("--no-progress", action="store_true", help="never show a progress bar")


def csv_import_run(
    args: argparse.Namespace, importer: Callable[[ImportOptions], ImportResult], *, noun: str
) -> int:
    """Run one CSV import from the command line: every bad row printed with its column, value
    and reason, then a summary counting ``noun`` ("rows", "reports"). Exit 0 when all is saved,
    1 when rows were rejected, 2 when the file cannot be read as the format."""
    if not args.file.is_file():
        print(f"error: {args.file} is not a file", file=sys.stderr)
        return 2

    def report(error: RowError) -> None:
        print(f"{args.file.name}: {error}", file=sys.stderr)

    try:
        result = importer(
            ImportOptions(
                path=args.file,
                partial=args.partial,
                organisation_code=args.organisation,
                rejects_path=args.rejects,
                on_error=report,
                progress=False if args.no_progress else None,
            )
        )
    except CsvFormatError as exc:
        print(f"{args.file.name}: {exc}", file=sys.stderr)
        print("nothing was saved", file=sys.stderr)
        return 2
    summary = f"{result.rows} {noun} read, {result.saved} saved, {result.rejected_rows} rejected"
    if result.ok:
        print(summary)
        return 0
    print(summary, file=sys.stderr)
    if args.partial:
        print(f"rejected rows and their reasons: {result.rejects_path}", file=sys.stderr)
    else:
        print("nothing was saved: correct the rows above, or use --partial", file=sys.stderr)
    return 1


HTCDS_ALL_OR_NOTHING = "an HTCDS import is all or nothing: --partial is not available for it"


def import_arguments(imp: argparse.ArgumentParser) -> None:
    imp.add_argument("kind", choices=["referrals", "notifications", "htcds"])
    csv_file_arguments(imp)


def cmd_import(args: argparse.Namespace) -> int:
    importers = {
        "referrals": referrals_import,
        "notifications": notifications_import,
        "htcds": htcds_import,
    }
    if args.kind == "htcds" and args.partial:
        print(f"error: {HTCDS_ALL_OR_NOTHING}", file=sys.stderr)
        return 2
    return csv_import_run(args, importers[args.kind], noun="rows")


ARGUMENTS: dict[str, Callable[[argparse.ArgumentParser], None]] = {"import": import_arguments}
HANDLERS: dict[str, Callable[[argparse.Namespace], int]] = {"import": cmd_import}
