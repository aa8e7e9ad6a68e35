"""The public site of the official statistics (``/official-statistics/``), readable without
signing in: the released years, the release calendar, each released year's
disclosure-controlled edition (every table and chart with notes and methodology, CSV and ODS
downloads) and the verification of its published figures.

A year that is not released, and anything else not public, answers 404 whoever asks: the pages
never say whether it exists. Viewing them reads no case and is not audited. Anonymous answers
may be kept by shared caches for ``PUBLIC_MAX_AGE`` seconds; an answer to someone signed in
(whose name the page header shows) is private."""

from typing import Any

from django.contrib.auth.decorators import login_not_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils.cache import patch_cache_control
from django.views.decorators.http import require_http_methods

from nrm.statistics.html_report import METHODOLOGY
from nrm.statistics.models import Release
from nrm.statistics.public import (
    PUBLIC_FORMATS,
    PUBLIC_RULE,
    public_edition_get,
    public_verification_get,
    release_of,
    releases_announced,
    releases_released,
)
from nrm.statistics.published.figures import published_years
from nrm.statistics.renderers import table_bytes

PUBLIC_MAX_AGE = 300
CONTENT_TYPES = {
    "csv": "text/csv; charset=utf-8",
    "ods": "application/vnd.oasis.opendocument.spreadsheet",
}


def _cache_headers(request: HttpRequest, response: HttpResponse) -> HttpResponse:
    if response.status_code != 200 or request.user.is_authenticated:
        patch_cache_control(response, private=True, no_cache=True)
    else:
        patch_cache_control(response, public=True, max_age=PUBLIC_MAX_AGE)
    return response


def _page(request: HttpRequest, template: str, context: dict[str, Any]) -> HttpResponse:
    return _cache_headers(request, render(request, template, context))


def _not_found(request: HttpRequest) -> HttpResponse:
    return _cache_headers(request, render(request, "web/not_found.html", status=404))


@login_not_required
@require_http_methods(["GET", "HEAD"])
def index_view(request: HttpRequest) -> HttpResponse:
    context = {"released": releases_released(), "announced": releases_announced()}
    return _page(request, "statistics/public_index.html", context)


@login_not_required
@require_http_methods(["GET", "HEAD"])
def calendar_view(request: HttpRequest) -> HttpResponse:
    context = {"released": releases_released(), "announced": releases_announced()}
    return _page(request, "statistics/public_calendar.html", context)


@login_not_required
@require_http_methods(["GET", "HEAD"])
def year_view(request: HttpRequest, year: str) -> HttpResponse:
    release = release_of(year)
    if release is None:
        return _not_found(request)
    edition = public_edition_get(release)
    context = {
        "release": release,
        "year": release.year,
        "sections": edition.sections(),
        "methodology": METHODOLOGY,
        "formats": PUBLIC_FORMATS,
        "download": "official:table-download",
        "rule": PUBLIC_RULE,
        "verified": release.year in published_years(),
    }
    return _page(request, "statistics/public_year.html", context)


@login_not_required
@require_http_methods(["GET", "HEAD"])
def table_download_view(request: HttpRequest, year: str, spec_id: str, fmt: str) -> HttpResponse:
    release = release_of(year)
    if release is None or fmt not in PUBLIC_FORMATS:
        return _not_found(request)
    table = public_edition_get(release).find(spec_id)
    if table is None:
        return _not_found(request)
    written, content = table_bytes(table, fmt)
    response = HttpResponse(content, content_type=CONTENT_TYPES[fmt])
    name = f"nrm-official-statistics-{release.year}-{written}"
    response["Content-Disposition"] = f'attachment; filename="{name}"'
    return _cache_headers(request, response)


@login_not_required
@require_http_methods(["GET", "HEAD"])
def verification_view(request: HttpRequest, year: str) -> HttpResponse:
    release: Release | None = release_of(year)
    summary = None if release is None else public_verification_get(release)
    if release is None or summary is None:
        return _not_found(request)
    context = {"release": release, "year": release.year, "summary": summary}
    return _page(request, "statistics/public_verification.html", context)
