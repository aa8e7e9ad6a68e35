"""Every table of the report, recomputed independently from the referrals as generated.

Random referrals, valid by the data standard, go in through the CSV door (the importer
``nrm import referrals`` runs), the extract is made from the case store and every spec is
evaluated for every year with referrals; ``tests/statistics/recompute.py`` counts the same
referrals again with pandas, from docs/statistics.md's words, and the two must agree in every
cell the report prints: labels, counts, totals, shares, % changes, positions and ranks, and the
rows a top list keeps, in their order.

The referrals are drawn to reach the counting rules' corners: leap days (referrals, births and
the start of exploitation on 29 February), the Isle of Man as a nation and a police region,
claimed nationalities repeated, written as alpha-2, alpha-3 or a name and in any order, assessed
nationalities that do or do not contradict them, estimated ages near 18 with the exploitation
beginning about a year before the referral, years without referrals among a table's four.
Every spec of ``nrm.statistics.specs.ALL`` is recomputed; none is left out. Not covered: the
allocation of a competent authority by rule (each referral names one here) and an assessed
nationality without a certainty (docs/statistics.md does not say how it is written).

25 examples of 20 to 200 referrals each, 45,000 to 85,000 cells, in 30-45 s of CPU. Hypothesis does
not shrink a failing example (each try imports a file and evaluates every spec; shrinking took
over five minutes): the failure lists the first differing cells (table, year, row, column,
expected, got), which is what is needed to find the rule that differs.
"""

import csv
from datetime import date, timedelta
from pathlib import Path
from typing import Any

import pandas as pd
import pytest
from django.db import transaction
from hypothesis import HealthCheck, Phase, given, settings
from hypothesis import strategies as st

from nrm.accounts.models import Organisation
from nrm.cases.referrals.importers import ImportOptions, referrals_import
from nrm.standard import codes
from nrm.statistics.engine import backend_connect, referrals_table, specs_evaluate
from nrm.statistics.extract import extract_table
from nrm.statistics.present import Presented, result_present
from nrm.statistics.specs import ALL
from tests.statistics.recompute import COUNTRIES, TABLES, frame, table

COMPARED: list[int] = []  # cells compared, per example (read by the summary test)
RESPONDERS = [t.value for t in codes.FirstResponderType]
_ENGLISH = sorted(codes.ENGLISH_REGIONS)
_PLACES = [  # (nation, police region of presentation), each valid together
    *(("england", r) for r in _ENGLISH),
    ("england", "isle_of_man"),
    ("isle_of_man", "isle_of_man"),
    ("isle_of_man", "not_recorded"),
    ("wales", "wales"),
    ("scotland", "scotland"),
    ("northern_ireland", "northern_ireland"),
    *((n.value, "not_recorded") for n in codes.Nation),
]
_SUBS = {
    t: [s.value for s in codes.ExploitationSubType if s.value.startswith(t + "_")]
    for t in ("labour", "sexual", "criminal")
}
# A few countries claimed often (so counts tie and rank), the rest now and then.
_COMMON = ["NGA", "VNM", "ALB", "CHN"]
_CODES = list(COUNTRIES)
_LEAP = [
    date(2012, 2, 29),
    date(2012, 2, 29),
    date(2012, 3, 1),
    date(2013, 2, 28),
    date(2011, 2, 28),
]
_DECIDED = ["positive", "negative", "suspended", "withdrawn"]


def _written(code: str, how: int) -> str:
    """A country as a CSV may give it: alpha-3 (0), alpha-2 (1) or its English name (2)."""
    return (code, *COUNTRIES[code])[how]


