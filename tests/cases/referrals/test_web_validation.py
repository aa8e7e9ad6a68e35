"""Every page of the journey shows the API's own message for the same bad input, in the error
summary and on the field; the last check is the submission through ``referral_submit``."""

from typing import Any

import pytest
from django.test import Client

from nrm.cases.models import Referral
from nrm.cases.referrals.web_messages import (
    EMAIL_INVALID,
    IMMIGRATION_INTEREST_REQUIRED,
    OFFICER_REQUIRED,
    PHONE_INVALID,
)
from nrm.standard import messages
from nrm.web.forms import DATE_INVALID
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


def test_a_date_that_is_not_a_date_and_a_region_outside_the_nation_show_together(
    web: Client, api: Client, valid_referral: dict[str, Any]
) -> None:
    expected = api_errors(api, {**valid_referral, "nation": "wales"})["police_region"]
    posted = {**ANSWERS["about"], "referral_date_0": "31", "referral_date_1": "2"}
    posted |= {"referral_date_2": "2026", "nation": "wales", "police_region": "london"}
    response = web.post("/referrals/new/", posted)
    assert page_errors(response) == {"referral_date": [DATE_INVALID], "police_region": [expected]}
    assert shown_in_summary_and_on_field(response, expected)


def test_a_date_the_standard_refuses_and_a_rule_broken_elsewhere_show_together(
    web: Client,
) -> None:
    posted = {**ANSWERS["about"], "referral_date_2": "2099", "nation": "wales"}
    posted["first_responder_officer"] = ""
    response = web.post("/referrals/new/", posted)
    errors = ["referral_date", "police_region", "first_responder_officer"]
    assert list(page_errors(response)) == errors  # in the order of the page
    summary = response.content.decode().split('class="govuk-error-summary"')[1]
    links = [summary.index(f'href="#id_{name}') for name in errors]
    assert links == sorted(links)


def test_the_notification_page_shows_a_bad_date_and_a_region_outside_the_nation_together(
    web: Client,
) -> None:
    posted = {
        "notification_date_0": "31",
        "notification_date_1": "2",
        "notification_date_2": "2012",
        "nation": "wales",
        "police_region": "london",
    }
    errors = page_errors(web.post("/referrals/notifications/new/", posted))
    assert set(errors) == {"notification_date", "police_region"}


OFFICER_CASES = [
    ({"first_responder_officer": ""}, "first_responder_officer", OFFICER_REQUIRED),
    ({"first_responder_officer": "   "}, "first_responder_officer", OFFICER_REQUIRED),
    ({"first_responder_email": "not-an-email"}, "first_responder_email", EMAIL_INVALID),
    ({"first_responder_email": "name@"}, "first_responder_email", EMAIL_INVALID),
    ({"first_responder_phone": "abc"}, "first_responder_phone", PHONE_INVALID),
    ({"first_responder_phone": "12 34"}, "first_responder_phone", PHONE_INVALID),
    ({"first_responder_phone": "0207+946"}, "first_responder_phone", PHONE_INVALID),
    (
        {"linked_immigration_interest": ""},
        "linked_immigration_interest",
        IMMIGRATION_INTEREST_REQUIRED,
    ),
]


@pytest.mark.parametrize(("posted", "field", "message"), OFFICER_CASES)
def test_the_officers_details_and_the_immigration_question_are_checked_on_the_web(
    web: Client, posted: dict[str, str], field: str, message: str
) -> None:
    draft = start(web)
    response = answer(web, draft, "about", {**ANSWERS["about"], **posted})
    assert response.status_code == 200
    assert page_errors(response) == {field: [message]}
    assert shown_in_summary_and_on_field(response, message)
    saved = answer(web, draft, "about", {**ANSWERS["about"], **posted, "action": "save"})
    assert saved.status_code == 302
    tasks = web.get(f"/referrals/drafts/{draft}/")
    assert tasks.context["tasks"][0]["status"] == "incomplete"


@pytest.mark.parametrize(
    "phone", ["020 7946 0000", "+44 (0)20 7946 0000", "07700-900-982", "+1 (555) 010 9999"]
)
def test_uk_and_international_telephone_numbers_are_accepted(web: Client, phone: str) -> None:
    about = {**ANSWERS["about"], "first_responder_phone": phone}
    about["first_responder_email"] = "pc.example@police.example"
    draft = start(web, about)
    tasks = web.get(f"/referrals/drafts/{draft}/")
    assert tasks.context["tasks"][0]["status"] == "completed"


def test_the_api_keeps_its_own_rules_for_the_officers_details(
    api: Client, valid_referral: dict[str, Any]
) -> None:
    body = {**valid_referral, "first_responder_email": "not-an-email"}
    body |= {"first_responder_phone": "abc", "first_responder_officer": None}
    body.pop("linked_immigration_interest")
    response = api.post("/api/v1/referrals", body, content_type="application/json")
    assert response.status_code == 201, response.content


def test_optional_questions_say_so_and_required_ones_do_not(web: Client) -> None:
    about = web.get("/referrals/new/").context["form"]
    optional = {
        name for name, field in about.fields.items() if str(field.label).endswith("(optional)")
    }
    assert optional == {"police_region", "first_responder_email", "first_responder_phone"}
    draft = start(web)
    answer(web, draft, "person")
    labels = {
        section: {str(f.label) for f in web.get(f"/referrals/drafts/{draft}/{section}/")
                  .context["form"].fields.values()}
        for section in ("person", "exploitation")
    }  # fmt: skip
    assert "Languages spoken (optional)" in labels["person"]
    assert "Gender" in labels["person"] and "Main type of exploitation" in labels["exploitation"]
