"""Helpers for tests that go through the sign-in pages."""

from django.test import Client
from django_otp.oath import totp
from django_otp.plugins.otp_totp.models import TOTPDevice

from nrm.accounts.actors import OPERATOR
from nrm.accounts.models import User
from nrm.accounts.setup_links import setup_link_issue

PASSWORD = "not-used-here-123"  # the password the make_user fixture gives every user


def code(device: TOTPDevice, steps_ahead: int = 0) -> str:
    """The code the user's authenticator app would show now (or ``steps_ahead`` steps later)."""
    device.refresh_from_db()
    value = totp(device.bin_key, device.step, device.t0, device.digits, device.drift + steps_ahead)
    return f"{value:0{device.digits}d}"


def wrong_code(device: TOTPDevice) -> str:
    """A code that no step in the accepted window shows."""
    accepted = {code(device, offset) for offset in (-2, -1, 0, 1, 2)}
    return next(f"{n:06d}" for n in range(1, 10) if f"{n:06d}" not in accepted)


def device_for(user: User) -> TOTPDevice:
    return TOTPDevice.objects.create(user=user, name="phone", confirmed=True)


def password_step(client: Client, username: str, password: str = PASSWORD) -> int:
    return client.post("/sign-in/", {"username": username, "password": password}).status_code


def sign_in(client: Client, user: User, device: TOTPDevice) -> None:
    assert password_step(client, user.username) == 302
    response = client.post("/sign-in/two-factor/", {"code": code(device)})
    assert response.status_code == 302 and response["Location"] == "/", response


def set_up_link(user: User) -> str:
    """The address of a set-up link for ``user``, issued by the operator."""
    return setup_link_issue(actor=OPERATOR, user=user).path


def set_up_with_link(client: Client, user: User) -> TOTPDevice:
    """Open a new set-up link for ``user``, give the password and confirm the app; the client is
    then signed in. Returns the confirmed device."""
    assert client.get(set_up_link(user))["Location"] == "/sign-in/"
    assert password_step(client, user.username) == 302
    assert client.get("/sign-in/two-factor/")["Location"] == "/sign-in/two-factor/set-up/"
    assert client.get("/sign-in/two-factor/set-up/").status_code == 200
    device = TOTPDevice.objects.get(user=user, confirmed=False)
    response = client.post("/sign-in/two-factor/set-up/", {"code": code(device)})
    assert response.status_code == 302, response
    device.refresh_from_db()
    assert device.confirmed
    return device
