"""``nrm extract`` and ``nrm report``, and the body of ``nrm verify-published``: operator doors
onto the statistics services. The operator's OS user name is recorded in the audit detail."""

import argparse
import getpass
import sys
from collections.abc import Callable, Sequence
from pathlib import Path

from django.conf import settings

from nrm.accounts.actors import OPERATOR, Actor
from nrm.statistics.ctdc_extract import CtdcFormatError, ctdc_table
from nrm.statistics.disclosure import DisclosureRule
from nrm.statistics.engine import ENGINES
from nrm.statistics.extract import ExtractKeyMissing
from nrm.statistics.published.chapter5 import checker as support_checker
from nrm.statistics.published.verifier import Verifier
from nrm.statistics.published.verify import verify_print
from nrm.statistics.report import ReportError, formats_parse, load_referrals, report_write
from nrm.statistics.sections import sections_evaluate
from nrm.statistics.services import extract_create, published_verify, report_create
from nrm.statistics.support_extract import support_tables

FORMATS = ("csv", "ods", "xlsx", "html")
CANNOT_WRITE = "cannot write the report to {path}: {reason}; nothing was written there"


def extract_arguments(ext: argparse.ArgumentParser) -> None:
    ext.add_argument("--out", type=Path, required=True, help="the Parquet file to write")
    ext.add_argument("--from-ctdc", type=Path, help="convert a CTDC global-dataset CSV instead")
    ext.add_argument("--no-progress", action="store_true", help="never show a progress bar")


def report_arguments(rep: argparse.ArgumentParser) -> None:
    rep.add_argument("--year", type=int, required=True)
    rep.add_argument("--out", type=Path, required=True, help="directory to write into")
    rep.add_argument(
        "--format", default=",".join(FORMATS), help="comma-separated: csv,ods,xlsx,html"
    )
    rep.add_argument("--public", action="store_true", help="apply disclosure control")
    rep.add_argument(
        "--extract",
        type=Path,
        help="count the referrals of this extract instead of the case store (the tables of "
        "prosecutions, asset recovery and support come from the case store only)",
    )
    rep.add_argument("--threshold", type=int, default=None, help="smallest publishable count")
    rep.add_argument("--round", type=int, default=None, help="round published counts to this base")
    rep.add_argument("--no-progress", action="store_true", help="never show a progress bar")
    rep.add_argument(
        "--engine",
        choices=ENGINES,
        default=None,
        help="where the tables are counted: duckdb (this process) or spark (NRM_SPARK_MASTER); "
        "default NRM_STATISTICS_ENGINE, else duckdb",
    )


def verify_arguments(ver: argparse.ArgumentParser) -> None:
    ver.add_argument("--year", type=int, required=True)
    ver.add_argument("--extract", type=Path, help="use this extract instead of the case store")
    ver.add_argument("--reference", type=Path, help="directory of the reference CSVs")
    ver.add_argument("--all", action="store_true", help="print every matching cell too")


def _operator() -> str:
    try:
        return getpass.getuser()
    except (KeyError, OSError):
        return ""


def cmd_extract(args: argparse.Namespace) -> int:
    progress = False if args.no_progress else None
    try:
        if args.from_ctdc is not None:
            table = ctdc_table(args.from_ctdc)
            rows = extract_create(
                out=args.out, table=table, actor=OPERATOR, operator=_operator(), source="ctdc"
            )
        else:
            rows = extract_create(
                out=args.out, actor=OPERATOR, operator=_operator(), progress=progress
            )
    except (ExtractKeyMissing, CtdcFormatError, OSError) as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    print(f"wrote {args.out} ({rows} rows)")
    return 0


def report_run(args: argparse.Namespace, *, actor: Actor, operator: str) -> list[Path]:
    """The report the options ask for, written and audited; the files written."""
    formats = formats_parse(args.format)
    rule = None
    if args.public:
        rule = DisclosureRule(
            threshold=args.threshold if args.threshold is not None else 10,
            round_to=args.round,
        )
    progress = False if args.no_progress else None
    engine = args.engine or settings.NRM_STATISTICS_ENGINE
    referrals = load_referrals(args.extract, progress=progress, engine=engine)
    extra = sections_evaluate(args.year) if args.extract is None else []
    return report_create(
        write=lambda: report_write(
            referrals,
            year=args.year,
            out=args.out,
            formats=formats,
            rule=rule,
            progress=progress,
            extra=extra,
        ),
        actor=actor,
        operator=operator,
        detail={
            "year": args.year,
            "formats": formats,
            "public": bool(args.public),
            "source": args.extract.name if args.extract else "case store",
            "directory": args.out.name,
            "engine": engine,
        },
    )


def cmd_report(args: argparse.Namespace) -> int:
    try:
        files = report_run(args, actor=OPERATOR, operator=_operator())
    except ReportError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    except OSError as exc:
        reason = exc.strerror or str(exc)
        print(f"error: {CANNOT_WRITE.format(path=args.out, reason=reason)}", file=sys.stderr)
        return 2
    print(f"wrote {len(files)} files to {args.out}")
    return 0


def cmd_verify(
    args: argparse.Namespace, checkers: Sequence[Callable[[Verifier], None]] = ()
) -> int:
    """``nrm verify-published``; the command itself is owned by the part above the statistics
    whose ``checkers`` run too (``nrm.intelligence.commands``). On the case store, chapter 5's
    table of support referrals is checked as well."""
    try:
        referrals = load_referrals(args.extract, progress=False)
    except ReportError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    if args.extract is None:  # the case store: its support referrals are checked too
        checkers = [*checkers, support_checker(support_tables(args.year))]
    verifier = published_verify(
        actor=OPERATOR,
        referrals=referrals,
        year=args.year,
        reference=args.reference,
        operator=_operator(),
        source=args.extract.name if args.extract else "case store",
        checkers=checkers,
    )
    return verify_print(verifier, show_all=args.all)


ARGUMENTS: dict[str, Callable[[argparse.ArgumentParser], None]] = {
    "extract": extract_arguments,
    "report": report_arguments,
}
HANDLERS: dict[str, Callable[[argparse.Namespace], int]] = {
    "extract": cmd_extract,
    "report": cmd_report,
}
