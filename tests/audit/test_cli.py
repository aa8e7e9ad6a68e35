"""`nrm audit verify` exits 0 on an intact chain and 1 naming the first bad entry."""

from typing import Any

import pytest

from nrm.accounts.actors import OPERATOR
from nrm.audit.errors import (
    CHAIN_INTACT,
    ENTRIES_REMOVED_AT_END,
    ENTRY_ALTERED,
    ENTRY_NOT_AS_KEPT,
    ENTRY_REMOVED,
    KEPT_INVALID,
    MISSING_ONE,
)
from nrm.audit.models import AuditEvent
from nrm.cli import main
from tests.audit.conftest import entry, log_build, tampering


@pytest.mark.django_db
def test_an_intact_chain_exits_zero_and_says_how_many_entries_it_checked(capsys: Any) -> None:
    log_build(1_200)
    assert main(["audit", "verify"]) == 0
    out = capsys.readouterr().out
    assert CHAIN_INTACT.format(count=1_200) in out
    assert f"last entry: seq 1200, hash {entry(1_200).entry_hash}" in out


@pytest.mark.django_db
def test_an_empty_log_is_an_intact_chain_of_no_entries(capsys: Any) -> None:
    assert main(["audit", "verify"]) == 0
    assert CHAIN_INTACT.format(count=0) in capsys.readouterr().out


@pytest.mark.django_db
def test_an_altered_entry_exits_one_and_is_named_by_seq_and_id(capsys: Any) -> None:
    log_build(30)
    victim = entry(17)
    with tampering():
        AuditEvent.objects.filter(pk=victim.pk).update(verb="referral.read")
    assert main(["audit", "verify", "--chunk-size", "4"]) == 1
    captured = capsys.readouterr()
    result = captured.err.strip().splitlines()[-1]  # after any warning about the role
    assert result == f"audit chain broken: entry seq 17 (id {victim.pk}) {ENTRY_ALTERED}"
    assert "chain intact" not in captured.out


@pytest.mark.django_db
def test_a_removed_entry_exits_one_and_names_the_entry_after_the_gap(capsys: Any) -> None:
    log_build(30)
    with tampering():
        entry(5).delete()
    after = entry(6)
    assert main(["audit", "verify"]) == 1
    removed = ENTRY_REMOVED.format(missing=MISSING_ONE.format(first=5))
    assert f"entry seq 6 (id {after.pk}) {removed}" in capsys.readouterr().err


def test_a_chunk_size_below_one_is_refused(capsys: Any) -> None:
    with pytest.raises(SystemExit) as exited:
        main(["audit", "verify", "--chunk-size", "0"])
    assert exited.value.code == 2
    assert "must be a whole number of at least 1" in capsys.readouterr().err


@pytest.mark.django_db
def test_an_intact_chain_prints_the_seq_and_hash_to_keep_for_the_next_check(capsys: Any) -> None:
    log_build(12)
    assert main(["audit", "verify"]) == 0
    last = entry(12)
    assert f"nrm audit verify --expect 12:{last.entry_hash}" in capsys.readouterr().out
    assert main(["audit", "verify", "--expect", f"12:{last.entry_hash}"]) == 0
    log_build(3)
    assert main(["audit", "verify", "--expect", f"12:{last.entry_hash}"]) == 0


@pytest.mark.django_db
def test_the_newest_entries_removed_are_caught_against_the_kept_seq_and_hash(
    capsys: Any,
) -> None:
    log_build(12)
    kept = f"12:{entry(12).entry_hash}"
    with tampering():
        AuditEvent.objects.filter(seq__gt=9).delete()
    assert main(["audit", "verify"]) == 0  # the shorter chain is intact on its own
    assert main(["audit", "verify", "--expect", kept]) == 1
    removed = ENTRIES_REMOVED_AT_END.format(first=10, last=12)
    assert f"entry seq 9 (id {entry(9).pk}) {removed}" in capsys.readouterr().err


@pytest.mark.django_db
def test_a_chain_rewritten_up_to_the_kept_entry_is_caught(capsys: Any) -> None:
    log_build(12)
    kept = f"12:{entry(12).entry_hash}"
    with tampering():
        AuditEvent.objects.all().delete()
    log_build(12, actor=OPERATOR)  # a fresh, self-consistent chain with other times
    assert main(["audit", "verify"]) == 0
    assert main(["audit", "verify", "--expect", kept]) == 1
    assert f"entry seq 12 (id {entry(12).pk}) {ENTRY_NOT_AS_KEPT}" in capsys.readouterr().err


@pytest.mark.parametrize("given", ["12", "x:" + "a" * 64, "12:" + "A" * 64, "12:abc"])
def test_an_expected_entry_not_written_seq_colon_hash_is_refused(given: str, capsys: Any) -> None:
    with pytest.raises(SystemExit) as exited:
        main(["audit", "verify", "--expect", given])
    assert exited.value.code == 2
    assert KEPT_INVALID in capsys.readouterr().err
