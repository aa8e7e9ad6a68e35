"""Profiles' hits counted by the statistics engine: by month and review, by outcome and by
profile, every month of the period listed."""

from datetime import date, datetime

import pytest
from django.utils import timezone

from nrm.accounts.models import Organisation
from nrm.border.profile_models import Hit, ProfileVersion
from nrm.border.profile_tables import hits_by_profile, months_between, profile_hits
from tests.border.factories import active_profile_version

pytestmark = pytest.mark.django_db


def _hit(version: ProfileVersion, when: datetime, outcome: str) -> None:
    Hit.objects.create(version=version, record_kind="passenger", record_reference="P",
                       screened_at=when, outcome=outcome)  # fmt: skip


def test_months_between_cross_the_year_and_include_both_ends() -> None:
    assert months_between(date(2012, 11, 30), date(2013, 2, 1)) == [
        "2012-11", "2012-12", "2013-01", "2013-02",
    ]  # fmt: skip
    assert months_between(date(2013, 2, 1), date(2013, 2, 28)) == ["2013-02"]


def test_hits_are_counted_by_month_review_and_outcome(organisation: Organisation) -> None:
    version = active_profile_version(organisation)
    other = active_profile_version(organisation, name="Another profile")
    zone = timezone.get_current_timezone()
    for day, outcome in [(3, "more_scrutiny"), (4, "no_further_action"), (5, ""), (6, "refused")]:
        _hit(version, datetime(2012, 12, day, tzinfo=zone), outcome)
    _hit(version, datetime(2013, 2, 1, tzinfo=zone), "referred")
    _hit(other, datetime(2013, 1, 9, tzinfo=zone), "")

    counted = profile_hits(profile_id=version.profile_id, first=date(2012, 11, 1),
                           last=date(2013, 3, 31))  # fmt: skip

    rows = {r.labels[0]: r.counts for r in counted.result.rows}
    assert counted.result.column_labels == ["Awaiting review", "Not confirmed", "Confirmed"]
    assert rows["November 2012"] == [0, 0, 0]
    assert rows["December 2012"] == [1, 1, 2]
    assert rows["January 2013"] == [0, 0, 0]  # the other profile's hit is not this one's
    assert rows["February 2013"] == [0, 0, 1]
    assert rows["March 2013"] == [0, 0, 0]
    assert rows["Total"] == [1, 1, 3]
    assert (counted.hits, counted.reviewed, counted.confirmed) == (5, 4, 3)
    assert counted.silent_months == 1
    outcomes = {r.labels[0]: r.total for r in counted.outcomes.rows}
    assert outcomes == {"No further action": 1, "More scrutiny": 1, "Refused": 1,
                        "Referred to the NRM or safeguarding": 1, "Total": 4}  # fmt: skip
    assert hits_by_profile() == {version.profile_id: 5, other.profile_id: 1}
