from collections.abc import Callable
from typing import Any

import pytest
from django.contrib.sessions.models import Session
from django.test import Client

from nrm.accounts import admin_services as admin
from nrm.accounts.actors import OPERATOR
from nrm.accounts.admin_services import (
    EMAIL_INVALID,
    NATION_UNKNOWN,
    ORGANISATION_CODE_TAKEN,
    ORGANISATION_REQUIRED,
    OWN_ACCOUNT,
    PASSWORD_REFUSED,
    RESPONDER_TYPE_UNKNOWN,
    ROLE_REQUIRED,
    USERNAME_INVALID,
    USERNAME_TAKEN,
    AccountError,
)
from nrm.accounts.models import ApiToken, Organisation, Role, User, UserSession
from nrm.accounts.permissions import CapabilityDenied
from nrm.accounts.roles import DefaultRole
from nrm.accounts.services import api_token_create
from nrm.audit.models import AuditEvent, AuditVerb

pytestmark = pytest.mark.django_db

STRONG = "correct-horse-battery-staple"


@pytest.fixture
def administrator(make_user: Any, organisation: Organisation) -> User:
    return make_user("admin", organisation, DefaultRole.ADMINISTRATOR)


def role(code: DefaultRole) -> Role:
    return Role.objects.get(code=code.value)


def last(verb: AuditVerb) -> AuditEvent:
    return AuditEvent.objects.filter(verb=verb).latest("id")


def test_an_administrator_creates_a_user_and_the_creation_is_audited(
    administrator: User, organisation: Organisation
) -> None:
    user = admin.user_create(
        actor=administrator,
        username="new.caseworker",
        password=STRONG,
        organisation=organisation,
        role=role(DefaultRole.CASEWORKER),
    )
    assert user.is_active and user.check_password(STRONG)
    event = last(AuditVerb.USER_CREATE)
    assert event.actor == administrator and event.target_id == str(user.pk)
    assert event.detail == {
        "new": {
            "username": "new.caseworker",
            "organisation": "met-police",
            "role": "caseworker",
            "is_active": True,
        }
    }
    assert STRONG not in str(event.detail)


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        ({"username": "officer"}, USERNAME_TAKEN),
        ({"username": "OFFICER"}, USERNAME_TAKEN),
        ({"username": "has space"}, USERNAME_INVALID),
        ({"username": ""}, USERNAME_INVALID),
        ({"password": "password"}, PASSWORD_REFUSED),
        ({"password": "new.user"}, PASSWORD_REFUSED),
        ({"organisation": None}, ORGANISATION_REQUIRED),
        ({"role": None}, ROLE_REQUIRED),
        ({"email": "not an address"}, EMAIL_INVALID),
    ],
)
def test_a_user_is_not_created_from_bad_input(
    administrator: User,
    organisation: Organisation,
    make_user: Any,
    changes: dict[str, Any],
    message: str,
) -> None:
    make_user("officer", organisation)
    before = User.objects.count()
    arguments = {
        "username": "new.user",
        "password": STRONG,
        "organisation": organisation,
        "role": role(DefaultRole.CASEWORKER),
    }
    with pytest.raises(AccountError) as error:
        admin.user_create(actor=administrator, **{**arguments, **changes})
    assert error.value.message == message
    assert User.objects.count() == before
    assert not AuditEvent.objects.filter(verb=AuditVerb.USER_CREATE).exists()


def test_a_user_of_an_inactive_organisation_is_not_created(
    administrator: User, other_organisation: Organisation
) -> None:
    other_organisation.is_active = False
    other_organisation.save()
    with pytest.raises(AccountError, match=ORGANISATION_REQUIRED):
        admin.user_create(
            actor=administrator,
            username="new.user",
            password=STRONG,
            organisation=other_organisation,
            role=role(DefaultRole.CASEWORKER),
        )


def test_disabling_a_user_signs_them_out_and_stops_their_api_token(
    administrator: User, make_user: Any, organisation: Organisation, signed_in: Any
) -> None:
    officer = make_user("officer", organisation)
    browser = signed_in(officer)
    session_key = browser.session.session_key
    token = api_token_create(actor=OPERATOR, user=officer, name="laptop")
    api = Client(HTTP_AUTHORIZATION=f"Bearer {token}")
    assert browser.get("/").status_code == 200
    assert api.get("/api/v1/referrals").status_code == 200

    admin.user_disable(actor=administrator, user=officer)

    assert browser.get("/").status_code == 302  # signed out on the next request
    assert not Session.objects.filter(session_key=session_key).exists()
    assert not UserSession.objects.filter(user=officer).exists()
    assert api.get("/api/v1/referrals").status_code == 401
    assert ApiToken.objects.get(user=officer).revoked_at is not None
    officer.refresh_from_db()
    assert not officer.is_active
    event = last(AuditVerb.USER_DISABLE)
    assert event.actor == administrator and event.target_id == str(officer.pk)
    assert event.detail == {
        "old": {"is_active": True},
        "new": {"is_active": False},
        "sessions_ended": 1,
        "tokens_revoked": 1,
        "set_up_links_revoked": 0,
    }


def test_an_enabled_user_signs_in_again_but_their_tokens_stay_revoked(
    administrator: User, make_user: Any, organisation: Organisation
) -> None:
    officer = make_user("officer", organisation)
    token = api_token_create(actor=OPERATOR, user=officer, name="laptop")
    admin.user_disable(actor=administrator, user=officer)
    admin.user_enable(actor=administrator, user=officer)
    officer.refresh_from_db()
    assert officer.is_active
    assert Client(HTTP_AUTHORIZATION=f"Bearer {token}").get("/api/v1/referrals").status_code == 401
    assert last(AuditVerb.USER_UPDATE).detail == {
        "old": {"is_active": False},
        "new": {"is_active": True},
    }


