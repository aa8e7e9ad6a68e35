"""Recording audit events: each is appended to the chain in the caller's transaction, keeps
old and new values, and never holds the victim's account."""

import json
from datetime import date
from typing import Any

import pytest
from django.db import transaction
from django.test import Client

from nrm.accounts.actors import OPERATOR
from nrm.audit.chain import GENESIS, entry_hash
from nrm.audit.errors import (
    ACCOUNT_TEXT_KEYS,
    ACCOUNT_TEXT_REFUSED,
    DETAIL_CLASHES,
    DETAIL_FLOAT_REFUSED,
    DETAIL_KEY_NOT_TEXT,
    DETAIL_VALUE_REFUSED,
    AuditDetailRefused,
)
from nrm.audit.models import AuditEvent, AuditVerb
from nrm.audit.services import audit_record, audit_record_many
from nrm.audit.verify import chain_verify
from tests.audit.conftest import entry

ACCOUNT_KEYS = ", ".join(sorted(ACCOUNT_TEXT_KEYS))


class Rollback(Exception):
    pass


def record(**detail: Any) -> AuditEvent:
    return audit_record(actor=OPERATOR, verb=AuditVerb.CASE_EDIT, detail=detail)


def bulk(count: int, **detail: Any) -> None:
    audit_record_many(
        actor=OPERATOR,
        verb=AuditVerb.REFERRAL_IMPORT,
        target_type="cases.referral",
        target_ids=list(range(1, count + 1)),
        detail=detail,
    )


@pytest.mark.django_db
def test_each_event_carries_its_position_the_hash_before_it_and_its_own_hash(
    make_user: Any, organisation: Any
) -> None:
    actor = make_user("officer", organisation)
    first = audit_record(actor=actor, verb=AuditVerb.USER_UPDATE, target=actor, detail={"a": 1})
    second = audit_record(actor=OPERATOR, verb=AuditVerb.ACCESS_DENIED)
    assert (first.seq, second.seq) == (1, 2)
    assert (first.previous_hash, second.previous_hash) == (GENESIS, first.entry_hash)
    stored = entry(1)
    assert stored.entry_hash == entry_hash(
        previous_hash=GENESIS,
        seq=1,
        at=stored.at,
        actor_id=actor.pk,
        verb="user.update",
        target_type="accounts.user",
        target_id=str(actor.pk),
        detail={"a": 1},
    )


@pytest.mark.django_db
def test_events_recorded_one_by_one_and_in_bulk_form_one_unbroken_chain() -> None:
    record(step=1)
    bulk(3, door="csv")
    record(step=2)
    bulk(2, door="api")
    assert list(AuditEvent.objects.values_list("seq", flat=True)) == list(range(1, 8))
    assert [e.target_id for e in AuditEvent.objects.filter(verb="referral.import")] == [
        "1",
        "2",
        "3",
        "1",
        "2",
    ]
    report = chain_verify()
    assert report.intact
    assert report.entries == 7


@pytest.mark.django_db
def test_an_empty_bulk_write_appends_nothing() -> None:
    bulk(0, door="csv")
    assert AuditEvent.objects.count() == 0


@pytest.mark.django_db
def test_an_event_rolled_back_with_its_change_leaves_no_gap_in_the_chain() -> None:
    record(step=1)
    with pytest.raises(Rollback), transaction.atomic():
        record(step=2)
        bulk(5, door="csv")
        raise Rollback
    after = record(step=3)
    assert after.seq == 2
    assert chain_verify().intact


@pytest.mark.django_db
def test_the_times_of_events_never_go_back_along_the_chain() -> None:
    for step in range(5):
        record(step=step)
        bulk(2, step=step)
    times = list(AuditEvent.objects.order_by("seq").values_list("at", flat=True))
    assert times == sorted(times)


@pytest.mark.django_db(transaction=True)
def test_an_event_recorded_with_no_transaction_open_is_committed_on_its_own() -> None:
    assert not transaction.get_connection().in_atomic_block
    record(step=1)
    bulk(2, door="csv")
    assert AuditEvent.objects.count() == 3
    assert chain_verify().intact


@pytest.mark.django_db
def test_old_and_new_values_are_kept_in_the_detail() -> None:
    event = audit_record(
        actor=OPERATOR,
        verb=AuditVerb.CASE_EDIT,
        detail={"reference": "NRM-2012-000001"},
        old={"nation": "england", "version": 3},
        new={"nation": "scotland", "version": 4},
    )
    stored = entry(event.seq)
    assert stored.detail == {
        "system": "operator",  # an event without a user names the system actor
        "reference": "NRM-2012-000001",
        "old": {"nation": "england", "version": 3},
        "new": {"nation": "scotland", "version": 4},
    }
    assert chain_verify().intact


@pytest.mark.django_db
def test_old_values_given_both_in_the_detail_and_as_old_are_refused() -> None:
    with pytest.raises(AuditDetailRefused) as refused:
        audit_record(actor=OPERATOR, verb=AuditVerb.CASE_EDIT, detail={"old": 1}, old={"a": 1})
    assert str(refused.value) == DETAIL_CLASHES.format(key="old")
    assert AuditEvent.objects.count() == 0


