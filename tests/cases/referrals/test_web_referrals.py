"""The first responder's referrals: the list, a referral's page, and reconsideration requests;
other organisations' referrals are not found and roles without the capability are refused."""

from datetime import date
from typing import Any

import pytest
from django.test import Client

from nrm.accounts.models import Organisation, User
from nrm.accounts.roles import DefaultRole
from nrm.audit.models import AuditEvent, AuditVerb
from nrm.cases.casework.messages import CASE_CONFLICT
from nrm.cases.casework.services.decisions import rg_decision_record
from nrm.cases.models import Case
from nrm.cases.referrals.forms import RECONSIDERATION_NEEDS_REASONS
from nrm.cases.referrals.services import referral_submit
from nrm.cases.referrals.views.referral import RECONSIDERATION_REQUESTED

pytestmark = pytest.mark.django_db


@pytest.fixture
def submitted(officer: User, organisation: Organisation, valid_referral: dict[str, Any]) -> str:
    return referral_submit(actor=officer, data=valid_referral, organisation=organisation).reference


@pytest.fixture
def refused(submitted: str, make_user: Any) -> str:
    """The referral with a negative reasonable grounds decision."""
    home = Organisation.objects.create(
        code="home-office-ca", name="Home Office CA", competent_authority="home_office"
    )
    caseworker = make_user("web-caseworker", home, DefaultRole.CASEWORKER)
    rg_decision_record(
        actor=caseworker,
        reference=submitted,
        positive=False,
        on=date(2012, 5, 18),
        expected_version=1,
        reasons="Fictional reasons.",
    )
    return submitted


def test_the_index_lists_the_organisations_referrals_newest_first(
    web: Client,
    officer: User,
    organisation: Organisation,
    other_organisation: Organisation,
    make_user: Any,
    valid_referral: dict[str, Any],
) -> None:
    older = referral_submit(actor=officer, data=valid_referral, organisation=organisation)
    newer = referral_submit(
        actor=officer,
        data={**valid_referral, "referral_date": "2012-06-01"},
        organisation=organisation,
    )
    other = make_user("other-officer", other_organisation)
    referral_submit(
        actor=other,
        data={**valid_referral, "nation": "scotland", "police_region": "scotland"},
        organisation=other_organisation,
    )
    rows = web.get("/referrals/").context["rows"]
    assert [row["referral"].reference for row in rows] == [newer.reference, older.reference]
    assert rows[0]["stage"] == ("Awaiting RG decision", "blue")
    assert rows[0]["outcomes"] == {"rg": ("Pending", "grey"), "cg": ("Pending", "grey")}


def test_the_index_shows_decision_outcomes_as_tags(web: Client, refused: str) -> None:
    page = web.get("/referrals/")
    row = page.context["rows"][0]
    assert row["stage"] == ("Negative RG", "red") and row["outcomes"]["rg"] == ("Negative", "red")
    assert '<strong class="govuk-tag govuk-tag--red">Negative</strong>' in page.content.decode()


def test_the_index_is_paginated(
    web: Client, officer: User, organisation: Organisation, valid_referral: dict[str, Any]
) -> None:
    for _ in range(51):
        referral_submit(actor=officer, data=valid_referral, organisation=organisation)
    assert len(web.get("/referrals/").context["rows"]) == 50
    assert len(web.get("/referrals/?page=2").context["rows"]) == 1


def test_a_referral_page_shows_the_summary_and_stage_but_not_the_account(
    web: Client, submitted: str
) -> None:
    page = web.get(f"/referrals/{submitted}/")
    text = page.content.decode()
    assert page.status_code == 200 and "Testa" in text and "Awaiting RG decision" in text
    assert "A fictional account" not in text


def test_a_reader_of_accounts_sees_the_account(
    submitted: str, signed_in: Any, make_user: Any
) -> None:
    home = Organisation.objects.create(
        code="home-office-ca", name="Home Office CA", competent_authority="home_office"
    )
    reader = signed_in(make_user("web-reader", home, DefaultRole.CASEWORKER))
    assert "A fictional account" in reader.get(f"/referrals/{submitted}/").content.decode()