def test_an_administrator_changes_a_role_and_the_change_is_audited(
    administrator: User, make_user: Any, organisation: Organisation
) -> None:
    officer = make_user("officer", organisation)
    admin.user_role_change(actor=administrator, user=officer, role=role(DefaultRole.ANALYST))
    officer.refresh_from_db()
    assert officer.role is not None and officer.role.code == "analyst"
    event = last(AuditVerb.ROLE_CHANGE)
    assert event.target_id == str(officer.pk)
    assert event.detail == {"old": {"role": "first_responder"}, "new": {"role": "analyst"}}


def test_an_administrator_cannot_disable_themselves_or_change_their_own_role(
    administrator: User,
) -> None:
    with pytest.raises(AccountError, match=OWN_ACCOUNT):
        admin.user_disable(actor=administrator, user=administrator)
    with pytest.raises(AccountError, match=OWN_ACCOUNT):
        admin.user_role_change(
            actor=administrator, user=administrator, role=role(DefaultRole.ANALYST)
        )
    administrator.refresh_from_db()
    assert administrator.is_active and administrator.role is not None
    assert administrator.role.code == "administrator"


def test_an_administrator_creates_and_changes_an_organisation_with_audit(
    administrator: User,
) -> None:
    created = admin.organisation_create(
        actor=administrator,
        code="tara",
        name="TARA",
        responder_type="ngo",
        nation="scotland",
    )
    assert last(AuditVerb.ORGANISATION_CHANGE).detail == {
        "old": None,
        "new": {
            "code": "tara",
            "name": "TARA",
            "responder_type": "ngo",
            "nation": "scotland",
            "is_active": True,
        },
    }
    admin.organisation_update(
        actor=administrator, organisation=created, name="TARA Service", is_active=False
    )
    created.refresh_from_db()
    assert created.name == "TARA Service" and not created.is_active
    event = last(AuditVerb.ORGANISATION_CHANGE)
    assert event.target_id == str(created.pk)
    assert event.detail == {
        "old": {"name": "TARA", "is_active": True},
        "new": {"name": "TARA Service", "is_active": False},
    }


@pytest.mark.parametrize(
    ("call", "message"),
    [
        (
            lambda a, o: admin.organisation_create(actor=a, code="met-police", name="X"),
            ORGANISATION_CODE_TAKEN,
        ),
        (
            lambda a, o: admin.organisation_create(actor=a, code="x", name="X", nation="mars"),
            NATION_UNKNOWN,
        ),
        (
            lambda a, o: admin.organisation_update(actor=a, organisation=o, responder_type="spy"),
            RESPONDER_TYPE_UNKNOWN,
        ),
    ],
)
def test_organisations_are_not_saved_from_bad_input(
    administrator: User,
    organisation: Organisation,
    call: Callable[[User, Organisation], Any],
    message: str,
) -> None:
    with pytest.raises(AccountError, match=message):
        call(administrator, organisation)
    organisation.refresh_from_db()
    assert organisation.responder_type == "police"
    assert list(Organisation.objects.values_list("code", flat=True)) == ["met-police"]
    assert not AuditEvent.objects.filter(verb=AuditVerb.ORGANISATION_CHANGE).exists()


SERVICES: dict[str, Callable[[User, User, Organisation], Any]] = {
    "user_create": lambda actor, target, org: admin.user_create(
        actor=actor,
        username="sneaky",
        password=STRONG,
        organisation=org,
        role=role(DefaultRole.ADMINISTRATOR),
    ),
    "user_disable": lambda actor, target, org: admin.user_disable(actor=actor, user=target),
    "user_enable": lambda actor, target, org: admin.user_enable(actor=actor, user=target),
    "user_role_change": lambda actor, target, org: admin.user_role_change(
        actor=actor, user=target, role=role(DefaultRole.ADMINISTRATOR)
    ),
    "organisation_create": lambda actor, target, org: admin.organisation_create(
        actor=actor, code="sneaky", name="Sneaky"
    ),
    "organisation_update": lambda actor, target, org: admin.organisation_update(
        actor=actor, organisation=org, name="Renamed"
    ),
}


@pytest.mark.parametrize("service", sorted(SERVICES))
@pytest.mark.parametrize("role_code", [r for r in DefaultRole if r != DefaultRole.ADMINISTRATOR])
def test_every_account_service_refuses_anyone_but_an_administrator_and_audits_it(
    make_user: Any,
    organisation: Organisation,
    service: str,
    role_code: DefaultRole,
) -> None:
    actor = make_user("actor", organisation, role_code)
    target = make_user("target", organisation)
    before = (User.objects.count(), Organisation.objects.count())
    with pytest.raises(CapabilityDenied):
        SERVICES[service](actor, target, organisation)
    assert (User.objects.count(), Organisation.objects.count()) == before
    target.refresh_from_db()
    organisation.refresh_from_db()
    assert target.is_active and target.role is not None and target.role.code == "first_responder"
    assert organisation.name == "Metropolitan Police Service"
    denial = AuditEvent.objects.get()
    assert denial.verb == AuditVerb.ACCESS_DENIED and denial.actor == actor
    assert denial.detail == {"capability": "manage_accounts", "action": service}


def test_a_disabled_administrator_can_no_longer_manage_accounts(
    administrator: User, make_user: Any, organisation: Organisation
) -> None:
    other_admin = make_user("admin2", organisation, DefaultRole.ADMINISTRATOR)
    admin.user_disable(actor=other_admin, user=administrator)
    administrator.refresh_from_db()
    with pytest.raises(CapabilityDenied):
        admin.organisation_create(actor=administrator, code="x", name="X")
