"""``nrm justice import prosecutions FILE`` and ``nrm justice import recoveries FILE``: the CSV
door for criminal justice records. Prints every bad record with its rows, columns and
reasons."""

import argparse
from collections.abc import Callable

from nrm.cases.referrals.commands import csv_file_arguments, csv_import_run
from nrm.justice.importers import prosecutions_import, recoveries_import


def justice_arguments(parser: argparse.ArgumentParser) -> None:
    actions = parser.add_subparsers(dest="action", required=True, metavar="ACTION")
    imp = actions.add_parser(
        "import",
        help="import prosecutions (one row an offence charged) or asset recovery from a CSV file",
    )
    imp.add_argument("kind", choices=["prosecutions", "recoveries"])
    csv_file_arguments(imp)


def cmd_justice(args: argparse.Namespace) -> int:
    importer = prosecutions_import if args.kind == "prosecutions" else recoveries_import
    return csv_import_run(args, importer, noun="rows")


ARGUMENTS: dict[str, Callable[[argparse.ArgumentParser], None]] = {"justice": justice_arguments}
HANDLERS: dict[str, Callable[[argparse.Namespace], int]] = {"justice": cmd_justice}
