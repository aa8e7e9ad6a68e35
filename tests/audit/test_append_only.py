"""On PostgreSQL the application's connection cannot change or remove audit rows, and twenty
writers at once leave one intact chain."""

import threading
from typing import Any

import pytest
from django.db import DatabaseError, connection, connections, transaction

from nrm.accounts.actors import OPERATOR
from nrm.audit.models import AuditEvent, AuditVerb
from nrm.audit.services import audit_record, audit_record_many
from nrm.audit.verify import chain_verify
from tests.app_role import owner_privileges
from tests.audit.conftest import log_build, log_empty
from tests.conftest import uses_postgres

postgres_only = pytest.mark.skipif(
    not uses_postgres(), reason="the append-only trigger and concurrent writers are PostgreSQL's"
)
APPEND_ONLY = "the audit log is append-only"


@postgres_only
@pytest.mark.django_db
def test_an_update_of_an_audit_row_fails_even_for_the_owner() -> None:
    """The trigger refuses whoever runs it; the application role is refused before it, by its
    grants (test_privileges.py), so this runs as the owner."""
    log_build(3)
    with (
        owner_privileges(),
        pytest.raises(DatabaseError, match=f"{APPEND_ONLY}: UPDATE"),
        transaction.atomic(),
    ):
        AuditEvent.objects.filter(seq=2).update(target_id="0")
    with (
        owner_privileges(),
        pytest.raises(DatabaseError, match=APPEND_ONLY),
        transaction.atomic(),
        connection.cursor() as cursor,
    ):
        cursor.execute("UPDATE audit_auditevent SET detail = '{}'")
    assert list(AuditEvent.objects.values_list("target_id", flat=True)) == ["1", "2", "3"]


@postgres_only
@pytest.mark.django_db
def test_a_delete_of_an_audit_row_fails_even_for_the_owner() -> None:
    log_build(3)
    with (
        owner_privileges(),
        pytest.raises(DatabaseError, match=f"{APPEND_ONLY}: DELETE"),
        transaction.atomic(),
    ):
        AuditEvent.objects.filter(seq=3).delete()
    with (
        owner_privileges(),
        pytest.raises(DatabaseError, match=APPEND_ONLY),
        transaction.atomic(),
        connection.cursor() as cursor,
    ):
        cursor.execute("DELETE FROM audit_auditevent")
    assert AuditEvent.objects.count() == 3
    assert chain_verify().intact


@postgres_only
@pytest.mark.django_db
def test_appending_is_still_allowed() -> None:
    log_build(3)
    audit_record(actor=OPERATOR, verb=AuditVerb.ACCESS_DENIED)
    assert AuditEvent.objects.count() == 4


@postgres_only
@pytest.mark.django_db(transaction=True)
def test_twenty_writers_at_once_leave_one_intact_chain() -> None:
    writers, rounds = 20, 5
    barrier = threading.Barrier(writers)
    failures: list[BaseException] = []

    def write(number: int) -> None:
        try:
            barrier.wait()
            for step in range(rounds):
                with transaction.atomic():
                    audit_record(actor=OPERATOR, verb=AuditVerb.CASE_EDIT, detail={"w": number})
                    audit_record_many(
                        actor=OPERATOR,
                        verb=AuditVerb.REFERRAL_IMPORT,
                        target_type="cases.referral",
                        target_ids=[number * 100 + step, number * 100 + step + 50],
                        detail={"w": number, "step": step},
                    )
        except BaseException as exc:  # reported by the main thread
            failures.append(exc)
        finally:
            connections.close_all()

    threads = [threading.Thread(target=write, args=(n,)) for n in range(writers)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert failures == []
    report = chain_verify()
    assert report.intact, report.broken
    assert report.entries == AuditEvent.objects.count() == writers * rounds * 3
    # Each transaction's three events are consecutive: appends were serialised whole.
    seqs_by_writer: dict[Any, list[int]] = {}
    for seq, detail in AuditEvent.objects.values_list("seq", "detail"):
        seqs_by_writer.setdefault(detail["w"], []).append(seq)
    for seqs in seqs_by_writer.values():
        for start in range(0, len(seqs), 3):
            assert seqs[start : start + 3] == list(range(seqs[start], seqs[start] + 3))


@postgres_only
@pytest.mark.django_db(transaction=True)
def test_the_table_can_still_be_emptied_by_truncate_as_test_frameworks_do() -> None:
    log_build(3)
    log_empty()
    assert AuditEvent.objects.count() == 0
