"""The referral journey on the web: task list, one page per section, check answers, submit."""

from typing import Any

import pytest
from django.test import Client

from nrm.cases.models import Referral, ReferralDraft
from nrm.cases.referrals.build import referral_as_record
from tests.cases.referrals.web import ANSWERS, SECTIONS, answer, complete_draft, page_errors, start

pytestmark = pytest.mark.django_db


def test_the_first_page_makes_a_draft_and_returns_to_the_task_list(web: Client) -> None:
    draft = start(web)
    tasks = web.get(f"/referrals/drafts/{draft}/")
    statuses = [t["status"] for t in tasks.context["tasks"]]
    assert statuses == ["completed", "not_started", "cannot_start", "not_started", "not_started"]
    assert not tasks.context["ready"]


def test_every_section_completed_opens_check_your_answers(web: Client) -> None:
    draft = complete_draft(web)
    tasks = web.get(f"/referrals/drafts/{draft}/")
    assert {t["status"] for t in tasks.context["tasks"]} == {"completed"}
    assert tasks.context["ready"]
    assert f"/referrals/drafts/{draft}/check/" in tasks.content.decode()


def test_check_your_answers_shows_every_answer_with_a_change_link(web: Client) -> None:
    draft = complete_draft(web)
    page = web.get(f"/referrals/drafts/{draft}/check/")
    text = page.content.decode()
    for shown in ("14 May 2012", "London", "Testa", "Nigeria", "English, Yoruba", "Brothel"):
        assert shown in text, shown
    for section in SECTIONS:
        assert f"/referrals/drafts/{draft}/{section}/?return=check" in text


def test_submitting_makes_the_same_referral_as_the_api_and_deletes_the_draft(
    web: Client, officer: Any, valid_referral: dict[str, Any]
) -> None:
    draft = complete_draft(web)
    response = web.post(f"/referrals/drafts/{draft}/check/")
    assert response.status_code == 302
    referral = Referral.objects.get()
    assert response["Location"] == f"/referrals/submitted/{referral.reference}/"
    assert not ReferralDraft.objects.exists()
    record = referral_as_record(referral, with_account=True)
    for field in ("referral_date", "nation", "police_region", "given_name", "date_of_birth"):
        assert record[field] == valid_referral[field], field
    assert record["claimed_nationalities"] == ["NGA"]
    assert record["languages"] == ["eng", "yor"]
    assert record["account"] == valid_referral["account"]
    assert referral.organisation == officer.organisation and referral.submitted_by == officer


def test_the_confirmation_shows_the_nrm_reference_in_a_panel(web: Client) -> None:
    draft = complete_draft(web)
    confirmation = web.post(f"/referrals/drafts/{draft}/check/", follow=True)
    reference = Referral.objects.get().reference
    text = confirmation.content.decode()
    assert "govuk-panel--confirmation" in text and reference in text


def test_a_change_from_check_your_answers_returns_there(web: Client) -> None:
    draft = complete_draft(web)
    response = web.post(
        f"/referrals/drafts/{draft}/account/?return=check", {"account": "Changed account."}
    )
    assert response["Location"] == f"/referrals/drafts/{draft}/check/"


def test_a_child_needs_no_consent(web: Client) -> None:
    draft = start(web)
    child = {**ANSWERS["person"], "date_of_birth_2": "2000"}
    assert answer(web, draft, "person", child).status_code == 302
    consent = web.get(f"/referrals/drafts/{draft}/consent/")
    assert consent.context["child"]
    tasks = web.get(f"/referrals/drafts/{draft}/")
    assert tasks.context["tasks"][2]["status"] == "completed"
    for section in ("exploitation", "account"):
        answer(web, draft, section)
    web.post(f"/referrals/drafts/{draft}/check/")
    assert Referral.objects.get().consent is None


def test_consent_cannot_be_answered_before_the_person(web: Client) -> None:
    draft = start(web)
    response = web.get(f"/referrals/drafts/{draft}/consent/")
    assert response["Location"] == f"/referrals/drafts/{draft}/"


def test_an_unknown_section_is_not_found(web: Client) -> None:
    draft = start(web)
    assert web.get(f"/referrals/drafts/{draft}/nonsense/").status_code == 404


def test_a_page_with_errors_saves_nothing(web: Client) -> None:
    response = web.post("/referrals/new/", {**ANSWERS["about"], "nation": ""})
    assert response.status_code == 200 and page_errors(response)
    assert not ReferralDraft.objects.exists()


def test_a_new_referral_names_the_user_as_the_referring_officer(
    signed_in: Any, make_user: Any, organisation: Any
) -> None:
    user = make_user("named-officer", organisation)
    user.first_name, user.last_name, user.email = "Pat", "Example", "pat@police.example"
    user.save()
    form = signed_in(user).get("/referrals/new/").context["form"]
    assert form["first_responder_officer"].value() == "Pat Example"
    assert form["first_responder_email"].value() == "pat@police.example"
