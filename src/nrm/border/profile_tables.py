"""How risk profiles perform, counted by the statistics engine (``nrm.statistics.engine``) like
every other table: an extract of the hits (no record references, only the profile, the month
it was screened and where its review stands) and the specs declared over it.

- ``PROFILE_HITS``: one profile's hits by month and review (awaiting review, not confirmed,
  confirmed), every month of its life listed, those with no hits too, so that a profile which
  stops hitting (a route closed or displaced) shows as a run of nils.
- ``PROFILE_OUTCOMES``: one profile's reviewed hits by the outcome recorded.
- ``HITS_BY_PROFILE``: every profile's hits, for the list of profiles.
"""

from dataclasses import dataclass, replace
from datetime import date

import pyarrow as pa

from nrm.border.profile_models import Hit
from nrm.standard import border_codes as bc
from nrm.statistics.engine import backend_connect, referrals_table, spec_evaluate
from nrm.statistics.result import Result
from nrm.statistics.specs.model import Spec

TABLE = "hits"
HITS_SCHEMA = pa.schema(
    [
        ("hit_year", pa.int64()),
        ("hit_month", pa.string()),
        ("profile", pa.string()),
        ("hit_review", pa.string()),
        ("hit_outcome", pa.string()),
    ]
)
_REVIEWS = tuple((r.value,) for r in bc.HitReview)

PROFILE_HITS = Spec(
    id="profile-hits",
    number="Hits by month",
    title="where their review stands",
    rows=("hit_month",),
    columns=("hit_review",),
    fixed_columns=_REVIEWS,
    total_column=True,
    total_row=True,
    year_column="hit_year",
    counted="Hits",
    notes=(
        "One count for each record (visa application or passenger) a version of the profile "
        "matched, by the month it was screened. A hit is confirmed when the officer who "
        "reviewed it recorded more scrutiny, a refusal or a referral to the NRM or "
        "safeguarding; not confirmed when they recorded no further action."
    ),
)
_OUTCOMES = tuple((o.value,) for o in bc.HitOutcome)
PROFILE_OUTCOMES = Spec(
    id="profile-outcomes",
    number="Outcomes",
    title="what the officers who reviewed its hits recorded",
    rows=("hit_outcome",),
    where=(("hit_outcome", tuple(o for (o,) in _OUTCOMES)),),
    fixed_rows=_OUTCOMES,
    total_row=True,
    year_column="hit_year",
    counted="Hits",
    notes="One count for each hit reviewed, by the outcome the officer recorded.",
)
HITS_BY_PROFILE = Spec(
    id="hits-by-profile",
    number="Risk profile hits",
    title="Hits by profile",
    rows=("profile",),
    columns=("hit_review",),
    fixed_columns=_REVIEWS,
    total_column=True,
    year_column="hit_year",
    counted="Hits",
)


def _month(day: date) -> str:
    return f"{day.year:04d}-{day.month:02d}"


def months_between(first: date, last: date) -> list[str]:
    """Every month from ``first``'s to ``last``'s, as "YYYY-MM"."""
    found, year, month = [], first.year, first.month
    while (year, month) <= (last.year, last.month):
        found.append(f"{year:04d}-{month:02d}")
        year, month = (year + 1, 1) if month == 12 else (year, month + 1)
    return found


def hits_table(*, profile_id: int | None = None) -> pa.Table:
    """The hits extract: every hit (or one profile's) as a row."""
    hits = Hit.objects.order_by("id")
    if profile_id is not None:
        hits = hits.filter(version__profile_id=profile_id)
    rows = hits.values_list("screened_at", "version__profile_id", "outcome")
    columns: dict[str, list[object]] = {name: [] for name in HITS_SCHEMA.names}
    for screened_at, profile, outcome in rows.iterator():
        columns["hit_year"].append(screened_at.year)
        columns["hit_month"].append(_month(screened_at))
        columns["profile"].append(str(profile))
        columns["hit_review"].append(bc.hit_review(outcome).value)
        columns["hit_outcome"].append(outcome)
    return pa.table(columns, schema=HITS_SCHEMA)


def _evaluate(spec: Spec, source: pa.Table, *, first: int, last: int) -> Result:
    con = backend_connect("duckdb")
    table = referrals_table(con, source, name=TABLE)
    return spec_evaluate(replace(spec, years=tuple(range(first - last, 1))), table, year=last)


@dataclass(frozen=True)
class ProfileHits:
    """One profile's hits table, and the totals the page states in words."""

    result: Result
    outcomes: Result
    hits: int
    reviewed: int
    confirmed: int
    silent_months: int  # months without a hit at the end of the period counted


def profile_hits(*, profile_id: int, first: date, last: date) -> ProfileHits:
    """One profile's hits by month from ``first`` to ``last`` (the months it was in force)."""
    source = hits_table(profile_id=profile_id)
    dates = [first, last]
    for month in source.column("hit_month").to_pylist():
        year, number = month.split("-")
        dates.append(date(int(year), int(number), 1))
    start, end = min(dates), max(dates)
    months = months_between(start, end)
    spec = replace(PROFILE_HITS, fixed_rows=tuple((m,) for m in months))
    result = _evaluate(spec, source, first=start.year, last=end.year)
    outcomes = _evaluate(PROFILE_OUTCOMES, source, first=start.year, last=end.year)
    body = [r for r in result.rows if not r.is_total]
    at = {key[0]: i for i, key in enumerate(result.column_keys)}
    total = next(r for r in result.rows if r.is_total)
    silent = 0
    for row in reversed(body):
        if sum(row.counts) > 0:
            break
        silent += 1
    awaiting = total.counts[at[bc.HitReview.AWAITING.value]]
    confirmed = total.counts[at[bc.HitReview.CONFIRMED.value]]
    hits = sum(total.counts)
    return ProfileHits(
        result=result,
        outcomes=outcomes,
        hits=hits,
        reviewed=hits - awaiting,
        confirmed=confirmed,
        silent_months=silent if hits else 0,
    )


def hits_by_profile() -> dict[int, int]:
    """Every profile's number of hits."""
    source = hits_table()
    years = source.column("hit_year").to_pylist()
    if not years:
        return {}
    result = _evaluate(HITS_BY_PROFILE, source, first=min(years), last=max(years))
    return {int(r.key[0]): r.total for r in result.rows if not r.is_total}
