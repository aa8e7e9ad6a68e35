"""A password alone never registers the second factor: an account with no authenticator app
sets one up only through a valid set-up link opened in the same browser, which works once and
for a limited time."""

import re
from datetime import timedelta
from typing import Any

import pytest
from django.test import Client
from django.utils import timezone
from django_otp.plugins.otp_totp.models import TOTPDevice

from nrm.accounts.actors import OPERATOR
from nrm.accounts.admin_services import user_disable
from nrm.accounts.models import Organisation, SetUpLink, User
from nrm.accounts.roles import DefaultRole
from nrm.accounts.setup_links import (
    ALREADY_SIGNED_IN,
    LINK_EXPIRED,
    LINK_FOR_ANOTHER_ACCOUNT,
    LINK_NEEDED,
    LINK_OPENED,
    LINK_REPLACED,
    LINK_UNKNOWN,
    LINK_USED,
)
from nrm.accounts.sign_in import CODE_REFUSED, PENDING, SIGN_IN_FAILED
from nrm.audit.models import AuditEvent, AuditVerb
from tests.accounts.signing_in import (
    code,
    device_for,
    password_step,
    set_up_link,
    set_up_with_link,
)

pytestmark = pytest.mark.django_db

SET_UP = "/sign-in/two-factor/set-up/"
TWO_FACTOR = "/sign-in/two-factor/"


def refusals() -> list[dict[str, Any]]:
    events = AuditEvent.objects.filter(verb=AuditVerb.SETUP_LINK_REFUSE).order_by("seq")
    return [event.detail for event in events]


def shows_no_key(page: str) -> bool:
    return "otpauth://" not in page and "<svg" not in page and "<code>" not in page


@pytest.mark.parametrize("role", list(DefaultRole))
def test_no_role_can_register_a_second_factor_with_its_password_alone(
    role: DefaultRole, make_user: Any, organisation: Organisation
) -> None:
    user = make_user("newcomer", organisation, role)
    client = Client()
    assert password_step(client, "newcomer") == 302
    response = client.get(TWO_FACTOR)
    page = response.content.decode()
    assert response.status_code == 403 and LINK_NEEDED in page
    assert "You need a set-up link" in page and shows_no_key(page)
    assert PENDING not in client.session  # the sign-in has ended
    assert client.get(SET_UP)["Location"] == "/sign-in/"
    # Going straight to the set-up page after the password is stopped the same way.
    other = Client()
    password_step(other, "newcomer")
    response = other.get(SET_UP)
    assert response.status_code == 403 and shows_no_key(response.content.decode())
    response = other.post(SET_UP, {"code": "123456"})
    assert response.status_code == 302 and response["Location"] == "/sign-in/"
    assert not TOTPDevice.objects.filter(user=user).exists()
    assert client.get("/").status_code == 302 and other.get("/").status_code == 302
    assert refusals() == [{"system": "anonymous", "reason": "none", "step": "sign_in"}] * 2
    assert not AuditEvent.objects.filter(verb=AuditVerb.LOGIN).exists()


def test_a_wrong_password_reveals_nothing_about_the_accounts_set_up(
    make_user: Any, organisation: Organisation
) -> None:
    make_user("newcomer", organisation)
    device_for(make_user("veteran", organisation))
    pages = []
    for username in ("newcomer", "veteran"):
        client = Client()
        response = client.post("/sign-in/", {"username": username, "password": "Wrong-guess-42"})
        page = response.content.decode()
        assert response.status_code == 200 and SIGN_IN_FAILED in page and LINK_NEEDED not in page
        assert client.get(TWO_FACTOR)["Location"] == "/sign-in/"
        pages.append(page.replace(username, "USER"))
    strip = re.compile(r'name="csrfmiddlewaretoken" value="[^"]+"')
    assert strip.sub("", pages[0]) == strip.sub("", pages[1])
    assert refusals() == []


