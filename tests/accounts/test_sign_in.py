import re
from base64 import b32encode
from datetime import timedelta
from typing import Any

import pytest
from django.test import Client
from django.utils import timezone
from django_otp.plugins.otp_totp.models import TOTPDevice

from nrm.accounts.models import Organisation, UserSession
from nrm.accounts.roles import DefaultRole
from nrm.accounts.sign_in import CODE_REFUSED, PENDING, SIGN_IN_AGAIN, SIGN_IN_FAILED
from nrm.audit.models import AuditEvent, AuditVerb
from tests.accounts.signing_in import (
    PASSWORD,
    code,
    device_for,
    password_step,
    set_up_link,
    sign_in,
    wrong_code,
)

pytestmark = pytest.mark.django_db


def verbs() -> list[str]:
    return list(AuditEvent.objects.values_list("verb", flat=True))


def test_a_user_signs_in_with_a_password_and_a_code_and_sees_who_they_are(
    make_user: Any, organisation: Organisation
) -> None:
    user = make_user("caseworker", organisation, DefaultRole.CASEWORKER)
    device = device_for(user)
    client = Client()
    assert password_step(client, "caseworker") == 302
    assert client.get("/").status_code == 302  # not signed in yet: the code is still to come
    response = client.post("/sign-in/two-factor/", {"code": code(device)})
    assert response.status_code == 302 and response["Location"] == "/"
    page = client.get("/").content.decode()
    assert "caseworker" in page and organisation.name in page
    assert "Competent authority caseworker" in page
    login = AuditEvent.objects.get(verb=AuditVerb.LOGIN)
    assert login.actor == user and UserSession.objects.filter(user=user).count() == 1


def test_a_wrong_code_is_refused_and_nobody_is_signed_in(
    make_user: Any, organisation: Organisation
) -> None:
    user = make_user("officer", organisation)
    device = device_for(user)
    client = Client()
    password_step(client, "officer")
    response = client.post("/sign-in/two-factor/", {"code": wrong_code(device)})
    assert response.status_code == 200 and CODE_REFUSED in response.content.decode()
    assert client.get("/").status_code == 302
    failed = AuditEvent.objects.get(verb=AuditVerb.LOGIN_FAILED)
    assert failed.detail == {
        "system": "anonymous",
        "username": "officer",
        "factor": "totp",
        "locked_out": False,
    }
    assert AuditVerb.LOGIN not in verbs()
    # the right code still works once the device's own throttle has passed
    TOTPDevice.objects.update(throttling_failure_count=0, throttling_failure_timestamp=None)
    assert client.post("/sign-in/two-factor/", {"code": code(device)}).status_code == 302
    assert client.get("/").status_code == 200


def test_a_wrong_password_is_refused_and_audited_without_the_password(
    make_user: Any, organisation: Organisation
) -> None:
    user = make_user("officer", organisation)
    device_for(user)
    client = Client()
    response = client.post("/sign-in/", {"username": "officer", "password": "Wrong-guess-42"})
    assert response.status_code == 200 and SIGN_IN_FAILED in response.content.decode()
    assert PENDING not in client.session
    assert client.get("/sign-in/two-factor/").status_code == 302
    failed = AuditEvent.objects.get(verb=AuditVerb.LOGIN_FAILED)
    assert failed.target_id == str(user.pk)
    assert failed.detail == {
        "system": "anonymous",
        "username": "officer",
        "factor": "password",
        "locked_out": False,
    }
    assert "Wrong-guess-42" not in str(AuditEvent.objects.values_list("detail", flat=True))


def test_a_user_with_a_set_up_link_sets_up_a_device_before_any_other_page(
    make_user: Any, organisation: Organisation
) -> None:
    user = make_user("newcomer", organisation, DefaultRole.ANALYST)
    client = Client()
    assert client.get(set_up_link(user))["Location"] == "/sign-in/"
    password_step(client, "newcomer")
    assert client.get("/sign-in/two-factor/")["Location"] == "/sign-in/two-factor/set-up/"
    page = client.get("/sign-in/two-factor/set-up/").content.decode()
    assert re.search(r'href="otpauth://totp/Open%20NRM%3Anewcomer\?secret=[A-Z2-7]+', page)
    assert "<svg" in page and "<path" in page
    assert client.get("/").status_code == 302
    device = TOTPDevice.objects.get(user=user)
    assert not device.confirmed
    secret = b32encode(device.bin_key).decode()
    assert f"<code>{secret[:4]} {secret[4:8]} " in page  # for typing in when a scan fails
    response = client.post("/sign-in/two-factor/set-up/", {"code": code(device)})
    assert response.status_code == 302 and response["Location"] == "/"
    device.refresh_from_db()
    assert device.confirmed
    assert verbs()[-2:] == [AuditVerb.OTP_DEVICE_CONFIRM, AuditVerb.LOGIN]
    assert client.get("/").status_code == 200


