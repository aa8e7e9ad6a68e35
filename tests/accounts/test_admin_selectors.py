"""Reads of account administration: only for administrators, and no case content."""

from collections.abc import Callable

import pytest

from nrm.accounts import admin_selectors as read
from nrm.accounts.models import Organisation, User
from nrm.accounts.permissions import CapabilityDenied
from nrm.accounts.roles import DefaultRole
from nrm.audit.models import AuditEvent, AuditVerb

pytestmark = pytest.mark.django_db


@pytest.fixture
def administrator(make_user: Callable[..., User], organisation: Organisation) -> User:
    return make_user("admin", organisation, DefaultRole.ADMINISTRATOR)


def test_only_an_administrator_may_read_the_accounts_and_a_refusal_is_audited(
    make_user: Callable[..., User], organisation: Organisation
) -> None:
    officer = make_user("officer", organisation)
    with pytest.raises(CapabilityDenied):
        read.user_list(actor=officer)
    denied = AuditEvent.objects.get(actor=officer, verb=AuditVerb.ACCESS_DENIED)
    assert denied.detail == {"capability": "manage_accounts", "read": "users"}


def test_organisations_count_their_active_users_only(
    administrator: User, make_user: Callable[..., User], other_organisation: Organisation
) -> None:
    make_user("one", other_organisation)
    gone = make_user("two", other_organisation)
    gone.is_active = False
    gone.save()
    counts = {o.code: o.active_users for o in read.organisation_list(actor=administrator)}
    assert counts == {"met-police": 1, "police-scotland": 1}


def test_a_user_is_found_by_a_numeric_id_only(administrator: User) -> None:
    assert read.user_get(actor=administrator, user_id=str(administrator.pk)) == administrator
    assert read.user_get(actor=administrator, user_id="1 OR 1=1") is None
    assert read.user_get(actor=administrator, user_id="999999") is None


def test_the_users_of_one_organisation_are_listed_by_its_code(
    administrator: User, make_user: Callable[..., User], other_organisation: Organisation
) -> None:
    scot = make_user("scot", other_organisation)
    assert list(read.user_list(actor=administrator, organisation="police-scotland")) == [scot]
    assert read.account_counts(actor=administrator)["users"] == 2