def test_another_organisations_referral_is_not_found_and_the_attempt_is_audited(
    outsider: Client, submitted: str
) -> None:
    for path in ("", "reconsideration/"):
        assert outsider.get(f"/referrals/{submitted}/{path}").status_code == 404
    assert outsider.get(f"/referrals/submitted/{submitted}/").status_code == 404
    denied = AuditEvent.objects.filter(verb=AuditVerb.ACCESS_DENIED, detail__reference=submitted)
    assert denied.count() == 3


def test_a_negative_decision_can_be_reconsidered_with_reasons(web: Client, refused: str) -> None:
    assert "Request a reconsideration" in web.get(f"/referrals/{refused}/").content.decode()
    version = Case.objects.get(referral__reference=refused).version
    response = web.post(
        f"/referrals/{refused}/reconsideration/", {"reasons": "New evidence.", "version": version}
    )
    assert response["Location"] == f"/referrals/{refused}/"
    assert Case.objects.get(referral__reference=refused).stage == "awaiting_rg"
    assert RECONSIDERATION_REQUESTED in web.get(response["Location"]).content.decode()


def test_a_reconsideration_needs_reasons(web: Client, refused: str) -> None:
    response = web.post(f"/referrals/{refused}/reconsideration/", {"reasons": "", "version": 2})
    assert response.context["form"].errors["reasons"] == [RECONSIDERATION_NEEDS_REASONS]
    assert Case.objects.get(referral__reference=refused).stage == "rg_negative"


def test_a_reconsideration_of_a_case_changed_meanwhile_shows_the_conflict(
    web: Client, refused: str
) -> None:
    response = web.post(
        f"/referrals/{refused}/reconsideration/", {"reasons": "New evidence.", "version": 1}
    )
    current = Case.objects.get(referral__reference=refused)
    expected = CASE_CONFLICT.format(expected=1, current=current.version)
    assert response.context["error_summary"] == [{"href": "", "text": expected}]
    assert response.context["form"]["reasons"].value() == "New evidence."
    assert response.context["form"]["version"].value() == str(current.version)
    assert current.stage == "rg_negative"


def test_a_case_without_a_negative_decision_offers_no_reconsideration(
    web: Client, submitted: str
) -> None:
    assert "Request a reconsideration" not in web.get(f"/referrals/{submitted}/").content.decode()
    assert not web.get(f"/referrals/{submitted}/reconsideration/").context["can_reconsider"]


@pytest.mark.parametrize(
    ("role", "path"),
    [
        (DefaultRole.CASEWORKER, "/referrals/"),
        (DefaultRole.CASEWORKER, "/referrals/new/"),
        (DefaultRole.SUPPORT_PROVIDER, "/referrals/notifications/new/"),
        (DefaultRole.CASEWORKER, "/referrals/{reference}/reconsideration/"),
        (DefaultRole.ANALYST, "/referrals/{reference}/"),
        (DefaultRole.ADMINISTRATOR, "/referrals/{reference}/"),
    ],
)
def test_a_role_without_the_capability_is_refused_and_audited(
    role: DefaultRole,
    path: str,
    submitted: str,
    signed_in: Any,
    make_user: Any,
    organisation: Organisation,
) -> None:
    client = signed_in(make_user("web-someone", organisation, role))
    for method in ("get", "post"):
        before = AuditEvent.objects.filter(verb=AuditVerb.ACCESS_DENIED).count()
        response = getattr(client, method)(path.format(reference=submitted))
        assert response.status_code == 403, (method, path)
        assert AuditEvent.objects.filter(verb=AuditVerb.ACCESS_DENIED).count() == before + 1


def test_every_referrals_page_declares_the_capability_it_needs() -> None:
    from nrm.cases.referrals.urls import urlpatterns

    assert len(urlpatterns) == 13
    for pattern in urlpatterns:
        assert getattr(pattern.callback, "required_capability", None) is not None, pattern
