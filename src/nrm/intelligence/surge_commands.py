"""``nrm surveillance``: check every series of referral counts for surges (daily from cron, as
``nrm deadlines``); audited; the hub is told of new alerts in the service and by email."""

import argparse
from collections.abc import Callable
from datetime import date

from django.utils import timezone

from nrm.accounts.actors import OPERATOR
from nrm.intelligence.surge_pages import series_words
from nrm.intelligence.surges import surveillance_run
from nrm.standard.words import long_date


def _day(text: str) -> date:
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"'{text}' is not a date (YYYY-MM-DD)") from None


def surveillance_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--as-of",
        type=_day,
        help="the day to run for: referrals dated before it are counted (default: today)",
    )
    parser.add_argument("--no-email", action="store_true", help="raise alerts; send no email")


def cmd_surveillance(args: argparse.Namespace) -> int:
    as_of = args.as_of or timezone.localdate()
    summary = surveillance_run(actor=OPERATOR, as_of=as_of, email=not args.no_email)
    run = summary.run
    print(f"Surge check for {long_date(as_of)}: {run.series} series, {run.alarms} above threshold")
    if not summary.new_alerts:
        print("  no new alerts")
    for alert in summary.new_alerts:
        print(
            f"  new alert: {series_words(alert)}, {alert.observed} referrals"
            f" (expected {alert.expected:.1f}, threshold {alert.upper:.1f})"
        )
    return 0


ARGUMENTS: dict[str, Callable[[argparse.ArgumentParser], None]] = {
    "surveillance": surveillance_arguments,
}
HANDLERS: dict[str, Callable[[argparse.Namespace], int]] = {
    "surveillance": cmd_surveillance,
}
