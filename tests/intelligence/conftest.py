from collections.abc import Callable
from typing import Any

import pytest
from django.test import Client

from nrm.accounts.actors import OPERATOR
from nrm.accounts.models import Organisation, User
from nrm.accounts.roles import DefaultRole
from nrm.accounts.services import api_token_create


@pytest.fixture
def hub(db: Any) -> Organisation:
    return Organisation.objects.create(code="nca-ukhtc", name="NCA / UKHTC")


@pytest.fixture
def officer(make_user: Callable[..., User], organisation: Organisation) -> User:
    return make_user("intel-officer", organisation, DefaultRole.INTELLIGENCE_OFFICER)


@pytest.fixture
def analyst(make_user: Callable[..., User], hub: Organisation) -> User:
    return make_user("intel-analyst", hub, DefaultRole.INTELLIGENCE_ANALYST)


def token_client(user: User) -> Client:
    token = api_token_create(actor=OPERATOR, user=user, name="t")
    return Client(HTTP_AUTHORIZATION=f"Bearer {token}")
