"""The intelligence area's commands: ``nrm intelligence import FILE`` (the CSV door for
intelligence reports), ``nrm intelligence resolve`` (every person on record resolved into
people, the pairs for an analyst's review stored), ``nrm intelligence similar-accounts`` (every
account compared with every other, the groups of near copies stored for analysts' review),
``nrm assessment`` (the UKHTC strategic assessment) and ``nrm verify-published`` (the
statistics' verification of the published figures, with the strategic assessment's when it is
computed from the case store)."""

import argparse
import getpass
import sys
from collections.abc import Callable
from pathlib import Path

from nrm.accounts.actors import OPERATOR
from nrm.cases.referrals.commands import csv_file_arguments, csv_import_run
from nrm.intelligence.assessment.checks import assessment_checker
from nrm.intelligence.assessment.extract import assessment_build
from nrm.intelligence.assessment.write import assessment_create, assessment_table
from nrm.intelligence.errors import ResolutionImpossible
from nrm.intelligence.importers import intelligence_import
from nrm.intelligence.resolving import resolution_run
from nrm.intelligence.similar_services import plural, similar_accounts_run
from nrm.justice.published import justice_checker
from nrm.justice.tables import justice_tables
from nrm.statistics.commands import CANNOT_WRITE, cmd_verify, verify_arguments
from nrm.statistics.extract import ExtractKeyMissing
from nrm.statistics.published.verifier import Verifier
from nrm.statistics.published.verify import verify_lines
from nrm.statistics.report import ReportError, formats_parse


def intelligence_arguments(parser: argparse.ArgumentParser) -> None:
    actions = parser.add_subparsers(dest="action", required=True, metavar="ACTION")
    imp = actions.add_parser("import", help="import reports from a CSV file (one row a report)")
    csv_file_arguments(imp)
    actions.add_parser(
        "resolve",
        help="resolve the people of referrals and reports; store the pairs for review",
    )
    actions.add_parser(
        "similar-accounts",
        help="compare every account with every other; store the groups of near copies for review",
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


def similar_run() -> int:
    """Compare every account with every other (exit 0); print the counts, never a text."""
    run = similar_accounts_run(actor=OPERATOR)
    print(
        f"{plural(run.accounts, 'account')} compared: {plural(run.pairs, 'pair')} at least "
        f"{round(run.threshold * 100)}% alike, in {plural(run.clusters, 'group')} for review"
    )
    return 0


def cmd_intelligence(args: argparse.Namespace) -> int:
    if args.action == "resolve":
        return resolve_run()
    if args.action == "similar-accounts":
        return similar_run()
    return csv_import_run(args, intelligence_import, noun="reports")


def assessment_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--year", type=int, required=True, help="the year assessed")
    parser.add_argument("--out", type=Path, required=True, help="directory to write into")
    parser.add_argument(
        "--format", default="csv,ods,xlsx,html", help="comma-separated: csv,ods,xlsx,html"
    )


def _operator() -> str:
    try:
        return getpass.getuser()
    except (KeyError, OSError):
        return ""


def cmd_assessment(args: argparse.Namespace) -> int:
    try:
        formats = formats_parse(args.format)
        written = assessment_create(actor=OPERATOR, year=args.year, out=args.out,
                                    formats=formats, operator=_operator())  # fmt: skip
    except (ReportError, ExtractKeyMissing) as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    except OSError as exc:
        reason = exc.strerror or str(exc)
        print(f"error: {CANNOT_WRITE.format(path=args.out, reason=reason)}", file=sys.stderr)
        return 2
    a = written.assessment
    print(f"resolved {a.records} referrals and intelligence mentions of {a.year - 1}-{a.year} "
          f"into {a.people} people ({a.review} pairs wait for an analyst's review)")  # fmt: skip
    print(f"wrote {len(written.files)} files to {args.out}")
    verifier = Verifier(assessment_table(a), year=a.year, reference=None)
    assessment_checker(assessment_table(a))(verifier)
    if verifier.checks:
        print(verify_lines(verifier)[0].replace("published figures", "published assessment "
                                                "figures"))  # fmt: skip
    return 0


def cmd_verify_published(args: argparse.Namespace) -> int:
    if args.extract is not None:  # a file of referrals alone: no strategic assessment
        return cmd_verify(args)
    try:
        assessment = assessment_build(year=args.year)
    except ExtractKeyMissing as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    checkers = [
        assessment_checker(assessment_table(assessment)),
        justice_checker(justice_tables(args.year)),
    ]
    return cmd_verify(args, checkers=checkers)


ARGUMENTS: dict[str, Callable[[argparse.ArgumentParser], None]] = {
    "intelligence": intelligence_arguments,
    "assessment": assessment_arguments,
    "verify-published": verify_arguments,
}
HANDLERS: dict[str, Callable[[argparse.Namespace], int]] = {
    "intelligence": cmd_intelligence,
    "assessment": cmd_assessment,
    "verify-published": cmd_verify_published,
}
