"""Border fixtures: an entry clearance officer's and a Border Force officer's API clients, an
intelligence analyst who manages profiles, and a first responder who may not screen."""

from collections.abc import Callable
from typing import Any

import pytest
from django.test import Client

from nrm.accounts.actors import OPERATOR
from nrm.accounts.models import Organisation, User
from nrm.accounts.roles import DefaultRole
from nrm.accounts.services import api_token_create


@pytest.fixture
def client_for(make_user: Callable[..., User]) -> Callable[..., Client]:
    def make(username: str, organisation: Organisation, role: DefaultRole) -> Client:
        user = make_user(username, organisation, role)
        token = api_token_create(actor=OPERATOR, user=user, name="t")
        return Client(HTTP_AUTHORIZATION=f"Bearer {token}")

    return make


@pytest.fixture
def ukvi(db: Any) -> Organisation:
    return Organisation.objects.create(
        code="home-office-ukvi", name="Home Office: UK Visas and Immigration"
    )


@pytest.fixture
def entry_clearance(client_for: Callable[..., Client], ukvi: Organisation) -> Client:
    return client_for("eco", ukvi, DefaultRole.ENTRY_CLEARANCE_OFFICER)


@pytest.fixture
def analyst(make_user: Callable[..., User], organisation: Organisation) -> User:
    return make_user("ralon-analyst", organisation, DefaultRole.INTELLIGENCE_ANALYST)