@st.composite
def referrals(draw: st.DrawFn) -> dict[str, Any]:
    """One valid referral, as its facts (``recompute.frame`` reads these)."""
    referred = draw(
        st.one_of(st.dates(date(2010, 1, 1), date(2013, 12, 31)), st.sampled_from(_LEAP))
    )
    nation, region = draw(st.sampled_from(_PLACES))
    kind = draw(st.sampled_from(["born", "estimated", "estimated", "group", "disputed"]))
    back = draw(st.one_of(st.integers(0, 3), st.integers(362, 368), st.integers(0, 1500)))
    eves = [date(referred.year - 1, 2, 28), date(referred.year - 1, 3, 1)]  # a birthday, or not
    start = draw(
        st.one_of(st.none(), st.just(referred - timedelta(days=back)), st.sampled_from(eves))
    )
    born = estimated = group = None
    if kind in ("born", "disputed"):
        born = draw(
            st.one_of(
                st.dates(referred - timedelta(days=45 * 365), referred - timedelta(days=8 * 365)),
                st.sampled_from([date(1992, 2, 29), date(1996, 2, 29), date(1994, 3, 1)]),
            )
        )
        born = min(born, referred - timedelta(days=1))
        if start is not None and start < born:
            start = born
    if kind in ("estimated",) or (kind == "disputed" and born is None):
        estimated = draw(st.one_of(st.integers(18, 19), st.integers(16, 20), st.integers(5, 60)))
    if kind == "group":  # the age group given decides, before an estimate given beside it
        group = draw(st.sampled_from(["adult", "minor"]))
        estimated = draw(st.one_of(st.none(), st.integers(10, 30)))
    etype = draw(st.sampled_from([t.value for t in codes.ExploitationType]))
    subs = (
        draw(st.lists(st.sampled_from(_SUBS[etype]), max_size=2, unique=True))
        if etype in _SUBS
        else []
    )
    where = draw(st.sampled_from([r.value for r in codes.ExploitationRegion]))
    country = None
    if where == "overseas" or (where == "multiple" and draw(st.booleans())):
        country = draw(st.sampled_from([c for c in _CODES if c != "GBR"]))
    claims = draw(st.lists(st.sampled_from(_COMMON + _CODES), min_size=1, max_size=3))
    how = draw(st.lists(st.integers(0, 2), min_size=len(claims), max_size=len(claims)))
    assessed = draw(
        st.one_of(st.none(), st.none(), st.sampled_from(claims), st.sampled_from(_CODES))
    )
    rg = draw(st.sampled_from(["pending", "pending", *_DECIDED, "positive", "positive"]))
    rg_date = None if rg == "pending" else referred + timedelta(days=draw(st.integers(0, 40)))
    cg = draw(st.sampled_from(["pending", *_DECIDED])) if rg == "positive" else "pending"
    cg_date = (
        None
        if cg == "pending" or rg_date is None
        else rg_date + timedelta(days=draw(st.integers(1, 200)))
    )
    return {
        "referral_date": referred,
        "nation": nation,
        "police_region": region,
        "date_of_birth": born,
        "estimated_age": estimated,
        "age_group": group,
        "age_disputed": kind == "disputed",
        "exploitation_start": start,
        "gender": draw(st.sampled_from([g.value for g in codes.Gender])),
        "claimed": [_written(c, h) for c, h in zip(claims, how, strict=True)],
        "assessed": None if assessed is None else _written(assessed, draw(st.integers(0, 2))),
        "certainty": None
        if assessed is None
        else draw(st.sampled_from(["possible", "confirmed", "suspected"])),
        "exploitation_type": etype,
        "exploitation_sub_types": subs,
        "exploitation_region": where,
        "exploitation_country": country,
        "competent_authority": draw(st.sampled_from([a.value for a in codes.CompetentAuthority])),
        "linked_immigration_interest": draw(st.booleans()),
        "responder_type": draw(st.sampled_from(RESPONDERS)),
        "rg_outcome": rg,
        "rg_date": rg_date,
        "cg_outcome": cg,
        "cg_date": cg_date,
    }


def _csv_row(p: dict[str, Any], number: int) -> dict[str, str]:
    def text(value: Any) -> str:
        return "" if value is None else str(value)

    return {
        "referral_date": p["referral_date"].isoformat(),
        "nation": p["nation"],
        "police_region": p["police_region"],
        "first_responder_organisation": f"fr-{p['responder_type']}",
        "consent": "yes",
        "linked_immigration_interest": "yes" if p["linked_immigration_interest"] else "no",
        "competent_authority": p["competent_authority"],
        "given_name": f"Person {number}",
        "family_name": "Fictional",
        "date_of_birth": text(p["date_of_birth"]),
        "estimated_age": text(p["estimated_age"]),
        "age_disputed": "yes" if p["age_disputed"] else "no",
        "age_group": text(p["age_group"]),
        "gender": p["gender"],
        "claimed_nationalities": ";".join(p["claimed"]),
        "assessed_nationality": text(p["assessed"]),
        "assessed_nationality_certainty": text(p["certainty"]),
        "exploitation_type": p["exploitation_type"],
        "exploitation_sub_types": ";".join(p["exploitation_sub_types"]),
        "exploitation_region": p["exploitation_region"],
        "exploitation_country": text(p["exploitation_country"]),
        "exploitation_start": text(p["exploitation_start"]),
        "rg_outcome": p["rg_outcome"],
        "rg_date": text(p["rg_date"]),
        "cg_outcome": p["cg_outcome"],
        "cg_date": text(p["cg_date"]),
    }