@pytest.mark.parametrize(
    ("detail", "key"),
    [
        ({"account": "A fictional account"}, "account"),
        ({"Text": "A fictional account"}, "Text"),
        ({"reference": "NRM-1", "new": {"narrative": "…"}}, "narrative"),
        ({"changes": [{"field": "x"}, {"victim_account": "…"}]}, "victim_account"),
        ({"STATEMENT": "…"}, "STATEMENT"),
        ({"account_text": None}, "account_text"),
    ],
)
@pytest.mark.django_db
def test_a_detail_with_a_key_for_the_victims_account_is_refused_and_nothing_is_written(
    detail: dict[str, Any], key: str
) -> None:
    message = ACCOUNT_TEXT_REFUSED.format(key=key, keys=ACCOUNT_KEYS)
    with pytest.raises(AuditDetailRefused) as one:
        audit_record(actor=OPERATOR, verb=AuditVerb.CASE_EDIT, detail=detail)
    with pytest.raises(AuditDetailRefused) as many:
        audit_record_many(
            actor=OPERATOR,
            verb=AuditVerb.REFERRAL_IMPORT,
            target_type="cases.referral",
            target_ids=[1, 2],
            detail=detail,
        )
    assert str(one.value) == str(many.value) == message
    assert AuditEvent.objects.count() == 0


@pytest.mark.django_db
def test_an_account_given_as_an_old_or_new_value_is_refused() -> None:
    with pytest.raises(AuditDetailRefused) as refused:
        audit_record(actor=OPERATOR, verb=AuditVerb.CASE_EDIT, old={"account": "…"}, new={})
    assert str(refused.value) == ACCOUNT_TEXT_REFUSED.format(key="account", keys=ACCOUNT_KEYS)


@pytest.mark.parametrize(
    ("detail", "message"),
    [
        ({"on": date(2012, 5, 14)}, DETAIL_VALUE_REFUSED.format(key="on", kind="date")),
        ({"big": 1e16}, DETAIL_FLOAT_REFUSED.format(key="big", value=1e16)),
        ({"ratio": float("nan")}, DETAIL_FLOAT_REFUSED.format(key="ratio", value=float("nan"))),
        ({"ids": {3: "x"}}, DETAIL_KEY_NOT_TEXT.format(key=3, kind="int")),
        ({"tags": {"a", "b"}}, DETAIL_VALUE_REFUSED.format(key="tags", kind="set")),
    ],
)
@pytest.mark.django_db
def test_values_the_database_cannot_give_back_exactly_are_refused(
    detail: dict[str, Any], message: str
) -> None:
    with pytest.raises(AuditDetailRefused) as refused:
        record(**detail)
    assert str(refused.value) == message
    assert AuditEvent.objects.count() == 0


@pytest.mark.django_db
def test_fractions_tuples_and_enumerations_are_stored_so_the_chain_still_verifies() -> None:
    record(share=0.43, small=1e-7, zero=-0.0, pair=(1, 2), verb=AuditVerb.CASE_EDIT, n=10**20)
    bulk(3, share=0.5, verb=AuditVerb.REFERRAL_IMPORT)
    assert entry(1).detail == {
        "system": "operator",
        "share": 0.43,
        "small": 1e-7,
        "zero": 0.0,
        "pair": [1, 2],
        "verb": "case.edit",
        "n": 10**20,
    }
    assert chain_verify().intact


@pytest.mark.django_db
def test_text_the_database_cannot_keep_is_recorded_escaped_and_the_chain_still_verifies() -> None:
    record(reference="NRM\x00-1", key="\ud800x", name="Nguyễn")
    bulk(2, reference="a\x00b")
    assert entry(1).detail == {
        "system": "operator",
        "reference": "NRM\\x00-1",
        "key": "\\ud800x",
        "name": "Nguyễn",
    }
    assert entry(2).detail["reference"] == "a\\x00b"
    assert chain_verify().intact


@pytest.mark.django_db
def test_a_verb_that_is_not_an_audit_verb_is_refused() -> None:
    with pytest.raises(ValueError, match="not a valid AuditVerb"):
        audit_record(actor=OPERATOR, verb="case.delete")  # type: ignore[arg-type]
    assert AuditEvent.objects.count() == 0


@pytest.mark.django_db
def test_the_account_text_of_a_submitted_and_read_referral_appears_in_no_audit_entry(
    api: Client, valid_referral: dict[str, Any]
) -> None:
    canary = "Canary-account-7c1f: a fictional account that must stay in the case"
    body = {**valid_referral, "account": canary, "given_name": "Canaryname"}
    created = api.post("/api/v1/referrals", json.dumps(body), content_type="application/json")
    assert created.status_code == 201
    assert api.get(f"/api/v1/referrals/{created.json()['reference']}").status_code == 200
    entries = list(AuditEvent.objects.values_list("detail", "target_id", "target_type"))
    assert len(entries) >= 2
    assert "Canary" not in json.dumps(entries)
    assert chain_verify().intact