def test_a_set_up_link_lets_its_account_set_up_an_app_once(
    make_user: Any, organisation: Organisation
) -> None:
    user = make_user("newcomer", organisation, DefaultRole.CASEWORKER)
    client = Client()
    path = set_up_link(user)
    response = client.get(path, follow=True)
    assert LINK_OPENED in response.content.decode()
    password_step(client, "newcomer")
    assert client.get(TWO_FACTOR)["Location"] == SET_UP
    page = client.get(SET_UP).content.decode()
    assert "otpauth://totp/" in page and "<svg" in page
    device = TOTPDevice.objects.get(user=user)
    assert client.post(SET_UP, {"code": code(device)})["Location"] == "/"
    assert client.get("/").status_code == 200
    link = SetUpLink.objects.get(user=user)
    assert link.used_at is not None
    confirmed = AuditEvent.objects.get(verb=AuditVerb.OTP_DEVICE_CONFIRM)
    assert confirmed.actor == user and confirmed.detail == {"set_up_link": link.pk}
    # A second use is refused, and says why.
    again = Client().get(path)
    assert again.status_code == 410 and LINK_USED in again.content.decode()
    assert refusals() == [
        {"system": "anonymous", "reason": "used", "step": "open", "link": link.pk}
    ]


def test_a_used_link_never_sets_up_another_app_even_after_the_app_is_removed(
    make_user: Any, organisation: Organisation
) -> None:
    user = make_user("newcomer", organisation)
    client = Client()
    path = set_up_link(user)
    client.get(path)
    password_step(client, "newcomer")
    client.get(SET_UP)
    TOTPDevice.objects.filter(user=user).update(confirmed=True)
    SetUpLink.objects.update(used_at=timezone.now())
    TOTPDevice.objects.filter(user=user).delete()  # as if the app were lost, without a reset
    late = Client()
    late.get(path)
    password_step(late, "newcomer")
    assert late.get(TWO_FACTOR).status_code == 403
    assert shows_no_key(late.get(SET_UP).content.decode())
    assert not TOTPDevice.objects.filter(user=user).exists()


def test_a_link_opened_in_two_browsers_sets_up_one_app(
    make_user: Any, organisation: Organisation
) -> None:
    user = make_user("newcomer", organisation)
    path = set_up_link(user)
    first, second = Client(), Client()
    for client in (first, second):
        client.get(path)
        password_step(client, "newcomer")
        assert client.get(SET_UP).status_code == 200
    device = TOTPDevice.objects.get(user=user)
    assert first.post(SET_UP, {"code": code(device)})["Location"] == "/"
    # The other browser is now asked for the confirmed app's code, not shown its key.
    assert second.get(SET_UP)["Location"] == TWO_FACTOR
    assert TOTPDevice.objects.filter(user=user).count() == 1


def test_an_expired_link_is_refused_when_opened(make_user: Any, organisation: Organisation) -> None:
    user = make_user("newcomer", organisation)
    path = set_up_link(user)
    SetUpLink.objects.update(expires_at=timezone.now() - timedelta(seconds=1))
    client = Client()
    response = client.get(path)
    assert response.status_code == 410 and LINK_EXPIRED in response.content.decode()
    password_step(client, "newcomer")
    assert LINK_NEEDED in client.get(TWO_FACTOR).content.decode()
    assert not TOTPDevice.objects.filter(user=user).exists()
    assert [r["reason"] for r in refusals()] == ["expired", "none"]


def test_a_link_that_expires_before_the_password_stops_the_sign_in(
    make_user: Any, organisation: Organisation
) -> None:
    user = make_user("newcomer", organisation)
    client = Client()
    client.get(set_up_link(user))
    SetUpLink.objects.update(expires_at=timezone.now() - timedelta(seconds=1))
    password_step(client, "newcomer")
    response = client.get(TWO_FACTOR)
    assert response.status_code == 403 and LINK_EXPIRED in response.content.decode()
    assert not TOTPDevice.objects.filter(user=user).exists()
    assert refusals() == [{"system": "anonymous", "reason": "expired", "step": "sign_in"}]


def test_a_link_that_expires_before_the_code_confirms_nothing(
    make_user: Any, organisation: Organisation
) -> None:
    user = make_user("newcomer", organisation)
    client = Client()
    client.get(set_up_link(user))
    password_step(client, "newcomer")
    client.get(SET_UP)
    device = TOTPDevice.objects.get(user=user)
    SetUpLink.objects.update(expires_at=timezone.now() - timedelta(seconds=1))
    response = client.post(SET_UP, {"code": code(device)})
    assert response.status_code == 403 and LINK_EXPIRED in response.content.decode()
    device.refresh_from_db()
    assert not device.confirmed and client.get("/").status_code == 302


