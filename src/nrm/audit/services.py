"""Writing audit events: appended to a hash chain, in the transaction of the change recorded.

Call these inside the ``transaction.atomic`` block of the change they record, so the event and
the change are committed or rolled back together. A caller with no transaction open (audited
reads and permission denials) gets one for the event alone.

Appends are serialised: the newest entry is read with the chain held until the transaction ends
(on PostgreSQL by a transaction-scoped advisory lock; on SQLite the project's transactions are
``IMMEDIATE`` and already hold the database's write lock). A unique ``seq`` is the safety net
should a writer ever run without that lock: it fails instead of forking the chain. A long
transaction that records events holds the chain until it commits; record events late in it.

Details hold references, codes, counts and old/new values: never names, dates of birth or the
victim's account text (see ``nrm.audit.detail``).
"""

from collections.abc import Iterator, Mapping, Sequence
from contextlib import contextmanager
from typing import Any, Protocol

from django.contrib.auth.base_user import AbstractBaseUser
from django.db import connection, models, transaction
from django.utils import timezone

from nrm.audit.chain import GENESIS, entry_hash, hashes_for_targets
from nrm.audit.detail import detail_clean
from nrm.audit.models import AuditEvent, AuditVerb
from nrm.db.bulk import rows_insert

# Key of the PostgreSQL advisory lock that serialises appends ("nrm-audit" in hex, truncated).
CHAIN_LOCK = 0x6E726D2D61756474


def _target(target: models.Model | None) -> tuple[str, str]:
    if target is None:
        return "", ""
    return target._meta.label_lower, str(target.pk)


class NamedActor(Protocol):
    """A part of the system acting in its own name (``nrm.accounts.actors.SystemActor``)."""

    @property
    def name(self) -> str: ...


AuditActor = AbstractBaseUser | NamedActor
SYSTEM = "system"  # detail key naming the system actor of an event that has no user


def _actor(actor: AuditActor, detail: Mapping[str, Any] | None) -> tuple[int | None, Any]:
    """The user id of the event, and its detail with a system actor's name added."""
    if isinstance(actor, AbstractBaseUser):
        return (int(actor.pk) if actor.pk is not None else None), detail
    return None, {SYSTEM: actor.name, **(detail or {})}


@contextmanager
def _in_transaction() -> Iterator[None]:
    if connection.in_atomic_block:
        yield
    else:
        with transaction.atomic():
            yield


def chain_head_hold() -> tuple[int, str]:
    """The seq and hash of the newest entry (0 and ``GENESIS`` when the log is empty), with
    appends by other transactions held off until this one ends. Call inside a transaction."""
    table = connection.ops.quote_name(AuditEvent._meta.db_table)
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            cursor.execute("SELECT pg_advisory_xact_lock(%s)", [CHAIN_LOCK])
        cursor.execute(f"SELECT seq, entry_hash FROM {table} ORDER BY seq DESC LIMIT 1")  # noqa: S608
        row = cursor.fetchone()
    return (int(row[0]), str(row[1])) if row else (0, GENESIS)


def audit_record(
    *,
    actor: AuditActor,
    verb: AuditVerb,
    target: models.Model | None = None,
    detail: Mapping[str, Any] | None = None,
    old: Mapping[str, Any] | None = None,
    new: Mapping[str, Any] | None = None,
) -> AuditEvent:
    """Append one event. ``old`` and ``new`` (changed fields' values before and after) are kept
    in the detail under those keys. Raises ``AuditDetailRefused`` for a detail that holds account
    text or values that cannot be stored exactly."""
    actor_id, detail = _actor(actor, detail)
    recorded = detail_clean(detail, old=old, new=new)
    target_type, target_id = _target(target)
    code = AuditVerb(verb).value
    with _in_transaction():
        last_seq, previous = chain_head_hold()
        event = AuditEvent(
            seq=last_seq + 1,
            at=timezone.now(),
            actor_id=actor_id,
            verb=code,
            target_type=target_type,
            target_id=target_id,
            detail=recorded,
            previous_hash=previous,
        )
        event.entry_hash = entry_hash(
            previous_hash=previous,
            seq=event.seq,
            at=event.at,
            actor_id=actor_id,
            verb=code,
            target_type=target_type,
            target_id=target_id,
            detail=recorded,
        )
        event.save(force_insert=True)
    return event


def audit_record_many(
    *,
    actor: AuditActor,
    verb: AuditVerb,
    target_type: str,
    target_ids: Sequence[int | str],
    detail: Mapping[str, Any],
) -> None:
    """One event per target, all with the same detail, hashed in one pass and written in bulk
    (imports of up to a million rows)."""
    if not target_ids:
        return
    actor_id, named = _actor(actor, detail)
    recorded = detail_clean(named)
    ids = [str(target_id) for target_id in target_ids]
    code = AuditVerb(verb).value
    with _in_transaction():
        last_seq, previous = chain_head_hold()
        now = timezone.now()
        chained = hashes_for_targets(
            previous_hash=previous,
            first_seq=last_seq + 1,
            at=now,
            actor_id=actor_id,
            verb=code,
            target_type=target_type,
            target_ids=ids,
            detail=recorded,
        )
        rows_insert(
            AuditEvent,
            [
                {
                    "seq": seq,
                    "at": now,
                    "actor_id": actor_id,
                    "verb": code,
                    "target_type": target_type,
                    "target_id": target_id,
                    "detail": recorded,
                    "previous_hash": previous_hash,
                    "entry_hash": current,
                }
                for (seq, previous_hash, current), target_id in zip(chained, ids, strict=True)
            ],
        )
