"""The application role of a PostgreSQL case store: privileges without ownership.

Two roles (docs/operations.md, ADR 11): the **owner** runs ``nrm migrate`` and owns every
table; the **application role** is the one the running service connects as. ``app_role_setup``
runs as the owner (``DATABASE_URL``) and, in one transaction, creates the application role if it
does not exist and gives it exactly:

- ``CONNECT`` on the database and ``USAGE`` on the schema, when it lacks them;
- ``SELECT, INSERT`` on the audit table (``APPEND_ONLY``): no UPDATE, DELETE, TRUNCATE,
  REFERENCES or TRIGGER, and never ownership, so it can neither change audit rows nor switch
  the append-only trigger off;
- ``SELECT`` on ``django_migrations`` (``READ_ONLY``);
- ``SELECT, INSERT, UPDATE, DELETE`` on every other table the owner owns in the schema;
- ``USAGE`` on the sequences of those tables' key columns (the bulk writers reserve keys with
  ``nextval``), none on the audit table's;
- ``EXECUTE`` on the reference-number function (migration ``cases.0003``), which creates a
  year's sequence with the owner's rights, so the application role creates nothing;
- default privileges: tables and sequences the owner creates later (a new migration) get the
  same table and sequence privileges. Run this again after every ``nrm migrate`` all the same:
  it is idempotent, revokes whatever else the role was given on the owner's tables and sequences
  first, and keeps the audit table append-only whatever the defaults say.
"""

import re
from dataclasses import dataclass, field

from django.db import DatabaseError, connection, transaction
from django.db.backends.utils import CursorWrapper

from nrm.audit.models import AuditEvent
from nrm.audit.privileges import audit_alter_risks
from nrm.cases.referrals.references import REFERENCE_FUNCTION

APPEND_ONLY = (AuditEvent._meta.db_table,)
READ_ONLY = ("django_migrations",)
TABLE_PRIVILEGES = "SELECT, INSERT, UPDATE, DELETE"
ROLE_NAME = re.compile(r"[a-z_][a-z0-9_]{0,62}")

NOT_POSTGRESQL = (
    "`nrm db roles` sets up PostgreSQL roles, and this case store is SQLite ({name}): a file "
    "has no roles, and whoever can write it can change anything (docs/audit.md)"
)
BAD_NAME = (
    "--app-role {name!r} is not a plain role name: use lower-case letters, digits and _ (at "
    "most 63), starting with a letter or _"
)
NOT_MIGRATED = (
    "the case store ({name}) has no tables yet: run `nrm migrate` as the owner first, then this"
)
NOT_OWNER = (
    "connect as the owner of the tables, the role that ran `nrm migrate`: DATABASE_URL connects "
    "as {user}, and the tables belong to {owner}"
)
SAME_AS_OWNER = (
    "the application role must not be the owner of the tables: DATABASE_URL connects as "
    "{user}; give --app-role another name"
)
CANNOT_CREATE = (
    "cannot create the role {role}: {user} may not create roles. Ask the database administrator "
    "to run `CREATE ROLE {role} LOGIN PASSWORD '…'` (a superuser or a role with CREATEROLE), "
    "then run this again"
)
CANNOT_ALTER_ROLE = (
    "cannot set the password of {role}: {user} may not change that role. Ask the database "
    "administrator to set it (ALTER ROLE {role} PASSWORD '…'), then run this again without "
    "NRM_APP_ROLE_PASSWORD"
)
CANNOT_GRANT = (
    "cannot give {role} {what}: {user} may not grant it ({reason}). Ask the database "
    "administrator to run `{statement}`, then run this again"
)
UNSAFE_ROLE = (
    "the role {role} cannot be the application role: {risks}. Choose a role that is not a "
    "superuser and owns no table, or have the database administrator change it"
)
ROLE_IS_SUPERUSER = "it is a superuser"
ROLE_ACTS_AS_OWNER = "it is a member of {owner}, the owner of the tables"
ROLE_OWNS = "it owns {count} tables, sequences or views in this database"
STILL_ALTERS = "after the grants {role} could still change the audit log: {risks}"
CAN_CREATE_IN_SCHEMA = (
    "{role} may create objects in schema {schema} (granted to it or to PUBLIC). It cannot alter "
    "the application's tables with that, and it needs no such right: as the schema's owner, "
    "REVOKE CREATE ON SCHEMA {schema} FROM PUBLIC, {role}"
)


MIGRATE_NOT_OWNER = (
    "the role DATABASE_URL connects as ({user}) may not change the case store's tables: run "
    "`nrm migrate` as their owner ({owner}), then `nrm db roles --app-role {user}` as the owner "
    "(docs/operations.md)"
)
INSUFFICIENT_PRIVILEGE = "42501"  # SQLSTATE: permission denied, must be owner


class RolesError(Exception):
    """The roles cannot be set up as asked; nothing was changed."""


