"""The hub's justice pages, for those who read every prosecution: the overview of referrals,
charges and convictions by year, the list of prosecutions, one prosecution, and the
prosecutions of one NRM case. Filters that are not among the choices are ignored."""

from typing import Any

from django.http import HttpResponse
from django.shortcuts import render
from django.utils import timezone
from django.views.decorators.http import require_http_methods

from nrm.accounts.actors import AuthenticatedRequest
from nrm.accounts.capabilities import Capability
from nrm.accounts.decorators import capability_required
from nrm.accounts.permissions import has_capability
from nrm.cases.referrals.views.common import not_found, page_number
from nrm.justice.page_selectors import (
    ListFilters,
    case_prosecutions,
    justice_overview,
    newest_justice_year,
    overview_years,
    prosecution_get,
    prosecution_list,
    prosecution_years,
)
from nrm.justice.pages import (
    overview_rows,
    overview_tables,
    prosecution_context,
    prosecution_summary,
)
from nrm.standard import justice_codes as jc
from nrm.statistics.specs.model import period_label
from nrm.web.navigation import case_url


def _year(asked: str, years: list[int]) -> int | None:
    return int(asked) if asked in {str(y) for y in years} else None


@capability_required(Capability.READ_PROSECUTIONS)
@require_http_methods(["GET"])
def overview(request: AuthenticatedRequest) -> HttpResponse:
    """Referrals, trafficking offences charged and convictions, five years to the year chosen
    (the newest year with any of them unless one is chosen)."""
    years = overview_years()
    year = _year(request.GET.get("year", "").strip(), years)
    if year is None:
        year = newest_justice_year() or (years[0] if years else timezone.localdate().year)
    read = justice_overview(actor=request.user, year=year)
    context = {
        "year": year,
        "years": years or [year],
        "rows": overview_rows(read),
        "tables": overview_tables(read),
    }
    return render(request, "justice/overview.html", context)


def _options(choices: Any, chosen: str) -> list[dict[str, Any]]:
    return [{"value": v, "text": t, "selected": v == chosen} for v, t in choices]


@capability_required(Capability.READ_PROSECUTIONS)
@require_http_methods(["GET"])
def prosecutions(request: AuthenticatedRequest) -> HttpResponse:
    """Every prosecution, filtered by authority, financial year of charge and outcome."""
    authority = request.GET.get("authority", "").strip()
    outcome = request.GET.get("outcome", "").strip()
    years = prosecution_years()
    filters = ListFilters(
        authority=authority if authority in jc.ProsecutingAuthority.values else "",
        year=_year(request.GET.get("year", "").strip(), years),
        outcome=outcome if outcome in jc.ChargeOutcome.values else "",
    )
    page_obj = prosecution_list(actor=request.user, filters=filters, page=page_number(request))
    year_choices = [(str(y), period_label("financial_year", y)) for y in years]
    query = request.GET.copy()
    query.pop("page", None)
    context = {
        "prosecutions": [prosecution_summary(r) for r in page_obj.object_list],
        "page_obj": page_obj,
        "found": page_obj.paginator.count,
        "query_prefix": (query.urlencode() + "&") if query else "",
        "filtered": bool(filters.authority or filters.year is not None or filters.outcome),
        "authorities": _options(jc.ProsecutingAuthority.choices, filters.authority),
        "years": _options(year_choices, "" if filters.year is None else str(filters.year)),
        "outcomes": _options(jc.ChargeOutcome.choices, filters.outcome),
    }
    return render(request, "justice/prosecutions.html", context)


def _victims(request: AuthenticatedRequest, references: list[str]) -> list[dict[str, Any]]:
    """The victims' NRM cases: each to its prosecutions, and to its case page when the viewer
    may open it."""
    return [
        {"reference": reference, "case_url": case_url(request.user, reference)}
        for reference in references
    ]


@capability_required(Capability.READ_PROSECUTIONS)
@require_http_methods(["GET"])
def prosecution(request: AuthenticatedRequest, prosecution_id: int) -> HttpResponse:
    read = prosecution_get(actor=request.user, prosecution_id=prosecution_id)
    if read is None:
        return not_found(request)
    context = {
        "prosecution": prosecution_context(read),
        "victims": _victims(request, read.victims),
        "can_link_ocgs": has_capability(request.user, Capability.READ_INTELLIGENCE),
    }
    return render(request, "justice/prosecution.html", context)


@capability_required(Capability.READ_PROSECUTIONS)
@require_http_methods(["GET"])
def case(request: AuthenticatedRequest, reference: str) -> HttpResponse:
    """The prosecutions one NRM case is a victim's case in, with their outcomes, sentences
    and money recovered."""
    reads = case_prosecutions(actor=request.user, reference=reference[:20])
    if reads is None:
        return not_found(request)
    context = {
        "reference": reference,
        "case_url": case_url(request.user, reference),
        "prosecutions": [prosecution_context(r) for r in reads],
    }
    return render(request, "justice/case.html", context)
