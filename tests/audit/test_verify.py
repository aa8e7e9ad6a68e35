"""Tampering with any one entry is found and the first bad entry named (small logs; the
100,000-entry log is in test_verify_large.py)."""

from typing import Any

import pytest

from nrm.accounts.actors import OPERATOR
from nrm.audit.chain import entry_hash
from nrm.audit.errors import (
    ENTRY_ALTERED,
    ENTRY_FIRST_LINK,
    ENTRY_REMOVED,
    ENTRY_REORDERED_LINK,
    ENTRY_REPEATED,
    MISSING_MANY,
)
from nrm.audit.models import AuditEvent, AuditVerb
from nrm.audit.services import audit_record
from nrm.audit.verify import FIELDS, ChainBreak, chain_check, chain_verify
from tests.audit.conftest import CONTENT, entry, log_build, swap, tampering


def test_swapping_the_content_of_two_entries_is_named_as_altered(db: Any) -> None:
    log_build(50)
    first, second = entry(20), entry(30)
    swap(first, second, CONTENT)
    assert chain_verify().broken == ChainBreak(20, first.pk, "altered", ENTRY_ALTERED)


@pytest.mark.parametrize(
    ("field", "value"),
    [
        ("verb", "referral.read"),
        ("target_type", "cases.anonymousnotification"),
        ("target_id", "1"),
        ("detail", {"door": "api"}),
        ("entry_hash", "f" * 64),
    ],
)
def test_editing_any_recorded_field_is_named_as_altered(db: Any, field: str, value: Any) -> None:
    log_build(20)
    victim = entry(7)
    with tampering():
        AuditEvent.objects.filter(pk=victim.pk).update(**{field: value})
    assert chain_verify().broken == ChainBreak(7, victim.pk, "altered", ENTRY_ALTERED)


def test_editing_the_time_or_the_actor_is_named_as_altered(
    db: Any, make_user: Any, organisation: Any
) -> None:
    log_build(20)
    at, actor = entry(3), entry(9)
    with tampering():
        AuditEvent.objects.filter(pk=at.pk).update(at=at.at.replace(microsecond=1))
        AuditEvent.objects.filter(pk=actor.pk).update(actor=make_user("someone", organisation))
    assert chain_verify().broken == ChainBreak(3, at.pk, "altered", ENTRY_ALTERED)
    with tampering():
        AuditEvent.objects.filter(pk=at.pk).update(at=at.at)
    assert chain_verify().broken == ChainBreak(9, actor.pk, "altered", ENTRY_ALTERED)


def test_rewriting_an_entry_with_a_fresh_hash_breaks_the_link_of_the_next(db: Any) -> None:
    log_build(20)
    victim, follower = entry(11), entry(12)
    forged = entry_hash(
        previous_hash=victim.previous_hash,
        seq=victim.seq,
        at=victim.at,
        actor_id=None,
        verb=victim.verb,
        target_type=victim.target_type,
        target_id="999",
        detail=victim.detail,
    )
    with tampering():
        AuditEvent.objects.filter(pk=victim.pk).update(target_id="999", entry_hash=forged)
    problem = ENTRY_REORDERED_LINK.format(seq=11)
    assert chain_verify().broken == ChainBreak(12, follower.pk, "reordered", problem)


def test_removing_the_first_entries_is_named_at_the_new_first_entry(db: Any) -> None:
    log_build(10)
    with tampering():
        AuditEvent.objects.filter(seq__lte=3).delete()
    problem = ENTRY_REMOVED.format(missing=MISSING_MANY.format(first=1, last=3))
    assert chain_verify().broken == ChainBreak(4, entry(4).pk, "removed", problem)


def test_a_first_entry_that_does_not_start_the_chain_is_named(db: Any) -> None:
    log_build(3)
    first = entry(1)
    with tampering():
        AuditEvent.objects.filter(pk=first.pk).update(previous_hash="1" * 64)
    assert chain_verify().broken == ChainBreak(1, first.pk, "reordered", ENTRY_FIRST_LINK)


def test_a_repeated_seq_is_named_as_reordered(db: Any) -> None:
    # The unique constraint on seq stops this in the database; the check still names it.
    log_build(3)
    rows = list(AuditEvent.objects.order_by("seq").values_list(*FIELDS))
    copy = (rows[2][0] + 1, *rows[1][1:])
    assert chain_check([*rows[:2], copy, rows[2]]).broken == ChainBreak(
        2, copy[0], "reordered", ENTRY_REPEATED
    )


def test_a_time_or_detail_no_writer_could_store_is_named_as_altered(db: Any) -> None:
    log_build(2)
    rows = list(AuditEvent.objects.order_by("seq").values_list(*FIELDS))
    first = rows[0]
    for at, detail in (("yesterday", "{}"), (first[2], "{not json"), (first[2], '{"a": NaN}')):
        tampered = (*first[:2], at, *first[3:7], detail, *first[8:])
        assert chain_check([tampered]).broken == ChainBreak(1, first[0], "altered", ENTRY_ALTERED)


def test_the_check_of_stored_rows_and_of_rows_read_through_the_orm_agree(db: Any) -> None:
    log_build(5)
    rows = list(AuditEvent.objects.order_by("seq").values_list(*FIELDS))
    assert chain_check(rows) == chain_verify()
    assert chain_verify().intact


def test_an_empty_log_is_intact(db: Any) -> None:
    report = chain_verify()
    assert report.intact
    assert report.entries == 0


def test_the_check_reads_in_chunks_and_gives_the_same_answer(db: Any) -> None:
    log_build(1_500)
    victim = entry(1_234)
    with tampering():
        AuditEvent.objects.filter(pk=victim.pk).update(detail={})
    for chunk_size in (1, 7, 1000, 5000):
        broken = chain_verify(chunk_size=chunk_size).broken
        assert broken == ChainBreak(1_234, victim.pk, "altered", ENTRY_ALTERED)


def test_a_detail_changed_to_an_equal_looking_value_of_another_type_is_named_as_altered(
    db: Any,
) -> None:
    # In Python {"n": 1} == {"n": True}; in the chain they differ, even right after an entry
    # whose detail really is {"n": 1}.
    for _ in range(2):
        audit_record(actor=OPERATOR, verb=AuditVerb.CASE_EDIT, detail={"n": 1})
    first, second = AuditEvent.objects.order_by("seq").values_list(*FIELDS)
    assert chain_check([first, second]).intact
    tampered = (*second[:7], {"n": True}, *second[8:])
    assert chain_check([first, tampered]).broken == ChainBreak(
        2, second[0], "altered", ENTRY_ALTERED
    )
