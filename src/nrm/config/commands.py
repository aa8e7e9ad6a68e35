"""The composition root's own commands: ``nrm demo``, ``nrm serve``, ``nrm migrate`` and
``nrm manage``."""

import argparse
import sys
from collections.abc import Callable

from django.core.management import execute_from_command_line

from nrm.config.bootstrap import database_prepare
from nrm.config.serve import serve
from nrm.demo.build import DemoDataInvalid, demo_build


def demo_arguments(demo: argparse.ArgumentParser) -> None:
    demo.add_argument("--no-serve", action="store_true", help="build the database and exit")
    demo.add_argument("--host", default="127.0.0.1")
    demo.add_argument("--port", type=int, default=8000)
    demo.add_argument("--keep", action="store_true", help="reuse an existing demo database")


def cmd_demo(args: argparse.Namespace) -> int:
    try:
        demo_build(keep=args.keep, prepare=database_prepare)
    except DemoDataInvalid as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    if args.no_serve:
        return 0
    return serve(host=args.host, port=args.port, workers=None)


def serve_arguments(srv: argparse.ArgumentParser) -> None:
    srv.add_argument("--host", default="127.0.0.1")
    srv.add_argument("--port", type=int, default=8000)
    srv.add_argument("--workers", type=int, default=None)


def cmd_serve(args: argparse.Namespace) -> int:
    return serve(host=args.host, port=args.port, workers=args.workers)


def migrate_arguments(parser: argparse.ArgumentParser) -> None:
    """``nrm migrate`` takes no arguments."""


def cmd_migrate(args: argparse.Namespace) -> int:
    database_prepare(verbosity=1)
    return 0


def manage_arguments(manage: argparse.ArgumentParser) -> None:
    manage.add_argument("args", nargs=argparse.REMAINDER)


def cmd_manage(args: argparse.Namespace) -> int:
    execute_from_command_line(["nrm manage", *args.args])
    return 0


ARGUMENTS: dict[str, Callable[[argparse.ArgumentParser], None]] = {
    "demo": demo_arguments,
    "serve": serve_arguments,
    "migrate": migrate_arguments,
    "manage": manage_arguments,
}
HANDLERS: dict[str, Callable[[argparse.Namespace], int]] = {
    "demo": cmd_demo,
    "serve": cmd_serve,
    "migrate": cmd_migrate,
    "manage": cmd_manage,
}
