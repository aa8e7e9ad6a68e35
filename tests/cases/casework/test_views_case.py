"""The case page: summary, person, account by capability, timeline, scope, the actions."""

from collections.abc import Callable
from datetime import date

import pytest
from django.test import Client

from nrm.accounts.models import Organisation, User
from nrm.accounts.roles import DefaultRole
from nrm.audit.models import AuditEvent, AuditVerb
from nrm.cases.casework.services.decisions import rg_decision_record
from nrm.cases.casework.services.edits import case_assign, case_edit
from nrm.support.models import SupportReferral

pytestmark = pytest.mark.django_db


def url(reference: str, action: str = "") -> str:
    return f"/casework/cases/{reference}/" + (f"{action}/" if action else "")


def test_the_case_page_shows_the_summary_the_person_and_their_account(
    caseworker: User, reference: str, signed_in: Callable[[User], Client]
) -> None:
    page = signed_in(caseworker).get(url(reference)).content.decode()
    for text in (
        reference,
        "14 May 2012",
        "England",
        "London",
        "Metropolitan Police Service",
        "Home Office",
        "Awaiting reasonable grounds decision",
        "Testa Fictiva",
        "A fictional account used in tests.",
        "Unassigned",
    ):
        assert text in page, text


def test_the_account_is_left_out_for_a_reader_without_the_account_capability(
    officer: User, reference: str, signed_in: Callable[[User], Client]
) -> None:
    page = signed_in(officer).get(url(reference)).content.decode()
    assert "Testa Fictiva" in page
    assert "A fictional account used in tests." not in page and 'id="account"' not in page


def test_a_case_of_another_authority_looks_like_it_does_not_exist_and_is_audited(
    make_user: Callable[..., User],
    ukhtc: Organisation,
    reference: str,
    signed_in: Callable[[User], Client],
) -> None:
    stranger = make_user("stranger", ukhtc, DefaultRole.CASEWORKER)
    client = signed_in(stranger)
    for path in (url(reference), url(reference, "rg-decision")):
        response = client.get(path)
        assert response.status_code == 404 and b"Page not found" in response.content
    denials = AuditEvent.objects.filter(actor=stranger, verb=AuditVerb.ACCESS_DENIED)
    assert [d.detail["reference"] for d in denials] == [reference, reference]


def test_the_timeline_shows_receipt_allocation_decision_support_assignment_and_edits(
    caseworker: User,
    manager: User,
    reference: str,
    signed_in: Callable[[User], Client],
) -> None:
    case = rg_decision_record(
        actor=caseworker,
        reference=reference,
        positive=True,
        on=date(2012, 5, 18),
        expected_version=1,
    )
    case = case_assign(
        actor=manager, reference=reference, assignee=caseworker, expected_version=case.version
    )
    case_edit(actor=caseworker, reference=reference, expected_version=case.version, summary="S")
    assert SupportReferral.objects.filter(referral__reference=reference).exists()
    page = signed_in(caseworker).get(url(reference)).content.decode()
    timeline = page[page.index('id="timeline"') :]
    order = [
        "Referral received",
        "Allocated to Home Office",
        "Positive reasonable grounds decision",
        "Referred for support to",
        "Assigned to caseworker",
        "Case summary edited",
    ]
    positions = [timeline.index(text) for text in order]
    assert positions == sorted(positions)


def test_the_case_page_offers_only_the_changes_the_user_may_make_now(
    caseworker: User, manager: User, reference: str, signed_in: Callable[[User], Client]
) -> None:
    worker_page = signed_in(caseworker).get(url(reference)).content.decode()
    assert url(reference, "rg-decision") in worker_page
    assert url(reference, "cg-decision") not in worker_page
    assert url(reference, "reallocate") not in worker_page
    manager_page = signed_in(manager).get(url(reference)).content.decode()
    assert url(reference, "reallocate") in manager_page and url(reference, "assign") in manager_page