def _import(people: list[dict[str, Any]], path: Path) -> None:
    rows = [_csv_row(p, i) for i, p in enumerate(people)]
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=list(rows[0]))
        writer.writeheader()
        writer.writerows(rows)
    problems: list[str] = []
    result = referrals_import(
        ImportOptions(path=path, progress=False, on_error=lambda e: problems.append(str(e)))
    )
    assert result.saved == len(people), problems[:5]


Difference = tuple[str, int, tuple[str, ...], str, Any, Any]


def differences(got: Presented, year: int, people: pd.DataFrame) -> tuple[int, list[Difference]]:
    """Cells compared, and the cells where the report and the recomputation differ."""
    spec = got.result.spec
    header, rows = table(TABLES[spec.id], people, year)
    width = len(spec.rows)
    found: list[Difference] = []
    if got.header[width:] != header:
        found.append((spec.id, year, (), "header", header, got.header[width:]))
    expected = {tuple(r[:width]): r for r in rows}
    actual = {tuple(str(c) for c in r[:width]): r for r in got.rows}
    if list(expected) != list(actual):
        found.append((spec.id, year, (), "rows in order", list(expected), list(actual)))
    compared = 0
    for key, line in expected.items():
        shown = actual.get(key)
        for at, (name, value) in enumerate(zip(header, line[width:], strict=True)):
            compared += 1
            have = (
                "(row missing)" if shown is None or width + at >= len(shown) else shown[width + at]
            )
            if have != value:
                found.append((spec.id, year, key, name, value, have))
    return compared, found


def test_every_spec_is_recomputed() -> None:
    assert sorted(TABLES) == sorted(spec.id for spec in ALL)


@pytest.fixture
def first_responders(db: Any) -> None:
    for responder in RESPONDERS:
        Organisation.objects.get_or_create(
            code=f"fr-{responder}",
            defaults={"name": f"First responder {responder}", "responder_type": responder},
        )


class _Undo(Exception):
    pass


@pytest.mark.django_db
@settings(
    max_examples=25,
    deadline=None,
    phases=(Phase.explicit, Phase.generate),
    suppress_health_check=[
        HealthCheck.function_scoped_fixture,
        HealthCheck.too_slow,
        HealthCheck.data_too_large,
        HealthCheck.large_base_example,
    ],
)
@given(people=st.lists(referrals(), min_size=20, max_size=200))
def test_every_table_agrees_with_an_independent_recomputation(
    people: list[dict[str, Any]], first_responders: None, tmp_path: Path
) -> None:
    found: list[Difference] = []
    compared = 0
    con = backend_connect()
    try:
        with transaction.atomic():
            _import(people, tmp_path / "referrals.csv")
            extract = extract_table()
            raise _Undo
    except _Undo:
        pass
    referrals = referrals_table(con, extract)
    recounted = frame(people)
    for year in sorted({p["referral_date"].year for p in people}):
        for result in specs_evaluate(ALL, referrals, year=year):
            n, wrong = differences(result_present(result), year, recounted)
            compared += n
            found += wrong
    con.disconnect()
    COMPARED.append(compared)
    assert not found, "\n".join(
        f"{spec} {year} row {row} column {name!r}: expected {want!r:.300}, got {have!r:.300}"
        for spec, year, row, name, want, have in found[:15]
    )


@pytest.fixture(scope="module", autouse=True)
def _cells_compared() -> Any:
    """Says how many examples and cells were compared (shown with ``pytest -s`` or ``-rP``)."""
    yield
    if COMPARED:
        print(f"\nrecomputation: {len(COMPARED)} examples, {sum(COMPARED)} cells compared")
