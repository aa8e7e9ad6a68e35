"""The one rule for what a resolved person counts as in a year, and the stored model."""

from datetime import date

from nrm.intelligence.assessment.rules import INTELLIGENCE, NRM, Encounter, person_year
from nrm.intelligence.resolution import PersonRecord, people_resolve
from nrm.intelligence.resolution.stored import model_stored, stored_matches_settings


def _seen(record_id: str, source: str, on: str, **values: object) -> Encounter:
    fields: dict[str, object] = {"nationality": None, "age_group": None,
                                 "exploitation_type": "not_recorded", **values}  # fmt: skip
    return Encounter(record_id=record_id, source=source, on=date.fromisoformat(on), **fields)  # type: ignore[arg-type]


def test_the_latest_nrm_referral_decides_nationality_and_age_over_any_report() -> None:
    found = person_year("p", 2012, [
        _seen("referral:1", NRM, "2012-01-05", nationality="Nigeria", age_group="minor"),
        _seen("referral:2", NRM, "2012-06-01", nationality="Ghana", age_group="adult"),
        _seen("mention:9", INTELLIGENCE, "2012-12-01", nationality="Benin", age_group="minor"),
    ])  # fmt: skip
    assert (found.nationality, found.age_group, found.sources) == ("Ghana", "adult", "both")


def test_without_a_referral_the_latest_report_that_records_it_decides() -> None:
    found = person_year("p", 2012, [
        _seen("mention:1", INTELLIGENCE, "2012-01-05", nationality="Albania", age_group="minor"),
        _seen("mention:2", INTELLIGENCE, "2012-03-01"),
    ])  # fmt: skip
    assert (found.nationality, found.age_group, found.sources) == ("Albania", "minor",
                                                                     "intelligence")  # fmt: skip
    nothing = person_year("q", 2012, [_seen("mention:3", INTELLIGENCE, "2012-01-05")])
    assert (nothing.nationality, nothing.age_group) == ("Unknown", None)


def test_every_type_recorded_is_an_instance_and_not_recorded_only_when_none_is() -> None:
    found = person_year("p", 2012, [
        _seen("referral:1", NRM, "2012-01-05", exploitation_type="sexual"),
        _seen("mention:2", INTELLIGENCE, "2012-02-01", exploitation_type="labour",
              sub_types=("labour_car_wash", "labour_maritime")),
        _seen("mention:3", INTELLIGENCE, "2012-03-01"),
    ])  # fmt: skip
    assert found.exploitation_types == ("labour", "sexual")
    assert found.labour_sub_types == ("labour_car_wash", "labour_maritime")
    unknown = person_year("q", 2012, [_seen("mention:4", INTELLIGENCE, "2012-01-05")])
    assert unknown.exploitation_types == ("not_recorded",) and unknown.labour_sub_types == ()
    labour = person_year("r", 2012, [_seen("referral:5", NRM, "2012-01-05",
                                           exploitation_type="labour")])  # fmt: skip
    assert labour.labour_sub_types == ("not_recorded",)


def test_the_stored_model_has_the_comparisons_and_blocking_rules_of_the_settings() -> None:
    assert stored_matches_settings()


def test_records_none_of_which_has_a_date_of_birth_are_resolved() -> None:
    records = [
        PersonRecord(
            f"mention:{n}",
            "intelligence_report",
            "Ana",
            f"Vell{n % 3}",
            estimated_age=20 + n,
            age_estimated_on=date(2012, 1, 1),
        )
        for n in range(6)
    ]
    resolution = people_resolve(records=records, model=model_stored())
    assert len(resolution.clusters) == 6
