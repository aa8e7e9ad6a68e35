"""The demo's release calendar: the years the published figures cover are released, and the
next year is announced for a day ahead."""

from typing import Any

from django.utils import timezone

from nrm.demo.releases import ANNOUNCED_YEAR, demo_releases_create
from nrm.statistics.models import Release, ReleaseStatus
from nrm.statistics.published.figures import published_years


def test_the_published_years_are_released_and_the_next_is_announced(db: Any) -> None:
    released, announced = demo_releases_create()
    assert set(released) == set(published_years())
    assert announced > timezone.localdate()
    assert {r.year: r.status for r in Release.objects.all()} == {
        **{year: ReleaseStatus.RELEASED for year in released},
        ANNOUNCED_YEAR: ReleaseStatus.ANNOUNCED,
    }
