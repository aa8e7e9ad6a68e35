"""The administrator's pages: organisations, users and roles, through the administration
services; other roles are refused, bad input is shown on its field and nothing is half-saved,
and no case content ever appears."""

from collections.abc import Callable
from typing import Any

import pytest
from django.test import Client
from django.urls import reverse
from django.utils.html import escape

from nrm.accounts import admin_forms, admin_views
from nrm.accounts import admin_services as rules
from nrm.accounts.models import Organisation, Role, User
from nrm.accounts.roles import DefaultRole
from nrm.audit.models import AuditEvent, AuditVerb
from nrm.cases.referrals.services import referral_submit
from nrm.support.services import support_providers_seed, support_referral_create

pytestmark = pytest.mark.django_db

STRONG = "a-long-enough-passphrase-917"
CANARY = "Zzadmincanary"

PAGES = [
    ("accounts:admin-index", []),
    ("accounts:admin-organisations", []),
    ("accounts:admin-organisation-create", []),
    ("accounts:admin-organisation-edit", ["met-police"]),
    ("accounts:admin-users", []),
    ("accounts:admin-user-create", []),
    ("accounts:admin-user", ["{other}"]),
    ("accounts:admin-user-role", ["{other}"]),
    ("accounts:admin-user-disable", ["{other}"]),
    ("accounts:admin-user-enable", ["{other}"]),
    ("accounts:admin-user-set-up-link", ["{other}"]),
    ("accounts:admin-roles", []),
]


@pytest.fixture
def administrator(make_user: Callable[..., User], organisation: Organisation) -> User:
    return make_user("admin", organisation, DefaultRole.ADMINISTRATOR)


@pytest.fixture
def officer(make_user: Callable[..., User], organisation: Organisation) -> User:
    return make_user("officer", organisation)


@pytest.fixture
def admin_client(signed_in: Callable[[User], Client], administrator: User) -> Client:
    return signed_in(administrator)


def _urls(officer: User) -> list[str]:
    return [
        reverse(name, args=[arg.format(other=officer.pk) for arg in args]) for name, args in PAGES
    ]


@pytest.mark.parametrize("role", [r for r in DefaultRole if r != DefaultRole.ADMINISTRATOR])
def test_every_administration_page_refuses_other_roles_and_audits_it(
    role: DefaultRole,
    signed_in: Callable[[User], Client],
    make_user: Callable[..., User],
    organisation: Organisation,
    officer: User,
) -> None:
    someone = make_user("someone", organisation, role)
    client = signed_in(someone)
    for url in _urls(officer):
        assert client.get(url).status_code == 403, url
        assert client.post(url, {"role": "1"}).status_code == 403, url
    officer.refresh_from_db()
    assert officer.is_active
    assert AuditEvent.objects.filter(
        actor=someone, verb=AuditVerb.ACCESS_DENIED, detail__capability="manage_accounts"
    ).count() == 2 * len(PAGES)


def test_no_administration_page_shows_case_content(
    admin_client: Client,
    officer: User,
    organisation: Organisation,
    make_user: Callable[..., User],
    valid_referral: dict[str, Any],
) -> None:
    support_providers_seed()
    data = {**valid_referral, "given_name": CANARY, "account": f"{CANARY} account"}
    referral = referral_submit(actor=officer, data=data, organisation=organisation)
    caseworker = make_user("caseworker", None, DefaultRole.CASEWORKER)
    assert support_referral_create(referral=referral, actor=caseworker) is not None
    for url in _urls(officer):
        page = admin_client.get(url)
        text = page.content.decode()
        assert page.status_code == 200, url
        assert CANARY not in text and referral.reference not in text, url
        assert "Fictiva" not in text and "PC Example" not in text, url


