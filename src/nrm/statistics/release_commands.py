"""``nrm statistics``: the release calendar of the official statistics, at the command line
(the operator; audited as ``statistics.release``)."""

import argparse
import sys
from collections.abc import Callable
from datetime import date

from nrm.accounts.actors import OPERATOR
from nrm.standard.words import long_date
from nrm.statistics.public import releases_announced, releases_released
from nrm.statistics.release_services import ReleaseRefused, release_announce, release_publish

NEEDS_A_YEAR = "statistics {action} needs a YEAR"
ANNOUNCE_NEEDS_A_DAY = "statistics announce needs --on YYYY-MM-DD, the day of the release"


def _day(text: str) -> date:
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"'{text}' is not a date (YYYY-MM-DD)") from None


def statistics_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("action", choices=["announce", "release", "calendar"])
    parser.add_argument("year", type=int, nargs="?", help="the year the statistics cover")
    parser.add_argument(
        "--on",
        type=_day,
        help="announce: the day of the release; release: the day it was made (default: today)",
    )


def _calendar() -> None:
    announced, released = releases_announced(), releases_released()
    print("Announced:" if announced else "Announced: none")
    for release in announced:
        print(f"  {release.year}  {long_date(release.release_date)}")
    print("Released:" if released else "Released: none")
    for release in released:
        print(f"  {release.year}  {long_date(release.release_date)}")


def cmd_statistics(args: argparse.Namespace) -> int:
    if args.action == "calendar":
        _calendar()
        return 0
    if args.year is None:
        print(f"error: {NEEDS_A_YEAR.format(action=args.action)}", file=sys.stderr)
        return 2
    try:
        if args.action == "announce":
            if args.on is None:
                print(f"error: {ANNOUNCE_NEEDS_A_DAY}", file=sys.stderr)
                return 2
            change = release_announce(actor=OPERATOR, year=args.year, on=args.on)
            print(f"The statistics for {args.year} are announced for {long_date(args.on)}")
        else:
            change = release_publish(actor=OPERATOR, year=args.year, on=args.on)
            day = long_date(change.release.release_date)
            print(f"The statistics for {args.year} are released ({day}): they are public now")
    except ReleaseRefused as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 1
    return 0


ARGUMENTS: dict[str, Callable[[argparse.ArgumentParser], None]] = {
    "statistics": statistics_arguments,
}
HANDLERS: dict[str, Callable[[argparse.Namespace], int]] = {"statistics": cmd_statistics}
