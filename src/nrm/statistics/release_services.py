"""The release calendar's writes: announcing a year's edition for a date and releasing it.

A released year's disclosure-controlled edition is public (``nrm.statistics.public``); a
release is never taken back, because official statistics once published stay published
(a correction is a new release of the same year, on a later date). The actor needs
``Capability.RELEASE_STATISTICS``; every change is audited (``statistics.release``) in the same
transaction."""

from dataclasses import dataclass
from datetime import date

from django.db import transaction
from django.utils import timezone

from nrm.accounts.actors import Actor
from nrm.accounts.capabilities import Capability
from nrm.accounts.permissions import capability_require
from nrm.audit.models import AuditVerb
from nrm.audit.services import audit_record
from nrm.standard.codes import ReleaseStatus
from nrm.statistics.models import Release

EARLIEST_YEAR = 2000
YEAR_OUT_OF_RANGE = "{year} is not a year the statistics can cover: choose {first} to {last}"
ANNOUNCED_IN_THE_PAST = (
    "an announced release must be dated today or later; to record a release that has happened, "
    "release it with --on"
)
RELEASED_IN_THE_FUTURE = (
    "a release cannot be dated in the future; announce it for {day} instead and release it then"
)
RELEASE_BEFORE_YEAR_ENDS = "the statistics of {year} cannot be released before the year has ended"
ALREADY_RELEASED = "the statistics of {year} were released on {day}: a release stays released"


class ReleaseRefused(Exception):
    """The change asked for is not made; the message says why."""


@dataclass(frozen=True)
class ReleaseChange:
    release: Release
    created: bool


def _check_year(year: int, today: date) -> None:
    if not EARLIEST_YEAR <= year <= today.year + 1:
        raise ReleaseRefused(
            YEAR_OUT_OF_RANGE.format(year=year, first=EARLIEST_YEAR, last=today.year + 1)
        )


def _save(
    *, actor: Actor, year: int, on: date, status: ReleaseStatus, today: date
) -> ReleaseChange:
    with transaction.atomic():
        found = Release.objects.select_for_update().filter(year=year).first()
        if found is not None and found.released:
            raise ReleaseRefused(ALREADY_RELEASED.format(year=year, day=found.release_date))
        old = None if found is None else {"status": found.status, "on": str(found.release_date)}
        release = found or Release(year=year)
        release.release_date, release.status = on, status
        release.save()
        audit_record(
            actor=actor,
            verb=AuditVerb.RELEASE_SET,
            target=release,
            detail={"year": year, "recorded_on": str(today)},
            old=old,
            new={"status": str(status), "on": str(on)},
        )
    return ReleaseChange(release, created=found is None)


def release_announce(
    *, actor: Actor, year: int, on: date, today: date | None = None
) -> ReleaseChange:
    """Put the release of ``year``'s statistics on the calendar for the day ``on`` (today or
    later), or move an announced release to another day."""
    capability_require(actor=actor, capability=Capability.RELEASE_STATISTICS)
    today = today or timezone.localdate()
    _check_year(year, today)
    if on < today:
        raise ReleaseRefused(ANNOUNCED_IN_THE_PAST)
    return _save(actor=actor, year=year, on=on, status=ReleaseStatus.ANNOUNCED, today=today)


def release_publish(
    *, actor: Actor, year: int, on: date | None = None, today: date | None = None
) -> ReleaseChange:
    """Release ``year``'s statistics: today, or on the earlier day ``on`` (recording a release
    made before the calendar was kept here). The year must have ended."""
    capability_require(actor=actor, capability=Capability.RELEASE_STATISTICS)
    today = today or timezone.localdate()
    _check_year(year, today)
    day = on or today
    if day > today:
        raise ReleaseRefused(RELEASED_IN_THE_FUTURE.format(day=day))
    if day.year <= year:
        raise ReleaseRefused(RELEASE_BEFORE_YEAR_ENDS.format(year=year))
    return _save(actor=actor, year=year, on=day, status=ReleaseStatus.RELEASED, today=today)