def test_the_set_up_keeps_one_secret_until_it_is_confirmed(
    make_user: Any, organisation: Organisation
) -> None:
    user = make_user("newcomer", organisation)
    client = Client()
    client.get(set_up_link(user))
    password_step(client, "newcomer")
    uris = {
        re.findall(
            r'href="(otpauth://[^"]+)"', client.get("/sign-in/two-factor/set-up/").content.decode()
        )[0]
        for _ in range(2)
    }
    assert len(uris) == 1 and TOTPDevice.objects.count() == 1
    response = client.post("/sign-in/two-factor/set-up/", {"code": "12345"})
    assert CODE_REFUSED in response.content.decode()
    assert not TOTPDevice.objects.get().confirmed


def test_a_user_with_a_device_cannot_set_up_another(
    make_user: Any, organisation: Organisation
) -> None:
    device_for(make_user("officer", organisation))
    client = Client()
    password_step(client, "officer")
    assert client.get("/sign-in/two-factor/set-up/")["Location"] == "/sign-in/two-factor/"
    assert TOTPDevice.objects.count() == 1


def test_the_code_steps_need_a_correct_password_first(client: Client) -> None:
    for path in ("/sign-in/two-factor/", "/sign-in/two-factor/set-up/"):
        response = client.post(path, {"code": "123456"})
        assert response.status_code == 302 and response["Location"] == "/sign-in/"


def test_a_password_accepted_too_long_ago_must_be_given_again(
    make_user: Any, organisation: Organisation
) -> None:
    device = device_for(make_user("officer", organisation))
    client = Client()
    password_step(client, "officer")
    session = client.session
    session[PENDING] = {**session[PENDING], "at": session[PENDING]["at"] - 601}
    session.save()
    response = client.post("/sign-in/two-factor/", {"code": code(device)}, follow=True)
    assert SIGN_IN_AGAIN in response.content.decode()
    assert client.get("/").status_code == 302


def test_a_disabled_user_cannot_sign_in(make_user: Any, organisation: Organisation) -> None:
    user = make_user("officer", organisation)
    device_for(user)
    user.is_active = False
    user.save()
    assert password_step(Client(), "officer", PASSWORD) == 200
    assert AuditEvent.objects.get(verb=AuditVerb.LOGIN_FAILED).detail["factor"] == "password"


def test_signing_out_ends_the_session_and_is_audited(
    make_user: Any, organisation: Organisation
) -> None:
    user = make_user("officer", organisation)
    client = Client()
    sign_in(client, user, device_for(user))
    assert client.get("/sign-out/").status_code == 405
    response = client.post("/sign-out/", follow=True)
    assert "You have signed out" in response.content.decode()
    assert client.get("/").status_code == 302
    assert verbs()[-1] == AuditVerb.LOGOUT
    assert not UserSession.objects.exists()


def test_the_sign_in_page_sends_a_signed_in_user_home(
    signed_in: Any, make_user: Any, organisation: Organisation
) -> None:
    client = signed_in(make_user("officer", organisation))
    assert client.get("/sign-in/")["Location"] == "/"


def test_after_signing_in_the_user_goes_where_they_were_going(
    make_user: Any, organisation: Organisation
) -> None:
    user = make_user("officer", organisation)
    device = device_for(user)
    client = Client()
    assert client.get("/")["Location"] == "/sign-in/?next=/"
    client.post("/sign-in/", {"username": "officer", "password": PASSWORD, "next": "/?page=2"})
    assert client.post("/sign-in/two-factor/", {"code": code(device)})["Location"] == "/?page=2"
    other = Client()
    other.post(
        "/sign-in/", {"username": "officer", "password": PASSWORD, "next": "https://evil.test/"}
    )
    TOTPDevice.objects.update(last_t=-1)
    assert other.post("/sign-in/two-factor/", {"code": code(device)})["Location"] == "/"


def test_signing_in_forgets_sessions_that_ran_out_unnoticed(
    make_user: Any, organisation: Organisation
) -> None:
    user = make_user("officer", organisation)
    stale = UserSession.objects.create(user=user, session_key="gone")
    UserSession.objects.filter(pk=stale.pk).update(
        signed_in_at=timezone.now() - timedelta(hours=12, minutes=1)
    )
    sign_in(Client(), user, device_for(user))
    assert list(UserSession.objects.values_list("session_key", flat=True)) != ["gone"]
    assert not UserSession.objects.filter(session_key="gone").exists()
