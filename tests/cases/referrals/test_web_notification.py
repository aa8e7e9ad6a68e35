"""The anonymous notification page: the API's messages, no identifying details, confirmation."""

from typing import Any

import pytest
from django.test import Client

from nrm.audit.models import AuditEvent, AuditVerb
from nrm.cases.models import AnonymousNotification
from tests.cases.referrals.web import api_errors, page_errors, shown_in_summary_and_on_field

pytestmark = pytest.mark.django_db

POSTED = {
    "notification_date_0": "1",
    "notification_date_1": "6",
    "notification_date_2": "2012",
    "nation": "wales",
    "police_region": "wales",
    "gender": "male",
    "exploitation_type": "labour",
    "exploitation_sub_types": ["labour_construction"],
}
SENT = {
    "notification_date": "2012-06-01",
    "nation": "wales",
    "police_region": "wales",
    "gender": "male",
    "exploitation_type": "labour",
    "exploitation_sub_types": ["labour_construction"],
}


def test_a_notification_is_submitted_and_confirmed_with_its_reference(web: Client) -> None:
    response = web.post("/referrals/notifications/new/", POSTED, follow=True)
    notification = AnonymousNotification.objects.get()
    assert notification.nation == "wales" and notification.age_group == "adult"
    text = response.content.decode()
    assert "govuk-panel--confirmation" in text and notification.reference in text


@pytest.mark.parametrize(
    ("posted", "sent", "field"),
    [
        (
            {"exploitation_region": "overseas"},
            {"exploitation_region": "overseas"},
            "exploitation_country",
        ),
        ({"police_region": "london"}, {"police_region": "london"}, "police_region"),
        ({"notification_date_2": "2099"}, {"notification_date": "2099-06-01"}, "notification_date"),
        ({"nationality": "Narnia"}, {"nationality": "Narnia"}, "nationality"),
    ],
)
def test_the_notification_page_shows_the_apis_message_for_the_same_bad_input(
    web: Client, api: Client, posted: dict[str, Any], sent: dict[str, Any], field: str
) -> None:
    expected = api_errors(api, {**SENT, **sent}, kind="notifications")[field]
    response = web.post("/referrals/notifications/new/", {**POSTED, **posted})
    assert page_errors(response)[field] == [expected]
    assert shown_in_summary_and_on_field(response, expected)
    assert not AnonymousNotification.objects.exists()


def test_the_notification_page_asks_nothing_that_identifies_the_person(web: Client) -> None:
    form = web.get("/referrals/notifications/new/").context["form"]
    assert not set(form.fields) & {"given_name", "family_name", "date_of_birth", "account"}


def test_another_organisations_notification_confirmation_is_not_found(
    web: Client, outsider: Client
) -> None:
    web.post("/referrals/notifications/new/", POSTED)
    reference = AnonymousNotification.objects.get().reference
    assert outsider.get(f"/referrals/notifications/{reference}/").status_code == 404


def test_the_notification_page_does_not_claim_the_person_is_counted(web: Client) -> None:
    page = web.get("/referrals/notifications/new/").content.decode()
    main = page.split('<main class="govuk-main-wrapper" id="main-content">')[1].lower()
    assert "statistic" not in main and "count the person" not in main
    assert "does not refer the person" in main


def test_the_organisations_notifications_are_listed_from_the_referrals_page(
    web: Client, outsider: Client
) -> None:
    web.post("/referrals/notifications/new/", POSTED)
    outsider.post(
        "/referrals/notifications/new/", {**POSTED, "nation": "england", "police_region": "london"}
    )
    own = AnonymousNotification.objects.get(nation="wales").reference
    other = AnonymousNotification.objects.get(nation="england").reference
    assert 'href="/referrals/notifications/"' in web.get("/referrals/").content.decode()
    listing = web.get("/referrals/notifications/")
    assert [n.reference for n in listing.context["page_obj"]] == [own]
    text = listing.content.decode()
    assert f'href="/referrals/notifications/{own}/"' in text and other not in text
    listed = AuditEvent.objects.filter(verb=AuditVerb.NOTIFICATION_LIST).last()
    assert listed is not None and listed.detail["references"] == [own]


def test_a_notification_can_be_read_again_without_the_confirmation(web: Client) -> None:
    confirmation = web.post("/referrals/notifications/new/", POSTED, follow=True)
    assert confirmation.context["just_submitted"]
    reference = AnonymousNotification.objects.get().reference
    again = web.get(f"/referrals/notifications/{reference}/")
    text = again.content.decode()
    assert not again.context["just_submitted"] and "govuk-panel" not in text
    rows = {row["key"]: row["value"] for row in again.context["rows"]}
    assert rows["Date of the notification"] == "1 June 2012"
    assert rows["UK nation"] == "Wales" and rows["Gender"] == "Male"
    assert rows["Sub-types"] == "Construction" and rows["Nationality"] == "Not given"
    read = AuditEvent.objects.filter(verb=AuditVerb.NOTIFICATION_READ).count()
    assert read == 2


def test_an_organisation_without_notifications_is_told_so(web: Client) -> None:
    listing = web.get("/referrals/notifications/")
    assert "Your organisation has made no anonymous notifications" in listing.content.decode()
