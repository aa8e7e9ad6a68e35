"""The OCG register's pages: the groups a user may see (filtered by nationality and activity),
one group, and, for national analysts, the strategic assessment's tables on groups."""

from typing import Any

from django.http import HttpResponse
from django.shortcuts import render
from django.views.decorators.http import require_http_methods

from nrm.accounts.actors import AuthenticatedRequest
from nrm.accounts.capabilities import Capability
from nrm.accounts.decorators import capability_required
from nrm.accounts.permissions import has_capability
from nrm.cases.referrals.views.common import not_found
from nrm.intelligence.ocg_pages import (
    filter_options,
    ocg_context,
    ocg_prosecutions,
    ocg_rows,
    table_present,
)
from nrm.intelligence.ocg_selectors import ocg_defendant_links, ocg_get, ocg_list, ocg_years
from nrm.intelligence.ocg_tables import ocg_tables_read
from nrm.justice.page_selectors import defendant_prosecutions
from nrm.standard.intelligence_codes import OcgActivity
from nrm.statistics.present import presented_cells

YEAR_INVALID = "Choose a year in which intelligence reports were received"


@capability_required(Capability.READ_INTELLIGENCE)
@require_http_methods(["GET"])
def ocg_index(request: AuthenticatedRequest) -> HttpResponse:
    """The groups named in the reports the user may see, filtered by predominant nationality
    and by activity (an activity that is not one of the choices is ignored)."""
    chosen = {
        "nationality": request.GET.get("nationality", "").strip()[:20],
        "activity": request.GET.get("activity", "").strip(),
    }
    if chosen["activity"] not in OcgActivity.values:
        chosen["activity"] = ""
    listing = ocg_list(actor=request.user, **chosen)
    context = {
        "groups": ocg_rows(listing.groups),
        "filtered": any(chosen.values()),
        "can_read_tables": has_capability(request.user, Capability.READ_NATIONAL_INTELLIGENCE),
        **filter_options(listing.nationalities, chosen),
    }
    return render(request, "intelligence/ocgs.html", context)


@capability_required(Capability.READ_INTELLIGENCE)
@require_http_methods(["GET"])
def ocg_detail(request: AuthenticatedRequest, ocg: str) -> HttpResponse:
    group = ocg_get(actor=request.user, key=ocg)
    if group is None:
        return not_found(request)
    can_read_nrm = has_capability(request.user, Capability.READ_LINKED_NRM_RECORDS)
    context = ocg_context(group, can_read_nrm)
    if has_capability(request.user, Capability.READ_PROSECUTIONS):
        linked = {link.defendant_id for link in ocg_defendant_links(ocg=group.key)}
        reads = defendant_prosecutions(
            actor=request.user, defendant_ids=linked, via={"ocg": group.key}
        )
        context["prosecutions"] = ocg_prosecutions(reads, linked)
        context["can_read_prosecutions"] = True
    return render(request, "intelligence/ocg.html", context)


@capability_required(Capability.READ_NATIONAL_INTELLIGENCE)
@require_http_methods(["GET"])
def ocg_tables(request: AuthenticatedRequest) -> HttpResponse:
    """The tables on groups for a year (the newest year with reports unless one is chosen);
    a year without reports is refused in words."""
    years = ocg_years(actor=request.user)
    asked = request.GET.get("year", "").strip()
    year = int(asked) if asked in {str(y) for y in years} else None
    if year is None and not asked and years:
        year = years[0]
    context: dict[str, Any] = {"years": years, "year": year}
    if year is None:
        error = YEAR_INVALID if asked else None
        context["year_error"] = error
        status = 400 if error else 200
        return render(request, "intelligence/ocg_tables.html", context, status=status)
    read = ocg_tables_read(year=year, actor=request.user)
    context["sources"] = read.sources
    if any(not row.is_total for row in read.results[0].rows):
        tables = [table_present(result) for result in read.results]
        context["tables"] = [{"table": t, "rows": presented_cells(t)} for t in tables]
    return render(request, "intelligence/ocg_tables.html", context)
