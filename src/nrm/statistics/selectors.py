"""Reads for the analyst's pages: the years with referrals, and a year's statistics computed from
an in-memory pseudonymised extract of the case store, with the same specs and engine as
``nrm report``.

Caching (``nrm.statistics.cache``): the extract and each year's presented tables and charts are
kept in a cache shared by every server worker, keyed by a fingerprint of the case store (counts
and newest ids and times of referrals and decisions, and the sum of the cases' versions, which
every recorded event raises). Any referral submitted, decision recorded or case changed gives a
new fingerprint, so the next page recomputes; otherwise a year is computed once for all workers.
"""

import io
import time
from dataclasses import dataclass
from typing import Any

import ibis
import pyarrow as pa
import pyarrow.parquet as pq
from django.db.models import Count, Max, Sum

from nrm.accounts.actors import Actor
from nrm.accounts.capabilities import Capability
from nrm.accounts.permissions import capability_require, has_capability
from nrm.cases.models import Case, Decision, Referral
from nrm.standard.codes import PoliceRegion
from nrm.statistics.cache import cache_clear, cache_key, cached
from nrm.statistics.edition import Edition, edition_compute
from nrm.statistics.engine import backend_connect, referrals_table
from nrm.statistics.extract import extract_table


@dataclass
class YearStatistics(Edition):
    """The exact edition, with the analyst page's map and source countries."""

    region_counts: dict[str, int]  # police region code -> referrals in the year
    source_countries: list[tuple[str, int]]  # the top ten nationalities of the year
    seconds: float  # time taken to compute


def store_fingerprint() -> tuple[Any, ...]:
    """Changes whenever a referral or decision is added or a case changes."""
    referrals = Referral.objects.aggregate(n=Count("id"), last=Max("id"), at=Max("received_at"))
    decisions = Decision.objects.aggregate(n=Count("id"), last=Max("id"), at=Max("recorded_at"))
    versions = Case.objects.aggregate(v=Sum("version"))["v"]
    return (*referrals.values(), *decisions.values(), versions)


def statistics_cache_clear() -> None:
    """Forget every cached extract and year (this process's and the shared cache's)."""
    cache_clear()


def statistics_years(*, actor: Actor) -> list[int]:
    """The calendar years with at least one referral in the case store, newest first."""
    capability_require(actor=actor, capability=Capability.READ_EXTRACTS)
    return [day.year for day in Referral.objects.dates("referral_date", "year", order="DESC")]


def _parquet(table: pa.Table) -> bytes:
    buffer = io.BytesIO()
    pq.write_table(table, buffer)
    return buffer.getvalue()


def _unparquet(data: bytes) -> pa.Table:
    return pq.read_table(io.BytesIO(data))


def _extract(fingerprint: tuple[Any, ...]) -> pa.Table:
    key = cache_key("extract", fingerprint)
    return cached(key, extract_table, encode=_parquet, decode=_unparquet)


def referrals_current() -> tuple[tuple[Any, ...], ibis.Table]:
    """The case store's fingerprint and its pseudonymised extract as an Ibis table (cached);
    for the public edition (``nrm.statistics.public``), whose caller checks what is released."""
    fingerprint = store_fingerprint()
    return fingerprint, referrals_table(backend_connect(), _extract(fingerprint))


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


def _compute(referrals: ibis.Table, year: int) -> YearStatistics:
    started = time.perf_counter()
    edition, results = edition_compute(referrals, year)
    t02 = next(r for r in results if r.spec.id == "t02")
    at = t02.column_keys.index((year,))
    regions = {r.key[0]: r.counts[at] for r in t02.rows if not r.is_total}
    fig03 = next(r for r in results if r.spec.id == "fig03")
    countries = [(r.labels[0], r.counts[0]) for r in fig03.rows if not r.is_total]
    return YearStatistics(
        **vars(edition),
        region_counts={code: regions.get(code, 0) for code in PoliceRegion.values},
        source_countries=countries,
        seconds=time.perf_counter() - started,
    )


def year_statistics_get(*, actor: Actor, year: int) -> YearStatistics:
    """Every table and chart of the report for ``year``, the map's counts and the top source
    countries: computed once per state of the case store (see the module's note on caching)."""
    capability_require(actor=actor, capability=Capability.READ_EXTRACTS)
    fingerprint = store_fingerprint()
    return cached(
        cache_key("year", fingerprint, year),
        lambda: _compute(referrals_table(backend_connect(), _extract(fingerprint)), year),
    )
