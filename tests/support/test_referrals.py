"""Support referrals: who receives one after a positive reasonable grounds decision, and how the
provider answers it."""

import threading
from collections.abc import Callable
from typing import Any

import pytest
from django.db import connection

from nrm.accounts.models import Organisation, User
from nrm.accounts.permissions import CapabilityDenied
from nrm.accounts.roles import DefaultRole
from nrm.audit.models import AuditEvent, AuditVerb
from nrm.cases.models import Referral
from nrm.standard.codes import SupportDeclineReason, SupportReferralStatus
from nrm.standard.words import one_of
from nrm.support import messages
from nrm.support.errors import SupportDenied, SupportInvalid
from nrm.support.models import SupportReferral
from nrm.support.providers import SupportConfigError
from nrm.support.services import (
    support_referral_accept,
    support_referral_create,
    support_referral_decline,
)
from tests.conftest import uses_postgres
from tests.support.conftest import CHILD, MALE_LABOUR, NORTHERN_IRELAND, SCOTLAND, WALES


@pytest.mark.parametrize(
    ("changes", "provider"),
    [
        ({}, "salvation-army"),
        (WALES, "salvation-army"),
        ({**SCOTLAND, **MALE_LABOUR}, "migrant-help"),
        (SCOTLAND, "tara"),
        (NORTHERN_IRELAND, "migrant-help"),
        (CHILD, "childrens-services-england"),
        ({**SCOTLAND, **CHILD}, "childrens-services-scotland"),
    ],
)
def test_a_support_referral_goes_to_the_provider_the_rule_names(
    refer: Callable[..., Referral], caseworker: User, changes: dict[str, Any], provider: str
) -> None:
    made = support_referral_create(referral=refer(**changes), actor=caseworker)
    assert made is not None
    assert made.provider.code == provider
    assert made.status == SupportReferralStatus.OFFERED
    event = AuditEvent.objects.get(verb=AuditVerb.SUPPORT_REFER)
    assert event.target_id == str(made.pk)
    assert event.detail["provider"] == provider


def test_a_child_referred_by_a_local_authority_goes_to_its_childrens_services(
    refer: Callable[..., Referral], caseworker: User
) -> None:
    council = Organisation.objects.create(
        code="cardiff-council", name="Cardiff Council", responder_type="local_authority"
    )
    made = support_referral_create(referral=refer(by=council, **WALES, **CHILD), actor=caseworker)
    assert made is not None and made.provider == council


def test_an_adult_without_consent_is_not_referred_for_support(
    refer: Callable[..., Referral], caseworker: User
) -> None:
    referral = refer()
    Referral.objects.filter(pk=referral.pk).update(consent=False)
    assert support_referral_create(referral=referral, actor=caseworker) is None
    assert not SupportReferral.objects.exists()


def test_referring_again_returns_the_open_support_referral(
    refer: Callable[..., Referral], caseworker: User
) -> None:
    referral = refer()
    first = support_referral_create(referral=referral, actor=caseworker)
    again = support_referral_create(referral=referral, actor=caseworker)
    assert first is not None and again == first
    assert SupportReferral.objects.count() == 1
    assert AuditEvent.objects.filter(verb=AuditVerb.SUPPORT_REFER).count() == 1


def test_only_a_decision_maker_can_refer_for_support_and_the_refusal_is_audited(
    refer: Callable[..., Referral], salvation_army_worker: User
) -> None:
    with pytest.raises(CapabilityDenied):
        support_referral_create(referral=refer(), actor=salvation_army_worker)
    assert not SupportReferral.objects.exists()
    denial = AuditEvent.objects.get(verb=AuditVerb.ACCESS_DENIED)
    assert denial.detail["capability"] == "record_rg_decision"


