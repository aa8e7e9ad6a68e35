"""The roles already in a database that read the border guidance are given it by the
migration: the Border Force duty officer, the entry clearance officer and the crew line's call
handler; no other role is."""

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

from nrm.accounts.capabilities import Capability
from nrm.accounts.models import Role
from tests.app_role import owner_privileges

BEFORE_GUIDANCE = [("border", "0003_roles_at_the_border")]
READERS = ("border_force_duty_officer", "entry_clearance_officer", "crew_line_call_handler")


@pytest.mark.django_db(transaction=True)
def test_the_roles_at_the_border_may_read_the_guidance_after_the_migration() -> None:
    with owner_privileges(regrant=True):  # migrations run as the owner
        executor = MigrationExecutor(connection)
        executor.migrate(BEFORE_GUIDANCE)
        old = executor.loader.project_state(BEFORE_GUIDANCE).apps.get_model("accounts", "Role")
        for code in (*READERS, "first_responder"):
            old.objects.update_or_create(
                code=code,
                defaults={"name": code, "scope": "none", "capabilities": ["screen_at_border"]},
            )
        executor = MigrationExecutor(connection)
        executor.migrate(executor.loader.graph.leaf_nodes())
    guidance = Capability.READ_BORDER_GUIDANCE.value
    for code in READERS:
        assert Role.objects.get(code=code).capabilities == sorted([guidance, "screen_at_border"])
    assert Role.objects.get(code="first_responder").capabilities == ["screen_at_border"]
