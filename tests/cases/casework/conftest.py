"""Fixtures of casework: competent authorities, their staff, and a case to work on."""

from collections.abc import Callable
from datetime import date
from typing import Any

import pytest

from nrm.accounts.models import Organisation, User
from nrm.accounts.roles import DefaultRole
from nrm.cases.models import Case
from nrm.cases.referrals.services import (
    referral_submit,
)
from nrm.support.services import support_providers_seed

# The valid_referral fixture is of 2012-05-14 (a Monday) with a linked immigration interest:
# allocated to the Home Office, RG due 2012-05-21 (England).
RECEIVED = date(2012, 5, 14)


@pytest.fixture(autouse=True)
def support_providers(db: Any) -> None:
    """A positive RG refers the person to the configured support provider."""
    support_providers_seed()


@pytest.fixture
def home_office(db: Any) -> Organisation:
    return Organisation.objects.create(
        code="home-office-ca",
        name="Home Office Competent Authority",
        competent_authority="home_office",
    )


@pytest.fixture
def ukhtc(db: Any) -> Organisation:
    return Organisation.objects.create(
        code="ukhtc-ca", name="UKHTC Competent Authority", competent_authority="ukhtc"
    )


@pytest.fixture
def officer(make_user: Callable[..., User], organisation: Organisation) -> User:
    user = make_user("officer", organisation)
    user.email = "officer@police.example"
    user.save()
    return user


@pytest.fixture
def caseworker(make_user: Callable[..., User], home_office: Organisation) -> User:
    user = make_user("caseworker", home_office, DefaultRole.CASEWORKER)
    user.email = "caseworker@ca.example"
    user.save()
    return user


@pytest.fixture
def manager(make_user: Callable[..., User], home_office: Organisation) -> User:
    return make_user("manager", home_office, DefaultRole.MANAGER)


@pytest.fixture
def reference(officer: User, organisation: Organisation, valid_referral: dict[str, Any]) -> str:
    referral = referral_submit(actor=officer, data=valid_referral, organisation=organisation)
    return referral.reference


def case_of(reference: str) -> Case:
    return Case.objects.select_related("referral").get(referral__reference=reference)
