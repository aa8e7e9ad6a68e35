"""``nrm intelligence import FILE``: the CSV door for intelligence reports. Prints every bad
row with its column, value and reason."""

import argparse
from collections.abc import Callable

from nrm.cases.referrals.commands import csv_file_arguments, csv_import_run
from nrm.intelligence.importers import intelligence_import


def intelligence_arguments(parser: argparse.ArgumentParser) -> None:
    actions = parser.add_subparsers(dest="action", required=True, metavar="ACTION")
    imp = actions.add_parser("import", help="import reports from a CSV file (one row a report)")
    csv_file_arguments(imp)


def cmd_intelligence(args: argparse.Namespace) -> int:
    return csv_import_run(args, intelligence_import, noun="reports")


ARGUMENTS: dict[str, Callable[[argparse.ArgumentParser], None]] = {
    "intelligence": intelligence_arguments
}
HANDLERS: dict[str, Callable[[argparse.Namespace], int]] = {"intelligence": cmd_intelligence}
