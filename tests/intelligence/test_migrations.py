"""An intelligence analyst role already in the database is given the review of records
proposed as one person when the tables of person resolution are created, the surge alerts when
those of surge detection are, and the review of similar accounts after those."""

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

from nrm.accounts.capabilities import Capability
from nrm.accounts.models import Role
from tests.app_role import owner_privileges

BEFORE_RESOLUTION = [("intelligence", "0002_person_exploitation_and_operation")]


@pytest.mark.django_db(transaction=True)
def test_an_existing_intelligence_analyst_role_may_resolve_people_after_the_migration() -> None:
    with owner_privileges(regrant=True):  # migrations run as the owner
        executor = MigrationExecutor(connection)
        executor.migrate(BEFORE_RESOLUTION)
        old = executor.loader.project_state(BEFORE_RESOLUTION).apps.get_model("accounts", "Role")
        kept = ["read_intelligence", "read_linked_nrm_records", "read_national_intelligence"]
        old.objects.update_or_create(
            code="intelligence_analyst",
            defaults={"name": "Intelligence analyst", "scope": "none", "capabilities": kept},
        )
        old.objects.update_or_create(
            code="intelligence_officer",
            defaults={"name": "Intelligence officer", "scope": "none", "capabilities": kept[:1]},
        )
        executor = MigrationExecutor(connection)
        executor.migrate(executor.loader.graph.leaf_nodes())
    analyst = Role.objects.get(code="intelligence_analyst")
    added = [
        Capability.RESOLVE_PEOPLE.value,
        Capability.MONITOR_SURGES.value,
        Capability.READ_ACCOUNT_TEXT.value,
        Capability.REVIEW_SIMILAR_ACCOUNTS.value,
    ]
    assert analyst.capabilities == sorted([*kept, *added])
    assert Role.objects.get(code="intelligence_officer").capabilities == kept[:1]
