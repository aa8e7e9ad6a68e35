"""A referral started from a crew report: the answers of the referral journey's draft that the
report gives (the date and the UK nation of the port; the flight, the port, the time and what
crew saw as context on the account page, for the first responder to replace with the person's
own words). Nothing about the person: their answers, and their consent, are the journey's."""

from typing import Any

from django.utils import timezone

from nrm.border.crew_models import CrewReport
from nrm.standard import crew_codes as cc

CONTEXT = (
    "Started from crew report {reference}: flight {flight} to {port}, expected to land at "
    "{arrival}{seats}. What cabin crew saw: {seen}.{details} Replace this with the person's "
    "own account."
)


def referral_context(report: CrewReport) -> str:
    seen = "; ".join(str(cc.CrewIndicator(i).label).lower() for i in report.indicators)
    seats = f" (seats {', '.join(report.seats)})" if report.seats else ""
    arrival = timezone.localtime(report.expected_arrival).strftime("%H:%M on %d %B %Y")
    return CONTEXT.format(
        reference=report.reference,
        flight=report.flight_number,
        port=cc.Port(report.port).label,
        arrival=arrival,
        seats=seats,
        seen=seen,
        details=f" Crew's description: {report.details}" if report.details else "",
    )


def referral_prefill(report: CrewReport, *, officer: str) -> dict[str, Any]:
    """The draft's data in the journey's form (``nrm.cases.referrals.journey``): no section is
    complete until the first responder answers its page."""
    day = timezone.localtime(report.expected_arrival).date()
    about = {
        "referral_date_0": [str(day.day)],
        "referral_date_1": [str(day.month)],
        "referral_date_2": [str(day.year)],
        "nation": [cc.PORT_NATION[cc.Port(report.port)].value],
    }
    if officer:
        about["first_responder_officer"] = [officer]
    sections = {"about": about, "account": {"account": [referral_context(report)]}}
    return {"sections": sections, "complete": [], "errors": []}
