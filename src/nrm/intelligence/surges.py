"""Surge detection over the case store: counts of referrals by nationality, by nationality and
type of exploitation, by UK nation and by first responder organisation, each month and each
quarter, assessed against their own history (``nrm.intelligence.surveillance``: Farrington
flexible, EARS C2 for short series). A run stores what it found and raises an alert for each
series above its threshold, which the hub's analysts are told of in the service and by email.

The period assessed is the one holding the day before ``as_of``: a run on the first of a month
assesses the month just ended; a run later in the month assesses the month so far, whose count
can only grow, so an alarm on it stands. Referrals dated ``as_of`` or later are not counted.
Nothing here reads or stores anything about a person but these four codes and the date.
"""

from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any

import pandas as pd
from django.db import transaction

from nrm.accounts.actors import Actor
from nrm.accounts.capabilities import Capability
from nrm.accounts.models import NoticeKind, Organisation, User
from nrm.accounts.notices import notices_send
from nrm.accounts.permissions import capability_require
from nrm.audit.models import AuditVerb
from nrm.audit.services import audit_record
from nrm.cases.models import Referral
from nrm.intelligence.surge_chart import Point
from nrm.intelligence.surge_pages import no_threshold
from nrm.intelligence.surveillance import assess, count_series, history
from nrm.intelligence.surveillance_models import SurgeAlert, SurveillanceCell, SurveillanceRun
from nrm.standard.surveillance_codes import AlertStatus, Frequency, SeriesKind
from nrm.standard.words import long_date
from nrm.statistics.extract import nationalities_of, nationality_counted

# The columns each kind of series counts by (the fields of ``SeriesKey``).
SERIES: dict[str, tuple[str, ...]] = {
    SeriesKind.NATIONALITY: ("nationality",),
    SeriesKind.NATIONALITY_TYPE: ("nationality", "exploitation_type"),
    SeriesKind.NATION: ("nation",),
    SeriesKind.RESPONDER: ("responder",),
}
KEY_FIELDS = ("nationality", "exploitation_type", "nation", "responder")
PANDAS_FREQUENCY: dict[str, str] = {Frequency.MONTH: "M", Frequency.QUARTER: "Q"}
# How many periods before the one assessed a sparkline shows.
RECENT: dict[str, int] = {Frequency.MONTH: 24, Frequency.QUARTER: 8}
# How many periods a series' chart shows.
CHARTED: dict[str, int] = {Frequency.MONTH: 36, Frequency.QUARTER: 12}
CHUNK = 5000

SUBJECT = "Open NRM: new surge alerts"
EMAIL = (
    "The surge detector has raised {count} new alert{s} on counts of referrals.\n\n"
    "Sign in to Open NRM to read them. This email does not contain the details.\n"
)
NOTICE = "{count} new surge alert{s} on counts of referrals, from the check for {day}."


@dataclass(frozen=True)
class RunSummary:
    run: SurveillanceRun
    new_alerts: list[SurgeAlert]


def _chunks(ids: list[int]) -> Iterator[list[int]]:
    for start in range(0, len(ids), CHUNK):
        yield ids[start : start + CHUNK]


def referral_rows(*, before: date) -> pd.DataFrame:
    """One row per referral dated before ``before``: its date and the four codes series count
    by (the nationality as the statistics count it)."""
    ids = list(
        Referral.objects.filter(referral_date__lt=before)
        .order_by("id")
        .values_list("id", flat=True)
    )
    rows: list[tuple[date, str, str, str, str]] = []
    for chunk in _chunks(ids):
        nationalities = nationalities_of(chunk)
        found = (
            Referral.objects.filter(id__in=chunk)
            .order_by("id")
            .values_list("id", "referral_date", "exploitation_type", "nation", "organisation__code")
        )
        for rid, day, etype, nation, responder in found:
            rows.append(
                (day, nationality_counted(nationalities[rid]), etype, nation, responder or "")
            )
    columns = ["referred_on", *KEY_FIELDS]
    frame = pd.DataFrame(rows, columns=columns)
    frame["referred_on"] = pd.to_datetime(frame["referred_on"])
    return frame


