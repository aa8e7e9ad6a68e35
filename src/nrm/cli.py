"""The ``nrm`` command. Each sub-command is a thin door onto one service.

Run ``nrm --help`` (or ``nrm COMMAND --help``) for the list; docs/cli.md documents them all.
"""

import argparse
import importlib
import os
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from types import ModuleType

COMMANDS: dict[str, str] = {
    "demo": "build the demo database, print demo credentials and serve it",
    "serve": "serve the application (gunicorn when installed, else Django's server)",
    "migrate": "create or upgrade the case store's tables",
    "import": "import referrals or anonymous notifications from a CSV file",
    "standard": "export the data standard: JSON Schema or codebook",
    "token": "create an API token for a user",
    "organisations": "seed the named first responder organisations",
    "manage": "run a Django management command (operators)",
}

# Sub-commands owned by other parts of the project. Each module defines ``COMMANDS`` (name ->
# help), ``add_parsers(sub)`` and ``HANDLERS`` (name -> function), and imports Django only inside
# its handlers, after calling ``nrm.cli.setup()``.
COMMAND_MODULES: tuple[str, ...] = ("nrm.audit.cli", "nrm.casework.cli", "nrm.statistics.cli")


def _command_modules() -> list[ModuleType]:
    return [importlib.import_module(name) for name in COMMAND_MODULES]


def all_commands() -> dict[str, str]:
    """Every sub-command with its help line, the project's own and those of its parts."""
    commands = dict(COMMANDS)
    for module in _command_modules():
        commands.update(module.COMMANDS)
    return commands


def setup(settings: str = "nrm.config.settings.local") -> None:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", settings)
    import django

    django.setup()


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="nrm", description="Open NRM command line")
    sub = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    demo = sub.add_parser("demo", help=COMMANDS["demo"])
    demo.add_argument("--no-serve", action="store_true", help="build the database and exit")
    demo.add_argument("--host", default="127.0.0.1")
    demo.add_argument("--port", type=int, default=8000)
    demo.add_argument("--keep", action="store_true", help="reuse an existing demo database")

    serve = sub.add_parser("serve", help=COMMANDS["serve"])
    serve.add_argument("--host", default="127.0.0.1")
    serve.add_argument("--port", type=int, default=8000)
    serve.add_argument("--workers", type=int, default=None)

    sub.add_parser("migrate", help=COMMANDS["migrate"])

    imp = sub.add_parser("import", help=COMMANDS["import"])
    imp.add_argument("kind", choices=["referrals", "notifications"])
    imp.add_argument("file", type=Path)
    imp.add_argument(
        "--partial", action="store_true", help="save good rows; write rejects beside the file"
    )
    imp.add_argument("--organisation", help="organisation code for rows that name none")
    imp.add_argument("--rejects", type=Path, help="where to write rejected rows (with --partial)")
    imp.add_argument("--no-progress", action="store_true", help="never show a progress bar")

    std = sub.add_parser("standard", help=COMMANDS["standard"])
    std.add_argument("what", choices=["schema", "codebook"])
    std.add_argument("--kind", choices=["referral", "notification"], default="referral")
    std.add_argument("--format", choices=["md", "csv"], default="md", help="codebook format")
    std.add_argument("--out", type=Path, help="write to this file instead of standard output")

    tok = sub.add_parser("token", help=COMMANDS["token"])
    tok.add_argument("action", choices=["create"])
    tok.add_argument("--username", required=True)
    tok.add_argument("--name", default="api")

    org = sub.add_parser("organisations", help=COMMANDS["organisations"])
    org.add_argument("action", choices=["seed"])

    manage = sub.add_parser("manage", help=COMMANDS["manage"])
    manage.add_argument("args", nargs=argparse.REMAINDER)
    for module in _command_modules():
        module.add_parsers(sub)
    return parser


def _write(text: str, out: Path | None) -> None:
    if out is None:
        sys.stdout.write(text)
    else:
        out.write_text(text, encoding="utf-8")
        print(f"wrote {out}", file=sys.stderr)


def cmd_standard(args: argparse.Namespace) -> int:
    setup()
    from nrm.standard import export

    if args.what == "schema":
        _write(export.json_schema(args.kind), args.out)
    elif args.format == "csv":
        _write(export.codebook_csv(args.kind), args.out)
    else:
        _write(export.codebook_markdown(args.kind), args.out)
    return 0


def cmd_migrate(args: argparse.Namespace) -> int:
    setup()
    from nrm.config.bootstrap import database_prepare

    database_prepare(verbosity=1)
    return 0


def cmd_import(args: argparse.Namespace) -> int:
    setup()
    from nrm.referrals.cli_import import run_import

    return run_import(args)


def cmd_token(args: argparse.Namespace) -> int:
    setup()
    from nrm.accounts.models import User
    from nrm.accounts.services import api_token_create

    user = User.objects.filter(username=args.username).first()
    if user is None:
        print(f"error: no user '{args.username}'", file=sys.stderr)
        return 2
    if user.organisation_id is None:
        print(f"error: user '{args.username}' belongs to no organisation", file=sys.stderr)
        return 2
    print(api_token_create(user=user, name=args.name))
    return 0


def cmd_organisations(args: argparse.Namespace) -> int:
    setup()
    from nrm.accounts.services import organisations_seed

    print(f"{organisations_seed()} organisations seeded")
    return 0


def cmd_serve(args: argparse.Namespace) -> int:
    setup()
    from nrm.config.serve import serve

    return serve(host=args.host, port=args.port, workers=args.workers)


def cmd_demo(args: argparse.Namespace) -> int:
    os.environ.setdefault("NRM_DATA_DIR", str(Path.cwd() / "var" / "demo"))
    setup()
    from nrm.config.serve import serve
    from nrm.demo.build import DemoDataInvalid, demo_build

    try:
        demo_build(keep=args.keep)
    except DemoDataInvalid as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    if args.no_serve:
        return 0
    return serve(host=args.host, port=args.port, workers=None)


def cmd_manage(args: argparse.Namespace) -> int:
    setup()
    from django.core.management import execute_from_command_line

    execute_from_command_line(["nrm manage", *args.args])
    return 0


HANDLERS: dict[str, Callable[[argparse.Namespace], int]] = {
    "demo": cmd_demo,
    "serve": cmd_serve,
    "migrate": cmd_migrate,
    "import": cmd_import,
    "standard": cmd_standard,
    "token": cmd_token,
    "organisations": cmd_organisations,
    "manage": cmd_manage,
}


def main(argv: Sequence[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    handlers = dict(HANDLERS)
    for module in _command_modules():
        handlers.update(module.HANDLERS)
    try:
        status = handlers[args.command](args)
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
