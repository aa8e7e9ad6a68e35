"""On PostgreSQL the application role (``nrm db roles``) can append to the audit log and read
it, and nothing else: UPDATE, DELETE, TRUNCATE and switching the append-only trigger off are
refused. ``nrm audit verify`` warns, without failing, when the role it connects as could."""

import secrets
from collections.abc import Callable, Iterator
from typing import Any

import pytest
from django.db import DatabaseError, connection, transaction

from nrm.accounts.actors import OPERATOR
from nrm.accounts.models import Organisation, User
from nrm.audit.errors import (
    ALTER_RISK_WARNING,
    RISK_PRIVILEGES,
    TRIGGER_OFF_WARNING,
)
from nrm.audit.models import AuditEvent, AuditVerb
from nrm.audit.privileges import audit_alter_risks, connected_role
from nrm.audit.services import audit_record
from nrm.cases.referrals.services import referral_submit
from nrm.cli import main
from nrm.config.roles import app_role_setup
from tests import app_role as harness
from tests.app_role import acting_as, can_create_roles, owner_privileges
from tests.audit.conftest import log_build, tampering
from tests.conftest import uses_postgres

pytestmark = [pytest.mark.django_db]
postgres_only = pytest.mark.skipif(not uses_postgres(), reason="roles and grants are PostgreSQL's")
WARNING_START = ALTER_RISK_WARNING.split("(")[0]  # "warning: the database role this check …"
TABLE = AuditEvent._meta.db_table


@pytest.fixture
def app_role(db: Any) -> Iterator[str]:
    """A fresh application role set up by ``nrm db roles``' code, inside the test's transaction
    (rolled back with it, role and all)."""
    if not can_create_roles():
        pytest.skip("the role the tests log in as may not create roles (CREATEROLE)")
    name = f"nrm_test_app_{secrets.token_hex(4)}"
    with owner_privileges():
        app_role_setup(app_role=name)
    yield name


def _refused(statement: str) -> str:
    with pytest.raises(DatabaseError) as raised, transaction.atomic(), connection.cursor() as c:
        c.execute(statement)
    return str(raised.value)


@postgres_only
def test_the_application_role_appends_and_reads_but_cannot_change_or_remove_entries(
    app_role: str,
) -> None:
    log_build(3)
    with acting_as(app_role):
        audit_record(actor=OPERATOR, verb=AuditVerb.ACCESS_DENIED)
        assert AuditEvent.objects.count() == 4
        assert "permission denied" in _refused("UPDATE audit_auditevent SET detail = '{}'")
        assert "permission denied" in _refused("DELETE FROM audit_auditevent")
        assert "permission denied" in _refused(f"TRUNCATE {TABLE}")
        trigger = "audit_event_append_only"
        assert "must be owner" in _refused(f"ALTER TABLE {TABLE} DISABLE TRIGGER {trigger}")
        assert "must be owner" in _refused(f"DROP TRIGGER {trigger} ON {TABLE}")
        assert "permission denied" in _refused(
            f"CREATE TRIGGER nrm_x BEFORE INSERT ON {TABLE} FOR EACH ROW "
            f"EXECUTE FUNCTION {trigger}()"
        )
        assert "must be owner" in _refused(f"ALTER TABLE {TABLE} OWNER TO CURRENT_USER")
    assert AuditEvent.objects.count() == 4


@postgres_only
def test_the_application_role_submits_a_referral_numbered_from_a_new_years_sequence(
    app_role: str,
    make_user: Callable[..., User],
    organisation: Organisation,
    valid_referral: dict[str, Any],
) -> None:
    officer = make_user("officer", organisation)
    data = {**valid_referral, "referral_date": "2012-05-02"}
    with owner_privileges(), connection.cursor() as cursor:
        cursor.execute("DROP SEQUENCE IF EXISTS nrm_ref_nrm_2012")  # created anew below
    with acting_as(app_role):
        referral = referral_submit(actor=officer, data=data, organisation=organisation)
    assert referral.reference == "NRM-2012-000001"
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT pg_get_userbyid(relowner) = %s::name FROM pg_class "
            "WHERE relname = 'nrm_ref_nrm_2012'",
            [app_role],
        )
        assert cursor.fetchone() == (False,)  # the owner's, made by the reference function


@postgres_only
def test_audit_verify_warns_a_role_that_can_alter_the_log_and_still_passes(
    app_role: str, capsys: pytest.CaptureFixture[str]
) -> None:
    log_build(2)
    with owner_privileges():  # the owner (or the superuser) the tests log in as
        assert main(["audit", "verify"]) == 0
    err = capsys.readouterr().err
    assert err.startswith(WARNING_START) and "docs/operations.md" in err
    with acting_as(app_role):
        assert main(["audit", "verify"]) == 0
    captured = capsys.readouterr()
    assert captured.err == "" and "2 entries, chain intact" in captured.out


@postgres_only
def test_audit_verify_names_the_privileges_that_let_a_role_alter_the_log(
    app_role: str, capsys: pytest.CaptureFixture[str]
) -> None:
    with owner_privileges(), connection.cursor() as cursor:
        cursor.execute(f"GRANT UPDATE, TRUNCATE ON {TABLE} TO {app_role}")
    with acting_as(app_role):
        assert main(["audit", "verify"]) == 0
    err = capsys.readouterr().err
    expected = ALTER_RISK_WARNING.format(
        role=app_role, risks=RISK_PRIVILEGES.format(privileges="UPDATE, TRUNCATE")
    )
    assert err.strip() == expected


@postgres_only
def test_audit_verify_warns_when_the_append_only_trigger_is_off(
    capsys: pytest.CaptureFixture[str],
) -> None:
    with tampering():
        assert main(["audit", "verify"]) == 0
    assert TRIGGER_OFF_WARNING in capsys.readouterr().err


@pytest.mark.skipif(
    not (uses_postgres() and harness.APP_ROLE),
    reason="the suite acts as the application role only with NRM_TEST_APP_ROLE on PostgreSQL",
)
def test_with_an_application_role_every_test_acts_as_it_and_it_cannot_alter_the_log() -> None:
    assert connected_role() == harness.APP_ROLE
    assert audit_alter_risks() == []
    with owner_privileges():
        assert connected_role() != harness.APP_ROLE
    assert connected_role() == harness.APP_ROLE


@pytest.mark.skipif(uses_postgres(), reason="SQLite has no roles to warn about")
def test_audit_verify_gives_no_role_warning_on_sqlite(capsys: pytest.CaptureFixture[str]) -> None:
    log_build(1)
    assert main(["audit", "verify"]) == 0
    assert capsys.readouterr().err == ""
