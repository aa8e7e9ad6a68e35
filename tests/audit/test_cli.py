"""`nrm audit verify` exits 0 on an intact chain and 1 naming the first bad entry."""

from typing import Any

import pytest

from nrm.audit.errors import CHAIN_INTACT, ENTRY_ALTERED, ENTRY_REMOVED, MISSING_ONE
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
    assert (
        captured.err.strip() == f"audit chain broken: entry seq 17 (id {victim.pk}) {ENTRY_ALTERED}"
    )
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
