"""The release calendar: announcing and releasing a year's statistics, who may, the rules, the
audit, and ``nrm statistics``."""

from collections.abc import Callable
from datetime import date

import pytest

from nrm.accounts.actors import OPERATOR
from nrm.accounts.models import User
from nrm.accounts.permissions import CapabilityDenied
from nrm.accounts.roles import DefaultRole
from nrm.audit.models import AuditEvent, AuditVerb
from nrm.cli import main
from nrm.statistics.models import Release, ReleaseStatus
from nrm.statistics.release_services import (
    ALREADY_RELEASED,
    ANNOUNCED_IN_THE_PAST,
    RELEASE_BEFORE_YEAR_ENDS,
    ReleaseRefused,
    release_announce,
    release_publish,
)

pytestmark = pytest.mark.django_db

TODAY = date(2014, 3, 1)


def test_an_analyst_announces_a_release_moves_it_then_releases_it_audited_each_time(
    make_user: Callable[..., User],
) -> None:
    analyst = make_user("analyst", None, DefaultRole.ANALYST)
    release_announce(actor=analyst, year=2013, on=date(2014, 6, 27), today=TODAY)
    moved = release_announce(actor=analyst, year=2013, on=date(2014, 7, 4), today=TODAY)
    assert not moved.created and moved.release.status == ReleaseStatus.ANNOUNCED
    released = release_publish(actor=analyst, year=2013, today=date(2014, 7, 4))
    assert released.release.released and released.release.release_date == date(2014, 7, 4)
    events = AuditEvent.objects.filter(verb=AuditVerb.RELEASE_SET).order_by("seq")
    assert [(e.actor_id, e.detail["new"]["status"], e.detail["new"]["on"]) for e in events] == [
        (analyst.pk, "announced", "2014-06-27"),
        (analyst.pk, "announced", "2014-07-04"),
        (analyst.pk, "released", "2014-07-04"),
    ]
    assert events.last().detail["old"] == {"status": "announced", "on": "2014-07-04"}


@pytest.mark.parametrize(
    "change, message",
    [
        (lambda: release_announce(actor=OPERATOR, year=2013, on=date(2014, 2, 1), today=TODAY),
         ANNOUNCED_IN_THE_PAST),
        (lambda: release_publish(actor=OPERATOR, year=2014, today=TODAY),
         RELEASE_BEFORE_YEAR_ENDS.format(year=2014)),
        (lambda: release_publish(actor=OPERATOR, year=2013, on=date(2014, 4, 1), today=TODAY),
         "cannot be dated in the future"),
        (lambda: release_publish(actor=OPERATOR, year=1999, today=TODAY), "not a year"),
    ],
)  # fmt: skip
def test_a_release_that_breaks_a_rule_is_refused_and_changes_nothing(
    change: Callable[[], object], message: str
) -> None:
    with pytest.raises(ReleaseRefused, match=message.split(":")[0].split(";")[0]):
        change()
    assert not Release.objects.exists()
    assert not AuditEvent.objects.filter(verb=AuditVerb.RELEASE_SET).exists()


def test_a_release_stays_released() -> None:
    release_publish(actor=OPERATOR, year=2012, on=date(2013, 6, 28), today=TODAY)
    refused = ALREADY_RELEASED.format(year=2012, day=date(2013, 6, 28))
    with pytest.raises(ReleaseRefused, match=refused):
        release_announce(actor=OPERATOR, year=2012, on=date(2014, 6, 1), today=TODAY)
    with pytest.raises(ReleaseRefused, match="stays released"):
        release_publish(actor=OPERATOR, year=2012, today=TODAY)
    assert Release.objects.get().release_date == date(2013, 6, 28)


@pytest.mark.parametrize("role", [r for r in DefaultRole if r != DefaultRole.ANALYST])
def test_no_other_role_may_change_the_calendar(
    role: DefaultRole, make_user: Callable[..., User]
) -> None:
    user = make_user(f"user-{role.value}", None, role)
    with pytest.raises(CapabilityDenied):
        release_publish(actor=user, year=2012, today=TODAY)
    assert not Release.objects.exists()


def test_nrm_statistics_announces_releases_and_lists(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["statistics", "release", "2012", "--on", "2013-06-28"]) == 0
    assert main(["statistics", "announce", "2013", "--on", "2999-06-27"]) == 0
    assert main(["statistics", "calendar"]) == 0
    out = capsys.readouterr().out
    assert "The statistics for 2012 are released (28 June 2013)" in out
    assert "Announced:\n  2013  27 June 2999\nReleased:\n  2012  28 June 2013" in out
    assert main(["statistics", "announce", "2012", "--on", "2999-01-01"]) == 1
    assert "stays released" in capsys.readouterr().err
    assert main(["statistics", "announce", "2014"]) == 2
    assert "needs --on" in capsys.readouterr().err
    assert AuditEvent.objects.filter(verb=AuditVerb.RELEASE_SET).count() == 2