def test_the_lists_show_organisations_users_with_role_and_status_and_roles_with_capabilities(
    admin_client: Client, officer: User, organisation: Organisation
) -> None:
    organisations = admin_client.get(reverse("accounts:admin-organisations")).content.decode()
    assert organisation.name in organisations and "met-police" in organisations
    users = admin_client.get(reverse("accounts:admin-users")).content.decode()
    assert "officer" in users and "First responder" in users and "Active" in users
    roles = admin_client.get(reverse("accounts:admin-roles")).content.decode()
    assert "Manage organisations, users and roles" in roles
    assert "People referred to them for support" in roles


def test_the_users_of_one_organisation_can_be_listed(
    admin_client: Client, officer: User, other_organisation: Organisation, make_user: Any
) -> None:
    make_user("scottish-officer", other_organisation)
    url = reverse("accounts:admin-users") + f"?organisation={other_organisation.code}"
    page = admin_client.get(url).content.decode()
    assert "scottish-officer" in page and ">officer<" not in page


def test_an_unknown_user_or_organisation_is_not_found(admin_client: Client) -> None:
    for url in (
        reverse("accounts:admin-user", args=["999999"]),
        reverse("accounts:admin-user", args=["not-a-number"]),
        reverse("accounts:admin-user-disable", args=["999999"]),
        reverse("accounts:admin-organisation-edit", args=["no-such-organisation"]),
    ):
        assert admin_client.get(url).status_code == 404, url


def _new_user(organisation: Organisation, **changes: Any) -> dict[str, Any]:
    role = Role.objects.get(code=DefaultRole.CASEWORKER.value)
    data = {
        "username": "new-caseworker",
        "email": "new@ca.example",
        "password": STRONG,
        "organisation": str(organisation.pk),
        "role": str(role.pk),
    }
    return {**data, **changes}


def test_creating_a_user_with_nothing_entered_shows_each_message_on_its_field(
    admin_client: Client, administrator: User
) -> None:
    page = admin_client.post(reverse("accounts:admin-user-create"), {}).content.decode()
    for message in (
        rules.USERNAME_INVALID,
        admin_forms.ENTER_PASSWORD,
        rules.ORGANISATION_REQUIRED,
        rules.ROLE_REQUIRED,
    ):
        assert page.count(message) == 2, message  # the summary and the field
    assert User.objects.count() == 1


@pytest.mark.parametrize(
    ("changes", "field", "message"),
    [
        ({"username": "officer"}, "username", rules.USERNAME_TAKEN),
        ({"username": "bad name!"}, "username", rules.USERNAME_INVALID),
        ({"email": "not-an-address"}, "email", rules.EMAIL_INVALID),
        ({"password": "password"}, "password", rules.PASSWORD_REFUSED),
    ],
)
def test_a_user_the_service_refuses_is_not_saved_and_its_message_is_on_the_field(
    changes: dict[str, str],
    field: str,
    message: str,
    admin_client: Client,
    officer: User,
    organisation: Organisation,
) -> None:
    url = reverse("accounts:admin-user-create")
    page = admin_client.post(url, _new_user(organisation, **changes)).content.decode()
    assert message in page and f'id="id_{field}-error"' in page
    assert not User.objects.filter(username="new-caseworker").exists()


def test_an_inactive_organisation_cannot_be_given_a_new_user(
    admin_client: Client, other_organisation: Organisation
) -> None:
    other_organisation.is_active = False
    other_organisation.save()
    url = reverse("accounts:admin-user-create")
    page = admin_client.post(url, _new_user(other_organisation)).content.decode()
    assert rules.ORGANISATION_REQUIRED in page
    assert not User.objects.filter(username="new-caseworker").exists()


def test_the_administrator_creates_a_user(admin_client: Client, organisation: Organisation) -> None:
    url = reverse("accounts:admin-user-create")
    response = admin_client.post(url, _new_user(organisation), follow=True)
    user = User.objects.get(username="new-caseworker")
    assert user.organisation == organisation and user.role is not None
    assert user.role.code == "caseworker" and user.check_password(STRONG)
    assert admin_views.USER_CREATED.format(username=user.username) in response.content.decode()
    assert AuditEvent.objects.filter(verb=AuditVerb.USER_CREATE, target_id=str(user.pk)).exists()


