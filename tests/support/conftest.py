"""Factories for support tests: seeded providers, referrals from the data standard, users."""

from collections.abc import Callable
from datetime import timedelta
from typing import Any

import pytest
from django.utils import timezone

from nrm.accounts.models import Organisation, User
from nrm.accounts.roles import DefaultRole
from nrm.cases.models import Referral
from nrm.cases.referrals.services import referral_submit
from nrm.support.models import SupportReferral
from nrm.support.services import support_providers_seed, support_referral_create

SCOTLAND = {"nation": "scotland", "police_region": "scotland", "exploitation_region": "scotland"}
WALES = {"nation": "wales", "police_region": "wales", "exploitation_region": "wales"}
NORTHERN_IRELAND = {
    "nation": "northern_ireland",
    "police_region": "northern_ireland",
    "exploitation_region": "northern_ireland",
}
CHILD = {"date_of_birth": "2000-01-01"}
MALE_LABOUR = {"gender": "male", "exploitation_type": "labour", "exploitation_sub_types": []}


@pytest.fixture
def providers(db: Any) -> dict[str, Organisation]:
    support_providers_seed()
    return {o.code: o for o in Organisation.objects.all()}


@pytest.fixture
def refer(
    make_user: Callable[..., User],
    organisation: Organisation,
    valid_referral: dict[str, Any],
    providers: dict[str, Organisation],
) -> Callable[..., Referral]:
    """Submit a referral through the intake service, with fields of the valid one changed."""
    officers: dict[int, User] = {}

    def make(by: Organisation | None = None, **changes: Any) -> Referral:
        org = by or organisation
        if org.pk not in officers:
            officers[org.pk] = make_user(f"officer-{org.code}", org)
        return referral_submit(
            actor=officers[org.pk], data={**valid_referral, **changes}, organisation=org
        )

    return make


@pytest.fixture
def caseworker(make_user: Callable[..., User]) -> User:
    return make_user("caseworker", None, DefaultRole.CASEWORKER)


@pytest.fixture
def salvation_army_worker(
    make_user: Callable[..., User], providers: dict[str, Organisation]
) -> User:
    return make_user("tsa-worker", providers["salvation-army"], DefaultRole.SUPPORT_PROVIDER)


@pytest.fixture
def offered(refer: Callable[..., Referral], caseworker: User) -> Callable[..., SupportReferral]:
    """An offered support referral to the Salvation Army (an adult in England), offered
    ``days_ago`` days ago."""

    def make(days_ago: int = 100, **changes: Any) -> SupportReferral:
        at = timezone.now() - timedelta(days=days_ago)
        made = support_referral_create(referral=refer(**changes), actor=caseworker, at=at)
        assert made is not None
        return made

    return make
