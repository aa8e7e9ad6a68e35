"""The surge pages of the hub's analysts: the latest check of every series (filterable, the
highest exceedance first, each with a sparkline), a series' chart with its threshold band, and
the alerts, each of which an analyst acknowledges, closes as explained or escalates. Counts
only: nothing here is about a person. Works without JavaScript."""

from typing import Any
from urllib.parse import urlencode

from django import forms
from django.core.paginator import Paginator
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.http import require_http_methods

from nrm.accounts.actors import AuthenticatedRequest
from nrm.accounts.capabilities import Capability
from nrm.accounts.decorators import capability_required
from nrm.cases.referrals.views.common import not_found, page_number
from nrm.intelligence.alerts import (
    ACKNOWLEDGE,
    ACTIONS,
    ESCALATE,
    EXPLAIN,
    NOTE_LIMIT,
    AlertChangeRefused,
    AlertNotFound,
    alert_change,
    alert_get,
    alerts_list,
    note_problem,
)
from nrm.intelligence.surge_chart import series_chart
from nrm.intelligence.surge_pages import (
    method_words,
    no_threshold,
    period_words,
    score_words,
    series_words,
    sparkline,
)
from nrm.intelligence.surges import SERIES, latest_run, series_history
from nrm.intelligence.surveillance_models import SurveillanceCell
from nrm.standard.surveillance_codes import AlertStatus, Frequency, SeriesKind

PER_PAGE = 50
JUST_CHANGED = "surge_alert_just_changed"
CHANGED = {
    ACKNOWLEDGE: "You acknowledged the alert.",
    EXPLAIN: "You closed the alert as explained.",
    ESCALATE: "You escalated the alert for investigation.",
}
ACTION_MISSING = "Choose what to do with the alert"
KIND_CHOICES = [("", "All"), *SeriesKind.choices]
FREQUENCY_CHOICES = [("", "All"), ("month", "Months"), ("quarter", "Quarters")]


class FilterForm(forms.Form):
    kind = forms.ChoiceField(choices=KIND_CHOICES, required=False, label="Series")
    frequency = forms.ChoiceField(choices=FREQUENCY_CHOICES, required=False, label="Period")
    contains = forms.CharField(
        required=False, max_length=100, label="Nationality, nation or organisation contains"
    )
    alarms = forms.BooleanField(required=False, label="Only series above their threshold")


class AlertForm(forms.Form):
    action = forms.ChoiceField(
        choices=[(a, a) for a in ACTIONS],
        error_messages={"required": ACTION_MISSING, "invalid_choice": ACTION_MISSING},
    )
    note = forms.CharField(required=False, max_length=NOTE_LIMIT + 1000, strip=False)


def _row(cell: SurveillanceCell) -> dict[str, Any]:
    unit = "month" if cell.frequency == Frequency.MONTH else "quarter"
    return {
        "series": series_words(cell),
        "kind": SeriesKind(cell.kind).label,
        "period": period_words(cell.period_start, cell.frequency, cell.complete),
        "observed": cell.observed,
        "expected": cell.expected,
        "upper": cell.upper,
        "score": cell.score,
        "alarm": cell.alarm,
        "method": method_words(cell.method),
        "no_threshold": no_threshold(cell.method, cell.reason),
        "score_words": score_words(cell.score),
        "sparkline": sparkline(cell.recent, cell.observed, unit),
        "url": series_url(cell),
    }


def series_url(series: Any) -> str:
    """The address of a series' chart: its kind, period length and the codes that name it."""
    query = {"kind": series.kind, "frequency": series.frequency}
    query |= {field: getattr(series, field) for field in SERIES[series.kind]}
    return reverse("intelligence:surge-series") + "?" + urlencode(query)


@capability_required(Capability.MONITOR_SURGES)
@require_http_methods(["GET"])
def surges(request: AuthenticatedRequest) -> HttpResponse:
    run = latest_run()
    form = FilterForm(request.GET or None)
    chosen = form.cleaned_data if form.is_valid() else {}
    rows: list[dict[str, Any]] = []
    if run is not None:
        cells = SurveillanceCell.objects.filter(run=run)
        if chosen.get("kind"):
            cells = cells.filter(kind=chosen["kind"])
        if chosen.get("frequency"):
            cells = cells.filter(frequency=chosen["frequency"])
        if chosen.get("alarms"):
            cells = cells.filter(alarm=True)
        contains = (chosen.get("contains") or "").strip()
        ordered = sorted(cells, key=lambda c: (-(c.score if c.score is not None else -1e9), c.id))
        for cell in ordered:
            row = _row(cell)
            if not contains or contains.casefold() in row["series"].casefold():
                rows.append(row)
    page_obj = Paginator(rows, PER_PAGE).get_page(page_number(request))
    query = request.GET.copy()
    query.pop("page", None)
    context = {
        "run": run,
        "form": form,
        "page_obj": page_obj,
        "found": len(rows),
        "query_prefix": (query.urlencode() + "&") if query else "",
        "open_alerts": len(alerts_list(actor=request.user)),
    }
    return render(request, "intelligence/surges.html", context)


