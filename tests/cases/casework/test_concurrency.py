import threading
from datetime import date

import pytest
from django.db import connection

from nrm.accounts.models import User
from nrm.cases.casework.services.decisions import rg_decision_record
from nrm.cases.casework.services.locking import CaseConflict
from nrm.cases.casework.state import IllegalTransition
from nrm.cases.models import Decision
from tests.conftest import uses_postgres

WRITERS = 20


@pytest.mark.postgres
@pytest.mark.skipif(not uses_postgres(), reason="concurrent writers are measured on PostgreSQL")
@pytest.mark.django_db(transaction=True)
def test_twenty_concurrent_rg_decisions_on_one_case_record_exactly_one(
    reference: str, caseworker: User
) -> None:
    barrier = threading.Barrier(WRITERS)
    results: list[str] = []
    lock = threading.Lock()

    def decide(index: int) -> None:
        outcome = "error"
        try:
            barrier.wait()
            rg_decision_record(
                actor=caseworker,
                reference=reference,
                positive=index % 2 == 0,
                on=date(2012, 5, 18),
                expected_version=1,
                reasons="Fictional reasons",
            )
            outcome = "recorded"
        except CaseConflict:
            outcome = "conflict"
        except IllegalTransition:
            outcome = "refused"
        finally:
            connection.close()
            with lock:
                results.append(outcome)

    threads = [threading.Thread(target=decide, args=(i,)) for i in range(WRITERS)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert results.count("recorded") == 1, results
    assert results.count("conflict") == WRITERS - 1, results
    assert Decision.objects.filter(referral__reference=reference).count() == 1
