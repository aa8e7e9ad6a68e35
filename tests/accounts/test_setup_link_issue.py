"""Who issues set-up links and how: only an administrator (or the operator at the command line),
never for their own or a disabled account, and for an account with an app only with a reset;
through the administration pages, which show the link once, and through ``nrm accounts``."""

import re
from collections.abc import Callable
from datetime import timedelta
from typing import Any

import pytest
from django.conf import settings
from django.test import Client
from django.urls import reverse
from django.utils import timezone
from django_otp.plugins.otp_totp.models import TOTPDevice

from nrm.accounts import setup_links
from nrm.accounts.actors import ANONYMOUS, OPERATOR
from nrm.accounts.admin_services import AccountError
from nrm.accounts.models import Organisation, SetUpLink, User, UserSession
from nrm.accounts.permissions import CapabilityDenied
from nrm.accounts.roles import DefaultRole
from nrm.accounts.setup_links import (
    ISSUE_DISABLED,
    ISSUE_HAS_APP,
    ISSUE_OWN_ACCOUNT,
    LINK_OPENED,
    LINK_USED,
    setup_link_issue,
)
from nrm.audit.models import AuditEvent, AuditVerb
from nrm.cli import main
from tests.accounts.signing_in import code, device_for, password_step, set_up_with_link

pytestmark = pytest.mark.django_db

LINK_PATH = r"/sign-in/set-up/[A-Za-z0-9_-]{40,}/"


@pytest.fixture
def administrator(make_user: Callable[..., User], organisation: Organisation) -> User:
    return make_user("admin", organisation, DefaultRole.ADMINISTRATOR)


@pytest.fixture
def newcomer(make_user: Callable[..., User], organisation: Organisation) -> User:
    return make_user("newcomer", organisation, DefaultRole.FIRST_RESPONDER)


@pytest.mark.parametrize("role", [r for r in DefaultRole if r != DefaultRole.ADMINISTRATOR])
def test_only_an_administrator_may_issue_a_link_and_a_refusal_is_audited(
    role: DefaultRole, make_user: Any, organisation: Organisation, newcomer: User
) -> None:
    someone = make_user("someone", organisation, role)
    with pytest.raises(CapabilityDenied):
        setup_link_issue(actor=someone, user=newcomer)
    denied = AuditEvent.objects.get(verb=AuditVerb.ACCESS_DENIED)
    assert denied.actor == someone
    assert denied.detail == {
        "capability": "manage_accounts",
        "action": "setup_link_issue",
        "user": newcomer.pk,
    }
    assert not SetUpLink.objects.exists()


def test_nobody_unknown_may_issue_a_link(newcomer: User) -> None:
    with pytest.raises(CapabilityDenied):
        setup_link_issue(actor=ANONYMOUS, user=newcomer)
    assert not SetUpLink.objects.exists()


def test_a_link_lasts_the_configured_hours(administrator: User, newcomer: User) -> None:
    before = timezone.now()
    issued = setup_link_issue(actor=administrator, user=newcomer)
    hours = timedelta(hours=settings.NRM_SETUP_LINK_HOURS)
    assert settings.NRM_SETUP_LINK_HOURS == 72
    assert before + hours <= issued.expires_at <= timezone.now() + hours
    event = AuditEvent.objects.get(verb=AuditVerb.SETUP_LINK_ISSUE)
    assert event.actor == administrator
    assert event.detail["expires_at"] == issued.expires_at.isoformat()


def test_no_link_for_ones_own_account_or_a_disabled_one(
    administrator: User, newcomer: User
) -> None:
    with pytest.raises(AccountError, match=ISSUE_OWN_ACCOUNT):
        setup_link_issue(actor=administrator, user=administrator)
    newcomer.is_active = False
    newcomer.save()
    with pytest.raises(AccountError, match=ISSUE_DISABLED):
        setup_link_issue(actor=administrator, user=newcomer)
    assert not SetUpLink.objects.exists()


def test_an_account_with_an_app_gets_a_link_only_after_a_reset(
    administrator: User, newcomer: User, signed_in: Callable[[User], Client]
) -> None:
    lost = device_for(newcomer)
    TOTPDevice.objects.create(user=newcomer, name="half set up", confirmed=False)
    session = signed_in(newcomer)
    with pytest.raises(AccountError, match=ISSUE_HAS_APP):
        setup_link_issue(actor=administrator, user=newcomer)
    assert TOTPDevice.objects.filter(pk=lost.pk).exists() and not SetUpLink.objects.exists()
    setup_link_issue(actor=administrator, user=newcomer, reset=True)
    assert not TOTPDevice.objects.filter(user=newcomer).exists()
    assert not UserSession.objects.filter(user=newcomer).exists()
    assert session.get("/").status_code == 302  # signed out at once
    reset = AuditEvent.objects.get(verb=AuditVerb.OTP_DEVICE_RESET)
    assert reset.actor == administrator and reset.target_id == str(newcomer.pk)
    assert reset.detail == {"devices_removed": 2, "sessions_ended": 1}
    # The old app no longer signs in; the new link sets up a new one.
    client = Client()
    password_step(client, "newcomer")
    assert client.get("/sign-in/two-factor/").status_code == 403
    set_up_with_link(Client(), newcomer)


