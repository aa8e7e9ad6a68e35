"""What the source says a potential victim was exploited for, the operation a report comes
from, and the person records resolution reads from the case store and from intelligence."""

from typing import Any

import pytest
from django.db.models import Q

from nrm.accounts.models import Organisation, User
from nrm.cases.referrals.services import referral_submit
from nrm.intelligence.errors import ReportInvalid
from nrm.intelligence.models import Entity
from nrm.intelligence.people import (
    known_pairs,
    mention_person_record,
    record_parts,
    referral_person_record,
    referrals_in,
    victims_in,
)
from nrm.intelligence.services import intelligence_report_submit
from nrm.standard import messages

pytestmark = pytest.mark.django_db


def _submit(officer: User, organisation: Organisation, data: dict[str, Any]) -> Any:
    return intelligence_report_submit(actor=officer, data=data, organisation=organisation)


def test_a_potential_victim_carries_the_exploitation_and_the_report_its_operation(
    officer: User, organisation: Organisation, valid_intelligence_report: dict[str, Any]
) -> None:
    data = valid_intelligence_report
    data["operation"] = "Operation Example"
    data["entities"][1]["exploitation_type"] = "labour"
    data["entities"][1]["exploitation_sub_types"] = ["labour_car_wash"]
    report = _submit(officer, organisation, data)
    victim = report.entities.get(key="e2")
    assert report.operation == "Operation Example"
    assert (victim.exploitation_type, victim.exploitation_sub_types) == (
        "labour",
        ["labour_car_wash"],
    )


@pytest.mark.parametrize(
    ("changes", "field", "message"),
    [
        ({"exploitation_type": "sexual", "exploitation_sub_types": ["labour_car_wash"]},
         "entities[1].exploitation_sub_types", "is a sub-type of Labour exploitation"),
        ({"exploitation_sub_types": ["sexual_brothel"]}, "entities[1].exploitation_type",
         "Select the type of exploitation of entity 2"),
        ({"person_role": "suspect", "exploitation_type": "sexual"},
         "entities[1].exploitation_type", "recorded only for a potential victim"),
    ],
)  # fmt: skip
def test_exploitation_that_does_not_fit_is_refused_and_nothing_saved(
    officer: User,
    organisation: Organisation,
    valid_intelligence_report: dict[str, Any],
    changes: dict[str, Any],
    field: str,
    message: str,
) -> None:
    valid_intelligence_report["entities"][1].update(changes)
    with pytest.raises(ReportInvalid) as refused:
        _submit(officer, organisation, valid_intelligence_report)
    assert [e.field for e in refused.value.errors] == [field]
    assert message in refused.value.errors[0].message
    assert Entity.objects.count() == 0


def test_exploitation_of_a_location_is_refused_as_not_of_its_type(
    officer: User, organisation: Organisation, valid_intelligence_report: dict[str, Any]
) -> None:
    valid_intelligence_report["entities"][2]["exploitation_type"] = "labour"
    with pytest.raises(ReportInvalid) as refused:
        _submit(officer, organisation, valid_intelligence_report)
    error = refused.value.errors[0]
    assert error.field == "entities[2].exploitation_type"
    assert error.message == messages.ENTITY_ATTRIBUTE_NOT_OF_TYPE.format(
        Name="The type of exploitation of entity 3", kind="a location", entity="entity 3"
    )


def test_person_records_of_referrals_and_reports_and_the_pairs_reports_state(
    officer: User,
    make_user: Any,
    organisation: Organisation,
    valid_intelligence_report: dict[str, Any],
    valid_referral: dict[str, Any],
) -> None:
    referral = referral_submit(
        actor=make_user("responder", organisation), data=valid_referral, organisation=organisation
    )
    valid_intelligence_report["entities"][1]["nrm_reference"] = referral.reference
    valid_intelligence_report["events_date"] = "2012-03-01"
    _submit(officer, organisation, valid_intelligence_report)
    (found,) = referrals_in([referral.referral_date.year])
    record = referral_person_record(found)
    assert record_parts(record.record_id) == ("referral", referral.pk)
    assert record.surname == valid_referral["family_name"]
    assert record.encountered_on == referral.referral_date
    victims = victims_in(organisation_reports(organisation), [2012])
    assert [v.key for v in victims] == ["e2"]  # the suspect is not a potential victim
    mention = mention_person_record(victims[0])
    assert (mention.forenames, mention.estimated_age) == ("Testa", 17)
    assert str(mention.encountered_on) == "2012-03-01"
    assert known_pairs(victims) == [(mention.record_id, record.record_id)]
    assert victims_in(organisation_reports(organisation), [2011]) == []
    with pytest.raises(ValueError, match="not a person record id"):
        record_parts("case:12")


def organisation_reports(organisation: Organisation) -> Q:
    return Q(organisation=organisation)