def test_an_unknown_link_is_refused_and_audited(client: Client) -> None:
    response = client.get("/sign-in/set-up/not-a-real-token/")
    assert response.status_code == 404 and LINK_UNKNOWN in response.content.decode()
    assert refusals() == [{"system": "anonymous", "reason": "unknown", "step": "open"}]
    event = AuditEvent.objects.get(verb=AuditVerb.SETUP_LINK_REFUSE)
    assert event.target_id == "" and "not-a-real-token" not in str(event.detail)
    assert client.post("/sign-in/set-up/not-a-real-token/").status_code == 405


def test_a_new_link_replaces_the_older_one_and_the_key_shown_under_it(
    make_user: Any, organisation: Organisation
) -> None:
    user = make_user("newcomer", organisation)
    client = Client()
    older = set_up_link(user)
    client.get(older)
    password_step(client, "newcomer")
    first_key = re.findall(r"secret=([A-Z2-7]+)", client.get(SET_UP).content.decode())[0]
    newer = set_up_link(user)
    assert not TOTPDevice.objects.filter(user=user).exists()  # the key shown is forgotten
    response = client.get(SET_UP)
    assert response.status_code == 403 and LINK_REPLACED in response.content.decode()
    assert Client().get(older).status_code == 410
    fresh = Client()
    fresh.get(newer)
    password_step(fresh, "newcomer")
    second_key = re.findall(r"secret=([A-Z2-7]+)", fresh.get(SET_UP).content.decode())[0]
    assert second_key != first_key
    assert SetUpLink.objects.filter(user=user, revoked_at__isnull=True).count() == 1


def test_a_link_for_one_account_does_not_set_up_another(
    make_user: Any, organisation: Organisation
) -> None:
    intended = make_user("intended", organisation)
    other = make_user("other", organisation)
    client = Client()
    client.get(set_up_link(intended))
    password_step(client, "other")
    response = client.get(TWO_FACTOR)
    assert response.status_code == 403 and LINK_FOR_ANOTHER_ACCOUNT in response.content.decode()
    assert not TOTPDevice.objects.filter(user__in=[intended, other]).exists()
    assert refusals()[-1] == {"system": "anonymous", "reason": "other_account", "step": "sign_in"}
    assert SetUpLink.objects.get(user=intended).used_at is None


def test_the_token_is_stored_and_audited_only_as_its_digest(
    make_user: Any, organisation: Organisation
) -> None:
    user = make_user("newcomer", organisation)
    token = set_up_link(user).split("/")[3]
    assert len(token) >= 40
    assert not SetUpLink.objects.filter(digest__contains=token).exists()
    issued = AuditEvent.objects.get(verb=AuditVerb.SETUP_LINK_ISSUE)
    assert issued.target_id == str(user.pk) and token not in str(issued.detail)
    assert set(issued.detail) == {"system", "link", "expires_at", "links_revoked"}


def test_disabling_a_user_revokes_their_unused_link(
    make_user: Any, organisation: Organisation
) -> None:
    user = make_user("leaver", organisation)
    path = set_up_link(user)
    user_disable(actor=OPERATOR, user=user)
    assert Client().get(path).status_code == 410
    event = AuditEvent.objects.get(verb=AuditVerb.USER_DISABLE)
    assert event.detail["set_up_links_revoked"] == 1


def test_opening_a_link_while_signed_in_asks_to_sign_out_first(
    make_user: Any, organisation: Organisation, signed_in: Any
) -> None:
    newcomer = make_user("newcomer", organisation)
    client = signed_in(make_user("officer", organisation))
    response = client.get(set_up_link(newcomer))
    assert response.status_code == 409 and ALREADY_SIGNED_IN in response.content.decode()
    assert "nrm_set_up_link" not in client.session


def test_after_setting_up_with_a_link_the_account_signs_in_with_its_code(
    make_user: Any, organisation: Organisation
) -> None:
    user: User = make_user("newcomer", organisation)
    device = set_up_with_link(Client(), user)
    client = Client()
    password_step(client, "newcomer")
    assert client.get(TWO_FACTOR).status_code == 200
    TOTPDevice.objects.update(last_t=-1)
    assert client.post(TWO_FACTOR, {"code": code(device)})["Location"] == "/"
    assert CODE_REFUSED not in client.get("/").content.decode()
