from collections.abc import Callable
from typing import Any

import pytest
from django.test import Client

from nrm.accounts.models import Organisation, User
from nrm.audit.models import AuditEvent, AuditVerb
from nrm.cases.referrals.services import referral_submit
from nrm.intelligence.forms import IntelligenceReportForm
from nrm.intelligence.models import Entity, IntelligenceReport, Link
from nrm.intelligence.services import intelligence_report_submit
from nrm.standard import messages

pytestmark = pytest.mark.django_db

ANSWERS = {
    "officer": "DC Example", "source_kind": "police_force",
    "received_date_0": "1", "received_date_1": "6", "received_date_2": "2012",
    "source_evaluation": "2", "intelligence_assessment": "B", "handling_code": "P",
    "narrative": "A fictional report.", "person_role": "potential_victim", "given_name": "Testa",
    "postcode": "E1 6AN", "premises_type": "nail_bar", "location_link": "exploited_at",
    "phone": "07911 123456", "confidence": "unconfirmed",
}  # fmt: skip


def test_an_officer_records_a_report_on_one_page_and_sees_it_recorded(
    officer: User, signed_in: Callable[[User], Client]
) -> None:
    client = signed_in(officer)
    assert client.get("/intelligence/new/").status_code == 200
    response = client.post("/intelligence/new/", ANSWERS)
    assert response.status_code == 302, response.content.decode()[:3000]
    report = IntelligenceReport.objects.get()
    assert report.grading == "2B P" and report.organisation == officer.organisation
    assert Entity.objects.filter(report=report).count() == 3
    assert set(Link.objects.values_list("type", flat=True)) == {"exploited_at", "uses_phone"}
    page = client.get(response["Location"]).content.decode()
    assert "Intelligence report recorded" in page and "Nail bar" in page
    assert "Testa <strong>exploited at</strong> E1 6AN" in page
    listing = client.get("/intelligence/").content.decode()
    assert report.reference in listing


def test_every_problem_of_the_page_shows_at_once_in_the_apis_words(
    officer: User, signed_in: Callable[[User], Client]
) -> None:
    answers = {**ANSWERS, "handling_code": "C", "phone": "12", "source_evaluation": ""}
    page = signed_in(officer).post("/intelligence/new/", answers).content.decode()
    assert "There is a problem" in page
    assert "Select the source evaluation" in page
    assert "The phone number is not a telephone number we recognise" in page
    assert "entity" not in page
    answers["phone"], answers["source_evaluation"] = "07911 123456", "1"
    page = signed_in(officer).post("/intelligence/new/", answers).content.decode()
    assert messages.HANDLING_NEEDS_CONDITIONS in page
    answers = {**answers, "handling_code": "P", "person_role": ""}
    page = signed_in(officer).post("/intelligence/new/", answers).content.decode()
    assert "Enter the role of the person<" in page
    assert IntelligenceReport.objects.count() == 0


def test_an_analyst_follows_a_linked_person_to_their_nrm_record_and_the_read_is_audited(
    analyst: User,
    officer: User,
    make_user: Any,
    organisation: Organisation,
    signed_in: Callable[[User], Client],
    valid_referral: dict[str, Any],
    valid_intelligence_report: dict[str, Any],
) -> None:
    referral = referral_submit(
        actor=make_user("responder", organisation), data=valid_referral, organisation=organisation
    )
    data = valid_intelligence_report
    data["entities"][1]["nrm_reference"] = referral.reference
    report = intelligence_report_submit(actor=officer, data=data, organisation=organisation)
    client = signed_in(analyst)
    page = client.get(f"/intelligence/reports/{report.reference}/").content.decode()
    assert f"/intelligence/nrm/{referral.reference}/" in page
    record = client.get(f"/intelligence/nrm/{referral.reference}/")
    assert record.status_code == 200 and "Fictiva" in record.content.decode()
    assert "A fictional account used in tests" not in record.content.decode()
    assert f'href="/justice/cases/{referral.reference}/"' in record.content.decode()
    assert AuditEvent.objects.filter(verb=AuditVerb.REFERRAL_READ).count() == 1
    officer_page = signed_in(officer).get(f"/intelligence/reports/{report.reference}/")
    assert f"/intelligence/nrm/{referral.reference}/" not in officer_page.content.decode()


def test_the_page_asks_every_question_of_the_form_once() -> None:
    asked = [name for _, _, names in IntelligenceReportForm.SECTIONS for name in names]
    assert sorted(asked) == sorted(IntelligenceReportForm.base_fields)