def assessed_period(as_of: date, frequency: str) -> tuple[pd.Period, bool]:
    """The period a run for ``as_of`` assesses and whether it is complete (see the module)."""
    last_day = as_of - timedelta(days=1)
    period = pd.Period(last_day, freq=PANDAS_FREQUENCY[frequency])
    return period, last_day == period.end_time.date()


def _cells(rows: pd.DataFrame, as_of: date) -> list[SurveillanceCell]:
    cells: list[SurveillanceCell] = []
    if rows.empty:
        return cells
    for frequency in (Frequency.MONTH, Frequency.QUARTER):
        period, complete = assessed_period(as_of, frequency)
        freq = PANDAS_FREQUENCY[frequency]
        start = pd.Period(rows["referred_on"].min(), freq=freq)
        recent = RECENT[frequency]
        for kind, by in SERIES.items():
            counts = count_series(rows, by, freq, start, period)
            found = assess(counts, period)
            history = _recent_counts(counts, by, period, recent)
            for record in found.to_dict("records"):
                key = tuple(record[column] for column in by)
                cells.append(_cell(kind, frequency, record, complete, history.get(key, [])))
    return cells


def _recent_counts(
    counts: pd.DataFrame, by: tuple[str, ...], period: pd.Period, recent: int
) -> dict[tuple[Any, ...], list[int]]:
    """Each series' counts in the ``recent`` periods before ``period``, oldest first."""
    window = counts[(counts["period"] < period) & (counts["period"] >= period - recent)]
    return {
        (key if isinstance(key, tuple) else (key,)): [int(n) for n in group["count"]]
        for key, group in window.sort_values("period").groupby(list(by), sort=False)
    }


def _number(value: Any) -> float | None:
    return None if value is None or pd.isna(value) else float(value)


def _cell(
    kind: str, frequency: str, record: dict[str, Any], complete: bool, recent: list[int]
) -> SurveillanceCell:
    return SurveillanceCell(
        kind=kind,
        frequency=frequency,
        **{field: str(record.get(field) or "") for field in KEY_FIELDS},
        period_start=record["period"].start_time.date(),
        complete=complete,
        observed=int(record["observed"]),
        expected=_number(record["expected"]),
        upper=_number(record["upper"]),
        score=_number(record["score"]),
        alarm=bool(record["alarm"]),
        method=str(record["method"]),
        reason=str(record.get("reason") or "")[:200],
        recent=recent,
    )


def _series_fields(cell: SurveillanceCell) -> dict[str, Any]:
    return {
        "kind": cell.kind,
        "frequency": cell.frequency,
        "period_start": cell.period_start,
        **{field: getattr(cell, field) for field in KEY_FIELDS},
    }


def _alerts_raise(run: SurveillanceRun, cells: list[SurveillanceCell]) -> list[SurgeAlert]:
    """An alert for each alarm not alerted before; an open alert's figures are brought up to
    date (the period so far has grown), a handled one is left as the analyst left it."""
    new: list[SurgeAlert] = []
    for cell in cells:
        if not cell.alarm:
            continue
        figures = {
            "observed": cell.observed,
            "expected": cell.expected or 0.0,
            "upper": cell.upper or 0.0,
            "score": cell.score or 0.0,
            "method": cell.method,
        }
        alert = SurgeAlert.objects.filter(**_series_fields(cell)).first()
        if alert is None:
            new.append(
                SurgeAlert.objects.create(raised_by_run=run, **_series_fields(cell), **figures)
            )
        elif alert.status == AlertStatus.OPEN:
            SurgeAlert.objects.filter(pk=alert.pk).update(**figures)
    return new


