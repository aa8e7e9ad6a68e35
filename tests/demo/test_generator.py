"""The demo referrals: valid, deterministic, and faithful to every published count."""

import copy
import time
from collections import Counter
from datetime import date, timedelta
from functools import cache
from typing import Any

import pytest

from nrm.demo import plan_2012, table9
from nrm.demo.generator import DEMO_TODAY, generate_records
from nrm.standard.codes import ADULT_AGE, HOME_OFFICE_RESPONDERS
from nrm.standard.nationality import nationality_key
from nrm.standard.organisations import seed_organisations
from nrm.standard.rules import age_on
from nrm.standard.validation import referral_validate
from nrm.statistics.engine import backend_connect, referrals_table
from nrm.statistics.published.known import FOUND, KNOWN, KNOWN_ASSESSMENT, KNOWN_JUSTICE
from nrm.statistics.published.table9 import PUBLISHED
from nrm.statistics.published.verifier import Verifier
from nrm.statistics.published.verify import verify, verify_lines
from nrm.statistics.records import RecordsInvalid, records_extract

Record = dict[str, Any]
YEARS = (2009, 2010, 2011, 2012)  # every year the published tables cover


@cache
def _records() -> tuple[Record, ...]:
    return tuple(generate_records())


def records() -> list[Record]:
    return copy.deepcopy(list(_records()))


def _day(value: str | None) -> date | None:
    return None if value is None else date.fromisoformat(value)


def _of_year(year: int) -> list[Record]:
    return [r for r in _records() if r["referral_date"].startswith(str(year))]


def _verify(records: list[Record], year: int) -> Verifier:
    """The statistics' verification of the published figures, run on the records' extract."""
    return verify(referrals_table(backend_connect(), records_extract(records)), year=year)


def _new(verifier: Verifier) -> list[str]:
    return [line for line in verify_lines(verifier) if line.startswith("[NEW]")]


@pytest.fixture(scope="module")
def verified() -> dict[int, Verifier]:
    table = records_extract(records())
    return {year: verify(referrals_table(backend_connect(), table), year=year) for year in YEARS}


def test_every_record_validates() -> None:
    for record in _records():
        result = referral_validate(record, today=DEMO_TODAY)
        assert result.ok, (record, result.errors)


def test_the_records_reproduce_every_published_figure_of_every_year(
    verified: dict[int, Verifier],
) -> None:
    for year, verifier in verified.items():
        assert verifier.checks, year
        assert _new(verifier) == [], year


def test_the_records_differ_from_the_publication_only_where_it_is_known_to_be_wrong(
    verified: dict[int, Verifier],
) -> None:
    def differ(year: int) -> set[tuple[str, str]]:
        return {(c.table, c.cell) for c in verified[year].discrepancies}

    assert differ(2009) == differ(2010) == set()
    assert differ(2011) == {
        *(key for key in KNOWN if key[0].startswith("Press release")),
        ("Table 1", "Northern Ireland 2011 % of total"),
        *FOUND,
    }
    assert differ(2012) == {
        key
        for key in KNOWN
        if not key[0].startswith("Press release")
        and key not in KNOWN_ASSESSMENT
        and key not in KNOWN_JUSTICE
    }
    romania = next(
        c
        for c in verified[2012].checks
        if (c.table, c.cell) == ("Table 25", "Romania 2009 position")
    )
    assert (romania.published, romania.computed) == ("8", "5-6 (tied)")


def test_generation_is_deterministic_and_fast() -> None:
    started = time.perf_counter()
    again = generate_records()
    assert time.perf_counter() - started < 10
    assert again == list(_records())


def test_totals_per_year_and_order() -> None:
    years = Counter(int(r["referral_date"][:4]) for r in _records())
    assert years == {2009: 535, 2010: 714, 2011: 946, 2012: 1186}
    dates = [r["referral_date"] for r in _records()]
    assert dates == sorted(dates)
    assert min(dates) >= "2009-04-01"


def test_ages_fit_the_age_group() -> None:
    for r in _records():
        born, referred = _day(r["date_of_birth"]), _day(r["referral_date"])
        assert born is not None and referred is not None
        start = _day(r["exploitation_start"]) or referred
        if r["age_group"] == "minor":
            assert age_on(born, start) < ADULT_AGE and age_on(born, referred) < ADULT_AGE, r
        else:
            assert age_on(born, start) >= ADULT_AGE and r["consent"] is True, r


def test_decisions_are_ordered_and_plausible() -> None:
    for r in _records():
        referred, rg, cg = _day(r["referral_date"]), _day(r["rg_date"]), _day(r["cg_date"])
        assert referred is not None
        if r["cg_outcome"] != "pending":
            assert r["rg_outcome"] == "positive" and rg is not None and cg is not None
            assert cg - rg >= timedelta(days=45) and cg <= DEMO_TODAY
        if rg is not None:
            assert referred <= rg <= DEMO_TODAY


