"""Running the suite as the application role on PostgreSQL (ADR 11, docs/operations.md).

With ``NRM_TEST_APP_ROLE`` set and ``DATABASE_URL`` naming the owner, pytest-django creates and
migrates the test database as the owner, as ``nrm migrate`` would; then ``switch_on`` gives the
application role its privileges there with ``nrm db roles``' own code and makes every
connection ``SET ROLE`` to it (Django's ``assume_role``). From then on every statement the
application runs in a test — ORM, COPY, the reference function, raw SQL — has the application
role's privileges and nothing more.

A few things only the test harness does need the owner back, for one block: emptying the tables
between transactional tests (TRUNCATE, in ``execute_sql_flush``), tampering with the audit log
to test the chain, migrating backwards and forwards. ``owner_privileges`` is that block; the
application's code never uses it.
"""

import os
from collections.abc import Callable, Iterator
from contextlib import contextmanager, suppress
from typing import Any

from django.db import IntegrityError, connection, connections
from django.db.backends.postgresql.operations import DatabaseOperations

from nrm.config.roles import app_role_setup

APP_ROLE = os.environ.get("NRM_TEST_APP_ROLE", "")
_flush: list[Callable[..., Any]] = []


def active() -> bool:
    """The tests act as the application role."""
    return bool(APP_ROLE) and connection.vendor == "postgresql"


def _set_role() -> str:
    return f"SET ROLE {connection.ops.quote_name(APP_ROLE)}"


def switch_on() -> None:
    """Give the application role its privileges in the test database and act as it."""
    app_role_setup(app_role=APP_ROLE)
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT rolsuper OR pg_has_role(current_user, %s::name, 'MEMBER') FROM pg_roles "
            "WHERE rolname = current_user",
            [APP_ROLE],
        )
        if not cursor.fetchone()[0]:  # SET ROLE needs membership (CREATEROLE may grant it)
            # another test worker may grant it at the same moment
            with suppress(IntegrityError):
                cursor.execute(f"GRANT {connection.ops.quote_name(APP_ROLE)} TO current_user")
    connections.close_all()
    connection.settings_dict["OPTIONS"]["assume_role"] = APP_ROLE
    original = DatabaseOperations.execute_sql_flush
    _flush.append(original)

    def execute_sql_flush(self: DatabaseOperations, sql_list: list[str]) -> None:
        original(self, ["RESET ROLE", *sql_list, _set_role()])

    DatabaseOperations.execute_sql_flush = execute_sql_flush  # type: ignore[method-assign]


def switch_off() -> None:
    """Back to the owner, so that pytest-django can drop the test database."""
    connections.close_all()
    connection.settings_dict["OPTIONS"].pop("assume_role", None)
    if _flush:
        DatabaseOperations.execute_sql_flush = _flush.pop()  # type: ignore[method-assign]


@contextmanager
def owner_privileges(*, regrant: bool = False) -> Iterator[None]:
    """The block runs with the owner's rights (``RESET ROLE``), for the test harness's own
    work; then the application role again, its privileges given anew first when the block
    re-created tables (``regrant``). Does nothing unless the tests act as the application role.
    """
    if not active():
        yield
        return
    with connection.cursor() as cursor:
        cursor.execute("RESET ROLE")
    done = False
    try:
        yield
        done = True
    finally:
        if done:
            if regrant:
                app_role_setup(app_role=APP_ROLE)
            with connection.cursor() as cursor:
                cursor.execute(_set_role())
        elif not connection.in_atomic_block:
            connection.close()  # the next use connects afresh, as the application role
        # inside a transaction, its rollback undoes the RESET ROLE


def can_create_roles() -> bool:
    """The owner the tests log in as may create roles (a superuser, or CREATEROLE)."""
    with owner_privileges(), connection.cursor() as cursor:
        cursor.execute(
            "SELECT rolsuper OR rolcreaterole FROM pg_roles WHERE rolname = session_user"
        )
        return bool(cursor.fetchone()[0])


@contextmanager
def acting_as(role: str) -> Iterator[None]:
    """The block acts as ``role`` (``SET ROLE``, inside the test's transaction); then as before.
    The role the tests log in as is made a member first when it must be."""
    with connection.cursor() as cursor:
        cursor.execute("SELECT current_user")
        before = str(cursor.fetchone()[0])
    quoted = connection.ops.quote_name(role)
    with owner_privileges(), connection.cursor() as cursor:
        cursor.execute(
            "SELECT rolsuper OR pg_has_role(session_user, %s::name, 'MEMBER') FROM pg_roles "
            "WHERE rolname = session_user",
            [role],
        )
        if not cursor.fetchone()[0]:
            cursor.execute(f"GRANT {quoted} TO session_user")
    with connection.cursor() as cursor:
        cursor.execute(f"SET ROLE {quoted}")
    try:
        yield
    finally:
        with connection.cursor() as cursor:
            cursor.execute(f"SET ROLE {connection.ops.quote_name(before)}")
