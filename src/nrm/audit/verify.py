"""Checking the audit chain: stream the log in seq order and recompute every link.

Memory stays flat whatever the size of the log (rows are read in chunks from one query, so the
check sees one consistent state while new events are appended). The check stops at the first bad
entry and says what is wrong with it:

- **altered**: its hash does not match its content;
- **removed**: one or more seq numbers are missing before it;
- **reordered**: its previous hash is not the hash of the entry before it, its seq repeats the
  one before, or it was stored (id order) after the entry that follows it in the chain.

Removing the newest entries leaves a shorter, intact chain, and whoever can write the table can
rewrite every hash: give the check a seq and hash reported earlier and kept elsewhere (``kept``)
to detect both (docs/audit.md).
"""

import hashlib
import json
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from django.db import connection, transaction

from nrm.audit import errors
from nrm.audit.chain import GENESIS, at_text, canonical_from_parts, detail_text
from nrm.audit.models import AuditEvent

CHUNK_SIZE = 5000
# The columns read, in this order; ``chain_check`` takes rows shaped like this.
FIELDS = (
    "id",
    "seq",
    "at",
    "actor_id",
    "verb",
    "target_type",
    "target_id",
    "detail",
    "previous_hash",
    "entry_hash",
)


@dataclass(frozen=True)
class ChainBreak:
    """The first bad entry: its position, its id and what is wrong."""

    seq: int
    id: int
    kind: str  # "altered", "removed" or "reordered"
    problem: str

    def __str__(self) -> str:
        return f"entry seq {self.seq} (id {self.id}) {self.problem}"


@dataclass(frozen=True)
class ChainReport:
    entries: int  # entries read (up to and including the first bad one)
    last_seq: int  # seq and hash of the last good entry: 0 and GENESIS when there is none
    last_hash: str
    broken: ChainBreak | None

    @property
    def intact(self) -> bool:
        return self.broken is None


def _rows(chunk_size: int) -> Iterator[tuple[Any, ...]]:
    """Every entry in seq order, as stored (times and details may come as text), read in chunks
    from one query; on PostgreSQL through a server-side cursor."""
    ops = connection.ops
    by_name = {field.attname: field.column for field in AuditEvent._meta.concrete_fields}
    quoted = {name: ops.quote_name(by_name[name]) for name in FIELDS}
    if connection.vendor == "postgresql":
        # The time as UTC text with all six digits of microseconds: parsed far faster than
        # through the driver's time-zone-aware loader. The check parses it like SQLite's text.
        quoted["at"] = f"to_char({quoted['at']} AT TIME ZONE 'UTC', 'YYYY-MM-DD HH24:MI:SS.US')"
    columns = ", ".join(quoted[name] for name in FIELDS)
    table = ops.quote_name(AuditEvent._meta.db_table)
    order = f"{ops.quote_name('seq')}, {ops.quote_name('id')}"
    with connection.chunked_cursor() as cursor:
        cursor.execute(f"SELECT {columns} FROM {table} ORDER BY {order}")  # noqa: S608
        while chunk := cursor.fetchmany(chunk_size):
            yield from chunk


def _remembering(convert: Callable[[Any], str]) -> Callable[[Any], str]:
    """Convert values, reusing the last result while the same stored text or time comes again
    (the events of one bulk write share their time and detail). Parsed JSON is never reused:
    ``{"n": 1}`` equals ``{"n": true}`` in Python but not in the chain."""
    last: list[Any] = [None, ""]

    def converted(value: Any) -> str:
        if not isinstance(value, str | datetime):
            return convert(value)
        if type(value) is not type(last[0]) or value != last[0]:
            last[0], last[1] = value, convert(value)
        return str(last[1])

    return converted


def _at(value: Any) -> str:
    return at_text(datetime.fromisoformat(value) if isinstance(value, str) else value)


def _detail(value: Any) -> str:
    return detail_text(json.loads(value) if isinstance(value, str) else value)


def _missing(first: int, last: int) -> str:
    if first == last:
        return errors.MISSING_ONE.format(first=first)
    return errors.MISSING_MANY.format(first=first, last=last)


def chain_check(
    rows: Iterable[tuple[Any, ...]], *, kept: tuple[int, str] | None = None
) -> ChainReport:
    """Check entries given in seq order as tuples shaped like ``FIELDS``; report the first bad
    entry, or that the chain is intact. ``kept`` is a seq and hash reported by an earlier check
    and kept elsewhere: that entry must still be there, with that hash."""
    count, last_id, last_seq, last_hash = 0, 0, 0, GENESIS
    at_of, detail_of, sha256 = _remembering(_at), _remembering(_detail), hashlib.sha256

    def report(broken: ChainBreak | None) -> ChainReport:
        return ChainReport(count, last_seq, last_hash, broken)

    for pk, seq, at, actor_id, verb, target_type, target_id, detail, previous, stored in rows:
        count += 1
        if pk < last_id:
            problem = errors.ENTRY_REORDERED_STORAGE.format(seq=seq, id=pk)
            return report(ChainBreak(last_seq, last_id, "reordered", problem))
        if seq == last_seq:
            return report(ChainBreak(seq, pk, "reordered", errors.ENTRY_REPEATED))
        if seq != last_seq + 1:
            problem = errors.ENTRY_REMOVED.format(missing=_missing(last_seq + 1, seq - 1))
            return report(ChainBreak(seq, pk, "removed", problem))
        if previous != last_hash:
            problem = (
                errors.ENTRY_FIRST_LINK
                if last_seq == 0
                else errors.ENTRY_REORDERED_LINK.format(seq=last_seq)
            )
            return report(ChainBreak(seq, pk, "reordered", problem))
        try:
            text = canonical_from_parts(
                previous_hash=previous,
                seq=seq,
                at=at_of(at),
                actor_id=actor_id,
                verb=verb,
                target_type=target_type,
                target_id=target_id,
                detail=detail_of(detail),
            )
        except (TypeError, ValueError):  # a time or detail no writer could have stored
            return report(ChainBreak(seq, pk, "altered", errors.ENTRY_ALTERED))
        if sha256(text.encode("ascii")).hexdigest() != stored:
            return report(ChainBreak(seq, pk, "altered", errors.ENTRY_ALTERED))
        if kept is not None and seq == kept[0] and stored != kept[1]:
            return report(ChainBreak(seq, pk, "altered", errors.ENTRY_NOT_AS_KEPT))
        last_id, last_seq, last_hash = pk, seq, stored
    if kept is not None and kept[0] > last_seq:
        problem = errors.ENTRIES_REMOVED_AT_END.format(first=last_seq + 1, last=kept[0])
        return report(ChainBreak(last_seq, last_id, "removed", problem))
    return report(None)


def chain_verify(
    *, chunk_size: int = CHUNK_SIZE, kept: tuple[int, str] | None = None
) -> ChainReport:
    """Recompute the whole stored chain (see the module's description and ``chain_check``)."""
    if connection.vendor == "postgresql" and not connection.in_atomic_block:
        # A server-side cursor inside a transaction streams rows; outside one, PostgreSQL
        # would first copy the whole result for the cursor to outlive the transaction. (Not on
        # SQLite, where a transaction would take the write lock for the length of the check.)
        with transaction.atomic():
            return chain_check(_rows(chunk_size), kept=kept)
    return chain_check(_rows(chunk_size), kept=kept)
