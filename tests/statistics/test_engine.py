"""The engine evaluates any declared spec: counts, totals, shares, % changes, rankings."""

from collections import Counter
from fractions import Fraction
from typing import Any

import ibis
import pyarrow as pa
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from nrm.statistics.columns import SCHEMA
from nrm.statistics.engine import UNKNOWN_BACKEND, backend_connect, referrals_table, spec_evaluate
from nrm.statistics.specs import ALL, BY_ID
from nrm.statistics.specs.model import Spec


def _rows(*people: tuple[int, str, str]) -> pa.Table:
    """(year, nation, nationality) for each referral; every other column a fixed code."""
    base: dict[str, Any] = {name: None for name in SCHEMA.names}
    base.update(
        source="nrm",
        referral_quarter=1,
        age_group="adult",
        gender="female",
        linked_immigration_interest=False,
        rg_outcome="pending",
        cg_outcome="pending",
    )
    records = [
        {**base, "pseudonym": str(i), "referral_year": year, "nation": nation, "nationality": who}
        for i, (year, nation, who) in enumerate(people)
    ]
    return pa.Table.from_pylist(records, schema=SCHEMA)


@pytest.fixture
def small() -> ibis.Table:
    people = (
        [(2011, "england", "Nigeria")] * 4
        + [(2012, "england", "Nigeria")] * 6
        + [(2012, "wales", "Vietnam")] * 3
        + [(2012, "wales", "Albania")] * 3
        + [(2012, "scotland", "China")] * 1
    )
    return referrals_table(backend_connect(), _rows(*people))


def test_counts_totals_shares_and_change_by_year(small: ibis.Table) -> None:
    spec = Spec(id="x", number="Table X", title="By nation", rows=("nation",),
                columns=("referral_year",), years=(-1, 0), total_row=True, share=True,
                change=True)  # fmt: skip
    result = spec_evaluate(spec, small, year=2012)
    england = result.row("england")
    assert england is not None
    assert england.counts == [4, 6]
    assert england.change == Fraction(50)
    assert england.shares == [Fraction(100), Fraction(600, 13)]
    wales = result.row("wales")
    assert wales is not None and wales.change is None  # from zero: undefined
    total = result.total()
    assert total is not None and total.counts == [4, 13]


def test_a_top_n_keeps_ties_and_ranks_them_alike(small: ibis.Table) -> None:
    spec = Spec(id="x", number="Table X", title="Top", rows=("nationality",), top=2)
    result = spec_evaluate(spec, small, year=2012)
    assert [(r.key[0], r.rank) for r in result.rows] == [
        ("Nigeria", 1),
        ("Albania", 2),
        ("Vietnam", 2),
    ]


def test_a_top_n_within_a_dimension_ranks_inside_each_group(small: ibis.Table) -> None:
    spec = Spec(id="x", number="Table X", title="Top", rows=("nation", "nationality"), top=1,
                top_within="nation")  # fmt: skip
    result = spec_evaluate(spec, small, year=2012)
    assert {r.key for r in result.rows} == {
        ("england", "Nigeria"),
        ("wales", "Albania"),
        ("wales", "Vietnam"),
        ("scotland", "China"),
    }


def test_filters_keep_only_the_codes_given(small: ibis.Table) -> None:
    spec = Spec(id="x", number="Table X", title="Wales", rows=("nationality",),
                where=(("nation", ("wales",)),), total_row=True)  # fmt: skip
    total = spec_evaluate(spec, small, year=2012).total()
    assert total is not None and total.total == 6


@pytest.mark.django_db
def test_every_declared_spec_has_a_unique_id_and_evaluates_on_the_demo(
    demo_referrals: ibis.Table,
) -> None:
    assert len(BY_ID) == len(ALL)
    for spec in ALL:
        result = spec_evaluate(spec, demo_referrals, year=2012)
        assert result.rows, spec.id


def test_an_unknown_backend_is_refused() -> None:
    with pytest.raises(ValueError) as raised:
        backend_connect("oracle")
    assert str(raised.value) == UNKNOWN_BACKEND.format(name="oracle")


people = st.lists(
    st.tuples(
        st.sampled_from([2011, 2012]),
        st.sampled_from(["england", "wales", "scotland"]),
        st.sampled_from(["Nigeria", "Vietnam", "Albania", "China"]),
    ),
    min_size=1,
    max_size=40,
)


_CON = backend_connect()
_BY_YEAR = Spec(id="x", number="Table X", title="T", rows=("nationality",),
                columns=("referral_year",), years=(-1, 0), total_row=True,
                positions=True)  # fmt: skip


@settings(max_examples=30)
@given(people=people)
def test_counts_totals_and_ranks_agree_with_plain_counting(
    people: list[tuple[int, str, str]],
) -> None:
    table = referrals_table(_CON, _rows(*people))
    spec = _BY_YEAR
    result = spec_evaluate(spec, table, year=2012)
    counted = Counter((who, year) for year, _nation, who in people)
    for row in result.rows:
        if row.is_total:
            assert row.counts == [sum(1 for p in people if p[0] == y) for y in (2011, 2012)]
            continue
        assert row.counts == [counted[(row.key[0], 2011)], counted[(row.key[0], 2012)]]
        for at, year in enumerate((2011, 2012)):
            larger = {who for (who, y), n in counted.items() if y == year and n > row.counts[at]}
            expected = 1 + len(larger) if row.counts[at] else None  # nothing counted: N/A
            assert row.positions[at] == expected
    assert sum(r.total for r in result.rows if not r.is_total) == len(people)


def test_a_spec_on_another_extract_reads_the_years_from_its_own_column() -> None:
    rows = [{"year": y, "kind": k} for y, k in ((2011, "a"), (2012, "a"), (2012, "b"))]
    table = referrals_table(backend_connect(), pa.Table.from_pylist(rows), name="other")
    spec = Spec(id="x", number="X", title="X", rows=("kind",), year_column="year", total_row=True)
    result = spec_evaluate(spec, table, year=2012)
    assert [(r.labels[0], r.counts) for r in result.rows] == [
        ("a", [1]),
        ("b", [1]),
        ("Total", [2]),
    ]
