"""The analyst's pages: statistics for a chosen year (every table and chart of the report, the
referral map, the source countries), downloads, and the published-figure verification.

Thin doors: the selectors build the pseudonymised extract and compute the tables (cached, see
``nrm.statistics.selectors``); the services render and audit downloads. Analysts never see a
name or a contact detail: every figure here comes from the extract."""

from typing import Any

from django import forms
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_http_methods

from nrm.accounts.actors import AuthenticatedRequest
from nrm.accounts.capabilities import Capability
from nrm.accounts.decorators import capability_required
from nrm.statistics import services
from nrm.statistics.barchart import bar_chart_svg
from nrm.statistics.html_report import METHODOLOGY
from nrm.statistics.published.figures import published_years
from nrm.statistics.published.known import NOT_FROM_REFERRALS
from nrm.statistics.published.verifier import Verifier
from nrm.statistics.selectors import (
    referrals_load,
    statistics_years,
    year_statistics_get,
)
from nrm.statistics.tilemap import tile_map_svg, tiles

CHOOSE_YEAR = "Choose a year with referrals"
CONTENT_TYPES = {
    "csv": "text/csv; charset=utf-8",
    "ods": "application/vnd.oasis.opendocument.spreadsheet",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    "zip": "application/zip",
}
DOWNLOAD_FORMATS = ("csv", "ods", "xlsx")


class YearForm(forms.Form):
    year = forms.TypedChoiceField(
        label="Year",
        coerce=int,
        error_messages={"required": CHOOSE_YEAR, "invalid_choice": CHOOSE_YEAR},
    )

    def __init__(self, *args: Any, years: list[int], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        field = self.fields["year"]
        assert isinstance(field, forms.ChoiceField)
        field.choices = [(y, str(y)) for y in years]


def _not_found(request: AuthenticatedRequest) -> HttpResponse:
    return render(request, "web/not_found.html", status=404)


def _known_year(request: AuthenticatedRequest, text: str) -> int | None:
    """The year named in the address, if the case store has referrals in it."""
    if not (text.isascii() and text.isdigit() and len(text) == 4):
        return None
    year = int(text)
    return year if year in statistics_years(actor=request.user) else None


@capability_required(Capability.READ_EXTRACTS)
@require_http_methods(["GET"])
def index_view(request: AuthenticatedRequest) -> HttpResponse:
    years = statistics_years(actor=request.user)
    form = YearForm(request.GET if "year" in request.GET else None, years=years)
    if form.is_bound and form.is_valid():
        return redirect("statistics:year", year=form.cleaned_data["year"])
    published = sorted(published_years())
    context = {"form": form, "years": years, "published": published}
    return render(request, "statistics/index.html", context)


@capability_required(Capability.READ_EXTRACTS)
@require_http_methods(["GET"])
def year_view(request: AuthenticatedRequest, year: str) -> HttpResponse:
    found = _known_year(request, year)
    if found is None:
        return _not_found(request)
    return _year_page(request, found)


def _year_page(request: AuthenticatedRequest, year: int) -> HttpResponse:
    stats = year_statistics_get(actor=request.user, year=year)
    services.statistics_read_record(actor=request.user, year=year, detail={"page": "tables"})
    title = f"Referrals by police region or country of presentation, {year}"
    regions = [
        {"label": t.label, "short": t.short, "count": stats.region_counts.get(t.code, 0)}
        for t in tiles()
    ]
    context = {
        "year": year,
        "sections": stats.sections(),
        "map_svg": tile_map_svg(stats.region_counts, title=title),
        "map_title": title,
        "regions": regions,
        "not_recorded": stats.region_counts.get("not_recorded", 0),
        "countries": stats.source_countries,
        "countries_svg": bar_chart_svg(
            stats.source_countries,
            title=f"Top source countries (nationalities) of referrals, {year}",
            element_id="source-countries",
        ),
        "methodology": METHODOLOGY,
        "formats": DOWNLOAD_FORMATS,
        "download": "statistics:table-download",
        "published": year in published_years(),
    }
    return render(request, "statistics/year.html", context)


def _file(name: str, content: bytes, kind: str) -> HttpResponse:
    response = HttpResponse(content, content_type=CONTENT_TYPES[kind])
    response["Content-Disposition"] = f'attachment; filename="{name}"'
    return response


@capability_required(Capability.READ_EXTRACTS)
@require_http_methods(["GET"])
def table_download_view(
    request: AuthenticatedRequest, year: str, spec_id: str, fmt: str
) -> HttpResponse:
    found = _known_year(request, year)
    if fmt not in DOWNLOAD_FORMATS or found is None:
        return _not_found(request)
    return _table_file(request, found, spec_id, fmt)


def _table_file(request: AuthenticatedRequest, year: int, spec_id: str, fmt: str) -> HttpResponse:
    stats = year_statistics_get(actor=request.user, year=year)
    table = next((t for t in stats.tables if t.id == spec_id), None)
    if table is None:
        return _not_found(request)
    name, content = services.table_download(actor=request.user, table=table, year=year, fmt=fmt)
    return _file(name, content, fmt)


@capability_required(Capability.READ_EXTRACTS)
@require_http_methods(["GET"])
def report_download_view(request: AuthenticatedRequest, year: str) -> HttpResponse:
    found = _known_year(request, year)
    if found is None:
        return _not_found(request)
    referrals = referrals_load(actor=request.user)
    name, content = services.report_download(actor=request.user, referrals=referrals, year=found)
    return _file(name, content, "zip")


def _by_table(verifier: Verifier) -> list[dict[str, Any]]:
    tables: dict[str, dict[str, Any]] = {}
    for check in verifier.checks:
        entry = tables.setdefault(
            check.table, {"table": check.table, "checked": 0, "match": 0, "known": 0, "new": 0}
        )
        entry["checked"] += 1
        if check.ok:
            entry["match"] += 1
        elif check.explained:
            entry["known"] += 1
        else:
            entry["new"] += 1
    return list(tables.values())


@capability_required(Capability.READ_EXTRACTS)
@require_http_methods(["GET"])
def verification_view(request: AuthenticatedRequest, year: str) -> HttpResponse:
    found = _known_year(request, year)
    if found is None:
        return _not_found(request)
    return _verification_page(request, found)


def _verification_page(request: AuthenticatedRequest, year: int) -> HttpResponse:
    verifier = services.published_verify(
        referrals=referrals_load(actor=request.user), year=year, actor=request.user
    )
    found = verifier.discrepancies
    context = {
        "year": year,
        "checked": len(verifier.checks),
        "matching": len(verifier.checks) - len(found),
        "known": [c for c in found if c.explained],
        "new": [c for c in found if not c.explained],
        "by_table": _by_table(verifier),
        "not_checked": NOT_FROM_REFERRALS if year == 2012 else (),
    }
    return render(request, "statistics/verification.html", context)
