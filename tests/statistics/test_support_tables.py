"""Table 19 (chapter 5): the Salvation Army's referrals by region over its contract year, counted
on the support extract, and its verification against the published table."""

from collections.abc import Callable
from datetime import date, datetime
from typing import Any

import pytest
from django.utils import timezone

from nrm.accounts.models import User
from nrm.cases.models import Referral
from nrm.standard.codes import SupportRegion
from nrm.statistics import sections as sections_module
from nrm.statistics.present import result_present
from nrm.statistics.published.chapter5 import checker
from nrm.statistics.published.verifier import Verifier
from nrm.statistics.published.verify import verify_lines
from nrm.statistics.sections import Section, section_register, sections
from nrm.statistics.specs.model import period_label
from nrm.statistics.support_extract import (
    support_extract_rows,
    support_extract_table,
    support_tables,
    support_year,
)
from nrm.support.services import support_referral_create
from tests.support.conftest import (  # noqa: F401 (fixtures)
    SCOTLAND,
    caseworker,
    providers,
    refer,
)

PUBLISHED = {
    "east": 15,
    "east_midlands": 17,
    "north_east": 24,
    "north_west": 64,
    "not_known": 14,
    "south": 50,
    "south_east": 301,
    "south_west": 17,
    "wales": 25,
    "west_midlands": 102,
    "yorkshire": 117,
}


def _t19b(rows: list[tuple[date, str]], year: int = 2012) -> Any:
    (result,) = support_tables(year, support_extract_rows(rows))
    return result


@pytest.mark.parametrize(
    ("day", "year"),
    [
        (date(2012, 6, 30), 2011),
        (date(2012, 7, 1), 2012),
        (date(2012, 12, 31), 2012),
        (date(2013, 1, 1), 2012),
        (date(2013, 6, 30), 2012),
        (date(2013, 7, 1), 2013),
    ],
)
def test_the_contract_year_runs_from_1_july_to_30_june(day: date, year: int) -> None:
    assert support_year(day) == year


def test_the_year_is_written_as_its_dates() -> None:
    assert period_label("support_year", 2012) == "1 July 2012 to 30 June 2013"


def test_the_table_counts_each_region_of_the_year_and_its_total() -> None:
    rows = [
        (date(2012, 6, 30), "south_east"),  # the year before
        (date(2012, 7, 1), "south_east"),
        (date(2012, 9, 3), "south_east"),
        (date(2013, 2, 1), "yorkshire"),
        (date(2013, 6, 30), "wales"),
        (date(2013, 7, 1), "wales"),  # the year after
        (date(2012, 8, 1), ""),  # not recorded: not known
        (date(2012, 8, 2), "not_known"),
    ]
    result = _t19b(rows)
    assert result.spec.number == "Table 19 (chapter 5)"
    counts = {row.key[0]: row.total for row in result.rows if not row.is_total}
    assert counts == {"south_east": 2, "yorkshire": 1, "wales": 1, "not_known": 2}
    assert [row.labels[0] for row in result.rows] == [
        "South East",
        "Wales",
        "Yorkshire",
        "Not known",
        "Total",
    ]
    total = result.total()
    assert total is not None and total.total == 6
    assert _t19b(rows, 2011).total().total == 1  # type: ignore[union-attr]


def test_the_table_says_what_it_counts_and_when() -> None:
    described, note = result_present(_t19b([(date(2012, 7, 1), "east")])).notes
    assert described.startswith("Referrals to the Salvation Army for support in 1 July 2012 to "
                                "30 June 2013 counted by support region")  # fmt: skip
    assert "1 July to 30 June" in note
    assert "not known where none was recorded" in note


def _verifier(rows: list[tuple[date, str]]) -> Verifier:
    verifier = Verifier(None, year=2012, reference=None)  # type: ignore[arg-type]
    checker(support_tables(2012, support_extract_rows(rows)))(verifier)
    return verifier


def _published_rows() -> list[tuple[date, str]]:
    return [(date(2012, 7, 1), region) for region, n in PUBLISHED.items() for _ in range(n)]


def test_the_published_table_is_checked_cell_by_cell_and_para_5_23() -> None:
    verifier = _verifier(_published_rows())
    assert len(verifier.checks) == 13
    assert verifier.discrepancies == []


def test_a_referral_in_another_region_is_reported() -> None:
    rows = _published_rows()
    rows[-1] = (date(2012, 7, 1), "south")  # a Yorkshire referral recorded in the South
    lines = verify_lines(_verifier(rows))
    assert "[NEW] Table 19 (chapter 5): Yorkshire: published 117, should be 116" in lines
    assert "[NEW] Table 19 (chapter 5): South: published 50, should be 51" in lines


def test_a_referral_outside_the_year_is_reported() -> None:
    rows = _published_rows()
    rows[0] = (date(2013, 7, 1), rows[0][1])
    lines = verify_lines(_verifier(rows))
    assert "[NEW] Table 19 (chapter 5): Total: published 746, should be 745" in lines
    assert any(line.startswith("[NEW] Text: para 5.23") for line in lines)


def test_the_statistics_register_the_support_section() -> None:
    assert "support" in {section.id for section in sections()}


@pytest.mark.django_db
def test_the_extract_holds_the_salvation_armys_referrals_only(
    refer: Callable[..., Referral],  # noqa: F811
    caseworker: User,  # noqa: F811
) -> None:
    at = timezone.make_aware(datetime(2012, 7, 1, 9))
    support_referral_create(
        referral=refer(), actor=caseworker, at=at, region=SupportRegion.WEST_MIDLANDS
    )
    support_referral_create(referral=refer(), actor=caseworker, at=at)
    support_referral_create(referral=refer(**SCOTLAND), actor=caseworker, at=at)  # TARA
    extract = support_extract_table()
    assert extract.schema.names == ["support_region", "support_year"]
    assert sorted(extract.column("support_region").to_pylist()) == ["not_known", "west_midlands"]
    assert extract.column("support_year").to_pylist() == [2012, 2012]


def test_sections_come_after_those_they_name_whatever_the_registration_order(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    registered: dict[str, Section] = {}
    monkeypatch.setattr(sections_module, "_SECTIONS", registered)

    def none(year: int) -> list[Any]:
        return []

    section_register(Section(id="support", title="5", evaluate=none, after=("justice",)))
    section_register(Section(id="justice", title="4", evaluate=none))
    section_register(Section(id="other", title="", evaluate=none, after=("missing",)))
    assert [s.id for s in sections()] == ["justice", "support", "other"]
