"""Reference numbers: ``NRM-YYYY-NNNNNN`` (referrals) and ``NRM-AN-YYYY-NNNNNN`` (notifications).

Numbered per prefix (kind and year). On PostgreSQL each prefix has its own sequence, created on
first use by a function the migrations install, so concurrent submissions never wait for one
another and the application's role needs no right to create sequences; elsewhere a counter row
is updated inside the writer's transaction (SQLite allows one writer at a time anyway).
References are unique and increasing within a prefix; a rolled-back submission or import can
leave gaps.
"""

import re

from django.db import connection, transaction

from nrm.cases.models import ReferenceCounter


def reference_format(prefix: str, number: int) -> str:
    return f"{prefix}-{number:06d}"


def _sequence_name(prefix: str) -> str:
    """The name of a prefix's sequence, as ``REFERENCE_FUNCTION`` forms it."""
    return "nrm_ref_" + re.sub(r"[^a-z0-9]", "_", prefix.lower())


# Created by migration cases.0003 (PostgreSQL): creates a prefix's sequence on first use, with
# the rights of the role that ran the migrations, and draws numbers from it.
REFERENCE_FUNCTION = "nrm_reference_numbers"


def _postgres_numbers(prefix: str, count: int) -> list[int]:
    """Numbers from the prefix's sequence, through ``REFERENCE_FUNCTION``: the application's
    role needs no right to create sequences (ADR 11), and a sequence that went away (a database
    rebuilt under a running process) is simply created again."""
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT {REFERENCE_FUNCTION}(%s, %s)", [prefix, count])
        return [int(row[0]) for row in cursor.fetchall()]


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