@dataclass
class RolesReport:
    role: str
    owner: str
    schema: str
    created: bool = False
    password_set: bool = False
    tables: int = 0  # read and written (SELECT, INSERT, UPDATE, DELETE)
    append_only: list[str] = field(default_factory=list)  # SELECT, INSERT
    read_only: list[str] = field(default_factory=list)  # SELECT
    sequences: int = 0  # USAGE
    warnings: list[str] = field(default_factory=list)


def _ident(name: str) -> str:
    return connection.ops.quote_name(name)


def _one(cursor: CursorWrapper, sql: str, params: list[str] | None = None) -> object:
    cursor.execute(sql, params)
    row = cursor.fetchone()
    return None if row is None else row[0]


def _check(cursor: CursorWrapper, role: str) -> tuple[str, str]:
    """The owner (the connected role) and the schema; refuses what cannot be set up."""
    name = connection.settings_dict["NAME"]
    if connection.vendor != "postgresql":
        raise RolesError(NOT_POSTGRESQL.format(name=name))
    if ROLE_NAME.fullmatch(role) is None:
        raise RolesError(BAD_NAME.format(name=role))
    user = str(_one(cursor, "SELECT current_user"))
    schema = str(_one(cursor, "SELECT current_schema()"))
    audit = _ident(APPEND_ONLY[0])
    owner = _one(
        cursor,
        "SELECT pg_get_userbyid(relowner) FROM pg_class WHERE oid = to_regclass(%s::text)",
        [audit],
    )
    if owner is None:
        raise RolesError(NOT_MIGRATED.format(name=name))
    if owner != user:
        raise RolesError(NOT_OWNER.format(user=user, owner=owner))
    if role == user:
        raise RolesError(SAME_AS_OWNER.format(user=user))
    return user, schema


def _role_ensure(cursor: CursorWrapper, report: RolesReport, password: str | None) -> None:
    role, user = report.role, report.owner
    exists = _one(cursor, "SELECT count(*) FROM pg_roles WHERE rolname = %s::name", [role])
    if not exists:
        may = "SELECT rolcreaterole OR rolsuper FROM pg_roles WHERE rolname = current_user"
        if not _one(cursor, may):
            raise RolesError(CANNOT_CREATE.format(role=role, user=user))
        cursor.execute(f"CREATE ROLE {_ident(role)} LOGIN")
        report.created = True
    else:
        _existing_role_check(cursor, role, user)
    if password:
        # Sent as a SCRAM verifier made here, so the password itself never reaches the
        # server's statement log.
        pgconn = connection.connection.pgconn
        verifier = pgconn.encrypt_password(password.encode(), role.encode()).decode()
        try:
            with transaction.atomic():
                cursor.execute(f"ALTER ROLE {_ident(role)} PASSWORD '{verifier}'")
        except DatabaseError as exc:  # insufficient privilege, said in the operator's terms
            raise RolesError(CANNOT_ALTER_ROLE.format(role=role, user=user)) from exc
        report.password_set = True


def _existing_role_check(cursor: CursorWrapper, role: str, owner: str) -> None:
    """An existing role may become the application role unless it is a superuser, acts as the
    owner, or owns tables here: none of which a grant or revoke could undo."""
    cursor.execute(
        "SELECT rolsuper, pg_has_role(%s::name, %s::name, 'MEMBER') FROM pg_roles "
        "WHERE rolname = %s::name",
        [role, owner, role],
    )
    superuser, as_owner = cursor.fetchone()
    owned = _one(
        cursor,
        "SELECT count(*) FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace "
        "WHERE c.relowner = to_regrole(%s::text) AND c.relkind IN ('r', 'p', 'S', 'v', 'm') "
        "AND n.nspname NOT IN ('pg_catalog', 'information_schema')",
        [_ident(role)],
    )
    risks = []
    if superuser:
        risks.append(ROLE_IS_SUPERUSER)
    else:
        if as_owner:
            risks.append(ROLE_ACTS_AS_OWNER.format(owner=owner))
        if owned:
            risks.append(ROLE_OWNS.format(count=owned))
    if risks:
        raise RolesError(UNSAFE_ROLE.format(role=role, risks="; ".join(risks)))


def _grant_missing(
    cursor: CursorWrapper, report: RolesReport, *, what: str, held: str, statement: str
) -> None:
    """Grant a database or schema privilege the role lacks; the owner of the tables may not own
    the database or schema, and then an administrator must."""
    if _one(cursor, held, [report.role]):
        return
    try:
        with transaction.atomic():
            cursor.execute(statement)
    except DatabaseError as exc:
        reason = str(exc).strip().splitlines()[0]
        raise RolesError(
            CANNOT_GRANT.format(
                role=report.role, what=what, user=report.owner, reason=reason, statement=statement
            )
        ) from exc


def _owned(cursor: CursorWrapper, kinds: list[str]) -> list[tuple[str, str]]:
    """(quoted qualified name, name) of the owner's relations of these kinds in the schema."""
    cursor.execute(
        "SELECT quote_ident(n.nspname) || '.' || quote_ident(c.relname), c.relname "
        "FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace "
        "WHERE n.nspname = current_schema() AND c.relowner = to_regrole(current_user::text) "
        "AND c.relkind::text = ANY(%s) ORDER BY c.relname",
        [kinds],
    )
    return [(str(q), str(n)) for q, n in cursor.fetchall()]


