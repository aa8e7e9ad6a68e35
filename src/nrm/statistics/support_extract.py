"""The support extract: one row per referral to the Salvation Army for support, with the
region the person is supported in and the contract year of the referral, and nothing else (no
reference, no date, no person). The tables of chapter 5 (``specs.chapter5``) are counted on it,
and ``SUPPORT_SECTION`` puts them in every report from the case store (``sections``).
"""

from collections.abc import Iterable
from datetime import date

import pyarrow as pa
from django.apps import apps
from django.utils import timezone

from nrm.standard.codes import SALVATION_ARMY, SupportRegion
from nrm.statistics.engine import backend_connect, referrals_table, specs_evaluate
from nrm.statistics.result import Result
from nrm.statistics.sections import Section
from nrm.statistics.specs.chapter5 import CHAPTER_5

SUPPORT_SCHEMA = pa.schema([("support_region", pa.string()), ("support_year", pa.int64())])
# The contract year of the Salvation Army begins on 1 July (para 5.23: "1 July 2012 to 30 June
# 2013"); a year is named by the calendar year it begins in.
YEAR_STARTS_IN_MONTH = 7


def support_year(day: date) -> int:
    """The contract year of ``day``: 2012 from 1 July 2012 to 30 June 2013."""
    return day.year if day.month >= YEAR_STARTS_IN_MONTH else day.year - 1


def support_extract_rows(rows: Iterable[tuple[date, str]]) -> pa.Table:
    """The extract of support referrals given as (day referred, region code or empty); an
    empty region, not recorded, is counted as not known."""
    regions: list[str] = []
    years: list[int] = []
    for day, region in rows:
        regions.append(region or SupportRegion.NOT_KNOWN.value)
        years.append(support_year(day))
    return pa.Table.from_arrays(
        [pa.array(regions, pa.string()), pa.array(years, pa.int64())], schema=SUPPORT_SCHEMA
    )


def support_extract_table() -> pa.Table:
    """Every referral to the Salvation Army for support in the case store, whatever became of
    it (accepted, declined or ended), by the day it was made (``offered_at``)."""
    # The model through the app registry: the statistics register this section while the
    # models are still loading (``nrm.statistics.apps``).
    support_referral = apps.get_model("support", "SupportReferral")
    found = (
        support_referral._default_manager.filter(provider__code=SALVATION_ARMY)
        .order_by("id")
        .values_list("offered_at", "region")
    )
    return support_extract_rows((timezone.localdate(at), region) for at, region in found)


def support_tables(year: int, table: pa.Table | None = None) -> list[Result]:
    """The tables of chapter 5 for the contract year beginning in ``year``, on ``table`` (by
    default the extract of the case store)."""
    source = support_extract_table() if table is None else table
    support = referrals_table(backend_connect(), source, name="support_referrals")
    return specs_evaluate(CHAPTER_5, support, year=year)


# Chapter 5 comes after chapter 4's criminal justice tables when they are registered.
SUPPORT_SECTION = Section(
    id="support",
    title="Support for victims",
    evaluate=lambda year: support_tables(year),
    after=("justice",),
)
