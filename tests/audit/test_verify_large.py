"""Tampering with any one entry of a 100,000-entry log is found and the first bad entry named:
an edit, a deletion, two entries swapped in storage, two entries moved with their hashes."""

import pytest

from nrm.audit.errors import (
    ENTRY_ALTERED,
    ENTRY_REMOVED,
    ENTRY_REORDERED_LINK,
    ENTRY_REORDERED_STORAGE,
    MISSING_ONE,
)
from nrm.audit.models import AuditEvent
from nrm.audit.verify import ChainBreak, chain_verify
from tests.audit.conftest import CONTENT, HASHES, entry, swap, tampering

TAMPERED = 61_234  # seq of the entry tampered with


@pytest.mark.django_db
def test_an_untouched_log_of_a_hundred_thousand_entries_is_intact(hundred_thousand: int) -> None:
    report = chain_verify()
    assert report.intact
    assert report.entries == report.last_seq == hundred_thousand
    assert report.last_hash == entry(hundred_thousand).entry_hash


@pytest.mark.django_db
def test_editing_one_entry_in_a_hundred_thousand_is_named_as_altered(
    hundred_thousand: int,
) -> None:
    victim = entry(TAMPERED)
    with tampering():
        AuditEvent.objects.filter(pk=victim.pk).update(target_id="424242")
    report = chain_verify()
    assert report.broken == ChainBreak(TAMPERED, victim.pk, "altered", ENTRY_ALTERED)
    assert report.entries == TAMPERED


@pytest.mark.django_db
def test_deleting_one_entry_in_a_hundred_thousand_names_the_entry_after_the_gap(
    hundred_thousand: int,
) -> None:
    with tampering():
        entry(TAMPERED).delete()
    after = entry(TAMPERED + 1)
    problem = ENTRY_REMOVED.format(missing=MISSING_ONE.format(first=TAMPERED))
    assert chain_verify().broken == ChainBreak(TAMPERED + 1, after.pk, "removed", problem)


@pytest.mark.django_db
def test_swapping_two_entries_in_a_hundred_thousand_is_named_as_reordered(
    hundred_thousand: int,
) -> None:
    first, second, follower = entry(TAMPERED), entry(TAMPERED + 500), entry(TAMPERED + 1)
    swap(first, second, ("seq", *CONTENT, *HASHES))
    # The chain read in seq order is whole, but the entry at seq TAMPERED now sits in the row
    # stored after the entries that follow it.
    problem = ENTRY_REORDERED_STORAGE.format(seq=TAMPERED + 1, id=follower.pk)
    assert chain_verify().broken == ChainBreak(TAMPERED, second.pk, "reordered", problem)


@pytest.mark.django_db
def test_moving_two_entries_with_their_hashes_to_each_others_place_is_named_as_reordered(
    hundred_thousand: int,
) -> None:
    first, second = entry(TAMPERED), entry(TAMPERED + 500)
    swap(first, second, (*CONTENT, *HASHES))
    problem = ENTRY_REORDERED_LINK.format(seq=TAMPERED - 1)
    assert chain_verify().broken == ChainBreak(TAMPERED, first.pk, "reordered", problem)
