"""The composition root's own commands: ``nrm demo``, ``nrm serve``, ``nrm migrate``,
``nrm db roles`` and ``nrm manage``."""

import argparse
import os
import sys
from collections.abc import Callable

from django.conf import settings
from django.core.management import execute_from_command_line
from django.db import DatabaseError

from nrm.config.bootstrap import database_prepare
from nrm.config.roles import RolesError, RolesReport, app_role_setup, migrate_refused
from nrm.config.serve import serve
from nrm.demo.build import DemoDataInvalid, demo_build


def demo_arguments(demo: argparse.ArgumentParser) -> None:
    demo.add_argument("--no-serve", action="store_true", help="build the database and exit")
    demo.add_argument("--host", default="127.0.0.1")
    demo.add_argument("--port", type=int, default=8000)
    demo.add_argument("--keep", action="store_true", help="reuse an existing demo database")


def cmd_demo(args: argparse.Namespace) -> int:
    if "NRM_SITE_URL" not in os.environ:
        # The address printed (and written in the set-up links) is the one served.
        settings.NRM_SITE_URL = f"http://{args.host}:{args.port}"
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
    try:
        database_prepare(verbosity=1)
    except DatabaseError as exc:
        message = migrate_refused(exc)
        if message is None:
            raise
        print(f"error: {message}", file=sys.stderr)
        return 2
    return 0


def db_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("action", choices=["roles"])
    parser.add_argument(
        "--app-role",
        required=True,
        metavar="NAME",
        help="the role the running service connects as: created if missing, given the "
        "privileges it needs and no more (password from NRM_APP_ROLE_PASSWORD, if set)",
    )


def _roles_print(report: RolesReport) -> None:
    done = "created" if report.created else "already there"
    print(f"application role {report.role}: {done}", end="")
    print("; password set" if report.password_set else "; password unchanged")
    print(f"  SELECT, INSERT, UPDATE, DELETE on {report.tables} tables of schema {report.schema}")
    for name in report.append_only:
        print(f"  SELECT, INSERT only on {name} (append-only: no UPDATE, DELETE, TRUNCATE)")
    for name in report.read_only:
        print(f"  SELECT only on {name}")
    print(f"  USAGE on {report.sequences} key sequences; EXECUTE on the reference-number function")
    print(f"  the same for tables and sequences {report.owner} creates later (default privileges)")
    print(f"checked: {report.role} owns no table and cannot change or remove audit entries")
    print(
        f"run the service with DATABASE_URL naming {report.role}, and run this again after "
        "every `nrm migrate`"
    )


def cmd_db(args: argparse.Namespace) -> int:
    password = os.environ.get("NRM_APP_ROLE_PASSWORD") or None
    try:
        report = app_role_setup(app_role=args.app_role, password=password)
    except RolesError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    _roles_print(report)
    for warning in report.warnings:
        print(f"warning: {warning}", file=sys.stderr)
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
    "db": db_arguments,
    "manage": manage_arguments,
}
HANDLERS: dict[str, Callable[[argparse.Namespace], int]] = {
    "demo": cmd_demo,
    "serve": cmd_serve,
    "migrate": cmd_migrate,
    "db": cmd_db,
    "manage": cmd_manage,
}
