"""The ``nrm`` command. Each sub-command is a thin door onto one service, owned by the part of
the project whose service it calls (``COMMANDS`` names the module).

Run ``nrm --help`` (or ``nrm COMMAND --help``) for the list; docs/cli.md documents them all.
"""

import argparse
import importlib
import os
import sys
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from types import ModuleType


@dataclass(frozen=True)
class Command:
    """A sub-command: the module of the part that owns it (its ``ARGUMENTS`` and ``HANDLERS``,
    loaded only once Django is set up, and only for the command run), its help line, and
    environment defaults it brings (paths relative to the working directory)."""

    module: str
    help: str
    environment: dict[str, str] = field(default_factory=dict)


COMMANDS: dict[str, Command] = {
    "demo": Command(
        "nrm.config.commands",
        "build the demo database, print demo credentials and serve it",
        {"NRM_DATA_DIR": "var/demo"},
    ),
    "serve": Command(
        "nrm.config.commands", "serve the application (gunicorn when installed, else Django's)"
    ),
    "migrate": Command("nrm.config.commands", "create or upgrade the case store's tables"),
    "db": Command(
        "nrm.config.commands",
        "PostgreSQL: set up the application role, with privileges but no ownership",
    ),
    "manage": Command("nrm.config.commands", "run a Django management command (operators)"),
    "import": Command(
        "nrm.cases.referrals.commands",
        "import referrals or anonymous notifications from a CSV file, or HTCDS case records",
    ),
    "intelligence": Command(
        "nrm.intelligence.commands",
        "import graded intelligence reports from a CSV file; resolve people; find similar accounts",
    ),
    "justice": Command(
        "nrm.justice.commands",
        "import prosecutions (one row an offence charged) or asset recovery from a CSV file",
    ),
    "border": Command(
        "nrm.border.screening_commands",
        "screen visa applications or a passenger manifest against risk profiles; manage profiles",
    ),
    "standard": Command(
        "nrm.standard.commands", "export the data standard: JSON Schema or codebook"
    ),
    "token": Command("nrm.accounts.commands", "create an API token for a user"),
    "organisations": Command(
        "nrm.accounts.commands", "seed the named first responder organisations"
    ),
    "accounts": Command(
        "nrm.accounts.commands",
        "issue a set-up link with which an account sets up its authenticator app",
    ),
    "audit": Command(
        "nrm.audit.commands",
        "check the audit log: recompute its hash chain and name the first bad entry",
    ),
    "deadlines": Command(
        "nrm.cases.casework.commands", "list what is due or overdue and send the daily reminders"
    ),
    "surveillance": Command(
        "nrm.intelligence.surge_commands",
        "check counts of referrals for surges and alert the hub's analysts (daily)",
    ),
    "backlog": Command(
        "nrm.cases.casework.commands",
        "define a backlog (a named set of cases) or show how far it is cleared",
    ),
    "extract": Command(
        "nrm.statistics.commands",
        "write a pseudonymised Parquet extract of the case store (or of a CTDC file)",
    ),
    "report": Command(
        "nrm.statistics.commands", "produce the official statistics tables and charts for a year"
    ),
    "statistics": Command(
        "nrm.statistics.release_commands",
        "the release calendar: announce a year's official statistics, release them, list them",
    ),
    "export": Command(
        "nrm.statistics.export_commands",
        "export case records in HTCDS or the CTDC layout (--public: k-anonymous); check a file",
    ),
    "assessment": Command(
        "nrm.intelligence.commands",
        "the UKHTC strategic assessment of a year: referrals and intelligence, people counted once",
    ),
    "verify-published": Command(
        "nrm.intelligence.commands",
        "compare the computed tables with the published figures, cell by cell",
    ),
}


def all_commands() -> dict[str, str]:
    """Every sub-command with its help line."""
    return {name: command.help for name, command in COMMANDS.items()}


def setup(settings: str = "nrm.config.settings.local") -> None:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", settings)
    import django

    django.setup()


def _chosen(argv: Sequence[str]) -> str | None:
    """The sub-command named on the command line, if it is one of ours."""
    first = next((arg for arg in argv if not arg.startswith("-")), None)
    return first if first in COMMANDS else None


def _parser(chosen: ModuleType | None, name: str | None) -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="nrm", description="Open NRM command line")
    sub = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    for command_name, command in COMMANDS.items():
        command_parser = sub.add_parser(command_name, help=command.help)
        if chosen is not None and command_name == name:
            chosen.ARGUMENTS[command_name](command_parser)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    name = _chosen(argv)
    module: ModuleType | None = None
    if name is not None:
        for key, relative in COMMANDS[name].environment.items():
            os.environ.setdefault(key, str(Path.cwd() / relative))
        setup()
        module = importlib.import_module(COMMANDS[name].module)
    args = _parser(module, name).parse_args(argv)
    assert module is not None  # argparse has refused anything but one of COMMANDS
    handler: Callable[[argparse.Namespace], int] = module.HANDLERS[args.command]
    try:
        status = handler(args)
        sys.stdout.flush()  # inside the try: a reader that went away is met here
        return status
    except BrokenPipeError:
        return _reader_gone()
    except Exception as exc:
        message = _store_unusable(exc)
        if message is None:
            raise
        print(f"error: {message}", file=sys.stderr)
        return 2


def _reader_gone() -> int:
    """The output's reader stopped reading (``nrm … | head``): stop quietly, as Unix tools do,
    with the status of a process ended by SIGPIPE."""
    devnull = os.open(os.devnull, os.O_WRONLY)
    os.dup2(devnull, sys.stdout.fileno())  # the interpreter's own last flush must not fail
    return 128 + 13


def _store_unusable(exc: Exception) -> str | None:
    """A clear message when a command meets a case store it cannot use: one it cannot open or
    connect to, or one whose tables were never created. None for any other error."""
    from django.conf import settings
    from django.db import connection
    from django.db.utils import OperationalError, ProgrammingError

    if not isinstance(exc, OperationalError | ProgrammingError):
        return None
    text = str(exc)
    name = settings.DATABASES["default"]["NAME"]
    demo = "to use the demo case store built by `nrm demo`, set NRM_DATA_DIR=var/demo"
    if "no such table" in text or ("relation" in text and "does not exist" in text):
        return (
            f"the case store ({name}) has no tables yet: run `nrm migrate` to create them, or, "
            + demo
        )
    if isinstance(exc, OperationalError) and connection.connection is None:
        if connection.vendor == "sqlite":
            return (
                f"the case store ({name}) cannot be opened: its folder does not exist or cannot "
                f"be written. Run `nrm migrate` to create it there, or, {demo}"
            )
        reason = text.strip().splitlines()[0] if text.strip() else type(exc).__name__
        return (
            f"cannot connect to the case store's database ({name}): {reason}. Check "
            "DATABASE_URL, that the server is running and that the database exists; "
            "`nrm migrate` then creates the tables"
        )
    return None