def _key_sequences(cursor: CursorWrapper, tables: list[str]) -> set[str]:
    """The quoted names of the sequences behind key columns of these tables."""
    cursor.execute(
        "SELECT quote_ident(n.nspname) || '.' || quote_ident(s.relname) FROM pg_class s "
        "JOIN pg_namespace n ON n.oid = s.relnamespace "
        "JOIN pg_depend d ON d.objid = s.oid AND d.classid = 'pg_class'::regclass "
        "AND d.refclassid = 'pg_class'::regclass AND d.deptype IN ('a', 'i') "
        "JOIN pg_class t ON t.oid = d.refobjid "
        "WHERE s.relkind = 'S' AND n.nspname = current_schema() AND t.relname = ANY(%s)",
        [tables],
    )
    return {str(row[0]) for row in cursor.fetchall()}


def _grants(cursor: CursorWrapper, report: RolesReport) -> None:
    role = _ident(report.role)
    for qualified, name in _owned(cursor, ["r", "p"]):
        cursor.execute(f"REVOKE ALL ON TABLE {qualified} FROM {role}")
        if name in APPEND_ONLY:
            cursor.execute(f"GRANT SELECT, INSERT ON TABLE {qualified} TO {role}")
            report.append_only.append(name)
        elif name in READ_ONLY:
            cursor.execute(f"GRANT SELECT ON TABLE {qualified} TO {role}")
            report.read_only.append(name)
        else:
            cursor.execute(f"GRANT {TABLE_PRIVILEGES} ON TABLE {qualified} TO {role}")
            report.tables += 1
    excluded = _key_sequences(cursor, [*APPEND_ONLY, *READ_ONLY])
    for qualified, name in _owned(cursor, ["S"]):
        cursor.execute(f"REVOKE ALL ON SEQUENCE {qualified} FROM {role}")
        if qualified not in excluded and not name.startswith("nrm_ref_"):
            cursor.execute(f"GRANT USAGE ON SEQUENCE {qualified} TO {role}")
            report.sequences += 1
    function = f"{_ident(report.schema)}.{REFERENCE_FUNCTION}(text, integer)"
    cursor.execute(f"GRANT EXECUTE ON FUNCTION {function} TO {role}")
    owner, schema = _ident(report.owner), _ident(report.schema)
    defaults = f"ALTER DEFAULT PRIVILEGES FOR ROLE {owner} IN SCHEMA {schema}"
    cursor.execute(f"{defaults} GRANT {TABLE_PRIVILEGES} ON TABLES TO {role}")
    cursor.execute(f"{defaults} GRANT USAGE ON SEQUENCES TO {role}")


def app_role_setup(*, app_role: str, password: str | None = None) -> RolesReport:
    """Create (if need be) and grant the application role, as the owner; see the module's note.
    Raises ``RolesError`` with what to do when it cannot, having changed nothing."""
    with transaction.atomic(), connection.cursor() as cursor:
        owner, schema = _check(cursor, app_role)
        report = RolesReport(role=app_role, owner=owner, schema=schema)
        _role_ensure(cursor, report, password)
        database = str(_one(cursor, "SELECT current_database()"))
        _grant_missing(
            cursor,
            report,
            what=f"CONNECT on database {database}",
            held="SELECT has_database_privilege(%s::name, current_database(), 'CONNECT')",
            statement=f"GRANT CONNECT ON DATABASE {_ident(database)} TO {_ident(app_role)}",
        )
        _grant_missing(
            cursor,
            report,
            what=f"USAGE on schema {schema}",
            held="SELECT has_schema_privilege(%s::name, current_schema(), 'USAGE')",
            statement=f"GRANT USAGE ON SCHEMA {_ident(schema)} TO {_ident(app_role)}",
        )
        _grants(cursor, report)
        risks = audit_alter_risks(role=app_role)
        if risks:
            raise RolesError(STILL_ALTERS.format(role=app_role, risks="; ".join(risks)))
        create = "SELECT has_schema_privilege(%s::name, current_schema(), 'CREATE')"
        if _one(cursor, create, [app_role]):
            report.warnings.append(CAN_CREATE_IN_SCHEMA.format(role=app_role, schema=schema))
    return report


def migrate_refused(exc: DatabaseError) -> str | None:
    """What to do when ``nrm migrate`` was refused for want of privileges (the application role
    cannot change tables); None for any other error."""
    if getattr(exc.__cause__, "sqlstate", None) != INSUFFICIENT_PRIVILEGE:
        return None
    with connection.cursor() as cursor:
        user = str(_one(cursor, "SELECT current_user"))
        owner = _one(
            cursor,
            "SELECT pg_get_userbyid(relowner) FROM pg_class WHERE oid = to_regclass(%s::text)",
            [_ident(APPEND_ONLY[0])],
        )
    return MIGRATE_NOT_OWNER.format(user=user, owner=owner or "the role that created them")
