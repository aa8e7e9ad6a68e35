"""The crew line's pages (docs/crew-line.md): the public form crew use in flight (no account,
no JavaScript needed), the 24-hour line's form, and Border Force's queue of its port with the
outcome recorded on arrival. Thin doors: read the form, call one service or selector."""

from django.contrib.auth.decorators import login_not_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_http_methods, require_POST

from nrm.accounts.actors import AuthenticatedRequest
from nrm.accounts.capabilities import Capability
from nrm.accounts.decorators import capability_required
from nrm.accounts.sign_in import client_ip
from nrm.border import crew_errors as e
from nrm.border.crew_forms import CallReportForm, OutcomeForm, PublicReportForm
from nrm.border.crew_selectors import crew_airlines, crew_queue, crew_report_get
from nrm.border.crew_services import crew_outcome_record, crew_report_by_call, crew_report_by_code
from nrm.cases.referrals.views.common import not_found
from nrm.standard import crew_codes as cc
from nrm.standard.validation import FieldError


@login_not_required
@require_http_methods(["GET", "POST"])
def report_public(request: HttpRequest) -> HttpResponse:
    """The public form: the airline's reporting code and the report, on one page."""
    form = PublicReportForm(request.POST or None)
    status = 200
    if request.method == "POST":
        form.is_valid()
        code = form.cleaned_data.get("reporting_code", "")
        try:
            report = crew_report_by_code(
                code=code, data=form.report(), address=client_ip(request) or "unknown"
            )
        except e.CrewLimited:
            form.errors.clear()
            form.add_error(None, e.TOO_MANY)
            status = 429
        except e.CrewInvalid as invalid:
            form.errors_show(invalid.errors)
            status = 400 if invalid.errors else 200
        else:
            return render(request, "border/crew_sent.html", {"report": report, "public": True})
    return render(request, "border/crew_report.html", {"form": form, "public": True}, status=status)


@capability_required(Capability.TAKE_CREW_CALLS)
@require_http_methods(["GET", "POST"])
def report_call(request: AuthenticatedRequest) -> HttpResponse:
    """The 24-hour line: the call handler takes the report as the caller gives it."""
    form = CallReportForm(request.POST or None, airlines=crew_airlines())
    if request.method == "POST":
        form.is_valid()
        try:
            report = crew_report_by_call(
                actor=request.user, airline=form.cleaned_data.get("airline", ""), data=form.report()
            )
        except e.CrewInvalid as invalid:
            form.errors_show(invalid.errors)
        else:
            return render(request, "border/crew_sent.html", {"report": report, "public": False})
    return render(request, "border/crew_report.html", {"form": form, "public": False})


@capability_required(Capability.READ_CREW_REPORTS)
@require_http_methods(["GET"])
def queue(request: AuthenticatedRequest) -> HttpResponse:
    """The port's reports awaiting arrival, the earliest expected first."""
    read = crew_queue(actor=request.user, now=timezone.now())
    port = cc.Port(read.port).label if read.port else None
    return render(request, "border/crew_queue.html", {"queue": read, "port": port})


def _detail(
    request: AuthenticatedRequest,
    reference: str,
    form: OutcomeForm | None = None,
    status: int = 200,
) -> HttpResponse:
    report = crew_report_get(actor=request.user, reference=reference)
    if report is None:
        return not_found(request)
    context = {
        "report": report,
        "port": cc.Port(report.port).label,
        "indicators": [cc.CrewIndicator(i).label for i in report.indicators],
        "form": form or OutcomeForm(),
        "outcome": cc.CrewOutcome(report.outcome).label if report.outcome else "",
    }
    return render(request, "border/crew_detail.html", context, status=status)


@capability_required(Capability.READ_CREW_REPORTS)
@require_http_methods(["GET"])
def detail(request: AuthenticatedRequest, reference: str) -> HttpResponse:
    return _detail(request, reference)


@capability_required(Capability.RECORD_CREW_OUTCOMES)
@require_POST
def outcome(request: AuthenticatedRequest, reference: str) -> HttpResponse:
    """Record the outcome; an NRM referral started goes on to the referral's pre-filled draft."""
    form = OutcomeForm(request.POST)
    form.is_valid()
    try:
        report = crew_outcome_record(
            actor=request.user,
            reference=reference,
            outcome=form.cleaned_data.get("outcome", ""),
            note=form.cleaned_data.get("note", ""),
        )
    except e.CrewNotFound:
        return not_found(request)
    except e.CrewInvalid as invalid:
        _show(form, invalid.errors)
        return _detail(request, reference, form, status=400)
    if report.referral_draft_id is not None:
        return redirect(reverse("referrals:draft", args=[report.referral_draft_id]))
    return redirect("crew:queue")


def _show(form: OutcomeForm, problems: list[FieldError]) -> None:
    for problem in problems:
        if problem.field not in form.errors:
            form.add_error(problem.field if problem.field in form.fields else None, problem.message)
