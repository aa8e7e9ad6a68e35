"""The hash of an entry: one canonical text, and the fast forms agree with it."""

import hashlib
import json
from datetime import UTC, datetime, timedelta, timezone
from typing import Any

import pytest

from nrm.audit.chain import (
    GENESIS,
    at_text,
    canonical,
    canonical_from_parts,
    detail_text,
    entry_hash,
    hashes_for_targets,
)

AT = datetime(2026, 11, 23, 15, 4, 5, 123456, tzinfo=UTC)
ENTRY: dict[str, Any] = {
    "previous_hash": GENESIS,
    "seq": 1,
    "at": AT,
    "actor_id": 7,
    "verb": "referral.read",
    "target_type": "cases.referral",
    "target_id": "17",
    "detail": {"page": 2, "door": "api"},
}
DETAILS = [
    {},
    {"references": ["NRM-2012-000001", "NRM-2012-000002"], "page": 1},
    {"name": 'Zoë "quoted" \\ back\u2028slash', "nested": {"b": [1, 2.5, None, True], "a": {}}},
    {"old": {"nation": "england"}, "new": {"nation": "scotland"}},
]


def test_the_canonical_text_is_sorted_key_compact_json_of_every_field_and_the_previous_hash() -> (
    None
):
    assert json.loads(canonical(**ENTRY)) == {
        "actor": 7,
        "at": "2026-11-23T15:04:05.123456Z",
        "detail": {"door": "api", "page": 2},
        "previous_hash": GENESIS,
        "seq": 1,
        "target_id": "17",
        "target_type": "cases.referral",
        "verb": "referral.read",
    }
    text = canonical(**ENTRY)
    assert text == json.dumps(json.loads(text), sort_keys=True, separators=(",", ":"))


def test_the_hash_is_sha256_of_the_canonical_text() -> None:
    expected = hashlib.sha256(canonical(**ENTRY).encode()).hexdigest()
    assert entry_hash(**ENTRY) == expected
    assert len(expected) == 64


@pytest.mark.parametrize(
    "change",
    [
        {"previous_hash": "1" * 64},
        {"seq": 2},
        {"at": AT + timedelta(microseconds=1)},
        {"actor_id": None},
        {"verb": "referral.list"},
        {"target_type": "cases.anonymousnotification"},
        {"target_id": "18"},
        {"detail": {"page": 3, "door": "api"}},
    ],
)
def test_changing_any_field_changes_the_hash(change: dict[str, Any]) -> None:
    assert entry_hash(**{**ENTRY, **change}) != entry_hash(**ENTRY)


def test_the_time_is_hashed_in_utc_whatever_zone_it_is_given_in() -> None:
    london_summer = AT.astimezone(timezone(timedelta(hours=1)))
    assert at_text(london_summer) == at_text(AT) == "2026-11-23T15:04:05.123456Z"
    assert at_text(AT.replace(microsecond=0)) == "2026-11-23T15:04:05.000000Z"
    assert at_text(AT.replace(tzinfo=None)) == at_text(AT)


@pytest.mark.parametrize("detail", DETAILS)
@pytest.mark.parametrize("actor_id", [None, 42])
def test_the_text_built_from_parts_is_the_canonical_text(
    detail: dict[str, Any], actor_id: int | None
) -> None:
    entry = {**ENTRY, "detail": detail, "actor_id": actor_id, "target_id": "ü-1"}
    parts = {**entry, "at": at_text(AT), "detail": detail_text(detail)}
    assert canonical_from_parts(**parts) == canonical(**entry)


@pytest.mark.parametrize("detail", DETAILS)
def test_hashing_a_batch_in_one_pass_gives_the_hashes_of_entries_chained_one_by_one(
    detail: dict[str, Any],
) -> None:
    targets = ["1", "2", 'x"y', "é", "5"]
    batch = list(
        hashes_for_targets(
            previous_hash="a" * 64,
            first_seq=10,
            at=AT,
            actor_id=None,
            verb="referral.import",
            target_type="cases.referral",
            target_ids=targets,
            detail=detail,
        )
    )
    previous = "a" * 64
    for (seq, linked, current), (offset, target_id) in zip(batch, enumerate(targets), strict=True):
        assert (seq, linked) == (10 + offset, previous)
        assert current == entry_hash(
            previous_hash=previous,
            seq=seq,
            at=AT,
            actor_id=None,
            verb="referral.import",
            target_type="cases.referral",
            target_id=target_id,
            detail=detail,
        )
        previous = current
