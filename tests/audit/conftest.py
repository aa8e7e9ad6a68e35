from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

import pytest
from django.db import connection

from nrm.accounts.actors import OPERATOR
from nrm.audit.models import AuditEvent, AuditVerb
from nrm.audit.services import audit_record_many
from tests.app_role import owner_privileges

BATCH = 1000


def log_build(entries: int, *, actor: object = OPERATOR) -> None:
    """Append ``entries`` events, a thousand per call like the CSV importer, with details that
    differ from batch to batch."""
    for start in range(0, entries, BATCH):
        audit_record_many(
            actor=actor,
            verb=AuditVerb.REFERRAL_IMPORT,
            target_type="cases.referral",
            target_ids=range(start + 1, min(start + BATCH, entries) + 1),
            detail={"door": "csv", "file": f"batch-{start // BATCH}.csv"},
        )


@contextmanager
def tampering() -> Iterator[None]:
    """Let the test change audit rows as someone with direct access to the database would; on
    PostgreSQL that means switching the append-only trigger off (inside the test's transaction,
    so it is back on afterwards)."""
    table = connection.ops.quote_name(AuditEvent._meta.db_table)
    if connection.vendor != "postgresql":
        yield
        return
    with owner_privileges():  # the application role can neither (tests/app_role.py)
        with connection.cursor() as cursor:
            cursor.execute("SET CONSTRAINTS ALL IMMEDIATE")  # ALTER TABLE needs no checks pending
            cursor.execute(f"ALTER TABLE {table} DISABLE TRIGGER audit_event_append_only")
        yield
        with connection.cursor() as cursor:
            cursor.execute("SET CONSTRAINTS ALL IMMEDIATE")
            cursor.execute(f"ALTER TABLE {table} ENABLE TRIGGER audit_event_append_only")


CONTENT = ("at", "actor_id", "verb", "target_type", "target_id", "detail")
HASHES = ("previous_hash", "entry_hash")
OUT_OF_THE_WAY = 10**12  # a seq no entry has, to swap seq values past the unique constraint


def swap(first: AuditEvent, second: AuditEvent, fields: tuple[str, ...]) -> None:
    """Exchange ``fields`` between two stored entries."""
    one = AuditEvent.objects.filter(pk=first.pk).values(*fields).get()
    two = AuditEvent.objects.filter(pk=second.pk).values(*fields).get()
    with tampering():
        if "seq" in fields:
            AuditEvent.objects.filter(pk=first.pk).update(seq=OUT_OF_THE_WAY)
        AuditEvent.objects.filter(pk=second.pk).update(**one)
        AuditEvent.objects.filter(pk=first.pk).update(**two)


def entry(seq: int) -> AuditEvent:
    return AuditEvent.objects.get(seq=seq)


def log_empty() -> None:
    """Remove every entry as an operator with the table's owner rights would: TRUNCATE, which
    the append-only trigger leaves alone (and the application role may not run)."""
    table = connection.ops.quote_name(AuditEvent._meta.db_table)
    with owner_privileges(), connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            cursor.execute(f"TRUNCATE {table}")
        else:
            cursor.execute(f"DELETE FROM {table}")  # noqa: S608


@pytest.fixture(scope="module")
def hundred_thousand(django_db_setup: object, django_db_blocker: Any) -> Iterator[int]:
    """A committed log of 100,000 entries shared by a module's tests; each test's tampering is
    rolled back with its transaction. Emptied when the module is done."""
    with django_db_blocker.unblock():
        log_build(100_000)
    try:
        yield 100_000
    finally:
        with django_db_blocker.unblock():
            log_empty()
