"""``nrm intelligence import FILE``: the CSV door for intelligence reports. Prints every bad
row with its column, value and reason. ``nrm intelligence resolve``: resolves every person on
record into people and stores the pairs waiting for an analyst's review."""

import argparse
import sys
from collections.abc import Callable

from nrm.accounts.actors import OPERATOR
from nrm.cases.referrals.commands import csv_file_arguments, csv_import_run
from nrm.intelligence.errors import ResolutionImpossible
from nrm.intelligence.importers import intelligence_import
from nrm.intelligence.resolving import resolution_run


def intelligence_arguments(parser: argparse.ArgumentParser) -> None:
    actions = parser.add_subparsers(dest="action", required=True, metavar="ACTION")
    imp = actions.add_parser("import", help="import reports from a CSV file (one row a report)")
    csv_file_arguments(imp)
    actions.add_parser(
        "resolve",
        help="resolve the people of referrals and reports; store the pairs for review",
    )


def resolve_run() -> int:
    """Exit 0 when people were resolved, 1 when the records are too few (nothing changed)."""
    try:
        run = resolution_run(actor=OPERATOR)
    except ResolutionImpossible as impossible:
        print(f"error: {impossible}", file=sys.stderr)
        return 1
    print(
        f"{run.records} person records resolved into {run.people} people: "
        f"{run.matched_pairs} pairs matched, {run.review_pairs} waiting for review"
    )
    return 0


def cmd_intelligence(args: argparse.Namespace) -> int:
    if args.action == "resolve":
        return resolve_run()
    return csv_import_run(args, intelligence_import, noun="reports")


ARGUMENTS: dict[str, Callable[[argparse.ArgumentParser], None]] = {
    "intelligence": intelligence_arguments
}
HANDLERS: dict[str, Callable[[argparse.Namespace], int]] = {"intelligence": cmd_intelligence}
