"""Events written before the log was chained are chained, in the order they were stored."""

from typing import Any

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

from nrm.audit.verify import chain_verify
from tests.app_role import owner_privileges
from tests.audit.conftest import entry

BEFORE_THE_CHAIN = [("audit", "0002_more_verbs")]


@pytest.mark.django_db(transaction=True)
def test_events_stored_before_the_chain_existed_are_chained_in_storage_order() -> None:
    with owner_privileges(regrant=True):  # migrations run as the owner
        executor = MigrationExecutor(connection)
        executor.migrate(BEFORE_THE_CHAIN)
        old = executor.loader.project_state(BEFORE_THE_CHAIN).apps.get_model("audit", "AuditEvent")
        details: list[dict[str, Any]] = [{"page": 1}, {}, {"references": ["NRM-2012-000001"]}]
        ids = [
            old.objects.create(verb="referral.list", target_id=str(n), detail=detail).pk
            for n, detail in enumerate(details)
        ]
        executor = MigrationExecutor(connection)
        executor.migrate(executor.loader.graph.leaf_nodes())
    report = chain_verify()
    assert report.intact
    assert report.entries == 3
    assert [entry(seq).pk for seq in (1, 2, 3)] == ids
    assert [entry(seq).detail for seq in (1, 2, 3)] == details
