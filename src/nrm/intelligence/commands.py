"""``nrm intelligence import FILE``: the CSV door for intelligence reports. Prints every bad
row with its column, value and reason."""

import argparse
import sys
from collections.abc import Callable
from pathlib import Path

from nrm.cases.referrals.csvformat import CsvFormatError
from nrm.cases.referrals.importers import ImportOptions, RowError
from nrm.intelligence.importers import intelligence_import


def intelligence_arguments(parser: argparse.ArgumentParser) -> None:
    actions = parser.add_subparsers(dest="action", required=True, metavar="ACTION")
    imp = actions.add_parser("import", help="import reports from a CSV file (one row a report)")
    imp.add_argument("file", type=Path)
    imp.add_argument(
        "--partial", action="store_true", help="save good rows; write rejects beside the file"
    )
    imp.add_argument("--organisation", help="organisation code for rows that name none")
    imp.add_argument("--rejects", type=Path, help="where to write rejected rows (with --partial)")
    imp.add_argument("--no-progress", action="store_true", help="never show a progress bar")


def cmd_intelligence(args: argparse.Namespace) -> int:
    if not args.file.is_file():
        print(f"error: {args.file} is not a file", file=sys.stderr)
        return 2

    def report(error: RowError) -> None:
        print(f"{args.file.name}: {error}", file=sys.stderr)

    try:
        result = intelligence_import(
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
    summary = f"{result.rows} reports read, {result.saved} saved, {result.rejected_rows} rejected"
    if result.ok:
        print(summary)
        return 0
    print(summary, file=sys.stderr)
    if args.partial:
        print(f"rejected rows and their reasons: {result.rejects_path}", file=sys.stderr)
    else:
        print("nothing was saved: correct the rows above, or use --partial", file=sys.stderr)
    return 1


ARGUMENTS: dict[str, Callable[[argparse.ArgumentParser], None]] = {
    "intelligence": intelligence_arguments
}
HANDLERS: dict[str, Callable[[argparse.Namespace], int]] = {"intelligence": cmd_intelligence}