def test_pending_decisions_are_the_latest() -> None:
    year = _of_year(2012)
    pending = [r["referral_date"] for r in year if r["rg_outcome"] == "pending"]
    decided = [r["referral_date"] for r in year if r["rg_outcome"] != "pending"]
    assert len(pending) == 44 and min(pending) > max(decided)
    positive = [r for r in year if r["rg_outcome"] == "positive"]
    waiting = [r["rg_date"] for r in positive if r["cg_outcome"] == "pending"]
    concluded = [r["rg_date"] for r in positive if r["cg_outcome"] != "pending"]
    assert len(waiting) == 105 and min(waiting) > max(concluded)


def test_first_responders_suit_the_record() -> None:
    seeds = {o.code: o for o in seed_organisations()}
    for r in _records():
        org = seeds[r["first_responder_organisation"]]
        if org.nation is not None and org.nation != r["nation"]:
            assert org.code == "isle-of-man-constabulary" and r["police_region"] == "isle_of_man"
        if org.type in HOME_OFFICE_RESPONDERS:
            assert r["linked_immigration_interest"] is True
        if org.type == "gla":
            assert r["exploitation_type"] == "labour" and r["age_group"] == "adult"


def test_competent_authority_follows_the_immigration_interest() -> None:
    for r in _of_year(2012):
        home_office = r["competent_authority"] in ("home_office", "home_office_ukhtc")
        assert r["linked_immigration_interest"] is home_office


def test_overseas_exploitation_names_a_foreign_country() -> None:
    for r in _records():
        if r["exploitation_region"] == "overseas":
            assert r["exploitation_country"] not in (None, "GBR")
        else:
            assert r["exploitation_country"] is None


def test_table9_published_cells_are_kept_and_filled_cells_listed() -> None:
    for row, cells in PUBLISHED:
        made = table9.row_cells(row.order)
        assert all(value in (None, mine) for value, mine in zip(cells, made, strict=True)), row
    filled = table9.filled_cells()
    assert len(filled) == sum(1 for _row, cells in PUBLISHED for value in cells if value is None)
    assert len(filled) == 343
    assert sum(value for *_rest, value in filled) == 208


def test_the_verification_reports_a_changed_record() -> None:
    changed = records()
    target = next(
        r for r in changed if r["referral_date"].startswith("2012") and r["nation"] == "wales"
    )
    target["nation"], target["police_region"] = "england", "not_recorded"
    differences = _new(_verify(changed, 2012))
    assert "[NEW] Table 1: Wales 2012: published 34, should be 33" in differences
    assert any(line.startswith("[NEW] Fig. 1: England") for line in differences)


def test_the_verification_reports_a_missing_record_and_an_invalid_one() -> None:
    fewer = records()[1:]
    assert any(line.startswith("[NEW] Table 22: 2009") for line in _new(_verify(fewer, 2009)))
    assert any(line.startswith("[NEW] Table 22: 2009") for line in _new(_verify(fewer, 2012)))
    broken = records()
    broken[0]["gender"] = "nonsense"
    with pytest.raises(RecordsInvalid, match="record 0: not a valid referral"):
        _verify(broken, 2012)


def test_2011_places_the_press_release_top_three_in_each_nation_but_england() -> None:
    by_nation: dict[str, Counter[str]] = {}
    for r in _of_year(2011):
        key = nationality_key(r["claimed_nationalities"], None, None)
        by_nation.setdefault(r["nation"], Counter())[key] += 1
    top = {nation: [k for k, _n in counted.most_common(4)] for nation, counted in by_nation.items()}
    assert top["wales"][:3] == ["Nigeria", "Uganda", "Vietnam"]
    assert top["scotland"][:3] == ["Romania", "Czech Republic", "Slovakia"]
    assert top["northern_ireland"][:3] == ["UK", "Ghana", "China"]
    assert top["england"][:3] == ["Nigeria", "Vietnam", "China"]
    for nation, counted in by_nation.items():  # strict: the fourth is below the third
        third, fourth = (counted[k] for k in top[nation][2:4])
        assert third > fourth, nation


def test_nigeria_peaks_in_the_third_quarter() -> None:
    quarters = Counter(
        (int(r["referral_date"][5:7]) - 1) // 3 + 1
        for r in _of_year(2012)
        if r["claimed_nationalities"] == ["NGA"] and r["assessed_nationality"] in (None, "NGA")
    )
    assert quarters[3] == plan_2012.NIGERIA_Q3 > 65
    assert quarters[3] == max(quarters.values())
