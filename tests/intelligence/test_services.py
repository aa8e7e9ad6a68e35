from typing import Any

import pytest

from nrm.accounts.models import Organisation, User
from nrm.accounts.permissions import CapabilityDenied
from nrm.audit.models import AuditEvent, AuditVerb
from nrm.cases.referrals.services import referral_submit
from nrm.intelligence.errors import ReportInvalid
from nrm.intelligence.models import Entity, IntelligenceReport, Link
from nrm.intelligence.services import intelligence_report_submit
from nrm.standard import messages

pytestmark = pytest.mark.django_db


def test_a_report_is_saved_with_its_entities_and_links_and_audited(
    officer: User, organisation: Organisation, valid_intelligence_report: dict[str, Any]
) -> None:
    report = intelligence_report_submit(
        actor=officer, data=valid_intelligence_report, organisation=organisation
    )
    assert report.reference == "INT-2012-000001"
    assert report.grading == "2B P"
    assert report.entities.count() == 4 and report.links.count() == 3
    phone = Entity.objects.get(report=report, type="phone")
    assert phone.phone == "+447911123456"
    controls = Link.objects.get(report=report, type="controls")
    assert (controls.from_entity.key, controls.to_entity.key) == ("e1", "e2")
    assert controls.confidence == "confirmed"
    assert Link.objects.get(report=report, type="exploited_at").confidence == "unconfirmed"
    event = AuditEvent.objects.get(verb=AuditVerb.INTELLIGENCE_SUBMIT)
    assert event.target_id == str(report.pk) and event.detail["entities"] == 4
    assert "Suspecto" not in str(event.detail)


def test_a_report_with_one_bad_link_saves_nothing_at_all(
    officer: User, organisation: Organisation, valid_intelligence_report: dict[str, Any]
) -> None:
    bad = {**valid_intelligence_report}
    bad["links"] = [*bad["links"], {"from_key": "e4", "to_key": "e3", "type": "lives_at"}]
    with pytest.raises(ReportInvalid) as refused:
        intelligence_report_submit(actor=officer, data=bad, organisation=organisation)
    assert [e.field for e in refused.value.errors] == ["links[3].type"]
    assert IntelligenceReport.objects.count() == Entity.objects.count() == Link.objects.count() == 0


def test_handling_code_c_needs_conditions_naming_known_organisations(
    officer: User, organisation: Organisation, valid_intelligence_report: dict[str, Any]
) -> None:
    c_report = {**valid_intelligence_report, "handling_code": "C"}
    with pytest.raises(ReportInvalid) as refused:
        intelligence_report_submit(actor=officer, data=c_report, organisation=organisation)
    assert refused.value.errors[0].message == messages.HANDLING_NEEDS_CONDITIONS
    c_report["handling_conditions"] = ["met-police", "no-such-force"]
    with pytest.raises(ReportInvalid) as refused:
        intelligence_report_submit(actor=officer, data=c_report, organisation=organisation)
    assert [e.field for e in refused.value.errors] == ["handling_conditions[1]"]
    c_report["handling_conditions"] = ["met-police"]
    report = intelligence_report_submit(actor=officer, data=c_report, organisation=organisation)
    assert list(report.condition_organisations.all()) == [organisation]


def test_a_person_may_be_the_subject_of_an_nrm_referral(
    officer: User,
    make_user: Any,
    organisation: Organisation,
    valid_intelligence_report: dict[str, Any],
    valid_referral: dict[str, Any],
) -> None:
    referral = referral_submit(
        actor=make_user("responder", organisation), data=valid_referral, organisation=organisation
    )
    data = valid_intelligence_report
    data["entities"][1]["nrm_reference"] = referral.reference
    report = intelligence_report_submit(actor=officer, data=data, organisation=organisation)
    assert report.entities.get(key="e2").referral_id == referral.pk
    data["entities"][1]["nrm_reference"] = "NRM-2012-999999"
    with pytest.raises(ReportInvalid) as refused:
        intelligence_report_submit(actor=officer, data=data, organisation=organisation)
    assert refused.value.errors[0].field == "entities[1].nrm_reference"


def test_only_a_role_that_records_intelligence_may_record_a_report(
    make_user: Any, organisation: Organisation, valid_intelligence_report: dict[str, Any]
) -> None:
    responder = make_user("responder", organisation)
    with pytest.raises(CapabilityDenied):
        intelligence_report_submit(
            actor=responder, data=valid_intelligence_report, organisation=organisation
        )
    assert AuditEvent.objects.filter(verb=AuditVerb.ACCESS_DENIED).count() == 1
