"""``nrm deadlines`` and ``nrm backlog``: operator commands of casework (every case in scope;
each run is audited)."""

import argparse
import sys
from collections.abc import Callable
from datetime import date
from pathlib import Path

from django.utils import timezone

from nrm.accounts.actors import OPERATOR
from nrm.cases.casework.backlog import BacklogInvalid, backlog_create
from nrm.cases.casework.deadlines import REMINDER_QUEUES, deadline_reminders_send
from nrm.cases.casework.selectors import QUEUE_LABEL, backlog_progress
from nrm.standard.words import long_date


def _day(text: str) -> date:
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"'{text}' is not a date (YYYY-MM-DD)") from None


def deadlines_arguments(deadlines: argparse.ArgumentParser) -> None:
    deadlines.add_argument("--today", type=_day, help="the day to check (default: today)")
    deadlines.add_argument("--no-email", action="store_true", help="list only; send nothing")


def backlog_arguments(backlog: argparse.ArgumentParser) -> None:
    backlog.add_argument("action", choices=["create", "show"])
    backlog.add_argument("name")
    backlog.add_argument("--start", type=_day, help="create: the backlog's start date")
    backlog.add_argument(
        "--references",
        type=Path,
        help="create: a file of NRM references, one a line (default: every case open on --start)",
    )


def cmd_deadlines(args: argparse.Namespace) -> int:
    today = args.today or timezone.localdate()
    collected = deadline_reminders_send(actor=OPERATOR, today=today, email=not args.no_email)
    print(f"Deadlines on {long_date(today)}")
    if not collected:
        print("  no cases")
    for entry in collected:
        counts = ", ".join(f"{QUEUE_LABEL[q]} {entry.counts[q]}" for q in REMINDER_QUEUES)
        print(f"{entry.authority.label}: {counts}")
        for queue in REMINDER_QUEUES[:2]:
            for reference in entry.references[queue]:
                print(f"  {QUEUE_LABEL[queue]:<10} {reference}")
    return 0


def cmd_backlog(args: argparse.Namespace) -> int:
    if args.action == "create":
        if args.start is None:
            print("error: backlog create needs --start YYYY-MM-DD", file=sys.stderr)
            return 2
        references = None
        if args.references is not None:
            try:
                text = args.references.read_text(encoding="utf-8")
            except OSError as exc:
                print(f"error: cannot read {args.references}: {exc.strerror}", file=sys.stderr)
                return 2
            references = [line.strip() for line in text.splitlines() if line.strip()]
        try:
            backlog = backlog_create(
                actor=OPERATOR, name=args.name, starts_on=args.start, references=references
            )
        except BacklogInvalid as exc:
            print(f"error: {exc}", file=sys.stderr)
            return 1
        print(f"Backlog '{backlog.name}' from {backlog.starts_on}: {backlog.cases.count()} cases")
        return 0
    progress = backlog_progress(name=args.name, actor=OPERATOR)
    if progress is None:
        print(f"error: there is no backlog named '{args.name}'", file=sys.stderr)
        return 1
    print(f"Backlog '{progress.name}' from {progress.starts_on}: {progress.total} cases")
    print(f"  cleared (closed): {progress.cleared} ({progress.cleared_share:.1%})")
    print(f"  reasonable grounds decided: {progress.rg_decided}")
    for stage, count in progress.by_stage.items():
        print(f"  {stage.replace('_', ' ')}: {count}")
    return 0


ARGUMENTS: dict[str, Callable[[argparse.ArgumentParser], None]] = {
    "deadlines": deadlines_arguments,
    "backlog": backlog_arguments,
}
HANDLERS: dict[str, Callable[[argparse.Namespace], int]] = {
    "deadlines": cmd_deadlines,
    "backlog": cmd_backlog,
}
