"""The demo referrals: valid, deterministic, and faithful to every published count."""

import copy
import csv
import time
from collections import Counter
from datetime import date, timedelta
from functools import cache
from typing import Any

from nrm.demo import plan_2012, table9
from nrm.demo.counting import REFERENCE_DIR, code, position_range
from nrm.demo.generator import DEMO_TODAY, generate_records
from nrm.demo.published import KNOWN_UNREPRODUCIBLE, compare_with_reference
from nrm.standard.codes import ADULT_AGE, HOME_OFFICE_RESPONDERS, ExploitationType
from nrm.standard.nationality import nationality_key
from nrm.standard.organisations import seed_organisations
from nrm.standard.rules import age_on
from nrm.standard.validation import referral_validate

Record = dict[str, Any]


@cache
def _records() -> tuple[Record, ...]:
    return tuple(generate_records())


def records() -> list[Record]:
    return copy.deepcopy(list(_records()))


def _day(value: str | None) -> date | None:
    return None if value is None else date.fromisoformat(value)


def _of_year(year: int) -> list[Record]:
    return [r for r in _records() if r["referral_date"].startswith(str(year))]


def test_every_record_validates() -> None:
    for record in _records():
        result = referral_validate(record, today=DEMO_TODAY)
        assert result.ok, (record, result.errors)


def test_the_records_reproduce_every_published_count() -> None:
    assert compare_with_reference(records()) == []


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
    name = "t09_minors_by_nationality_gender_exploitation_2012.csv"
    with (REFERENCE_DIR / name).open(encoding="utf-8", newline="") as f:
        lines = list(csv.DictReader(f))
    index = {cell: i for i, cell in enumerate(table9.CELLS)}
    for line in lines:
        row, cells = table9.PUBLISHED[int(line["row_order"]) - 1]
        assert row.label == line["nationality"]
        etype = code(ExploitationType, line["exploitation_type"])
        value = cells[index[(etype, line["gender"].lower())]]
        assert value == (None if line["status"] == "uncertain" else int(line["minors_2012"]))
    filled = table9.filled_cells()
    assert len(filled) == sum(1 for line in lines if line["status"] == "uncertain") == 343
    assert sum(value for *_rest, value in filled) == 208


def test_table9_rows_map_to_distinct_nationality_keys() -> None:
    mapping = table9.row_key_mapping()
    assert len({key for _order, _label, key in mapping}) == 47
    composite = {
        order: key for order, _label, key in mapping if order in (20, 40, 41, 42, 44, 46, 47)
    }
    plain = {nationality_key([c], None, None) for c in ("GBR", "CHN", "GMB", "GHA", "SOM")}
    assert not set(composite.values()) & plain
    assert composite[40] == "China (claimed) Unknown (assessed)"


def test_the_checker_reports_a_changed_record() -> None:
    changed = records()
    target = next(
        r for r in changed if r["referral_date"].startswith("2012") and r["nation"] == "wales"
    )
    target["nation"], target["police_region"] = "england", "not_recorded"
    differences = compare_with_reference(changed)
    assert "Table 1: 2012 Wales: expected 34, counted 33" in differences
    assert any(line.startswith("Fig. 1: England") for line in differences)


def test_the_checker_reports_a_missing_record_and_an_invalid_one() -> None:
    fewer = records()[1:]
    assert any(line.startswith("Table 22: 2009") for line in compare_with_reference(fewer))
    broken = records()
    broken[0]["gender"] = "nonsense"
    assert compare_with_reference(broken)[0].startswith("record 0: not a valid referral")


def test_known_unreproducible_positions_are_the_documented_ones() -> None:
    assert set(KNOWN_UNREPRODUCIBLE) == {
        ("Table 25", 2009, "Romania"),
        ("Press release note 5", 2011, "england China above Vietnam"),
    }
    minors_2009 = Counter(
        nationality_key(
            r["claimed_nationalities"],
            r["assessed_nationality"],
            r["assessed_nationality_certainty"],
        )
        for r in _of_year(2009)
        if r["age_group"] == "minor"
    )
    assert position_range(minors_2009, "Romania") == (5, 6)


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
