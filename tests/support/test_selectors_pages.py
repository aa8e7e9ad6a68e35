"""Support reads behind the provider's pages: one support referral by reference, the
audited pages of referrals and open episodes, and the sub-contractors to choose from."""

from collections.abc import Callable
from datetime import timedelta

import pytest
from django.utils import timezone

from nrm.accounts.models import Organisation, User
from nrm.accounts.roles import DefaultRole
from nrm.audit.models import AuditEvent, AuditVerb
from nrm.support.models import SupportReferral
from nrm.support.selectors import (
    open_episode_of,
    open_episode_page,
    subcontractors_for,
    support_referral_get,
    support_referral_page,
)
from nrm.support.services import (
    support_episode_close,
    support_episode_start,
    support_referral_accept,
    support_referral_create,
    support_referral_decline,
)
from tests.support.conftest import SCOTLAND

pytestmark = pytest.mark.django_db


def test_the_open_support_referral_of_a_reference_is_found_before_a_declined_one(
    offered: Callable[..., SupportReferral], salvation_army_worker: User, caseworker: User
) -> None:
    declined = support_referral_decline(
        support_referral=offered(), actor=salvation_army_worker, reason="no_capacity"
    )
    again = support_referral_create(referral=declined.referral, actor=caseworker)
    found = support_referral_get(user=salvation_army_worker, reference=declined.referral.reference)
    assert found == again and found is not None and found.status == "offered"
    read = AuditEvent.objects.get(actor=salvation_army_worker, verb=AuditVerb.REFERRAL_READ)
    assert read.target_id == str(declined.referral_id)


def test_a_reference_of_another_provider_is_none_and_the_refusal_is_audited(
    offered: Callable[..., SupportReferral], salvation_army_worker: User
) -> None:
    reference = offered(**SCOTLAND).referral.reference
    assert support_referral_get(user=salvation_army_worker, reference=reference) is None
    denied = AuditEvent.objects.get(actor=salvation_army_worker, verb=AuditVerb.ACCESS_DENIED)
    assert denied.detail == {"reference": reference, "via": "support"}


def test_a_user_outside_the_support_scope_finds_no_support_referral(
    offered: Callable[..., SupportReferral], make_user: Callable[..., User]
) -> None:
    reference = offered().referral.reference
    analyst = make_user("analyst", None, DefaultRole.ANALYST)
    assert support_referral_get(user=analyst, reference=reference) is None
    assert list(support_referral_page(user=analyst)) == []


def test_the_page_of_support_referrals_keeps_to_one_status_and_audits_what_it_shows(
    offered: Callable[..., SupportReferral], salvation_army_worker: User
) -> None:
    kept = offered()
    support_referral_accept(support_referral=offered(), actor=salvation_army_worker)
    page = support_referral_page(user=salvation_army_worker, status="offered")
    assert list(page) == [kept]
    listing = AuditEvent.objects.get(actor=salvation_army_worker, verb=AuditVerb.REFERRAL_LIST)
    assert listing.detail["references"] == [kept.referral.reference]


def test_the_page_of_open_episodes_leaves_out_closed_ones(
    offered: Callable[..., SupportReferral], salvation_army_worker: User
) -> None:
    today = timezone.localdate()
    episodes = []
    for _ in range(2):
        accepted = support_referral_accept(support_referral=offered(), actor=salvation_army_worker)
        episodes.append(
            support_episode_start(
                support_referral=accepted,
                actor=salvation_army_worker,
                support_type="outreach",
                start=today - timedelta(days=5),
            )
        )
    support_episode_close(
        episode=episodes[0], actor=salvation_army_worker, end=today, exit_route="other"
    )
    assert list(open_episode_page(user=salvation_army_worker)) == [episodes[1]]
    assert open_episode_of(support_referral=episodes[0].support_referral) is None
    assert open_episode_of(support_referral=episodes[1].support_referral) == episodes[1]


def test_the_sub_contractors_of_a_provider_come_from_the_configuration(
    providers: dict[str, Organisation],
) -> None:
    names = [o.code for o in subcontractors_for(provider=providers["salvation-army"])]
    assert "medaille-trust" in names and "bawso" in names and "tara" not in names
    assert subcontractors_for(provider=providers["tara"]) == []
