"""The crew line's doors on the web and the API: the public form without an account, the
24-hour line's form, the queue page and the outcome on arrival."""

import json
from collections.abc import Callable
from datetime import timedelta

import pytest
from django.test import Client
from django.utils import timezone

from nrm.accounts.models import User
from nrm.accounts.roles import DefaultRole
from nrm.border import crew_errors as e
from nrm.border import crew_forms
from nrm.border import crew_validation as v
from nrm.border.crew_limits import LIMITS
from nrm.border.crew_models import CrewReport
from nrm.cases.models import ReferralDraft
from tests.border.test_crew_factories import CODE, airline, api_client, officer, person, report_make

pytestmark = pytest.mark.django_db
SignIn = Callable[[User], Client]


def _form(**changes: str) -> dict[str, str]:
    """The public form as a browser sends it, landing in two hours (UK time)."""
    landing = timezone.localtime() + timedelta(hours=2)
    data = {
        "reporting_code": CODE,
        "flight_number": "VS 4",
        "destination_port": "LGW",
        "arrival_date_0": str(landing.day),
        "arrival_date_1": str(landing.month),
        "arrival_date_2": str(landing.year),
        "arrival_time": landing.strftime("%H:%M"),
        "indicators": "scripted_answers",
        "seats": "14A",
        "details": "",
        "contact_number": "",
    }
    data.update(changes)
    return data


def test_the_public_form_opens_without_an_account() -> None:
    page = Client().get("/crew-line/")
    assert page.status_code == 200
    assert "Report a concern about a passenger" in page.content.decode()


def test_a_report_sent_from_the_public_form_gives_the_reference_to_quote() -> None:
    airline()
    answer = Client(REMOTE_ADDR="192.0.2.20").post("/crew-line/", _form())
    assert answer.status_code == 200
    report = CrewReport.objects.get()
    assert report.reference in answer.content.decode()
    assert (report.port, report.flight_number, report.seats) == ("LGW", "VS4", ["14A"])


def test_a_refused_public_report_shows_each_problem_and_stores_nothing() -> None:
    airline()
    sent = _form(reporting_code="WRONG", flight_number="", arrival_time="25:99", indicators="")
    answer = Client().post("/crew-line/", sent)
    page = answer.content.decode()
    assert answer.status_code == 400
    for message in (
        v.REPORTING_CODE_UNKNOWN,
        v.FLIGHT_REQUIRED,
        crew_forms.TIME_INVALID,
        v.INDICATORS_REQUIRED,
    ):
        assert message in page, message
    assert "There is a problem" in page
    assert CrewReport.objects.count() == 0


def test_the_public_form_answers_too_many_once_an_address_has_had_its_limit() -> None:
    airline()
    client = Client(REMOTE_ADDR="192.0.2.30")
    for _ in range(LIMITS["address"]):
        assert client.post("/crew-line/", {"flight_number": "x"}).status_code == 400
    answer = client.post("/crew-line/", _form())
    assert answer.status_code == 429
    assert e.TOO_MANY in answer.content.decode()
    assert CrewReport.objects.count() == 0


def test_the_call_handler_takes_a_report_for_a_chosen_airline(signed_in: SignIn) -> None:
    skyways = airline()
    client = signed_in(person("handler", None, DefaultRole.CREW_LINE_CALL_HANDLER))
    assert "Skyways" in client.get("/crew-line/calls/new/").content.decode()
    form = {k: val for k, val in _form().items() if k != "reporting_code"} | {"airline": "skyways"}
    answer = client.post("/crew-line/calls/new/", form)
    assert answer.status_code == 200
    report = CrewReport.objects.get()
    assert report.airline == skyways and report.reference in answer.content.decode()


def test_the_queue_page_lists_the_ports_reports_earliest_first_with_the_flag(
    signed_in: SignIn,
) -> None:
    now = timezone.now()
    late = report_make(
        now=now, flight_number="EK1", expected_arrival=(now + timedelta(hours=5)).isoformat()
    )
    soon = report_make(
        now=now, flight_number="EK2", expected_arrival=(now + timedelta(minutes=40)).isoformat()
    )
    elsewhere = report_make(now=now, destination_port="MAN")
    page = signed_in(officer()).get("/border/crew-reports/").content.decode()
    assert page.index(soon.reference) < page.index(late.reference)
    assert elsewhere.reference not in page
    assert page.count("Lands within 60 minutes") == 1


def test_an_officer_opens_a_report_of_their_port_only(signed_in: SignIn) -> None:
    report = report_make(contact_number="07700 900982")
    assert (
        "07700 900982"
        in signed_in(officer()).get(f"/border/crew-reports/{report.reference}/").content.decode()
    )
    assert (
        signed_in(officer("MAN")).get(f"/border/crew-reports/{report.reference}/").status_code
        == 404
    )


def test_an_nrm_referral_started_on_arrival_goes_on_to_the_prefilled_referral(
    signed_in: SignIn,
) -> None:
    report = report_make()
    client = signed_in(officer())
    answer = client.post(
        f"/border/crew-reports/{report.reference}/outcome/", {"outcome": "nrm_referral"}
    )
    draft = ReferralDraft.objects.get()
    assert answer.status_code == 302 and answer["Location"] == f"/referrals/drafts/{draft.pk}/"
    about = client.get(f"/referrals/drafts/{draft.pk}/about/").content.decode()
    assert 'value="Sam Officer"' in about
    account = client.get(f"/referrals/drafts/{draft.pk}/account/").content.decode()
    assert report.reference in account


def test_an_outcome_not_chosen_is_asked_for(signed_in: SignIn) -> None:
    report = report_make()
    answer = signed_in(officer()).post(f"/border/crew-reports/{report.reference}/outcome/", {})
    assert answer.status_code == 400 and e.OUTCOME_REQUIRED in answer.content.decode()


def test_an_airline_system_sends_a_report_and_gets_the_reference() -> None:
    skyways = airline()
    client = api_client(person("skyways-system", skyways, DefaultRole.AIRLINE_REPORTING))
    body = {
        "flight_number": "SK 88",
        "destination_port": "MAN",
        "expected_arrival": (timezone.now() + timedelta(hours=1)).isoformat(),
        "indicators": ["signs_of_injury"],
    }
    answer = client.post("/api/v1/crew/reports", json.dumps(body), content_type="application/json")
    assert answer.status_code == 201, answer.content
    assert answer.json()["reference"] == CrewReport.objects.get().reference
    refused = client.post(
        "/api/v1/crew/reports",
        json.dumps({**body, "destination_port": "JFK"}),
        content_type="application/json",
    )
    assert refused.status_code == 422
    assert refused.json()["errors"][0] == {
        "field": "destination_port",
        "message": v.PORT_UNKNOWN,
        "code": "unknown_code",
        "value": None,
    }
    assert CrewReport.objects.count() == 1
