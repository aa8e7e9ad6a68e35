from datetime import timedelta
from typing import Any

import pytest
from axes.models import AccessAttempt
from django.test import Client, RequestFactory, override_settings

from nrm.accounts.models import Organisation
from nrm.accounts.sign_in import client_ip
from nrm.audit.models import AuditEvent, AuditVerb
from tests.accounts.signing_in import code, device_for, password_step, sign_in, wrong_code

pytestmark = pytest.mark.django_db

WRONG = "Wrong-guess-42"


def test_five_failed_passwords_lock_out_the_username_from_that_address_and_are_audited(
    make_user: Any, organisation: Organisation, settings: Any
) -> None:
    assert settings.AXES_FAILURE_LIMIT == 5 and settings.NRM_LOCKOUT_MINUTES == 15
    user = make_user("officer", organisation)
    device_for(user)
    client = Client()
    statuses = [password_step(client, "officer", WRONG) for _ in range(5)]
    assert statuses == [200, 200, 200, 200, 429]
    response = client.post("/sign-in/", {"username": "officer", "password": WRONG})
    assert response.status_code == 429 and "15 minutes" in response.content.decode()
    assert password_step(client, "officer") == 429  # even the right password, for now
    lockout = AuditEvent.objects.get(verb=AuditVerb.LOCKOUT)
    assert lockout.detail == {"system": "anonymous", "username": "officer", "minutes": 15}
    assert lockout.target_id == str(user.pk)
    failures = AuditEvent.objects.filter(verb=AuditVerb.LOGIN_FAILED)
    assert [e.detail["locked_out"] for e in failures] == [False] * 4 + [True] * 3
    assert WRONG not in str(list(AuditEvent.objects.values_list("detail", flat=True)))
    assert WRONG not in str(list(AccessAttempt.objects.values_list("post_data", flat=True)))


def test_the_lockout_is_for_the_username_and_address_together(
    make_user: Any, organisation: Organisation
) -> None:
    user = make_user("officer", organisation)
    device = device_for(user)
    make_user("colleague", organisation)
    attacker = Client(REMOTE_ADDR="203.0.113.9")
    for _ in range(5):
        password_step(attacker, "officer", WRONG)
    assert password_step(attacker, "officer") == 429
    assert password_step(attacker, "colleague") == 302  # another username from there
    sign_in(Client(REMOTE_ADDR="198.51.100.7"), user, device)  # the user from their own desk


def test_wrong_codes_count_towards_the_lockout(make_user: Any, organisation: Organisation) -> None:
    user = make_user("officer", organisation)
    device = device_for(user)
    client = Client()
    password_step(client, "officer")
    statuses = [
        client.post("/sign-in/two-factor/", {"code": wrong_code(device)}).status_code
        for _ in range(5)
    ]
    assert statuses == [200, 200, 200, 200, 429]
    assert client.post("/sign-in/two-factor/", {"code": code(device)}).status_code == 429
    assert client.get("/").status_code == 302
    assert AuditEvent.objects.filter(verb=AuditVerb.LOCKOUT).count() == 1


def test_a_lockout_ends_after_its_minutes(make_user: Any, organisation: Organisation) -> None:
    user = make_user("officer", organisation)
    device = device_for(user)
    client = Client()
    for _ in range(5):
        password_step(client, "officer", WRONG)
    assert password_step(client, "officer") == 429
    attempt = AccessAttempt.objects.get()
    attempt.attempt_time -= timedelta(minutes=15, seconds=1)
    attempt.save()
    sign_in(client, user, device)
    assert not AccessAttempt.objects.exists()  # a successful sign-in clears the count


def test_a_successful_sign_in_resets_the_count_of_failures(
    make_user: Any, organisation: Organisation
) -> None:
    user = make_user("officer", organisation)
    device = device_for(user)
    client = Client()
    for _ in range(4):
        password_step(client, "officer", WRONG)
    sign_in(client, user, device)
    client.post("/sign-out/")
    assert [password_step(client, "officer", WRONG) for _ in range(4)] == [200] * 4


def test_behind_proxies_the_client_address_is_the_one_the_outermost_proxy_saw() -> None:
    request = RequestFactory().get(
        "/", REMOTE_ADDR="10.0.0.2", HTTP_X_FORWARDED_FOR="1.2.3.4, 203.0.113.9, 10.0.0.1"
    )
    assert client_ip(request) == "10.0.0.2"
    with override_settings(NRM_PROXY_COUNT=2):
        assert client_ip(request) == "203.0.113.9"
    with override_settings(NRM_PROXY_COUNT=5):  # fewer addresses than proxies: not trusted
        assert client_ip(request) == "10.0.0.2"
