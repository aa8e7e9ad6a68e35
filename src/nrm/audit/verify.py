"""Checking the audit chain: stream the log in seq order and recompute every link.

Memory stays flat whatever the size of the log (rows are read in chunks from one query, so the
check sees one consistent state while new events are appended). The check stops at the first bad
entry and says what is wrong with it:

- **altered**: its hash does not match its content;
- **removed**: one or more seq numbers are missing before it;
- **reordered**: its previous hash is not the hash of the entry before it, its seq repeats the
  one before, or it was stored (id order) after the entry that follows it in the chain.

Removing the newest entries leaves a shorter, intact chain: compare the reported last seq and
hash with a copy kept elsewhere to detect that (docs/audit.md).
"""

from collections.abc import Iterator
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from nrm.audit import errors
from nrm.audit.chain import GENESIS, entry_hash
from nrm.audit.models import AuditEvent

CHUNK_SIZE = 5000
_FIELDS = (
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
    entries: int  # entries checked (up to and including the first bad one)
    last_seq: int  # seq and hash of the last good entry: 0 and GENESIS when there is none
    last_hash: str
    broken: ChainBreak | None

    @property
    def intact(self) -> bool:
        return self.broken is None


def _rows(chunk_size: int) -> Iterator[tuple[Any, ...]]:
    return AuditEvent.objects.order_by("seq", "id").values_list(*_FIELDS).iterator(chunk_size)


def _missing(first: int, last: int) -> str:
    if first == last:
        return errors.MISSING_ONE.format(first=first)
    return errors.MISSING_MANY.format(first=first, last=last)


def chain_verify(*, chunk_size: int = CHUNK_SIZE) -> ChainReport:
    """Recompute the whole chain; report the first bad entry, or that the chain is intact."""
    count, last_id, last_seq, last_hash = 0, 0, 0, GENESIS

    def report(broken: ChainBreak | None) -> ChainReport:
        return ChainReport(count, last_seq, last_hash, broken)

    for row in _rows(chunk_size):
        pk, seq, at, actor_id, verb, target_type, target_id, detail, previous, stored = row
        at_time: datetime = at
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
        computed = entry_hash(
            previous_hash=previous,
            seq=seq,
            at=at_time,
            actor_id=actor_id,
            verb=verb,
            target_type=target_type,
            target_id=target_id,
            detail=detail,
        )
        if computed != stored:
            return report(ChainBreak(seq, pk, "altered", errors.ENTRY_ALTERED))
        last_id, last_seq, last_hash = pk, seq, stored
    return report(None)
