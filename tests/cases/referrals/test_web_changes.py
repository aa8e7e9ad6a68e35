"""Answers depend on each other: a change made from check your answers leads to the questions
that now apply, and check your answers of an unfinished draft says what is missing."""

from typing import Any

import pytest
from django.test import Client

from nrm.cases.models import Referral, ReferralDraft
from nrm.cases.referrals.web_messages import (
    CONSENT_NOW_NEEDED,
    NOT_READY,
    PAGE_NOW_NEEDED,
    SECTION_NOT_DONE,
)
from tests.cases.referrals.web import (
    ANSWERS,
    answer,
    api_errors,
    complete_draft,
    page_errors,
    start,
)

pytestmark = pytest.mark.django_db

CHILD = {**ANSWERS["person"], "date_of_birth_2": "2000"}


def child_draft(web: Client) -> str:
    """Every section answered for a child (born 3 February 2000, referred 14 May 2012)."""
    draft = start(web)
    for section, data in (("person", CHILD), ("exploitation", None), ("account", None)):
        assert answer(web, draft, section, data).status_code == 302, section
    return draft


def summary_texts(response: Any) -> list[str]:
    return [item["text"] for item in response.context["error_summary"]]


def test_a_child_who_becomes_an_adult_is_asked_for_consent_before_the_referral_is_submitted(
    web: Client,
) -> None:
    draft = child_draft(web)
    assert web.get(f"/referrals/drafts/{draft}/check/").context["ready"]
    changed = web.post(f"/referrals/drafts/{draft}/person/?return=check", ANSWERS["person"])
    assert changed["Location"] == f"/referrals/drafts/{draft}/consent/?return=check"
    consent = web.get(changed["Location"])
    assert consent.status_code == 200 and not consent.context["child"]
    assert CONSENT_NOW_NEEDED in consent.content.decode()
    assert "consent" in consent.context["form"].fields
    given = web.post(changed["Location"], {"consent": "yes"})
    assert given["Location"] == f"/referrals/drafts/{draft}/check/"
    submitted = web.post(given["Location"])
    assert submitted.status_code == 302
    assert Referral.objects.get().consent is True


def test_a_check_page_left_before_consent_is_answered_names_it_and_never_fails(
    web: Client,
) -> None:
    draft = child_draft(web)
    web.post(f"/referrals/drafts/{draft}/person/?return=check", ANSWERS["person"])
    for method in ("get", "post", "get"):
        page = getattr(web, method)(f"/referrals/drafts/{draft}/check/")
        assert page.status_code == 200, method
        assert summary_texts(page) == [SECTION_NOT_DONE["consent"]]
        assert not page.context["ready"]
        assert "Submit referral" not in page.content.decode()
    assert page.context["error_summary"][0]["href"] == (
        f"/referrals/drafts/{draft}/consent/?return=check"
    )
    assert not Referral.objects.exists() and ReferralDraft.objects.exists()


def test_submitting_an_unfinished_draft_is_refused_with_what_is_missing(web: Client) -> None:
    draft = start(web)
    response = web.post(f"/referrals/drafts/{draft}/check/")
    assert response.status_code == 200
    assert summary_texts(response) == [
        SECTION_NOT_DONE[section] for section in ("person", "exploitation", "account")
    ]
    assert NOT_READY in response.content.decode()
    assert not Referral.objects.exists()


def test_a_page_saved_half_filled_is_named_with_what_it_lacks(web: Client) -> None:
    draft = start(web)
    answer(web, draft, "person", {**ANSWERS["person"], "gender": "", "action": "save"})
    check = web.get(f"/referrals/drafts/{draft}/check/")
    items = check.context["error_summary"]
    person = [item for item in items if "/person/" in item["href"]]
    assert [item["href"].split("#")[1] for item in person] == ["id_gender_0"]
    opened = web.get(person[0]["href"].split("#")[0])
    assert list(page_errors(opened)) == ["gender"]


def test_a_draft_with_no_answers_at_all_has_a_check_page(web: Client) -> None:
    web.post("/referrals/new/", {"nation": "wales", "action": "save"})
    draft = ReferralDraft.objects.get().pk
    page = web.get(f"/referrals/drafts/{draft}/check/")
    assert page.status_code == 200
    assert len(summary_texts(page)) >= 4


def test_a_change_that_breaks_another_page_leads_there_with_its_error(
    web: Client, api: Client, valid_referral: dict[str, Any]
) -> None:
    draft = complete_draft(web)
    moved = {**ANSWERS["about"], "referral_date_2": "1989"}
    response = web.post(f"/referrals/drafts/{draft}/about/?return=check", moved)
    assert response["Location"] == f"/referrals/drafts/{draft}/person/?return=check"
    person = web.get(response["Location"])
    assert PAGE_NOW_NEEDED in person.content.decode()
    expected = api_errors(api, {**valid_referral, "referral_date": "1989-05-14"})
    assert page_errors(person)["date_of_birth"] == [expected["date_of_birth"]]
    # Undoing the change makes the other page complete again.
    assert answer(web, draft, "about").status_code == 302
    assert web.get(f"/referrals/drafts/{draft}/check/").context["ready"]


def test_an_adult_who_becomes_a_child_needs_no_consent_and_none_is_sent(web: Client) -> None:
    draft = complete_draft(web)
    response = web.post(f"/referrals/drafts/{draft}/person/?return=check", CHILD)
    assert response["Location"] == f"/referrals/drafts/{draft}/check/"
    check = web.get(response["Location"])
    assert "Not needed: the person is a child" in check.content.decode()
    web.post(f"/referrals/drafts/{draft}/check/")
    assert Referral.objects.get().consent is None


def test_a_child_is_never_asked_and_nothing_posted_to_consent_is_kept(web: Client) -> None:
    draft = child_draft(web)
    page = web.get(f"/referrals/drafts/{draft}/consent/")
    assert page.context["child"] and 'name="consent"' not in page.content.decode()
    answer(web, draft, "consent", {"consent": "no"})
    assert "consent" not in ReferralDraft.objects.get(pk=draft).data["sections"]
    # Later an adult: the question is asked afresh.
    answer(web, draft, "person", ANSWERS["person"])
    tasks = web.get(f"/referrals/drafts/{draft}/")
    assert tasks.context["tasks"][2]["status"] == "not_started"


def test_a_page_opened_from_check_your_answers_goes_back_there(web: Client) -> None:
    draft = complete_draft(web)
    page = web.get(f"/referrals/drafts/{draft}/person/?return=check")
    assert page.context["back"] == f"/referrals/drafts/{draft}/check/"
    assert web.get(f"/referrals/drafts/{draft}/person/").context["back"] == (
        f"/referrals/drafts/{draft}/"
    )
