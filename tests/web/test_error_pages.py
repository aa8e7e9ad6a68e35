"""Error pages: Django's handlers (400, 403, 404), the application's own refusals and the CSRF
failure page are GOV.UK pages in the service's layout, for signed-in and anonymous visitors
alike, with no stack trace or exception detail."""

import re
from collections.abc import Callable
from typing import Any

import pytest
from django.test import Client

from nrm.accounts.models import Organisation, User
from nrm.accounts.roles import DefaultRole

from .error_urls import CANARY

pytestmark = pytest.mark.django_db

TITLE_DASH = "\N{EN DASH}"
HEADINGS = {
    400: "Sorry, there is a problem with the service",
    403: "You cannot use this page",
    404: "Page not found",
    "csrf": "Your session may have ended",
}


@pytest.fixture(autouse=True)
def _raising_pages(settings: Any) -> None:
    settings.ROOT_URLCONF = "tests.web.error_urls"


@pytest.fixture
def officer(signed_in: Callable[[User], Client], make_user: Callable[..., User],
            organisation: Organisation) -> Client:  # fmt: skip
    return signed_in(make_user("officer", organisation, DefaultRole.FIRST_RESPONDER))


def assert_error_page(response: Any, status: int, heading: str, *, signed_in: bool) -> None:
    page = response.content.decode()
    assert response.status_code == status, page
    assert response["Content-Type"].startswith("text/html")
    assert re.search(rf"<title>\s*{re.escape(heading)} {TITLE_DASH} Open NRM</title>", page)
    assert f'<h1 class="govuk-heading-l">{heading}</h1>' in page
    assert 'class="govuk-service-navigation"' in page and 'class="govuk-footer"' in page
    assert '<main class="govuk-main-wrapper" id="main-content">' in page
    assert ("Signed in as" in page) is signed_in
    assert ('aria-label="Menu"' in page) is signed_in
    assert ("Go to your home page" in page) is signed_in
    assert ('href="/sign-in/">Sign in</a>' in page) is not signed_in
    assert CANARY not in page and "Traceback" not in page and "Exception" not in page


@pytest.mark.parametrize("code", [400, 403, 404])
def test_djangos_handlers_show_the_services_page_to_a_signed_in_person(
    code: int, officer: Client
) -> None:
    officer.raise_request_exception = False
    response = officer.get(f"/raise/{code}/")
    assert_error_page(response, code, HEADINGS[code], signed_in=True)


@pytest.mark.parametrize("code", [400, 403, 404])
def test_djangos_handlers_show_the_services_page_to_an_anonymous_visitor(code: int) -> None:
    response = Client(raise_request_exception=False).get(f"/raise/{code}/")
    assert_error_page(response, code, HEADINGS[code], signed_in=False)


def test_an_address_that_does_not_exist_is_page_not_found_signed_in_or_not(
    officer: Client,
) -> None:
    for client, signed_in in ((officer, True), (Client(), False)):
        response = client.get("/no-such-page/")
        assert_error_page(response, 404, HEADINGS[404], signed_in=signed_in)
    assert "If you typed the web address, check it is correct." in response.content.decode()


def test_a_page_the_role_may_not_use_is_refused_with_the_403_page(officer: Client) -> None:
    response = officer.get("/statistics/")
    assert_error_page(response, 403, HEADINGS[403], signed_in=True)
    assert "Your account's role does not give access to it." in response.content.decode()


def test_a_request_for_another_host_is_a_bad_request_page() -> None:
    response = Client(HTTP_HOST="unknown.example").get("/")
    assert_error_page(response, 400, HEADINGS[400], signed_in=False)


def test_a_signed_in_request_with_too_many_fields_is_a_bad_request_page(
    signed_in: Callable[[User], Client], make_user: Callable[..., User]
) -> None:
    analyst = signed_in(make_user("analyst", None, DefaultRole.ANALYST))
    response = analyst.get("/statistics/?" + "&".join(f"f{i}=1" for i in range(1100)))
    assert_error_page(response, 400, HEADINGS[400], signed_in=True)


def test_a_form_without_its_csrf_token_gets_the_session_page_signed_in_or_not(
    officer: Client,
) -> None:
    officer.handler.enforce_csrf_checks = True
    response = officer.post("/sign-out/")
    assert_error_page(response, 403, HEADINGS["csrf"], signed_in=True)
    assert "Go back and try again." in response.content.decode()
    anonymous = Client(enforce_csrf_checks=True)
    response = anonymous.post("/sign-in/", {"username": "x", "password": "y"})
    assert_error_page(response, 403, HEADINGS["csrf"], signed_in=False)
    assert "CSRF" not in response.content.decode()