def test_the_administrator_disables_and_enables_a_user(admin_client: Client, officer: User) -> None:
    disable = reverse("accounts:admin-user-disable", args=[officer.pk])
    assert "Disable the user" in admin_client.get(disable).content.decode()
    officer.refresh_from_db()
    assert officer.is_active  # asking is not doing
    response = admin_client.post(disable, follow=True)
    officer.refresh_from_db()
    assert not officer.is_active
    assert admin_views.USER_DISABLED.format(username="officer") in response.content.decode()
    admin_client.post(reverse("accounts:admin-user-enable", args=[officer.pk]))
    officer.refresh_from_db()
    assert officer.is_active


def test_the_administrator_cannot_disable_or_re_role_their_own_account(
    admin_client: Client, administrator: User
) -> None:
    own = reverse("accounts:admin-user", args=[administrator.pk])
    assert "Disable<" not in admin_client.get(own).content.decode()
    page = admin_client.post(reverse("accounts:admin-user-disable", args=[administrator.pk]))
    assert rules.OWN_ACCOUNT in page.content.decode()
    analyst = Role.objects.get(code=DefaultRole.ANALYST.value)
    url = reverse("accounts:admin-user-role", args=[administrator.pk])
    assert rules.OWN_ACCOUNT in admin_client.post(url, {"role": analyst.pk}).content.decode()
    administrator.refresh_from_db()
    assert administrator.is_active and administrator.role is not None
    assert administrator.role.code == DefaultRole.ADMINISTRATOR.value


def test_the_administrator_changes_a_users_role(admin_client: Client, officer: User) -> None:
    url = reverse("accounts:admin-user-role", args=[officer.pk])
    assert rules.ROLE_REQUIRED in admin_client.post(url, {"role": ""}).content.decode()
    analyst = Role.objects.get(code=DefaultRole.ANALYST.value)
    admin_client.post(url, {"role": analyst.pk})
    officer.refresh_from_db()
    assert officer.role == analyst
    assert AuditEvent.objects.filter(verb=AuditVerb.ROLE_CHANGE, target_id=str(officer.pk)).exists()


@pytest.mark.parametrize(
    ("changes", "field", "message"),
    [
        ({"code": "Not A Slug"}, "code", rules.ORGANISATION_CODE_INVALID),
        ({"code": "met-police"}, "code", rules.ORGANISATION_CODE_TAKEN),
        ({"name": ""}, "name", rules.ORGANISATION_NAME_REQUIRED),
        ({"nation": "atlantis"}, "nation", rules.NATION_UNKNOWN),
    ],
)
def test_an_organisation_the_service_refuses_is_not_saved(
    changes: dict[str, str],
    field: str,
    message: str,
    admin_client: Client,
    organisation: Organisation,
) -> None:
    data = {"code": "kent-police", "name": "Kent Police", "responder_type": "police", **changes}
    page = admin_client.post(reverse("accounts:admin-organisation-create"), data)
    text = page.content.decode()
    assert escape(message) in text and f'id="id_{field}-error"' in text
    assert not Organisation.objects.filter(name="Kent Police").exists()


def test_the_administrator_creates_and_changes_an_organisation(admin_client: Client) -> None:
    data = {"code": "kent-police", "name": "Kent Police", "responder_type": "police"}
    admin_client.post(reverse("accounts:admin-organisation-create"), {**data, "nation": ""})
    created = Organisation.objects.get(code="kent-police")
    assert (created.name, created.responder_type, created.nation) == ("Kent Police", "police", "")
    url = reverse("accounts:admin-organisation-edit", args=["kent-police"])
    assert 'value="Kent Police"' in admin_client.get(url).content.decode()
    change = {"name": "Kent Police", "responder_type": "police", "nation": "england"}
    page = admin_client.post(url, change).content.decode()
    assert admin_forms.CHOOSE_ACTIVE in page  # every answer is needed
    admin_client.post(url, {**change, "is_active": "no"})
    created.refresh_from_db()
    assert created.nation == "england" and not created.is_active
