"""The OCG tables (paras 2.4-2.7): the extracts and the declared specs, counted exactly on a
small set of groups, and evaluated for a year from the register and the referrals."""

from collections.abc import Callable
from datetime import date
from fractions import Fraction
from typing import Any

import pytest

from nrm.accounts.actors import OPERATOR
from nrm.accounts.models import Organisation, User
from nrm.audit.models import AuditEvent, AuditVerb
from nrm.cases.referrals.services import referral_submit
from nrm.intelligence.graph import Node
from nrm.intelligence.ocg_specs import ANOTHER_NATIONALITY, ANY_TRAFFICKING, NOT_ONE_COUNTRY
from nrm.intelligence.ocg_tables import (
    nationality_label,
    ocg_extracts,
    ocg_tables_evaluate,
    ocg_tables_from,
)
from nrm.intelligence.ocgs import Ocg, OcgMention
from nrm.intelligence.services import intelligence_report_submit
from nrm.statistics.result import Result

from .ocg_fixtures import ocg_report

NIGERIA, ALBANIA = nationality_label("NGA"), nationality_label("ALB")
SOURCES = [NIGERIA, ALBANIA]


def _group(name: str, nationality: str, activities: str, members: int, year: int = 2012) -> Ocg:
    person = Node("person:x", "person", "Sample Person", "", (1,), ("INT-1",))
    mention = OcgMention(1, "INT-1", date(year, 6, 1), "2B")
    return Ocg(
        key=name, node=f"ocg:{name}", name=name, nationality=nationality,
        activities=tuple(activities.split()), members=[person] * members, victims=[],
        locations=[], mentions=(mention,), reports=("INT-1",),
    )  # fmt: skip


GROUPS = [
    _group("a", "NGA", "trafficking_sexual immigration_crime violence", 6),
    _group("b", "NGA", "trafficking_labour money_laundering", 5),
    _group("c", "ALB", "trafficking_sexual trafficking_labour violence", 2),
    _group("d", "mixed", "trafficking_sexual sexual_offences", 1),
    _group("e", "unknown", "trafficking_criminal drugs", 0),
    _group("f", "not_recorded", "trafficking_sexual", 0),
    _group("g", "POL", "trafficking_labour", 3),
    _group("h", "NGA", "drugs", 4),  # not linked to trafficking
    _group("i", "mixed", "trafficking_sexual", 2, year=2011),  # not named in 2012
]


@pytest.fixture
def results() -> dict[str, Result]:
    extracts = ocg_extracts(GROUPS, year=2012, sources=SOURCES)
    found = ocg_tables_from(extracts, year=2012, sources=SOURCES)
    return {result.spec.id: result for result in found}


def test_the_extracts_hold_coded_values_and_no_names() -> None:
    extracts = ocg_extracts(GROUPS, year=2012, sources=SOURCES)
    assert extracts.groups.num_rows == 8 and extracts.members.num_rows == 21
    columns = {c for t in (extracts.groups, extracts.members, extracts.pairs)
               for c in t.column_names}  # fmt: skip
    assert columns == {"ocg_year", "nationality", "nationality_known", "nationality_group",
                       "size", "trafficking", "ocg_trafficking", "ocg_activity"}  # fmt: skip
    assert "Sample Person" not in str(extracts.groups.to_pylist() + extracts.pairs.to_pylist())


def test_groups_linked_to_trafficking_by_predominant_nationality(
    results: dict[str, Result],
) -> None:
    table = results["ocg-nationality"]
    assert [r.labels[0] for r in table.rows] == [
        ALBANIA, "Mixed", NIGERIA, "Not recorded", nationality_label("POL"), "Unknown", "Total"
    ]  # fmt: skip
    assert table.count((NIGERIA,)) == 2
    nigeria, total = table.row(NIGERIA), table.total()
    assert nigeria is not None and nigeria.shares == [Fraction(200, 7)]
    assert total is not None and total.counts == [7]


def test_the_share_of_groups_whose_nationality_is_unknown_or_mixed(
    results: dict[str, Result],
) -> None:
    table = results["ocg-unknown"]
    unknown = table.row(NOT_ONE_COUNTRY)
    assert unknown is not None and unknown.counts == [3] and unknown.shares == [Fraction(300, 7)]
    assert table.count(("One nationality",)) == 4