def test_a_link_used_up_while_its_code_is_checked_confirms_nothing_and_hides_the_key(
    newcomer: User, monkeypatch: pytest.MonkeyPatch
) -> None:
    client = Client()
    client.get(setup_link_issue(actor=OPERATOR, user=newcomer).path)
    password_step(client, "newcomer")
    client.get("/sign-in/two-factor/set-up/")
    link = SetUpLink.objects.get()
    # The page saw a valid link; by the time the code is checked it has been used elsewhere.
    checks = iter([link])
    real = setup_links.setup_link_for
    monkeypatch.setattr(
        setup_links, "setup_link_for", lambda **kw: next(checks, None) or real(**kw)
    )
    SetUpLink.objects.update(used_at=timezone.now())
    device = TOTPDevice.objects.get(user=newcomer)
    response = client.post("/sign-in/two-factor/set-up/", {"code": code(device)})
    page = response.content.decode()
    assert response.status_code == 403 and LINK_USED in page and "otpauth://" not in page
    device.refresh_from_db()
    assert not device.confirmed
    assert not AuditEvent.objects.filter(verb=AuditVerb.LOGIN).exists()


# The administration page


@pytest.fixture
def admin_client(signed_in: Callable[[User], Client], administrator: User) -> Client:
    return signed_in(administrator)


def test_the_administrator_issues_a_link_on_the_users_page_and_sees_it_once(
    admin_client: Client, newcomer: User
) -> None:
    user_page = reverse("accounts:admin-user", args=[newcomer.pk])
    assert "Not set up" in admin_client.get(user_page).content.decode()
    url = reverse("accounts:admin-user-set-up-link", args=[newcomer.pk])
    page = admin_client.get(url).content.decode()
    assert "Issue a set-up link?" in page and "72 hours" in page
    assert not SetUpLink.objects.exists()  # asking is not doing
    response = admin_client.post(url, {"reset": "False"})
    shown = response.content.decode()
    assert response.status_code == 200 and "no-store" in response["Cache-Control"]
    found = re.search(rf"http://testserver({LINK_PATH})", shown)
    assert found is not None and "Copy the link now" in shown
    later = admin_client.get(user_page).content.decode()
    assert found.group(1) not in later and "set-up link issued, works until" in later
    assert LINK_OPENED in Client().get(found.group(1), follow=True).content.decode()


def test_the_administrator_resets_a_lost_app_and_issues_a_link(
    admin_client: Client, newcomer: User
) -> None:
    device_for(newcomer)
    user_page = admin_client.get(reverse("accounts:admin-user", args=[newcomer.pk]))
    assert "Reset<span" in user_page.content.decode()
    url = reverse("accounts:admin-user-set-up-link", args=[newcomer.pk])
    page = admin_client.get(url).content.decode()
    assert "Reset the app and issue a link" in page and 'name="reset" value="True"' in page
    refused = admin_client.post(url, {"reset": "False"}).content.decode()
    assert ISSUE_HAS_APP in refused and TOTPDevice.objects.filter(user=newcomer).exists()
    admin_client.post(url, {"reset": "True"})
    assert not TOTPDevice.objects.filter(user=newcomer).exists()
    assert SetUpLink.objects.filter(user=newcomer).count() == 1


def test_the_administrator_cannot_issue_a_link_for_their_own_account(
    admin_client: Client, administrator: User
) -> None:
    url = reverse("accounts:admin-user-set-up-link", args=[administrator.pk])
    page = admin_client.get(url).content.decode()
    assert ISSUE_OWN_ACCOUNT in page and "<button" not in page.split("Sign out")[-1]
    assert ISSUE_OWN_ACCOUNT in admin_client.post(url, {}).content.decode()
    assert not SetUpLink.objects.exists()


# The command line


def test_the_operator_issues_a_link_at_the_command_line(
    newcomer: User, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["accounts", "setup-link", "--username", "newcomer"]) == 0
    out = capsys.readouterr().out
    assert "Set-up link for newcomer (works once, until" in out
    link = out.strip().splitlines()[-1]
    assert re.fullmatch(rf"{settings.NRM_SITE_URL}{LINK_PATH}", link)
    event = AuditEvent.objects.get(verb=AuditVerb.SETUP_LINK_ISSUE)
    assert event.actor is None and event.detail["system"] == "operator"
    client = Client()
    assert client.get(link.removeprefix(settings.NRM_SITE_URL))["Location"] == "/sign-in/"


def test_the_command_says_why_it_cannot_issue_a_link(
    newcomer: User, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["accounts", "setup-link", "--username", "nobody"]) == 2
    assert "no user 'nobody'" in capsys.readouterr().err
    device_for(newcomer)
    assert main(["accounts", "setup-link", "--username", "newcomer"]) == 2
    assert ISSUE_HAS_APP in capsys.readouterr().err
    assert main(["accounts", "setup-link", "--username", "newcomer", "--reset"]) == 0
    assert not TOTPDevice.objects.filter(user=newcomer).exists()