class _Key:
    """A series named in an address, checked against what the kind of series needs."""

    def __init__(self, data: Any) -> None:
        self.kind = data.get("kind", "")
        self.frequency = data.get("frequency", "")
        if self.kind not in SeriesKind.values or self.frequency not in Frequency.values:
            raise ValueError
        for field in ("nationality", "exploitation_type", "nation", "responder"):
            value = data.get(field, "") if field in SERIES[self.kind] else ""
            if field in SERIES[self.kind] and not value:
                raise ValueError
            if len(value) > 120 or "\x00" in value:
                raise ValueError
            setattr(self, field, value)


@capability_required(Capability.MONITOR_SURGES)
@require_http_methods(["GET"])
def surge_series(request: AuthenticatedRequest) -> HttpResponse:
    try:
        key = _Key(request.GET)
    except ValueError:
        return not_found(request)
    run = latest_run()
    if run is None:
        return not_found(request)
    points = series_history(key, as_of=run.as_of)
    if points is None:
        return not_found(request)
    words = series_words(key)  # type: ignore[arg-type]
    unit = "months" if key.frequency == Frequency.MONTH else "quarters"
    title = f"Referrals: {words}, the last {len(points)} {unit}"
    context = {
        "words": words,
        "kind": SeriesKind(key.kind).label,
        "unit": unit,
        "chart": series_chart(points, title),
        "points": list(reversed(points)),
        "run": run,
    }
    return render(request, "intelligence/surge_series.html", context)


@capability_required(Capability.MONITOR_SURGES)
@require_http_methods(["GET"])
def surge_alerts(request: AuthenticatedRequest) -> HttpResponse:
    closed = request.GET.get("closed") == "1"
    alerts = alerts_list(actor=request.user, closed=closed)
    rows = [
        {
            "id": alert.pk,
            "series": series_words(alert),
            "period": period_words(alert.period_start, alert.frequency),
            "observed": alert.observed,
            "upper": alert.upper,
            "status": AlertStatus(alert.status).label,
            "new": alert.status == AlertStatus.OPEN,
        }
        for alert in alerts
    ]
    context = {"rows": rows, "closed": closed}
    return render(request, "intelligence/surge_alerts.html", context)


def _alert_page(
    request: AuthenticatedRequest, alert_id: int, errors: dict[str, str], status: int = 200
) -> HttpResponse:
    try:
        alert = alert_get(actor=request.user, alert_id=alert_id)
    except AlertNotFound:
        return not_found(request)
    context = {
        "alert": alert,
        "series": series_words(alert),
        "kind": SeriesKind(alert.kind).label,
        "period": period_words(alert.period_start, alert.frequency),
        "status": AlertStatus(alert.status).label,
        "open": alert.status in (AlertStatus.OPEN, AlertStatus.ACKNOWLEDGED),
        "can_acknowledge": alert.status == AlertStatus.OPEN,
        "method": method_words(alert.method),
        "score": score_words(alert.score),
        "series_url": series_url(alert),
        "errors": errors,
        "note": request.POST.get("note", "") if request.method == "POST" else "",
        "changed": CHANGED.get(request.session.pop(JUST_CHANGED, "") or ""),
    }
    return render(request, "intelligence/surge_alert.html", context, status=status)


@capability_required(Capability.MONITOR_SURGES)
@require_http_methods(["GET", "POST"])
def surge_alert(request: AuthenticatedRequest, alert_id: int) -> HttpResponse:
    if request.method == "GET":
        return _alert_page(request, alert_id, {})
    form = AlertForm(request.POST)
    if not form.is_valid():
        return _alert_page(request, alert_id, {"action": ACTION_MISSING}, status=422)
    action, note = form.cleaned_data["action"], form.cleaned_data["note"] or ""
    problem = note_problem(action, note)
    if problem is not None:
        return _alert_page(request, alert_id, {"note": problem}, status=422)
    try:
        alert_change(actor=request.user, alert_id=alert_id, action=action, note=note)
    except AlertNotFound:
        return not_found(request)
    except AlertChangeRefused as refused:
        return _alert_page(request, alert_id, {"action": refused.message}, status=409)
    request.session[JUST_CHANGED] = action
    return redirect("intelligence:surge-alert", alert_id=alert_id)