def test_groups_of_the_top_source_countries_nationalities_by_size(
    results: dict[str, Result],
) -> None:
    table = results["ocg-sources"]
    assert table.column_labels == ["1 member", "2 to 4 members", "5 or more members", "None known"]
    assert [(r.labels[0], r.counts) for r in table.rows] == [
        (NIGERIA, [0, 0, 2, 0]),
        (ALBANIA, [0, 1, 0, 0]),
        (ANOTHER_NATIONALITY, [0, 1, 0, 0]),
        (NOT_ONE_COUNTRY, [1, 0, 0, 2]),
        ("Total", [1, 2, 2, 2]),
    ]
    members = results["ocg-members"]
    assert [(r.labels[0], r.counts[0]) for r in members.rows] == [
        (NIGERIA, 11), (ALBANIA, 2), (ANOTHER_NATIONALITY, 3), (NOT_ONE_COUNTRY, 1), ("Total", 17)
    ]  # fmt: skip


def test_what_groups_linked_to_trafficking_are_also_linked_to(results: dict[str, Result]) -> None:
    table = results["ocg-activities"]
    assert table.column_keys == [("trafficking_sexual",), ("trafficking_labour",),
                                 ("trafficking_criminal",), (ANY_TRAFFICKING,)]  # fmt: skip
    assert table.column_labels[0] == "Trafficking for sexual exploitation"
    assert {r.key[0]: r.counts for r in table.rows} == {
        "trafficking_sexual": [0, 1, 0, 0],
        "trafficking_labour": [1, 0, 0, 0],
        "immigration_crime": [1, 0, 0, 1],
        "sexual_offences": [1, 0, 0, 1],
        "violence": [2, 1, 0, 2],
        "money_laundering": [0, 1, 0, 1],
        "drugs": [0, 0, 1, 1],
    }
    assert [r.labels[0] for r in table.rows][:3] == [
        "Trafficking for sexual exploitation", "Trafficking for labour exploitation",
        "Immigration crime",
    ]  # fmt: skip


def test_a_year_without_groups_gives_empty_tables() -> None:
    extracts = ocg_extracts([], year=2012, sources=SOURCES)
    found = ocg_tables_from(extracts, year=2012, sources=SOURCES)
    assert [[r for r in result.rows if not r.is_total] for result in found] == [[]] * 5


pytestmark = pytest.mark.django_db


def test_the_tables_of_a_year_count_the_groups_seen_with_the_years_top_source_countries(
    analyst: User,
    officer: User,
    make_user: Callable[..., User],
    organisation: Organisation,
    valid_referral: dict[str, Any],
    valid_intelligence_report: dict[str, Any],
) -> None:
    responder = make_user("responder", organisation)
    for nationality in ("NGA", "NGA", "VNM"):
        data = {**valid_referral, "claimed_nationalities": [nationality]}
        referral_submit(actor=responder, data=data, organisation=organisation)
    base = valid_intelligence_report
    for data in (
        ocg_report(base, "Demo Ring", nationality="NGA", members=5,
                   activities=("trafficking_sexual", "violence")),
        ocg_report(base, "Demo Crew", nationality="mixed", activities=("trafficking_labour",)),
        ocg_report(base, "Demo Gang", nationality="unknown", received="2013-01-02",
                   activities=("trafficking_labour",)),
    ):  # fmt: skip
        intelligence_report_submit(actor=officer, data=data, organisation=organisation)
    found = {r.spec.id: r for r in ocg_tables_evaluate(year=2012, actor=analyst)}
    assert found["ocg-sources"].count((NIGERIA,), ("5 or more members",)) == 1
    assert [r.labels[0] for r in found["ocg-sources"].rows] == [NIGERIA, NOT_ONE_COUNTRY, "Total"]
    assert found["ocg-unknown"].count((NOT_ONE_COUNTRY,)) == 1  # the 2013 group is not counted
    event = AuditEvent.objects.filter(verb=AuditVerb.INTELLIGENCE_READ).latest("id")
    assert event.detail["ocg_tables"] == 2012 and event.detail["groups"] == 2
    assert len(ocg_tables_evaluate(year=2012, actor=OPERATOR)) == 5  # the command line
