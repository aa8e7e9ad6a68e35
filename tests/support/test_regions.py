"""The region of a support referral: the Salvation Army's support region, recorded (given at the
offer or by the provider on accepting), never derived from the police region."""

from collections.abc import Callable
from typing import Any

import pytest
from django.test import Client
from django.urls import reverse

from nrm.accounts.models import Organisation, User
from nrm.accounts.roles import DefaultRole
from nrm.audit.models import AuditEvent, AuditVerb
from nrm.cases.models import Referral
from nrm.standard.codes import SupportRegion
from nrm.standard.words import one_of
from nrm.support import messages
from nrm.support.errors import SupportInvalid
from nrm.support.models import SupportReferral
from nrm.support.services import (
    support_referral_accept,
    support_referral_create,
    support_region_check,
)
from tests.support.conftest import SCOTLAND

pytestmark = pytest.mark.django_db


def test_a_support_referral_has_no_region_until_one_is_recorded(
    offered: Callable[..., SupportReferral],
) -> None:
    made = offered(police_region="north_east")  # a police region that spans two support regions
    assert made.region == ""


def test_the_region_known_at_the_offer_is_recorded_and_audited(
    refer: Callable[..., Referral], caseworker: User
) -> None:
    made = support_referral_create(
        referral=refer(), actor=caseworker, region=SupportRegion.YORKSHIRE
    )
    assert made is not None
    made.refresh_from_db()
    assert made.region == SupportRegion.YORKSHIRE
    event = AuditEvent.objects.get(verb=AuditVerb.SUPPORT_REFER)
    assert event.detail["region"] == SupportRegion.YORKSHIRE


def test_the_provider_records_the_region_on_accepting(
    offered: Callable[..., SupportReferral], salvation_army_worker: User
) -> None:
    made = offered()
    accepted = support_referral_accept(
        support_referral=made, actor=salvation_army_worker, region=SupportRegion.SOUTH
    )
    accepted.refresh_from_db()
    assert accepted.region == SupportRegion.SOUTH
    event = AuditEvent.objects.get(verb=AuditVerb.SUPPORT_ACCEPT)
    assert event.detail["old"] == {"region": ""}
    assert event.detail["new"] == {"region": SupportRegion.SOUTH}


def test_accepting_without_a_region_keeps_the_one_recorded(
    refer: Callable[..., Referral], caseworker: User, salvation_army_worker: User
) -> None:
    made = support_referral_create(referral=refer(), actor=caseworker, region=SupportRegion.WALES)
    assert made is not None
    accepted = support_referral_accept(support_referral=made, actor=salvation_army_worker)
    accepted.refresh_from_db()
    assert accepted.region == SupportRegion.WALES


def test_an_unknown_region_is_refused_in_the_users_words(
    refer: Callable[..., Referral], caseworker: User
) -> None:
    with pytest.raises(SupportInvalid) as refused:
        support_referral_create(referral=refer(), actor=caseworker, region="london")
    assert refused.value.field == "region"
    assert str(refused.value) == messages.REGION_UNKNOWN.format(
        allowed=one_of(SupportRegion.labels)
    )
    assert not SupportReferral.objects.exists()


def test_only_a_referral_to_the_salvation_army_has_a_region(
    refer: Callable[..., Referral], caseworker: User
) -> None:
    with pytest.raises(SupportInvalid) as refused:
        support_referral_create(
            referral=refer(**SCOTLAND), actor=caseworker, region=SupportRegion.NORTH_WEST
        )
    assert str(refused.value) == messages.REGION_NOT_SALVATION_ARMY
    assert not SupportReferral.objects.exists()


@pytest.mark.parametrize("region", ["", *SupportRegion.values])
def test_every_support_region_may_be_recorded_for_the_salvation_army(
    providers: dict[str, Organisation], region: Any
) -> None:
    assert support_region_check(provider=providers["salvation-army"], region=region) == region


def test_an_empty_region_is_allowed_for_any_provider(providers: dict[str, Organisation]) -> None:
    assert support_region_check(provider=providers["tara"], region="") == ""


def test_the_salvation_army_chooses_the_region_when_it_accepts(
    signed_in: Callable[[User], Client],
    salvation_army_worker: User,
    offered: Callable[..., SupportReferral],
) -> None:
    client = signed_in(salvation_army_worker)
    support_referral = offered()
    reference = support_referral.referral.reference
    url = reverse("support:accept", args=[reference])
    page = client.get(url).content.decode()
    assert "Which region will the person be supported in?" in page
    assert "Not known yet" in page and "Yorkshire" in page
    client.post(url, {"delivered_by": "", "region": "yorkshire"})
    support_referral.refresh_from_db()
    assert support_referral.status == "accepted"
    assert support_referral.region == SupportRegion.YORKSHIRE
    shown = client.get(reverse("support:referral", args=[reference])).content.decode()
    assert "Region of support" in shown and "yorkshire" not in shown


def test_the_region_is_not_asked_of_other_providers(
    signed_in: Callable[[User], Client],
    make_user: Callable[..., User],
    providers: dict[str, Organisation],
    refer: Callable[..., Referral],
    caseworker: User,
) -> None:
    worker = make_user("tara-worker", providers["tara"], DefaultRole.SUPPORT_PROVIDER)
    made = support_referral_create(referral=refer(**SCOTLAND), actor=caseworker)
    assert made is not None and made.provider.code == "tara"
    page = signed_in(worker).get(reverse("support:accept", args=[made.referral.reference]))
    assert "Which region" not in page.content.decode()
