"""Deny by default on the web pages, built from the URL configuration so new pages are covered."""

import re
from typing import Any

import pytest
from django.test import Client
from django.urls import get_resolver

from nrm.accounts.models import Organisation
from nrm.accounts.roles import DefaultRole
from tests.accounts.signing_in import device_for, password_step
from tests.test_house import PUBLIC, _routes

pytestmark = pytest.mark.django_db

CODE_STEPS = {"sign-in/two-factor/", "sign-in/two-factor/set-up/", "sign-in/set-up/<str:token>/"}


def _web_pages() -> list[str]:
    routes = _routes(get_resolver().url_patterns)
    pages = [r for r in routes if not r.startswith("api/") and r not in PUBLIC | CODE_STEPS]
    assert "" in pages and "sign-out/" in pages
    return pages


def test_a_password_without_its_code_opens_no_page(
    make_user: Any, organisation: Organisation
) -> None:
    device_for(make_user("officer", organisation))
    client = Client()
    assert password_step(client, "officer") == 302
    for route in _web_pages():
        path = "/" + re.sub(r"<[^>]+>", "NRM-2012-000001", re.sub(r"<int:[^>]+>", "1", route))
        for method in ("get", "post"):
            response = getattr(client, method)(path)
            assert response.status_code in (302, 405), (method, route)
            if response.status_code == 302:
                assert response["Location"].startswith("/sign-in/"), (method, route)


@pytest.mark.parametrize("role", [*DefaultRole, None])
def test_every_account_signed_in_with_both_factors_sees_who_they_are(
    role: DefaultRole | None, make_user: Any, organisation: Organisation, signed_in: Any
) -> None:
    client = signed_in(make_user("someone", organisation, role))
    page = client.get("/").content.decode()
    assert (
        '<h1 class="govuk-heading-l">' in page and "someone" in page and organisation.name in page
    )
    assert (role.label if role else "No role") in page
    assert ">None<" not in page