def surge_monitors() -> list[Organisation]:
    """The organisations with active people whose role monitors surges (the hub)."""
    people = User.objects.filter(is_active=True, organisation__isnull=False).select_related(
        "role", "organisation"
    )
    found: dict[int, Organisation] = {}
    for person in people:
        if person.organisation is None or person.role is None:
            continue
        if Capability.MONITOR_SURGES in person.role.capabilities:
            found[person.organisation.pk] = person.organisation
    return [found[key] for key in sorted(found)]


def _tell(actor: Actor, as_of: date, new: list[SurgeAlert], email: bool) -> None:
    count = len(new)
    if not count:
        return
    s = "" if count == 1 else "s"
    organisations = surge_monitors()
    emails = notices_send(
        organisations=organisations,
        kind=NoticeKind.SURGE,
        subject=SUBJECT,
        text=NOTICE.format(count=count, s=s, day=long_date(as_of)),
        email=EMAIL.format(count=count, s=s) if email else "",
        readers=Capability.MONITOR_SURGES,
    )
    audit_record(
        actor=actor,
        verb=AuditVerb.NOTICE_SEND,
        detail={
            "kind": NoticeKind.SURGE.value,
            "organisations": [o.code for o in organisations],
            "emails": emails,
        },
    )


def surveillance_run(*, actor: Actor, as_of: date, email: bool = True) -> RunSummary:
    """Assess every series for ``as_of``, store the run, raise the new alerts and tell the hub;
    audited. Nothing is stored if any part fails; the cells of earlier runs are replaced."""
    capability_require(actor=actor, capability=Capability.MONITOR_SURGES)
    cells = _cells(referral_rows(before=as_of), as_of)
    with transaction.atomic():
        # Only the latest run's cells are kept: the page shows them, the alerts keep their own.
        SurveillanceCell.objects.all().delete()
        run = SurveillanceRun.objects.create(as_of=as_of)
        for cell in cells:
            cell.run = run
        SurveillanceCell.objects.bulk_create(cells, batch_size=1000)
        new = _alerts_raise(run, cells)
        run.series = len(cells)
        run.alarms = sum(1 for cell in cells if cell.alarm)
        run.new_alerts = len(new)
        run.save(update_fields=["series", "alarms", "new_alerts"])
        audit_record(
            actor=actor,
            verb=AuditVerb.SURVEILLANCE_RUN,
            target=run,
            detail={"as_of": as_of.isoformat(), "series": run.series, "alarms": run.alarms},
        )
        for alert in new:
            audit_record(
                actor=actor,
                verb=AuditVerb.ALERT_RAISE,
                target=alert,
                detail={"score": f"{alert.score:.4f}", "observed": alert.observed},
            )
        _tell(actor, as_of, new, email)
    return RunSummary(run, new)


def latest_run() -> SurveillanceRun | None:
    return SurveillanceRun.objects.order_by("-ran_at", "-id").first()


def series_history(key: Any, *, as_of: date) -> list[Point] | None:
    """The counts of the series ``key`` names (kind, frequency and the codes of its kind) in
    the periods up to the one a run for ``as_of`` assesses, each with its expected count and
    threshold, oldest first; None when the series has no referral."""
    rows = referral_rows(before=as_of)
    if rows.empty:
        return None
    by = SERIES[key.kind]
    freq = PANDAS_FREQUENCY[key.frequency]
    start = pd.Period(rows["referred_on"].min(), freq=freq)
    period, _complete = assessed_period(as_of, key.frequency)
    for column in by:
        rows = rows[rows[column] == getattr(key, column)]
    if rows.empty:
        return None
    counts = count_series(rows, by, freq, start, period)
    found = history(counts.set_index("period")["count"], CHARTED[key.frequency])
    label = "%b %Y" if key.frequency == Frequency.MONTH else "Q%q %Y"
    return [
        Point(
            label=when.strftime(label),
            observed=int(record["observed"]),
            expected=_number(record["expected"]),
            upper=_number(record["upper"]),
            alarm=bool(record["alarm"]),
            note=no_threshold(str(record["method"]), str(record.get("reason") or "")),
        )
        for when, record in zip(found.index, found.to_dict("records"), strict=True)
    ]