def test_the_provider_accepts_an_offered_support_referral(
    offered: Callable[..., SupportReferral], salvation_army_worker: User
) -> None:
    accepted = support_referral_accept(support_referral=offered(), actor=salvation_army_worker)
    stored = SupportReferral.objects.get(pk=accepted.pk)
    assert stored.status == SupportReferralStatus.ACCEPTED
    assert stored.responded_by == salvation_army_worker
    assert stored.responded_at is not None
    assert AuditEvent.objects.filter(verb=AuditVerb.SUPPORT_ACCEPT, target_id=str(stored.pk))


def test_the_provider_can_give_the_support_to_a_sub_contractor(
    offered: Callable[..., SupportReferral],
    salvation_army_worker: User,
    providers: dict[str, Organisation],
) -> None:
    accepted = support_referral_accept(
        support_referral=offered(),
        actor=salvation_army_worker,
        delivered_by=providers["medaille-trust"],
    )
    assert SupportReferral.objects.get(pk=accepted.pk).delivered_by == providers["medaille-trust"]


def test_the_support_cannot_go_to_an_organisation_that_is_not_a_sub_contractor(
    offered: Callable[..., SupportReferral],
    salvation_army_worker: User,
    providers: dict[str, Organisation],
) -> None:
    support_referral = offered()
    with pytest.raises(SupportInvalid) as raised:
        support_referral_accept(
            support_referral=support_referral,
            actor=salvation_army_worker,
            delivered_by=providers["tara"],
        )
    assert str(raised.value) == messages.NOT_A_SUBCONTRACTOR.format(
        name=providers["tara"].name, provider=support_referral.provider.name
    )
    assert SupportReferral.objects.get(pk=support_referral.pk).status == "offered"


def test_the_provider_declines_with_a_reason_code(
    offered: Callable[..., SupportReferral], salvation_army_worker: User
) -> None:
    declined = support_referral_decline(
        support_referral=offered(), actor=salvation_army_worker, reason="no_capacity"
    )
    stored = SupportReferral.objects.get(pk=declined.pk)
    assert (stored.status, stored.decline_reason) == ("declined", "no_capacity")
    event = AuditEvent.objects.get(verb=AuditVerb.SUPPORT_DECLINE)
    assert event.detail == {"reason": "no_capacity"}


def test_a_decline_reason_must_be_a_code(
    offered: Callable[..., SupportReferral], salvation_army_worker: User
) -> None:
    support_referral = offered()
    with pytest.raises(SupportInvalid) as raised:
        support_referral_decline(
            support_referral=support_referral, actor=salvation_army_worker, reason="full up"
        )
    allowed = one_of(SupportDeclineReason.labels)
    assert str(raised.value) == messages.DECLINE_REASON_UNKNOWN.format(allowed=allowed)
    assert SupportReferral.objects.get(pk=support_referral.pk).status == "offered"


def test_a_declined_support_referral_cannot_be_accepted(
    offered: Callable[..., SupportReferral], salvation_army_worker: User
) -> None:
    support_referral = support_referral_decline(
        support_referral=offered(), actor=salvation_army_worker, reason="no_capacity"
    )
    with pytest.raises(SupportInvalid) as raised:
        support_referral_accept(support_referral=support_referral, actor=salvation_army_worker)
    assert str(raised.value) == messages.NOT_OFFERED.format(action="accepted", status="declined")


def test_after_a_decline_referring_again_makes_a_new_offer(
    offered: Callable[..., SupportReferral], salvation_army_worker: User, caseworker: User
) -> None:
    support_referral = support_referral_decline(
        support_referral=offered(), actor=salvation_army_worker, reason="no_capacity"
    )
    again = support_referral_create(referral=support_referral.referral, actor=caseworker)
    assert again is not None and again.pk != support_referral.pk
    assert again.status == SupportReferralStatus.OFFERED


