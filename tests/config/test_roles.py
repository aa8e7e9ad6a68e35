"""``nrm db roles``: the application role gets the privileges it needs and no more, run again it
puts back exactly those, and what it cannot do it refuses in the operator's terms."""

import secrets
from collections.abc import Iterator
from typing import Any

import pytest
from django.core.management import call_command
from django.db import connection

from nrm.cli import main
from nrm.config.roles import (
    BAD_NAME,
    MIGRATE_NOT_OWNER,
    NOT_OWNER,
    NOT_POSTGRESQL,
    ROLE_IS_SUPERUSER,
    SAME_AS_OWNER,
    UNSAFE_ROLE,
    app_role_setup,
)
from tests.app_role import acting_as, can_create_roles, owner_privileges
from tests.conftest import uses_postgres

pytestmark = pytest.mark.django_db
postgres_only = pytest.mark.skipif(not uses_postgres(), reason="roles and grants are PostgreSQL's")
AUDIT = "audit_auditevent"
TABLE_PRIVILEGES = ("SELECT", "INSERT", "UPDATE", "DELETE", "TRUNCATE", "REFERENCES", "TRIGGER")


@pytest.fixture
def role(db: Any) -> Iterator[str]:
    """A name for a role that does not exist yet; made inside the test's transaction."""
    if not can_create_roles():
        pytest.skip("the role the tests log in as may not create roles (CREATEROLE)")
    yield f"nrm_test_app_{secrets.token_hex(4)}"


def _value(sql: str, *params: str) -> Any:
    with connection.cursor() as cursor:
        cursor.execute(sql, list(params))
        return cursor.fetchone()[0]


def _table_privileges(role: str, table: str) -> set[str]:
    return {
        p
        for p in TABLE_PRIVILEGES
        if _value("SELECT has_table_privilege(%s::name, %s::text, %s::text)", role, table, p)
    }


def _roles(role: str, capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:
    with owner_privileges():
        code = main(["db", "roles", "--app-role", role])
    captured = capsys.readouterr()
    return code, captured.out, captured.err


@postgres_only
def test_the_role_is_created_with_exactly_the_privileges_it_needs(
    role: str, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, _ = _roles(role, capsys)
    assert code == 0 and f"application role {role}: created" in out
    assert _table_privileges(role, AUDIT) == {"SELECT", "INSERT"}
    assert _table_privileges(role, "cases_referral") == {"SELECT", "INSERT", "UPDATE", "DELETE"}
    assert _table_privileges(role, "django_migrations") == {"SELECT"}
    assert _value(
        "SELECT rolsuper OR rolcreaterole OR rolcreatedb OR rolbypassrls OR NOT rolcanlogin "
        "FROM pg_roles WHERE rolname = %s::name",
        role,
    ) is False  # fmt: skip
    assert _value("SELECT count(*) FROM pg_class WHERE relowner = to_regrole(%s::text)", role) == 0
    assert _value(
        "SELECT has_function_privilege(%s::name, 'nrm_reference_numbers(text, integer)', "
        "'EXECUTE')",
        role,
    )
    referral_keys = "SELECT pg_get_serial_sequence('cases_referral', 'id')"
    audit_keys = "SELECT pg_get_serial_sequence('audit_auditevent', 'id')"
    usage = "SELECT has_sequence_privilege(%s::name, %s::text, %s::text)"
    assert _value(usage, role, _value(referral_keys), "USAGE")
    assert not _value(usage, role, _value(audit_keys), "USAGE")
    assert not _value(usage, role, _value(referral_keys), "UPDATE")  # no setval


@postgres_only
def test_run_again_it_changes_nothing_and_takes_back_what_else_was_given(
    role: str, capsys: pytest.CaptureFixture[str]
) -> None:
    _roles(role, capsys)
    with owner_privileges(), connection.cursor() as cursor:
        cursor.execute(f"GRANT UPDATE, DELETE, TRUNCATE, TRIGGER ON {AUDIT} TO {role}")
        cursor.execute(f"GRANT TRUNCATE, REFERENCES ON cases_referral TO {role}")
    code, out, _ = _roles(role, capsys)
    assert code == 0 and f"application role {role}: already there" in out
    assert _table_privileges(role, AUDIT) == {"SELECT", "INSERT"}
    assert _table_privileges(role, "cases_referral") == {"SELECT", "INSERT", "UPDATE", "DELETE"}


@postgres_only
def test_a_table_a_later_migration_creates_is_granted_by_default(
    role: str, capsys: pytest.CaptureFixture[str]
) -> None:
    _roles(role, capsys)
    with owner_privileges(), connection.cursor() as cursor:
        cursor.execute("CREATE TABLE nrm_later_migration (id bigint GENERATED ALWAYS AS IDENTITY)")
    later = _table_privileges(role, "nrm_later_migration")
    assert later == {"SELECT", "INSERT", "UPDATE", "DELETE"}


@postgres_only
def test_a_password_is_set_from_the_environment(
    role: str, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("NRM_APP_ROLE_PASSWORD", "a-long-test-password")
    code, out, _ = _roles(role, capsys)
    assert code == 0 and "password set" in out
    assert "a-long-test-password" not in out


@postgres_only
def test_what_cannot_be_the_application_role_is_refused(
    role: str, capsys: pytest.CaptureFixture[str]
) -> None:
    code, _, err = _roles("App-Role", capsys)
    assert code == 2 and err.strip() == f"error: {BAD_NAME.format(name='App-Role')}"
    with owner_privileges():
        owner = _value("SELECT current_user")
        superuser = _value("SELECT rolname FROM pg_roles WHERE rolsuper ORDER BY rolname LIMIT 1")
    code, _, err = _roles(owner, capsys)
    assert code == 2 and err.strip() == f"error: {SAME_AS_OWNER.format(user=owner)}"
    if superuser != owner:
        code, _, err = _roles(superuser, capsys)
        expected = UNSAFE_ROLE.format(role=superuser, risks=ROLE_IS_SUPERUSER)
        assert code == 2 and err.strip() == f"error: {expected}"


@postgres_only
def test_it_must_be_run_as_the_owner_of_the_tables(
    role: str, capsys: pytest.CaptureFixture[str]
) -> None:
    with owner_privileges():
        owner = _value("SELECT current_user")
        app_role_setup(app_role=role)
    with acting_as(role):
        code = main(["db", "roles", "--app-role", "nrm_test_other"])
    assert code == 2
    expected = NOT_OWNER.format(user=role, owner=owner)
    assert capsys.readouterr().err.strip() == f"error: {expected}"


@postgres_only
def test_migrate_as_the_application_role_says_to_run_it_as_the_owner(
    role: str, capsys: pytest.CaptureFixture[str]
) -> None:
    with owner_privileges():
        owner = _value("SELECT current_user")
        app_role_setup(app_role=role)
        call_command("migrate", "audit", "0006", verbosity=0)  # leaves one migration to apply
    with acting_as(role):
        assert main(["migrate"]) == 2
    expected = MIGRATE_NOT_OWNER.format(user=role, owner=owner)
    assert capsys.readouterr().err.strip() == f"error: {expected}"


@pytest.mark.skipif(uses_postgres(), reason="the SQLite case store's message")
def test_on_sqlite_it_says_roles_are_postgresqls(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["db", "roles", "--app-role", "nrm_app"]) == 2
    name = connection.settings_dict["NAME"]
    assert capsys.readouterr().err.strip() == f"error: {NOT_POSTGRESQL.format(name=name)}"
