"""A screening history of the past brought in (the demo's): profile changes, screenings and
outcomes dated when they happened, checked against the date they happened."""

from datetime import datetime, timedelta

import pytest
from django.utils import timezone

from nrm.accounts.actors import OPERATOR
from nrm.accounts.models import User
from nrm.border.profile_errors import EXPIRED, BorderInvalid
from nrm.border.profile_models import ProfileVersion, RiskProfile
from nrm.border.profile_services import (
    profile_activate,
    profile_create,
    profile_retire,
    profile_revise,
)
from nrm.border.screening_services import hit_outcome_record, records_screen
from tests.border.factories import profile_data

pytestmark = pytest.mark.django_db

MATCH = {"nationality": "ALB", "journey": "one_way", "paid_in_cash": True}


def _ago(days: int) -> datetime:
    return timezone.now() - timedelta(days=days)


def test_profile_changes_of_the_past_carry_their_dates(analyst: User) -> None:
    written = profile_create(actor=analyst, data=profile_data(), at=_ago(300))
    assert _ago(301) < written.created_at < _ago(299)
    assert ProfileVersion.objects.get(pk=written.pk).created_at == written.created_at
    assert _ago(301) < RiskProfile.objects.get().created_at < _ago(299)
    active = profile_activate(actor=analyst, profile_id=written.profile_id, at=_ago(299))
    assert active.activated_at is not None and active.activated_at < _ago(298)
    second = profile_revise(
        actor=analyst, profile_id=written.profile_id, data=profile_data(), at=_ago(200)
    )
    assert second.number == 2 and _ago(201) < second.created_at < _ago(199)
    retired = profile_retire(actor=analyst, profile_id=written.profile_id, at=_ago(100))
    assert all(_ago(101) < v.retired_at < _ago(99) for v in retired if v.retired_at)


def test_a_profile_of_the_past_must_not_have_expired_when_it_was_written(analyst: User) -> None:
    expired_since = profile_data(expires_on=_ago(30).date().isoformat(),
                                 review_on=_ago(60).date().isoformat())  # fmt: skip
    version = profile_create(actor=analyst, data=expired_since, at=_ago(90))
    assert version.number == 1
    with pytest.raises(BorderInvalid) as refused:
        profile_create(actor=analyst, data=expired_since, at=_ago(20))
    assert refused.value.errors[0].message == EXPIRED
    with pytest.raises(BorderInvalid):
        profile_create(actor=analyst, data=expired_since)


def test_a_batch_of_the_past_is_screened_by_the_profiles_of_that_day(analyst: User) -> None:
    data = profile_data(expires_on=_ago(30).date().isoformat(),
                        review_on=_ago(60).date().isoformat())  # fmt: skip
    version = profile_create(actor=analyst, data=data, at=_ago(90))
    profile_activate(actor=analyst, profile_id=version.profile_id, at=_ago(90))
    records = [{"kind": "passenger", "reference": "ABC123", **MATCH}]

    then = records_screen(actor=OPERATOR, records=records, at=_ago(60))
    [hit] = then.hits[0]
    assert _ago(61) < hit.screened_at < _ago(59)
    # The same profile has expired since: a batch of today is not screened by it.
    assert records_screen(actor=OPERATOR, records=records).hits == {}

    reviewed = hit_outcome_record(
        actor=OPERATOR, hit_id=hit.pk, data={"outcome": "more_scrutiny"}, at=_ago(58)
    )
    assert reviewed.outcome_at is not None and _ago(59) < reviewed.outcome_at < _ago(57)