def test_another_provider_cannot_answer_the_referral_and_the_refusal_is_audited(
    offered: Callable[..., SupportReferral],
    make_user: Callable[..., User],
    providers: dict[str, Organisation],
) -> None:
    support_referral = offered()
    outsider = make_user("tara-worker", providers["tara"], DefaultRole.SUPPORT_PROVIDER)
    with pytest.raises(SupportDenied, match=messages.NOT_YOUR_REFERRAL):
        support_referral_accept(support_referral=support_referral, actor=outsider)
    assert SupportReferral.objects.get(pk=support_referral.pk).status == "offered"
    denial = AuditEvent.objects.get(verb=AuditVerb.ACCESS_DENIED)
    assert (denial.actor, denial.target_id) == (outsider, str(support_referral.pk))
    assert denial.detail["action"] == "accept"


def test_a_sub_contractor_cannot_answer_for_the_lead_provider(
    offered: Callable[..., SupportReferral],
    make_user: Callable[..., User],
    providers: dict[str, Organisation],
) -> None:
    worker = make_user("medaille", providers["medaille-trust"], DefaultRole.SUPPORT_PROVIDER)
    with pytest.raises(SupportDenied):
        support_referral_decline(support_referral=offered(), actor=worker, reason="other")


def test_a_provider_without_the_support_capability_is_refused_and_audited(
    offered: Callable[..., SupportReferral],
    make_user: Callable[..., User],
    providers: dict[str, Organisation],
) -> None:
    support_referral = offered()
    clerk = make_user("tsa-clerk", providers["salvation-army"], DefaultRole.FIRST_RESPONDER)
    with pytest.raises(CapabilityDenied):
        support_referral_accept(support_referral=support_referral, actor=clerk)
    assert SupportReferral.objects.get(pk=support_referral.pk).status == "offered"
    denial = AuditEvent.objects.get(verb=AuditVerb.ACCESS_DENIED)
    assert denial.detail["capability"] == "record_support"
    assert denial.actor == clerk


def test_nothing_is_saved_when_the_audit_cannot_be_written(
    offered: Callable[..., SupportReferral],
    salvation_army_worker: User,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    support_referral = offered()

    def broken(**_: Any) -> None:
        raise RuntimeError("audit store unavailable")

    monkeypatch.setattr("nrm.support.services.audit_record", broken)
    with pytest.raises(RuntimeError):
        support_referral_accept(support_referral=support_referral, actor=salvation_army_worker)
    stored = SupportReferral.objects.get(pk=support_referral.pk)
    assert (stored.status, stored.responded_by) == ("offered", None)


@pytest.mark.skipif(not uses_postgres(), reason="concurrent writers are measured on PostgreSQL")
@pytest.mark.django_db(transaction=True)
def test_ten_concurrent_referrals_for_support_make_exactly_one(
    refer: Callable[..., Referral], caseworker: User
) -> None:
    referral = refer()
    barrier = threading.Barrier(10)
    made: list[int] = []

    def worker() -> None:
        barrier.wait()
        try:
            support_referral = support_referral_create(referral=referral, actor=caseworker)
            assert support_referral is not None
            made.append(support_referral.pk)
        finally:
            connection.close()

    threads = [threading.Thread(target=worker) for _ in range(10)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert len(made) == 10 and len(set(made)) == 1
    assert SupportReferral.objects.count() == 1
    assert AuditEvent.objects.filter(verb=AuditVerb.SUPPORT_REFER).count() == 1


def test_a_provider_that_is_not_an_active_organisation_is_named_and_nothing_is_saved(
    refer: Callable[..., Referral], caseworker: User, providers: dict[str, Organisation]
) -> None:
    referral = refer()
    Organisation.objects.filter(code="salvation-army").update(is_active=False)
    with pytest.raises(SupportConfigError) as raised:
        support_referral_create(referral=referral, actor=caseworker)
    assert str(raised.value) == messages.PROVIDER_NOT_SEEDED.format(code="salvation-army")
    assert not SupportReferral.objects.exists()
    assert not AuditEvent.objects.filter(verb=AuditVerb.SUPPORT_REFER).exists()
