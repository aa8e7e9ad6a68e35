"""Counting rules every table follows: the Isle of Man is counted in England by UK country,
claimed nationalities count as a set, and a row with nothing counted in a year has no position."""

from collections.abc import Callable
from typing import Any

import ibis
import pyarrow as pa
import pytest

from nrm.accounts.models import Organisation, User
from nrm.cases.models import Nationality, Referral
from nrm.cases.referrals.services import referral_submit
from nrm.standard.codes import Nation, NationalityBasis
from nrm.statistics.engine import backend_connect, referrals_table, spec_evaluate
from nrm.statistics.extract import extract_table
from nrm.statistics.present import NO_POSITION, result_present
from nrm.statistics.records import records_extract
from nrm.statistics.specs import BY_ID

BY_UK_COUNTRY = ("t01", "fig01", "t07", "t08", "fig05")
MINOR = {"date_of_birth": "2000-03-04", "consent": None}


def _records(base: dict[str, Any], *changes: dict[str, Any]) -> ibis.Table:
    plain = {k: v for k, v in base.items() if k not in ("exploitation_start", "exploitation_end")}
    extract = records_extract([{**plain, **change} for change in changes])
    return referrals_table(backend_connect(), extract)


def _labels(spec_id: str, referrals: ibis.Table) -> set[str]:
    result = spec_evaluate(BY_ID[spec_id], referrals, year=2012)
    return {text for row in result.rows for text in row.labels} | set(result.column_labels)


def test_the_isle_of_man_is_counted_in_england_in_every_table_by_uk_country(
    valid_referral: dict[str, Any],
) -> None:
    isle = {"nation": "isle_of_man", "police_region": "isle_of_man"}
    referrals = _records(
        valid_referral,
        {"referral_date": "2011-05-02", **isle},
        {"referral_date": "2011-05-03"},
        {**isle, **MINOR},
        {},
        {"nation": "wales", "police_region": "wales", "exploitation_region": "wales"},
    )
    for spec_id in BY_UK_COUNTRY:
        assert str(Nation.ISLE_OF_MAN.label) not in _labels(spec_id, referrals), spec_id
    table1 = spec_evaluate(BY_ID["t01"], referrals, year=2012)
    england = table1.row(Nation.ENGLAND.value)
    assert england is not None and england.counts == [2, 2] and england.change == 0
    assert england.shares[-1] is not None and round(england.shares[-1]) == 67
    table8 = spec_evaluate(BY_ID["t08"], referrals, year=2012)
    assert table8.count((Nation.ENGLAND.value,), ("sexual",)) == 1
    police = spec_evaluate(BY_ID["t02"], referrals, year=2012)  # presentation keeps its region
    assert police.count(("isle_of_man",), (2012,)) == 1


def test_claims_given_twice_or_in_another_order_count_under_one_nationality(
    valid_referral: dict[str, Any],
) -> None:
    referrals = _records(
        valid_referral,
        {"claimed_nationalities": ["NGA", "NG"]},
        {"claimed_nationalities": ["NGA"]},
        {"claimed_nationalities": ["GBR", "NGA"], **MINOR},
        {"claimed_nationalities": ["NGA", "GB"], **MINOR},
    )
    table6 = spec_evaluate(BY_ID["t06"], referrals, year=2012)
    assert [(row.key, row.counts[-1]) for row in table6.rows] == [
        (("Nigeria",), 2),
        (("Nigeria/UK (claimed)",), 2),
    ]
    table9 = spec_evaluate(BY_ID["t09"], referrals, year=2012)
    assert [row.key for row in table9.rows if not row.is_total] == [("Nigeria/UK (claimed)",)]


@pytest.mark.django_db
def test_stored_claims_given_twice_or_in_another_order_count_under_one_nationality(
    make_user: Callable[..., User], organisation: Organisation, valid_referral: dict[str, Any]
) -> None:
    """Records stored before claims were counted as a set still count right."""
    officer = make_user("officer", organisation)
    for claims in (["NGA"], ["GBR", "NGA"], ["NGA", "GBR"]):
        data = {**valid_referral, "claimed_nationalities": claims}
        referral_submit(actor=officer, data=data, organisation=organisation)
    first = Referral.objects.order_by("id").first()
    Nationality.objects.create(referral=first, country="NGA", basis=NationalityBasis.CLAIMED,
                               position=1)  # fmt: skip
    assert sorted(extract_table().column("nationality").to_pylist()) == [
        "Nigeria",
        "Nigeria/UK (claimed)",
        "Nigeria/UK (claimed)",
    ]


@pytest.mark.django_db
def test_a_stored_referral_from_the_isle_of_man_is_extracted_in_england(
    make_user: Callable[..., User], organisation: Organisation, valid_referral: dict[str, Any]
) -> None:
    officer = make_user("officer", organisation)
    data = {**valid_referral, "nation": "isle_of_man", "police_region": "isle_of_man"}
    referral_submit(actor=officer, data=data, organisation=organisation)
    row = extract_table().to_pylist()[0]
    assert (row["nation"], row["police_region"]) == ("england", "isle_of_man")


def _years(*counts: tuple[int, str]) -> ibis.Table:
    rows = [
        {"pseudonym": f"{year}-{who}-{i}", "source": "nrm", "referral_year": year,
         "referral_quarter": 1, "age_group": age, "nationality": who}
        for year, who, age, n in counts for i in range(n)
    ]  # fmt: skip
    return referrals_table(backend_connect(), pa.Table.from_pylist(rows))


def test_a_row_with_nothing_counted_in_a_year_has_no_position() -> None:
    """2011's four years begin with 2008, before the NRM: nobody has a position in it."""
    referrals = _years((2009, "Nigeria", "adult", 3), (2010, "China", "adult", 2),
                       (2011, "Nigeria", "adult", 1), (2010, "Vietnam", "minor", 4))  # fmt: skip
    table23 = spec_evaluate(BY_ID["t23"], referrals, year=2011)
    assert [(row.key, row.positions) for row in table23.rows] == [
        (("Nigeria",), [None, 1, None, 1]),
        (("China",), [None, None, 1, None]),
    ]
    shown = result_present(table23, None).rows
    assert shown[0][-5:] == [NO_POSITION, 1, NO_POSITION, 1, 1]
    table25 = spec_evaluate(BY_ID["t25"], referrals, year=2011)
    assert [row.positions for row in table25.rows] == [[None, None, 1, None]]


def test_a_top_list_never_lists_a_row_with_nothing_counted_in_its_year() -> None:
    referrals = _years((2011, "Albania", "adult", 5), (2012, "Nigeria", "adult", 1))
    table6 = spec_evaluate(BY_ID["t06"], referrals, year=2012)
    assert [(row.key, row.rank, row.positions) for row in table6.rows] == [
        (("Nigeria",), 1, [None, 1]),
    ]
