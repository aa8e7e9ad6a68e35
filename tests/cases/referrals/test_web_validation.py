"""Every page of the journey shows the API's own message for the same bad input, in the error
summary and on the field; the last check is the submission through ``referral_submit``."""

from typing import Any

import pytest
from django.test import Client

from nrm.cases.models import Referral
from nrm.standard import messages
from tests.cases.referrals.web import (
    ANSWERS,
    answer,
    api_errors,
    complete_draft,
    page_errors,
    shown_in_summary_and_on_field,
    start,
)

pytestmark = pytest.mark.django_db

# (section, what the page posts, the same input to the API, the field of the standard, the form
# field that shows it)
CASES = [
    (
        "about",
        {"referral_date_2": "2099"},
        {"referral_date": "2099-05-14"},
        "referral_date",
        "referral_date",
    ),
    (
        "about",
        {"nation": "scotland"},
        {"nation": "scotland"},
        "police_region",
        "police_region",
    ),
    ("about", {"nation": ""}, {"nation": None}, "nation", "nation"),
    (
        "person",
        {"date_of_birth_0": "", "date_of_birth_1": "", "date_of_birth_2": "", "estimated_age": "x"},
        {"date_of_birth": None, "estimated_age": "x"},
        "estimated_age",
        "estimated_age",
    ),
    (
        "person",
        {"given_name": "", "family_name": ""},
        {"given_name": None, "family_name": None},
        "given_name",
        "given_name",
    ),
    (
        "person",
        {"claimed_nationality_2": "Narnia"},
        {"claimed_nationalities": ["NGA", "Narnia"]},
        "claimed_nationalities",
        "claimed_nationality_2",
    ),
    (
        "person",
        {"languages": "English, Blorbish"},
        {"languages": ["eng", "Blorbish"]},
        "languages",
        "languages",
    ),
    ("consent", {"consent": ""}, {"consent": None}, "consent", "consent"),
    (
        "exploitation",
        {"exploitation_type": "labour"},
        {"exploitation_type": "labour"},
        "exploitation_sub_types",
        "exploitation_sub_types",
    ),
    (
        "exploitation",
        {"exploitation_region": "overseas"},
        {"exploitation_region": "overseas"},
        "exploitation_country",
        "exploitation_country",
    ),
]


@pytest.mark.parametrize(("section", "posted", "sent", "field", "form_field"), CASES)
def test_a_page_shows_the_apis_message_for_the_same_bad_input(
    web: Client,
    api: Client,
    valid_referral: dict[str, Any],
    section: str,
    posted: dict[str, Any],
    sent: dict[str, Any],
    field: str,
    form_field: str,
) -> None:
    expected = api_errors(api, {**valid_referral, **sent})[field]
    draft = start(web)
    for earlier in list(ANSWERS)[1 : list(ANSWERS).index(section)]:
        answer(web, draft, earlier)
    response = answer(web, draft, section, {**ANSWERS[section], **posted})
    assert response.status_code == 200
    assert page_errors(response)[form_field] == [expected]
    assert shown_in_summary_and_on_field(response, expected)


def test_a_future_date_gives_the_standards_message(web: Client) -> None:
    response = web.post("/referrals/new/", {**ANSWERS["about"], "referral_date_2": "2099"})
    assert page_errors(response)["referral_date"] == [
        messages.FUTURE_DATE.format(Name="The date of the referral")
    ]


def test_an_adult_without_an_answer_on_consent_gets_the_apis_consent_message(
    web: Client,
) -> None:
    draft = start(web)
    answer(web, draft, "person")
    response = answer(web, draft, "consent", {})
    assert page_errors(response)["consent"] == [messages.ADULT_NEEDS_CONSENT]
    assert shown_in_summary_and_on_field(response, messages.ADULT_NEEDS_CONSENT)


def test_a_submission_refused_by_the_standard_shows_its_errors_on_their_pages(
    web: Client, api: Client, valid_referral: dict[str, Any]
) -> None:
    draft = complete_draft(web)
    # The referral date moved before the date of birth: the about page cannot see the problem,
    # which belongs to the person page; the submission finds it.
    moved = {**ANSWERS["about"], "referral_date_2": "1989"}
    assert answer(web, draft, "about", moved).status_code == 302
    expected = api_errors(api, {**valid_referral, "referral_date": "1989-05-14"})
    response = web.post(f"/referrals/drafts/{draft}/check/")
    assert response.status_code == 200 and not Referral.objects.exists()
    summary = response.context["error_summary"]
    assert [item["text"] for item in summary] == list(expected.values())
    assert summary[0]["href"].startswith(f"/referrals/drafts/{draft}/person/?return=check#id_")
    person = web.get(f"/referrals/drafts/{draft}/person/")
    assert page_errors(person)["date_of_birth"] == [expected["date_of_birth"]]
    assert shown_in_summary_and_on_field(person, expected["date_of_birth"])
    tasks = web.get(f"/referrals/drafts/{draft}/")
    assert tasks.context["tasks"][1]["status"] == "incomplete"


def test_a_page_answered_again_clears_its_submission_errors(web: Client) -> None:
    draft = complete_draft(web)
    answer(web, draft, "about", {**ANSWERS["about"], "referral_date_2": "1989"})
    web.post(f"/referrals/drafts/{draft}/check/")
    answer(web, draft, "about")
    assert answer(web, draft, "person").status_code == 302
    assert page_errors(web.get(f"/referrals/drafts/{draft}/person/")) == {}
    assert web.post(f"/referrals/drafts/{draft}/check/").status_code == 302
    assert Referral.objects.count() == 1
