"""One validation of prosecutions and asset recovery for every door: each rule refuses with
its message, naming the field as people read it, and the field as machines read it."""

from datetime import date
from typing import Any

import pytest

from nrm.standard import justice_rules as jr
from nrm.standard.justice_validation import (
    BAD_CASE_REFERENCE,
    NO_CHARGES,
    NO_DEFENDANTS,
    TOO_MANY_DEFENDANTS,
    prosecution_validate,
    recovery_validate,
)

CHARGE = "offence 1 of defendant 1"


def _prosecution(**charge: Any) -> dict[str, Any]:
    return {
        "authority": "cps",
        "case_reference": "01AB1234512",
        "court_nation": "england",
        "defendants": [
            {"name": "Sample Defendo", "charges": [
                {"offence": "soa2003_s57_59", "charged_on": "2011-06-01", **charge}]}
        ],
    }  # fmt: skip


def _errors(data: dict[str, Any]) -> list[tuple[str, str, str]]:
    checked = prosecution_validate(data, today=date(2013, 1, 1))
    return [(e.field, e.code, e.message) for e in checked.errors]


def test_a_valid_prosecution_passes_with_codes_or_labels_and_nulls_not_given() -> None:
    data = _prosecution(
        outcome="Convicted",
        outcome_on="10/02/2012",
        sentence="Immediate custody",
        custody_months=48,
        fine_pence=None,
    )
    data["authority"] = "Crown Prosecution Service"
    data["court"] = ""
    data["defendants"][0]["gender"] = None
    checked = prosecution_validate(data, today=date(2013, 1, 1))
    assert checked.ok, checked.errors
    assert checked.record is not None
    charge = checked.record.defendants[0].charges[0]
    assert (checked.record.authority, charge.outcome_on) == ("cps", date(2012, 2, 10))


@pytest.mark.parametrize(
    ("charge", "field", "code", "message"),
    [
        ({"outcome": "convicted"}, "outcome_on", "missing",
         jr.OUTCOME_NEEDS_DATE.format(charge=CHARGE)),
        ({"outcome_on": "2012-01-01"}, "outcome_on", "date_not_allowed",
         jr.ONGOING_HAS_NO_DATE.format(charge=CHARGE)),
        ({"outcome": "acquitted", "outcome_on": "2011-05-31"}, "outcome_on",
         "outcome_before_charge",
         jr.OUTCOME_BEFORE_CHARGE.format(charge=CHARGE, charged="1 June 2011")),
        ({"outcome": "acquitted", "outcome_on": "2012-01-01", "sentence": "fine",
          "fine_pence": 100}, "sentence", "not_allowed",
         jr.SENTENCE_ONLY_ON_CONVICTION.format(charge=CHARGE)),
        ({"outcome": "convicted", "outcome_on": "2012-01-01", "sentence": "community",
          "custody_months": 3}, "custody_months", "not_allowed",
         jr.MONTHS_ONLY_FOR_CUSTODY.format(charge=CHARGE)),
        ({"outcome": "convicted", "outcome_on": "2012-01-01", "sentence": "suspended_custody"},
         "custody_months", "missing", jr.MONTHS_FOR_CUSTODY.format(charge=CHARGE)),
        ({"outcome": "convicted", "outcome_on": "2012-01-01", "sentence": "discharge",
          "fine_pence": 100}, "fine_pence", "not_allowed",
         jr.FINE_ONLY_FOR_FINE.format(charge=CHARGE)),
        ({"outcome": "convicted", "outcome_on": "2012-01-01", "sentence": "fine"},
         "fine_pence", "missing", jr.FINE_AMOUNT.format(charge=CHARGE)),
    ],
)  # fmt: skip
def test_each_rule_of_an_offence_charged_refuses_with_its_message(
    charge: dict[str, Any], field: str, code: str, message: str
) -> None:
    assert _errors(_prosecution(**charge)) == [(f"defendants[0].charges[0].{field}", code, message)]


def test_the_court_must_be_the_authoritys_and_the_offence_its_nations() -> None:
    data = _prosecution()
    data["court_nation"] = "scotland"
    assert _errors(data) == [
        ("court_nation", "wrong_court", jr.WRONG_COURT.format(
            authority="Crown Prosecution Service", nation="Scotland",
            allowed="England or Wales")),
        ("defendants[0].charges[0].offence", "offence_not_in_nation",
         jr.OFFENCE_NOT_THERE.format(
             Offence="Trafficking for sexual exploitation (Sexual Offences Act 2003, sections "
                     "57 to 59)", charge=CHARGE, nation="Scotland")),
    ]  # fmt: skip


def test_a_victim_given_twice_is_refused_on_the_second() -> None:
    data = {**_prosecution(), "victim_references": ["NRM-2012-000001", "NRM-2012-000001"]}
    assert _errors(data) == [
        ("victim_references[1]", "duplicate",
         jr.SAME_VICTIM_TWICE.format(victim="the NRM reference of victim 2")),
    ]  # fmt: skip


def test_parse_errors_name_nested_fields_as_people_read_them() -> None:
    data = _prosecution(outcome="guilty-ish", custody_months="three")
    data["defendants"].append({"name": "", "charges": []})
    data["case_reference"] = "01 AB"
    found = {field: (code, message) for field, code, message in _errors(data)}
    assert found["case_reference"] == (
        "string_pattern_mismatch",
        BAD_CASE_REFERENCE.format(Name="The case reference"),
    )
    code, message = found["defendants[0].charges[0].outcome"]
    assert code == "unknown_code" and message.startswith(f"Select the outcome of {CHARGE}.")
    assert found["defendants[0].charges[0].custody_months"][1] == (
        f"The months in custody for {CHARGE} must be a whole number, like 34"
    )
    assert found["defendants[1].name"] == ("missing", "Enter the name of defendant 2")
    assert found["defendants[1].charges"] == (
        "too_short",
        NO_CHARGES.format(defendant="defendant 2"),
    )
    for _, message in found.values():
        assert "_" not in message and "[" not in message


def test_defendants_are_required_and_limited() -> None:
    data = _prosecution()
    assert _errors({**data, "defendants": []}) == [("defendants", "too_short", NO_DEFENDANTS)]
    many = {**data, "defendants": data["defendants"] * 51}
    assert _errors(many) == [("defendants", "too_long", TOO_MANY_DEFENDANTS.format(max_length=50))]


def test_a_recovery_is_checked_for_its_nation_and_what_it_can_come_to() -> None:
    valid = {"kind": "Confiscation order", "authority": "copfs", "nation": "scotland",
             "amount_pence": 10**12, "status": "paid", "recorded_on": "2012-03-01"}  # fmt: skip
    assert recovery_validate(valid).ok
    wrong = recovery_validate({**valid, "nation": "wales", "kind": "cash_seizure"})
    assert [(e.field, e.code) for e in wrong.errors] == [
        ("nation", "wrong_court"),
        ("status", "wrong_status"),
    ]
    assert wrong.errors[1].message == jr.WRONG_STATUS.format(
        kind="cash seizure", status="paid",
        allowed="going through the court process, forfeited or returned",
    )  # fmt: skip
    fractional = recovery_validate({**valid, "amount_pence": 12.5})
    assert [(e.field, e.code) for e in fractional.errors] == [("amount_pence", "int_type")]
    assert fractional.errors[0].message == "The amount must be a whole number, like 34"
