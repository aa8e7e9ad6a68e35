"""The strategic assessment's page for national intelligence analysts: the year's tables,
computed when asked for (a few seconds: the referrals and reports are resolved into people
each time), with the methodology and, for a year the report publishes, how many published
figures it reproduces."""

from typing import Any

from django.db.models import Q
from django.http import HttpResponse
from django.shortcuts import render
from django.views.decorators.http import require_http_methods

from nrm.accounts.actors import AuthenticatedRequest
from nrm.accounts.capabilities import Capability
from nrm.accounts.decorators import capability_required
from nrm.intelligence.assessment.checks import check_assessment
from nrm.intelligence.assessment.specs import ASSESSMENT
from nrm.intelligence.assessment.write import METHODOLOGY, assessment_create, assessment_table
from nrm.intelligence.people import mention_date, referrals_in, victims_in
from nrm.statistics.engine import specs_evaluate
from nrm.statistics.present import presented_cells, result_present
from nrm.statistics.published.verifier import Verifier

YEAR_INVALID = "Choose a year in which potential victims were referred or reported"


def assessment_years() -> tuple[list[int], int | None]:
    """The years in which potential victims were referred or reported, newest first, and the
    one shown first: the newest in which intelligence reports name some (an assessment is of
    referrals and intelligence), else the newest."""
    reported = {mention_date(e).year for e in victims_in(Q())}
    years = sorted({r.referral_date.year for r in referrals_in()} | reported, reverse=True)
    return years, max(reported) if reported else (years[0] if years else None)


def _tables(table: Any, year: int) -> list[dict[str, Any]]:
    found = []
    for result in specs_evaluate(ASSESSMENT, table, year=year):
        presented = result_present(result)
        presented.notes = [result.spec.notes] if result.spec.notes else []
        found.append({"table": presented, "rows": presented_cells(presented)})
    return found


@capability_required(Capability.READ_NATIONAL_INTELLIGENCE)
@require_http_methods(["GET"])
def assessment(request: AuthenticatedRequest) -> HttpResponse:
    """The assessment of the year asked for (``assessment_years``' first unless one is chosen);
    a year without referrals or reports is refused in words."""
    years, first = assessment_years()
    asked = request.GET.get("year", "").strip()
    year = int(asked) if asked in {str(y) for y in years} else None
    if year is None and not asked:
        year = first
    context: dict[str, Any] = {"years": years, "year": year, "methodology": METHODOLOGY}
    if year is None:
        context["year_error"] = YEAR_INVALID if asked else None
        status = 400 if asked else 200
        return render(request, "intelligence/assessment.html", context, status=status)
    written = assessment_create(actor=request.user, year=year)
    table = assessment_table(written.assessment)
    verifier = Verifier(table, year=year, reference=None)
    check_assessment(verifier, table)
    context.update(
        records=f"{written.assessment.records:,}",
        people=f"{written.assessment.people:,}",
        review=written.assessment.review,
        assessment=written.assessment,
        tables=_tables(table, year),
        checked=len(verifier.checks),
        differ=[c for c in verifier.discrepancies],
    )
    return render(request, "intelligence/assessment.html", context)
