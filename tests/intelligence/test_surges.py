"""Surge detection over the case store: a run assesses every series, raises an alert for a rise
in the period it starts, tells the hub (in the service and by an email that names nothing), and
the analysts handle the alerts; all of it audited, none of it open to anyone else."""

from collections.abc import Callable
from datetime import date
from typing import Any
from urllib.parse import urlencode

import pytest
from django.core import mail
from django.test import Client

from nrm.accounts.actors import OPERATOR
from nrm.accounts.models import Notice, NoticeKind, Organisation, User
from nrm.accounts.permissions import CapabilityDenied
from nrm.accounts.roles import DefaultRole
from nrm.audit.models import AuditEvent, AuditVerb
from nrm.cli import main
from nrm.intelligence.alerts import AlertChangeRefused, alert_change
from nrm.intelligence.surges import surveillance_run
from nrm.intelligence.surveillance_models import SurgeAlert, SurveillanceCell
from nrm.standard.surveillance_codes import AlertStatus, Frequency, SeriesKind
from tests.test_malformed_input import ODD_VALUES

RISE = date(2012, 6, 1)
AS_OF = date(2012, 7, 1)


def _months(first: date, last: date) -> list[date]:
    found, day = [], first
    while day <= last:
        found.append(day)
        day = date(day.year + day.month // 12, day.month % 12 + 1, 1)
    return found


@pytest.fixture
def history(make_cases: Callable[..., list[str]], valid_referral: dict[str, Any]) -> dict[str, Any]:
    """Albanians 2 a month and Nigerians 3 a month from 2009 to May 2012; then 14 Albanians
    in June 2012 (a rise) and 3 Nigerians (no change)."""
    base = {**valid_referral, "exploitation_start": None, "exploitation_end": None}
    for month in _months(date(2009, 1, 1), date(2012, 5, 1)):
        day = month.replace(day=10).isoformat()
        make_cases(2, base, referral_date=day, claimed_nationalities=["ALB"])
        make_cases(3, base, referral_date=day, claimed_nationalities=["NGA"])
    make_cases(14, base, referral_date="2012-06-12", claimed_nationalities=["ALB"])
    make_cases(3, base, referral_date="2012-06-12", claimed_nationalities=["NGA"])
    return base


@pytest.fixture
def watcher(make_user: Callable[..., User], hub: Organisation) -> User:
    user = make_user("hub-analyst", hub, DefaultRole.INTELLIGENCE_ANALYST)
    user.email = "analyst@hub.example"
    user.save()
    return user


def _albania_month() -> SurgeAlert:
    return SurgeAlert.objects.get(
        kind=SeriesKind.NATIONALITY, frequency=Frequency.MONTH, nationality="Albania"
    )


def test_a_rise_raises_an_alert_for_the_month_it_starts_and_the_hub_is_told(
    history: Any, watcher: User, django_capture_on_commit_callbacks: Any
) -> None:
    with django_capture_on_commit_callbacks(execute=True):
        summary = surveillance_run(actor=OPERATOR, as_of=AS_OF)
    alert = _albania_month()
    assert alert.period_start == RISE
    assert alert.observed == 14
    assert alert.status == AlertStatus.OPEN
    assert alert.score > 1 and alert.upper < 14
    assert alert.method == "farrington"
    assert not SurgeAlert.objects.filter(nationality="Nigeria").exists()
    assert alert in summary.new_alerts
    # Every series of the four kinds, each month and quarter, was assessed and stored.
    cells = SurveillanceCell.objects.filter(run=summary.run)
    assert {c.kind for c in cells} == set(SeriesKind.values)
    assert {c.frequency for c in cells} == set(Frequency.values)
    nigeria = cells.get(
        kind=SeriesKind.NATIONALITY, frequency=Frequency.MONTH, nationality="Nigeria"
    )
    assert nigeria.observed == 3 and not nigeria.alarm and nigeria.recent[-1] == 3
    # The hub hears of it: a notice in the service and an email that names nothing.
    notice = Notice.objects.get(kind=NoticeKind.SURGE)
    assert notice.organisation == watcher.organisation
    assert len(mail.outbox) == 1
    (email,) = mail.outbox
    assert email.to == ["analyst@hub.example"]
    assert "Albania" not in email.body and "Albania" not in email.subject
    assert "NRM-" not in email.body
    verbs = set(AuditEvent.objects.values_list("verb", flat=True))
    assert {AuditVerb.SURVEILLANCE_RUN, AuditVerb.ALERT_RAISE, AuditVerb.NOTICE_SEND} <= verbs


def test_a_second_run_for_the_same_day_raises_nothing_new_and_tells_nobody_again(
    history: Any, watcher: User, django_capture_on_commit_callbacks: Any
) -> None:
    with django_capture_on_commit_callbacks(execute=True):
        surveillance_run(actor=OPERATOR, as_of=AS_OF)
        again = surveillance_run(actor=OPERATOR, as_of=AS_OF)
    assert again.new_alerts == []
    assert _albania_month()  # one alert for the series and month, not two
    assert len(mail.outbox) == 1
    # Only the latest run's cells are kept.
    assert SurveillanceCell.objects.exclude(run=again.run).count() == 0


def test_referrals_dated_on_or_after_the_day_are_not_counted(history: Any) -> None:
    """A run for the day the rise starts sees nothing of it."""
    summary = surveillance_run(actor=OPERATOR, as_of=RISE)
    assert summary.new_alerts == []
    may = SurveillanceCell.objects.get(
        run=summary.run,
        kind=SeriesKind.NATIONALITY,
        frequency=Frequency.MONTH,
        nationality="Albania",
    )
    assert may.period_start == date(2012, 5, 1) and may.observed == 2 and may.complete


def test_the_month_so_far_is_assessed_mid_month(history: Any) -> None:
    summary = surveillance_run(actor=OPERATOR, as_of=date(2012, 6, 20))
    june = SurveillanceCell.objects.get(
        run=summary.run,
        kind=SeriesKind.NATIONALITY,
        frequency=Frequency.MONTH,
        nationality="Albania",
    )
    assert june.period_start == RISE and not june.complete and june.alarm


def test_only_the_hub_may_run_the_check(
    history: Any, make_user: Callable[..., User], organisation: Organisation
) -> None:
    officer = make_user("first-responder", organisation, DefaultRole.FIRST_RESPONDER)
    with pytest.raises(CapabilityDenied):
        surveillance_run(actor=officer, as_of=AS_OF)
    assert not SurgeAlert.objects.exists()


def test_an_alert_is_acknowledged_then_closed_as_explained_each_step_audited(
    history: Any, watcher: User
) -> None:
    surveillance_run(actor=OPERATOR, as_of=AS_OF)
    alert = _albania_month()
    alert_change(actor=watcher, alert_id=alert.pk, action="acknowledge")
    with pytest.raises(AlertChangeRefused) as refused:
        alert_change(actor=watcher, alert_id=alert.pk, action="explain", note="   ")
    assert refused.value.message == "Say why the rise is explained"
    done = alert_change(
        actor=watcher, alert_id=alert.pk, action="explain", note="A known operation."
    )
    assert done.status == AlertStatus.EXPLAINED and done.changed_by == watcher
    with pytest.raises(AlertChangeRefused) as again:
        alert_change(actor=watcher, alert_id=alert.pk, action="escalate", note="Look again")
    assert again.value.message == "This alert has already been closed as explained"
    events = AuditEvent.objects.filter(
        target_type="intelligence.surgealert", target_id=str(alert.pk)
    ).order_by("seq")
    verbs = [e.verb for e in events]
    assert verbs == [AuditVerb.ALERT_RAISE, AuditVerb.ALERT_ACKNOWLEDGE, AuditVerb.ALERT_EXPLAIN]
    assert events.last().detail["new"] == {"status": "explained"}  # type: ignore[union-attr]
    assert "A known operation." not in str(events.last().detail)  # type: ignore[union-attr]


def test_a_handled_alert_is_left_as_the_analyst_left_it_by_a_later_run(
    history: dict[str, Any], watcher: User, make_cases: Callable[..., list[str]]
) -> None:
    """The month so far alarms on the 20th; the analyst escalates it; five more referrals come
    before the month ends. The run of the 1st neither reopens the alert nor changes its
    figures, while an open alert's figures are brought up to date."""
    surveillance_run(actor=OPERATOR, as_of=date(2012, 6, 20))
    alert = _albania_month()
    type_alert = SurgeAlert.objects.get(
        kind=SeriesKind.NATIONALITY_TYPE, frequency=Frequency.MONTH, nationality="Albania"
    )
    alert_change(actor=watcher, alert_id=alert.pk, action="escalate", note="Operation to open")
    make_cases(5, history, referral_date="2012-06-25", claimed_nationalities=["ALB"])
    summary = surveillance_run(actor=OPERATOR, as_of=AS_OF)
    alert.refresh_from_db()
    type_alert.refresh_from_db()
    assert alert.status == AlertStatus.ESCALATED and alert.observed == 14
    assert alert not in summary.new_alerts and type_alert not in summary.new_alerts
    assert type_alert.status == AlertStatus.OPEN and type_alert.observed == 19


def test_the_pages_show_the_rise_and_an_analyst_escalates_it(
    history: Any, watcher: User, signed_in: Callable[[User], Client]
) -> None:
    surveillance_run(actor=OPERATOR, as_of=AS_OF)
    client = signed_in(watcher)
    page = client.get("/surges/?alarms=on&frequency=month&kind=nationality").content.decode()
    assert "Albania" in page and "June 2012" in page and "Nigeria" not in page
    assert "<svg" in page
    series = client.get("/surges/series/?kind=nationality&frequency=month&nationality=Albania")
    assert series.status_code == 200
    assert "nrm-surge-chart" in series.content.decode()
    alert = _albania_month()
    url = f"/surges/alerts/{alert.pk}/"
    refused = client.post(url, {"action": "escalate", "note": ""})
    assert refused.status_code == 422
    assert "Say what is to be investigated" in refused.content.decode()
    hostile = client.post(url, {"action": "escalate", "note": "bad\x00note"})
    assert hostile.status_code == 422
    odd = client.post(url, {"action": "delete"})
    assert odd.status_code == 422 and "Choose what to do with the alert" in odd.content.decode()
    done = client.post(url, {"action": "escalate", "note": "Open an operation"}, follow=True)
    assert "You escalated the alert for investigation." in done.content.decode()
    alert.refresh_from_db()
    assert alert.status == AlertStatus.ESCALATED
    listed = client.get("/surges/alerts/?closed=1").content.decode()
    assert "Albania" in listed


@pytest.mark.parametrize(
    "query",
    [
        "kind=nationality&frequency=month",  # no nationality
        "kind=people&frequency=month&nationality=Albania",
        "kind=nationality&frequency=week&nationality=Albania",
        "kind=nationality&frequency=month&nationality=Atlantis",
    ],
)
def test_a_series_that_is_not_one_is_not_found(
    history: Any, watcher: User, signed_in: Callable[[User], Client], query: str
) -> None:
    surveillance_run(actor=OPERATOR, as_of=AS_OF)
    assert signed_in(watcher).get(f"/surges/series/?{query}").status_code == 404


def test_nobody_else_sees_the_surge_pages(
    history: Any,
    make_user: Callable[..., User],
    organisation: Organisation,
    signed_in: Callable[[User], Client],
) -> None:
    surveillance_run(actor=OPERATOR, as_of=AS_OF)
    alert = _albania_month()
    for role in (
        DefaultRole.FIRST_RESPONDER,
        DefaultRole.ANALYST,
        DefaultRole.INTELLIGENCE_OFFICER,
    ):
        client = signed_in(make_user(role.value, organisation, role))
        for url in ("/surges/", "/surges/alerts/", f"/surges/alerts/{alert.pk}/"):
            assert client.get(url).status_code == 403, (role, url)
        assert (
            client.post(f"/surges/alerts/{alert.pk}/", {"action": "acknowledge"}).status_code == 403
        )
    alert.refresh_from_db()
    assert alert.status == AlertStatus.OPEN


def test_odd_input_on_the_alert_and_series_pages_is_refused_in_words_and_changes_nothing(
    history: Any, watcher: User, signed_in: Callable[[User], Client]
) -> None:
    surveillance_run(actor=OPERATOR, as_of=AS_OF)
    alert = _albania_month()
    client = signed_in(watcher)
    url = f"/surges/alerts/{alert.pk}/"
    odd = [v for v in ODD_VALUES if isinstance(v, str)] + ["x" * 2001]
    for value in odd:
        raw = value.encode("utf-8", "surrogatepass")  # bytes as a careless client sends them
        for form in ({"action": raw}, {"action": "explain", "note": raw}):
            body = urlencode(form)
            response = client.post(url, body, content_type="application/x-www-form-urlencoded")
            assert response.status_code in (302, 409, 422), (form, response.status_code)
        query = urlencode({"kind": "nationality", "frequency": "month", "nationality": raw})
        assert client.get(f"/surges/series/?{query}").status_code in (200, 404)
        filtered = client.get("/surges/?" + urlencode({"kind": raw, "contains": raw}))
        assert filtered.status_code == 200
    for path in ("/surges/alerts/0/", "/surges/alerts/99999999999999999999/"):
        assert client.get(path).status_code == 404
    alert.refresh_from_db()
    # Only a note that is words (" " is not, NUL is refused) closed the alert, once.
    assert alert.status == AlertStatus.EXPLAINED
    events = AuditEvent.objects.filter(verb=AuditVerb.ALERT_EXPLAIN)
    assert events.count() == 1


def test_the_command_checks_for_the_day_and_names_the_new_alerts(
    history: Any,
    watcher: User,
    capsys: pytest.CaptureFixture[str],
    django_capture_on_commit_callbacks: Any,
) -> None:
    with django_capture_on_commit_callbacks(execute=True):
        assert main(["surveillance", "--as-of", "2012-07-01", "--no-email"]) == 0
    out = capsys.readouterr().out
    assert "Surge check for 1 July 2012:" in out
    assert "new alert: Albania, 14 referrals (expected" in out
    assert mail.outbox == [] and Notice.objects.filter(kind=NoticeKind.SURGE).exists()
    with django_capture_on_commit_callbacks(execute=True):
        assert main(["surveillance", "--as-of", "2012-07-01"]) == 0
    assert "no new alerts" in capsys.readouterr().out
    with pytest.raises(SystemExit):
        main(["surveillance", "--as-of", "1 July 2012"])
    assert "'1 July 2012' is not a date (YYYY-MM-DD)" in capsys.readouterr().err
