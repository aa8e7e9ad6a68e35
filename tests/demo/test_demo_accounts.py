"""Every demo account comes with a set-up link for its authenticator app; none can set one up
with its password alone."""

import re
from argparse import Namespace
from typing import Any

import pytest
from django.conf import settings
from django.test import Client
from django_otp.plugins.otp_totp.models import TOTPDevice

from nrm.accounts.models import User
from nrm.accounts.roles import DefaultRole
from nrm.accounts.setup_links import LINK_NEEDED
from nrm.config import commands
from nrm.config.bootstrap import database_prepare
from nrm.demo import build
from nrm.demo.build import DEMO_MORE_ACCOUNTS, demo_accounts_create
from tests.accounts.signing_in import code

pytestmark = pytest.mark.django_db


def _password_step(client: Client, username: str, password: str) -> None:
    response = client.post("/sign-in/", {"username": username, "password": password})
    assert response.status_code == 302


def test_every_demo_account_gets_a_set_up_link_and_no_app(db: Any) -> None:
    database_prepare()
    accounts = demo_accounts_create()
    assert {a.role for a in accounts} == set(DefaultRole)
    childrens = next(a for a in accounts if a.username == "demo-childrens-services")
    assert childrens.role == DefaultRole.SUPPORT_PROVIDER
    assert User.objects.get(username=childrens.username).organisation.code == (
        "childrens-services-england"
    )
    assert not TOTPDevice.objects.exists()
    for account in accounts:
        # The password alone stops after the password step.
        alone = Client()
        _password_step(alone, account.username, account.password)
        assert LINK_NEEDED in alone.get("/sign-in/two-factor/").content.decode()
        # The printed link sets up the app.
        assert account.set_up_link.startswith(f"{settings.NRM_SITE_URL}/sign-in/set-up/")
        client = Client()
        assert (
            client.get(account.set_up_link.removeprefix(settings.NRM_SITE_URL)).status_code == 302
        )
        _password_step(client, account.username, account.password)
        assert client.get("/sign-in/two-factor/set-up/").status_code == 200
        device = TOTPDevice.objects.get(user__username=account.username)
        response = client.post("/sign-in/two-factor/set-up/", {"code": code(device)})
        assert response["Location"] == "/"
    assert (
        TOTPDevice.objects.filter(confirmed=True).count()
        == User.objects.count()
        == len(DefaultRole) + len(DEMO_MORE_ACCOUNTS)
    )


def test_the_demo_prints_and_keeps_a_set_up_link_for_every_account(
    db: Any,
    tmp_path: Any,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    settings: Any,
) -> None:
    settings.DATA_DIR = tmp_path
    monkeypatch.setattr(build, "demo_referrals_load", lambda: 0)  # the accounts are the point
    build.demo_build(prepare=database_prepare)
    printed = capsys.readouterr().out
    kept = (tmp_path / "credentials.txt").read_text(encoding="utf-8")
    assert printed.strip() == kept.strip()
    links = re.findall(r"set-up link: (\S+)", kept)
    assert len(links) == len(DefaultRole) + len(DEMO_MORE_ACCOUNTS) == len(set(links))
    assert "sets up an authenticator app from the QR code shown" not in kept
    assert "open the account's set-up link" in kept
    assert (tmp_path / "credentials.txt").stat().st_mode & 0o777 == 0o600


def test_the_demo_prints_the_address_it_serves(
    db: Any,
    tmp_path: Any,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    settings: Any,
) -> None:
    settings.DATA_DIR = tmp_path
    settings.NRM_SITE_URL = "http://127.0.0.1:8000"
    monkeypatch.delenv("NRM_SITE_URL", raising=False)
    monkeypatch.setattr(build, "demo_referrals_load", lambda: 0)
    arguments = Namespace(no_serve=True, host="127.0.0.1", port=8102, keep=False)
    assert commands.cmd_demo(arguments) == 0
    printed = capsys.readouterr().out
    addresses = re.findall(r"https?://[^\s'<>]+", printed)
    assert len(addresses) > len(DefaultRole)
    assert all(address.startswith("http://127.0.0.1:8102/") for address in addresses)
