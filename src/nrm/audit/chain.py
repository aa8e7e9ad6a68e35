"""The hash chain over audit events: canonical serialisation and SHA-256 digests.

Each entry's hash is SHA-256 (hex) over the sorted-key, compact JSON of the previous entry's
hash and every recorded field:

    {"actor": 7, "at": "2026-11-23T15:04:05.123456Z", "detail": {...},
     "previous_hash": "<64 hex>", "seq": 42, "target_id": "17",
     "target_type": "cases.referral", "verb": "referral.read"}

``at`` is written in UTC with microseconds; ``actor`` is the user's id or null; the first entry's
previous hash is ``GENESIS``. Anyone can recompute the chain from the table with this page alone.
"""

import hashlib
import json
from collections.abc import Iterable, Iterator
from datetime import UTC, datetime
from typing import Any

GENESIS = "0" * 64
_quoted = json.encoder.encode_basestring_ascii  # json.dumps of one string, in C


def _dumps(value: Any) -> str:
    return json.dumps(value, sort_keys=True, separators=(",", ":"), allow_nan=False)


def at_text(at: datetime) -> str:
    """The time of an entry as hashed: UTC, microseconds, ``Z`` suffix. A naive time is UTC."""
    if at.tzinfo is not None:
        at = at.astimezone(UTC).replace(tzinfo=None)
    return at.isoformat(timespec="microseconds") + "Z"


def detail_text(detail: Any) -> str:
    """The detail as hashed: sorted keys, no spaces, non-ASCII characters escaped."""
    return _dumps(detail)


def canonical_from_parts(
    *,
    previous_hash: str,
    seq: int,
    at: str,
    actor_id: int | None,
    verb: str,
    target_type: str,
    target_id: str,
    detail: str,
) -> str:
    """The same text as ``canonical`` (a test holds them equal) from ``at_text`` and
    ``detail_text`` already made: the check of a long log makes those once per batch."""
    quoted = _quoted
    actor = "null" if actor_id is None else str(int(actor_id))
    return (
        f'{{"actor":{actor},"at":{quoted(at)},"detail":{detail},'
        f'"previous_hash":{quoted(previous_hash)},"seq":{int(seq)},'
        f'"target_id":{quoted(target_id)},"target_type":{quoted(target_type)},'
        f'"verb":{quoted(verb)}}}'
    )


def canonical(
    *,
    previous_hash: str,
    seq: int,
    at: datetime,
    actor_id: int | None,
    verb: str,
    target_type: str,
    target_id: str,
    detail: Any,
) -> str:
    """The text that is hashed for one entry."""
    return _dumps(
        {
            "actor": actor_id,
            "at": at_text(at),
            "detail": detail,
            "previous_hash": previous_hash,
            "seq": seq,
            "target_id": target_id,
            "target_type": target_type,
            "verb": verb,
        }
    )


def digest(text: str) -> str:
    return hashlib.sha256(text.encode("ascii")).hexdigest()


def entry_hash(
    *,
    previous_hash: str,
    seq: int,
    at: datetime,
    actor_id: int | None,
    verb: str,
    target_type: str,
    target_id: str,
    detail: Any,
) -> str:
    """The hash of one entry (see the module's description)."""
    return digest(
        canonical(
            previous_hash=previous_hash,
            seq=seq,
            at=at,
            actor_id=actor_id,
            verb=verb,
            target_type=target_type,
            target_id=target_id,
            detail=detail,
        )
    )


def hashes_for_targets(
    *,
    previous_hash: str,
    first_seq: int,
    at: datetime,
    actor_id: int | None,
    verb: str,
    target_type: str,
    target_ids: Iterable[str],
    detail: Any,
) -> Iterator[tuple[int, str, str]]:
    """``(seq, previous hash, hash)`` for consecutive entries that differ only in their target id.

    The same text as ``canonical`` (a test holds them equal), built from the parts shared by
    the whole batch so that a million entries are hashed in one quick pass.
    """
    head = (
        f'{{"actor":{_dumps(actor_id)},"at":{_dumps(at_text(at))},"detail":{_dumps(detail)},'
        '"previous_hash":"'
    )
    tail = f',"target_type":{_dumps(target_type)},"verb":{_dumps(verb)}}}'
    sha256, quoted = hashlib.sha256, _quoted
    previous, seq = previous_hash, first_seq
    for target_id in target_ids:
        text = f'{head}{previous}","seq":{seq},"target_id":{quoted(target_id)}{tail}'
        current = sha256(text.encode("ascii")).hexdigest()
        yield seq, previous, current
        previous, seq = current, seq + 1
