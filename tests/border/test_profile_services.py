"""Writing risk profiles: the protected-characteristic rule, versions kept, audited."""

from datetime import date
from typing import Any

import pytest
from django.utils import timezone

from nrm.accounts.models import User
from nrm.accounts.permissions import CapabilityDenied
from nrm.audit.models import AuditEvent, AuditVerb
from nrm.border.profile_conditions import PROTECTED_ONLY
from nrm.border.profile_errors import BorderInvalid
from nrm.border.profile_models import ProfileVersion
from nrm.border.profile_services import (
    profile_activate,
    profile_create,
    profile_retire,
    profile_revise,
)
from nrm.border.screening_services import active_versions
from nrm.standard import border_codes as bc
from tests.border.factories import profile_data

pytestmark = pytest.mark.django_db

NATIONALITY_AND_SEX = [
    {"field": "nationality", "operator": "in", "values": ["ALB"]},
    {"field": "sex", "operator": "in", "values": ["female"]},
]


def test_a_profile_of_only_nationality_and_sex_is_refused_saying_why(analyst: User) -> None:
    with pytest.raises(BorderInvalid) as refused:
        profile_create(actor=analyst, data=profile_data(conditions=NATIONALITY_AND_SEX))
    assert refused.value.errors[0].message == PROTECTED_ONLY
    assert refused.value.errors[0].field == "conditions"
    assert "protected characteristics" in PROTECTED_ONLY
    assert not ProfileVersion.objects.exists()


def test_a_profile_of_nationality_and_a_booking_feature_is_accepted(analyst: User) -> None:
    cash = {"field": "paid_in_cash", "operator": "equals", "values": [True]}
    version = profile_create(
        actor=analyst, data=profile_data(conditions=[NATIONALITY_AND_SEX[0], cash])
    )
    assert version.number == 1
    assert version.status == bc.ProfileStatus.DRAFT
    assert version.profile.owner == analyst.organisation
    assert AuditEvent.objects.filter(verb=AuditVerb.PROFILE_SAVE).count() == 1


@pytest.mark.parametrize(
    ("condition", "words"),
    [
        ({"field": "sex", "operator": "between", "values": [1, 2]}, "not 'between'"),
        ({"field": "visa_category", "operator": "in", "values": ["astronaut"]}, "not a code"),
        ({"field": "return_within_days", "operator": "between", "values": [9, 2]}, "lowest"),
        ({"field": "paid_in_cash", "operator": "equals", "values": ["yes"]}, "true or false"),
        ({"field": "origin_airport", "operator": "in", "values": ["lhr"]}, "3 capital"),
        ({"field": "nationality", "operator": "in", "values": ["NGA", "LHR"]}, "not a country"),
    ],
)
def test_a_condition_that_does_not_fit_its_field_is_refused(
    analyst: User, condition: dict[str, Any], words: str
) -> None:
    cash = {"field": "booked_by_third_party", "operator": "equals", "values": [True]}
    data = profile_data(conditions=[cash, condition])
    with pytest.raises(BorderInvalid) as refused:
        profile_create(actor=analyst, data=data)
    assert words in refused.value.errors[0].message


def test_editing_an_active_profile_makes_a_new_version_and_keeps_the_old(analyst: User) -> None:
    first = profile_create(actor=analyst, data=profile_data())
    profile_activate(actor=analyst, profile_id=first.profile_id)
    second = profile_revise(
        actor=analyst, profile_id=first.profile_id, data=profile_data(name="Cash, one way, v2")
    )
    assert second.number == 2 and second.status == bc.ProfileStatus.DRAFT
    first.refresh_from_db()
    assert first.status == bc.ProfileStatus.ACTIVE  # screens until the new one is made active
    assert first.name == "One-way tickets paid in cash"
    assert [v.pk for v in active_versions()] == [first.pk]

    again = profile_revise(actor=analyst, profile_id=first.profile_id,
                           data=profile_data(name="Cash, one way, v2b"))  # fmt: skip
    assert again.pk == second.pk  # a draft is changed in place

    profile_activate(actor=analyst, profile_id=first.profile_id)
    first.refresh_from_db()
    assert first.status == bc.ProfileStatus.RETIRED
    assert [v.name for v in active_versions()] == ["Cash, one way, v2b"]
    assert ProfileVersion.objects.filter(profile_id=first.profile_id).count() == 2

    profile_retire(actor=analyst, profile_id=first.profile_id)
    assert active_versions() == []


def test_only_a_profile_manager_writes_profiles(make_user: Any, organisation: Any) -> None:
    officer = make_user("fr", organisation)
    with pytest.raises(CapabilityDenied):
        profile_create(actor=officer, data=profile_data())
    assert AuditEvent.objects.filter(verb=AuditVerb.ACCESS_DENIED).count() == 1


def test_an_active_profile_stops_screening_after_its_expiry_date(
    analyst: User, monkeypatch: pytest.MonkeyPatch
) -> None:
    version = profile_create(actor=analyst, data=profile_data(expires_on="2030-06-30"))
    profile_activate(actor=analyst, profile_id=version.profile_id)
    assert len(active_versions()) == 1
    monkeypatch.setattr(timezone, "localdate", lambda: date(2030, 7, 1))
    assert active_versions() == []


def test_a_change_made_on_an_older_version_is_refused(analyst: User) -> None:
    first = profile_create(actor=analyst, data=profile_data())
    profile_activate(actor=analyst, profile_id=first.profile_id)
    profile_revise(
        actor=analyst, profile_id=first.profile_id, data=profile_data(), expected_version=1
    )
    with pytest.raises(BorderInvalid) as refused:
        profile_revise(
            actor=analyst, profile_id=first.profile_id, data=profile_data(), expected_version=1
        )
    assert "now at version 2" in refused.value.errors[0].message
