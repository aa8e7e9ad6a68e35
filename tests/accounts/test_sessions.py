from typing import Any

import pytest
from django.contrib.sessions.models import Session
from django.test import Client

from nrm.accounts.models import Organisation, UserSession
from nrm.accounts.sign_in import SEEN_AT, SESSION_IDLE, SESSION_TOO_LONG, SIGNED_IN_AT
from nrm.audit.models import AuditEvent, AuditVerb

pytestmark = pytest.mark.django_db


def _shift(client: Client, key: str, seconds: float) -> None:
    """Move one of the session's clocks into the past, as if that time had gone by."""
    session = client.session
    session[key] -= seconds
    session.save()


def test_a_session_ends_after_thirty_idle_minutes_and_the_expiry_is_audited(
    signed_in: Any, make_user: Any, organisation: Organisation, settings: Any
) -> None:
    assert settings.NRM_SESSION_IDLE_MINUTES == 30
    user = make_user("officer", organisation)
    client = signed_in(user)
    _shift(client, SEEN_AT, 29 * 60)
    assert client.get("/").status_code == 200  # still within the limit, and now seen again
    _shift(client, SEEN_AT, 30 * 60 + 1)
    response = client.get("/", follow=True)
    assert response.redirect_chain[0] == ("/sign-in/?next=/", 302)
    assert SESSION_IDLE in response.content.decode()
    expiry = AuditEvent.objects.get(verb=AuditVerb.SESSION_EXPIRE)
    assert expiry.actor == user and expiry.detail == {"reason": "idle"}
    assert not UserSession.objects.exists()
    assert client.get("/").status_code == 302


def test_each_request_restarts_the_idle_clock(
    signed_in: Any, make_user: Any, organisation: Organisation
) -> None:
    client = signed_in(make_user("officer", organisation))
    _shift(client, SEEN_AT, 20 * 60)
    client.get("/")
    _shift(client, SEEN_AT, 20 * 60)
    assert client.get("/").status_code == 200


def test_a_session_ends_twelve_hours_after_signing_in_however_active(
    signed_in: Any, make_user: Any, organisation: Organisation, settings: Any
) -> None:
    assert settings.NRM_SESSION_MAX_HOURS == 12
    client = signed_in(make_user("officer", organisation))
    _shift(client, SIGNED_IN_AT, 12 * 3600 - 60)
    assert client.get("/").status_code == 200
    _shift(client, SIGNED_IN_AT, 61)
    response = client.get("/", follow=True)
    assert SESSION_TOO_LONG in response.content.decode()
    assert AuditEvent.objects.get(verb=AuditVerb.SESSION_EXPIRE).detail == {"reason": "lifetime"}


def test_the_limits_come_from_the_settings(
    signed_in: Any, make_user: Any, organisation: Organisation, settings: Any
) -> None:
    settings.NRM_SESSION_IDLE_MINUTES = 5
    client = signed_in(make_user("officer", organisation))
    _shift(client, SEEN_AT, 5 * 60 + 1)
    assert client.get("/").status_code == 302


def test_a_session_that_skipped_the_sign_in_steps_is_refused(
    make_user: Any, organisation: Organisation
) -> None:
    client = Client()
    client.force_login(make_user("officer", organisation))
    key = client.session.session_key
    assert Session.objects.filter(session_key=key).exists()
    assert client.get("/").status_code == 302
    assert not Session.objects.filter(session_key=key).exists()
