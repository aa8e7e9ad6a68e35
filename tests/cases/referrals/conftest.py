from collections.abc import Callable
from typing import Any

import pytest
from django.test import Client

from nrm.accounts.models import Organisation, User
from nrm.accounts.roles import DefaultRole


@pytest.fixture
def officer(make_user: Callable[..., User], organisation: Organisation) -> User:
    return make_user("web-officer", organisation, DefaultRole.FIRST_RESPONDER)


@pytest.fixture
def web(signed_in: Callable[[User], Client], officer: User) -> Client:
    """A first responder of ``organisation``, signed in on the web."""
    return signed_in(officer)


@pytest.fixture
def colleague(signed_in: Callable[[User], Client], make_user: Any, organisation: Any) -> Client:
    return signed_in(make_user("web-colleague", organisation, DefaultRole.FIRST_RESPONDER))


@pytest.fixture
def outsider(
    signed_in: Callable[[User], Client], make_user: Any, other_organisation: Organisation
) -> Client:
    """A first responder of another organisation."""
    return signed_in(make_user("web-outsider", other_organisation, DefaultRole.FIRST_RESPONDER))
