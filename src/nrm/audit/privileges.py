"""Who can change the audit log behind the services' back, on PostgreSQL.

The append-only trigger (migration ``audit.0006``) refuses UPDATE and DELETE of audit rows
whoever runs them, but the table's owner can switch it off, a superuser can do anything, and a
role holding TRUNCATE or TRIGGER on the table can empty it or add triggers of its own. The
running service should connect as a role that can do none of this (``nrm db roles``,
docs/operations.md). ``audit_alter_risks`` says, in words, what lets a role do it, and
``append_only_trigger_problem`` whether the trigger is off; ``nrm audit verify`` prints both as
warnings. SQLite has no roles: whoever can write the file can change
anything, and the hash chain is what detects it (docs/audit.md).
"""

from django.db import connection
from django.db.backends.utils import CursorWrapper

from nrm.audit import errors
from nrm.audit.models import AuditEvent

TRIGGER = "audit_event_append_only"  # installed by migration audit.0006
# Table privileges that let a role that does not own the table change or remove its rows.
ALTERING_PRIVILEGES = ("UPDATE", "DELETE", "TRUNCATE", "TRIGGER")


def _role_risks(cursor: CursorWrapper, role: str, table: str) -> list[str]:
    cursor.execute(
        "SELECT r.rolsuper, pg_has_role(%s::name, c.relowner, 'MEMBER'), "
        "pg_get_userbyid(c.relowner) FROM pg_roles r, pg_class c "
        "WHERE r.rolname = %s::name AND c.oid = to_regclass(%s::text)",
        [role, role, table],
    )
    row = cursor.fetchone()
    if row is None:
        return []
    superuser, owns, owner = row
    if superuser:
        return [errors.RISK_SUPERUSER]
    if owns:
        return [errors.RISK_OWNER.format(owner=owner)]
    held = []
    for privilege in ALTERING_PRIVILEGES:
        cursor.execute(
            "SELECT has_table_privilege(%s::name, %s::text, %s::text)", [role, table, privilege]
        )
        if cursor.fetchone()[0]:
            held.append(privilege)
    return [errors.RISK_PRIVILEGES.format(privileges=", ".join(held))] if held else []


def append_only_trigger_problem() -> str | None:
    """A warning when the append-only trigger is missing or switched off; None when it is on
    (and always on SQLite, which has none)."""
    if connection.vendor != "postgresql":
        return None
    table = connection.ops.quote_name(AuditEvent._meta.db_table)
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT tgenabled FROM pg_trigger "
            "WHERE tgrelid = to_regclass(%s::text) AND tgname = %s::name",
            [table, TRIGGER],
        )
        row = cursor.fetchone()
    if row is None:
        return errors.TRIGGER_MISSING_WARNING
    return errors.TRIGGER_OFF_WARNING if row[0] == "D" else None


def audit_alter_risks(*, role: str | None = None) -> list[str]:
    """What lets ``role`` (by default the role the connection acts as) change or remove audit
    entries behind the services' back, one phrase each; empty when nothing does, and always on
    SQLite."""
    if connection.vendor != "postgresql":
        return []
    table = connection.ops.quote_name(AuditEvent._meta.db_table)
    role = connected_role() if role is None else role
    with connection.cursor() as cursor:
        return _role_risks(cursor, role, table)


def connected_role() -> str:
    """The role the connection acts as (``current_user``); empty on SQLite."""
    if connection.vendor != "postgresql":
        return ""
    with connection.cursor() as cursor:
        cursor.execute("SELECT current_user")
        return str(cursor.fetchone()[0])
