"""Reference numbers: ``NRM-YYYY-NNNNNN`` (referrals) and ``NRM-AN-YYYY-NNNNNN`` (notifications).

Numbered per prefix (kind and year). On PostgreSQL each prefix has its own sequence, so
concurrent submissions never wait for one another; elsewhere a counter row is updated inside the
writer's transaction (SQLite allows one writer at a time anyway). References are unique and
increasing within a prefix; a rolled-back submission or import can leave gaps.
"""

import re
from functools import partial
from typing import Any

from django.db import DatabaseError, connection, transaction

from nrm.cases.models import ReferenceCounter


def reference_format(prefix: str, number: int) -> str:
    return f"{prefix}-{number:06d}"


def _sequence_name(prefix: str) -> str:
    return "nrm_ref_" + re.sub(r"[^a-z0-9]", "_", prefix.lower())


_EXISTING: set[tuple[str, str]] = set()  # (database, sequence) known to exist in this process


def _sequence_create(cursor: Any, name: str) -> None:
    for attempt in range(3):
        try:
            with transaction.atomic():
                cursor.execute(f"CREATE SEQUENCE IF NOT EXISTS {name}")
            key = (connection.settings_dict["NAME"], name)
            transaction.on_commit(partial(_EXISTING.add, key))
            return
        except DatabaseError:  # created concurrently by another submission
            if attempt == 2:
                raise


def _postgres_numbers(prefix: str, count: int) -> list[int]:
    """Numbers from the prefix's sequence, created on first use. ``to_regclass`` makes a missing
    sequence (a database rebuilt under a running process) give NULLs rather than an error, so
    the caller's transaction needs no savepoint around the common case."""
    name = connection.ops.quote_name(_sequence_name(prefix))
    key = (connection.settings_dict["NAME"], name)
    query = "SELECT nextval(to_regclass(%s)) FROM generate_series(1, %s)"
    with connection.cursor() as cursor:
        if key not in _EXISTING:
            _sequence_create(cursor, name)
        cursor.execute(query, [name, count])
        numbers = [row[0] for row in cursor.fetchall()]
        if numbers and numbers[0] is None:  # remembered, but gone since
            _EXISTING.discard(key)
            _sequence_create(cursor, name)
            cursor.execute(query, [name, count])
            numbers = [row[0] for row in cursor.fetchall()]
    return [int(number) for number in numbers]


def _counter_numbers(prefix: str, count: int) -> list[int]:
    with transaction.atomic():
        ReferenceCounter.objects.get_or_create(prefix=prefix)
        counter = ReferenceCounter.objects.select_for_update().get(prefix=prefix)
        first = counter.last + 1
        counter.last += count
        counter.save(update_fields=["last"])
    return list(range(first, first + count))


def references_reserve(*, prefix: str, count: int) -> list[str]:
    """Reserve ``count`` new references under ``prefix`` (e.g. ``NRM-2012``), in order."""
    if count <= 0:
        return []
    if connection.vendor == "postgresql":
        numbers = _postgres_numbers(prefix, count)
    else:
        numbers = _counter_numbers(prefix, count)
    return [reference_format(prefix, number) for number in numbers]
