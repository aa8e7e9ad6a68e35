"""``nrm import``: the CSV door. Prints every bad row with its column, value and reason."""

import argparse
import sys

from nrm.referrals.csvformat import CsvFormatError
from nrm.referrals.importers import ImportOptions, RowError, referrals_import
from nrm.referrals.notification_import import notifications_import


def run_import(args: argparse.Namespace) -> int:
    if not args.file.is_file():
        print(f"error: {args.file} is not a file", file=sys.stderr)
        return 2
    importer = referrals_import if args.kind == "referrals" else notifications_import

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
    summary = f"{result.rows} rows read, {result.saved} saved, {result.rejected_rows} rejected"
    if result.ok:
        print(summary)
        return 0
    print(summary, file=sys.stderr)
    if args.partial:
        print(f"rejected rows and their reasons: {result.rejects_path}", file=sys.stderr)
    else:
        print("nothing was saved: correct the rows above, or use --partial", file=sys.stderr)
    return 1
