"""Reads for the analyst's pages: the years with referrals, and a year's statistics computed from
an in-memory pseudonymised extract of the case store, with the same specs and engine as
``nrm report``.

Caching: the extract (a pyarrow table, immutable) and each year's presented tables and charts are
kept in this process, keyed by a fingerprint of the case store (counts and newest ids and times of
referrals and decisions, and the sum of the cases' versions, which every recorded event raises).
Any referral submitted, decision recorded or case changed gives a new fingerprint, so the next page
recomputes; otherwise a year is computed once per process. At most ``CACHE_SIZE`` entries are kept.
"""

import threading
import time
from collections import OrderedDict
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, TypeVar

import ibis
import pyarrow as pa
from django.db.models import Count, Max, Sum

from nrm.accounts.actors import Actor
from nrm.accounts.capabilities import Capability
from nrm.accounts.permissions import capability_require, has_capability
from nrm.cases.models import Case, Decision, Referral
from nrm.standard.codes import PoliceRegion
from nrm.statistics.barchart import grouped_bar_svg
from nrm.statistics.chartdata import chart_data
from nrm.statistics.engine import backend_connect, referrals_table, specs_evaluate
from nrm.statistics.extract import extract_table
from nrm.statistics.present import Presented, result_present
from nrm.statistics.specs import ALL

CACHE_SIZE = 8
T = TypeVar("T")

_lock = threading.Lock()
_cache: "OrderedDict[tuple[Any, ...], Any]" = OrderedDict()


@dataclass
class YearStatistics:
    year: int
    tables: list[Presented]
    charts: dict[str, str]  # spec id -> inline SVG
    blank_charts: dict[str, str]  # spec id -> why its chart shows nothing (``ChartData.blank``)
    region_counts: dict[str, int]  # police region code -> referrals in the year
    source_countries: list[tuple[str, int]]  # the top ten nationalities of the year
    seconds: float  # time taken to compute (0 when served from the cache)

    def table(self, spec_id: str) -> Presented:
        return next(t for t in self.tables if t.id == spec_id)


def store_fingerprint() -> tuple[Any, ...]:
    """Changes whenever a referral or decision is added or a case changes."""
    referrals = Referral.objects.aggregate(n=Count("id"), last=Max("id"), at=Max("received_at"))
    decisions = Decision.objects.aggregate(n=Count("id"), last=Max("id"), at=Max("recorded_at"))
    versions = Case.objects.aggregate(v=Sum("version"))["v"]
    return (*referrals.values(), *decisions.values(), versions)


def _cached(key: tuple[Any, ...], compute: Callable[[], T]) -> T:
    with _lock:
        if key in _cache:
            _cache.move_to_end(key)
            return _cache[key]
    value = compute()
    with _lock:
        _cache[key] = value
        while len(_cache) > CACHE_SIZE:
            _cache.popitem(last=False)
    return value


def statistics_cache_clear() -> None:
    with _lock:
        _cache.clear()


def statistics_years(*, actor: Actor) -> list[int]:
    """The calendar years with at least one referral in the case store, newest first."""
    capability_require(actor=actor, capability=Capability.READ_EXTRACTS)
    return [day.year for day in Referral.objects.dates("referral_date", "year", order="DESC")]


def _extract(fingerprint: tuple[Any, ...]) -> pa.Table:
    return _cached(("extract", fingerprint), extract_table)


def referrals_load(*, actor: Actor) -> ibis.Table:
    """The pseudonymised extract of the case store as an Ibis table (DuckDB, in memory)."""
    capability_require(actor=actor, capability=Capability.READ_EXTRACTS)
    return referrals_table(backend_connect(), _extract(store_fingerprint()))


def referrals_load_for_intelligence(*, actor: Actor) -> ibis.Table:
    """The same extract, for a national intelligence analyst's aggregates beside intelligence
    (the top source countries of a year: ``nrm.intelligence.ocg_tables``), or anyone who may
    read extracts."""
    if not has_capability(actor, Capability.READ_EXTRACTS):
        capability_require(actor=actor, capability=Capability.READ_NATIONAL_INTELLIGENCE)
    return referrals_table(backend_connect(), _extract(store_fingerprint()))


def _chart(table: Presented, year: int) -> str:
    """The spec's chart for the web page, drawn as SVG without matplotlib (a few milliseconds):
    horizontal bars, stacked where the report stacks them; shares for a pie."""
    data = chart_data(table)
    assert data is not None and data.blank is None
    return grouped_bar_svg(
        data.categories,
        data.series,
        data.values,
        title=f"{table.number}: {table.title}, {year}",
        element_id=f"chart-{table.id}",
        stacked=data.kind in ("stacked", "pie"),
    )


def _blank(table: Presented) -> str | None:
    data = chart_data(table)
    return None if data is None else data.blank


def _compute(referrals: ibis.Table, year: int) -> YearStatistics:
    started = time.perf_counter()
    tables = [result_present(r) for r in specs_evaluate(ALL, referrals, year=year)]
    blank = {t.id: reason for t in tables if (reason := _blank(t)) is not None}
    charts = {
        t.id: _chart(t, year)
        for t in tables
        if t.result.spec.chart is not None and t.id not in blank
    }
    t02 = next(t for t in tables if t.id == "t02").result
    at = t02.column_keys.index((year,))
    regions = {r.key[0]: r.counts[at] for r in t02.rows if not r.is_total}
    fig03 = next(t for t in tables if t.id == "fig03").result
    countries = [(r.labels[0], r.counts[0]) for r in fig03.rows if not r.is_total]
    return YearStatistics(
        year=year,
        tables=tables,
        charts=charts,
        blank_charts=blank,
        region_counts={code: regions.get(code, 0) for code in PoliceRegion.values},
        source_countries=countries,
        seconds=time.perf_counter() - started,
    )


def year_statistics_get(*, actor: Actor, year: int) -> YearStatistics:
    """Every table and chart of the report for ``year``, the map's counts and the top source
    countries: computed once per state of the case store (see the module's note on caching)."""
    capability_require(actor=actor, capability=Capability.READ_EXTRACTS)
    fingerprint = store_fingerprint()
    found = _cached(
        ("year", fingerprint, year),
        lambda: _compute(referrals_table(backend_connect(), _extract(fingerprint)), year),
    )
    return found
