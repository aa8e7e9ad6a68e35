"""The demo's release calendar: the years the published figures cover are released (on dates
in the demo's own past), and the next year's statistics are announced for a day ahead."""

from datetime import date, timedelta

from django.utils import timezone

from nrm.accounts.actors import DEMO
from nrm.statistics.release_services import release_announce, release_publish

RELEASED = {
    2009: date(2010, 6, 25),
    2010: date(2011, 6, 24),
    2011: date(2012, 6, 15),
    2012: date(2013, 6, 28),
}
ANNOUNCED_YEAR = 2013
ANNOUNCED_IN_DAYS = 28


def demo_releases_create() -> tuple[list[int], date]:
    """Release the published years and announce the next; the years released and the day
    announced."""
    for year, day in RELEASED.items():
        release_publish(actor=DEMO, year=year, on=day)
    announced = timezone.localdate() + timedelta(days=ANNOUNCED_IN_DAYS)
    release_announce(actor=DEMO, year=ANNOUNCED_YEAR, on=announced)
    return sorted(RELEASED), announced
