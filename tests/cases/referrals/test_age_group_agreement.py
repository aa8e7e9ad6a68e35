"""Every door and page tells a child from an adult by the data standard's one rule: the web
journey (which decides whether consent is asked), the API, the CSV import and the standard agree
for every combination of date of birth, estimated age, start of exploitation and disputed age."""

from datetime import date, timedelta
from pathlib import Path
from typing import Any

import pytest
from django.test import Client
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from nrm.cases.models import Referral
from nrm.cases.referrals.importers import ImportOptions, referrals_import
from nrm.cases.referrals.journey import Journey
from nrm.standard.codes import AgeGroup
from nrm.standard.rules import age_on, derived_age_group
from nrm.standard.schema import Referral as StandardReferral
from tests.cases.referrals.csvfiles import write_csv
from tests.cases.referrals.web import ANSWERS, answer, start

REFERRED = date(2012, 5, 14)


def _parts(name: str, day: date | None) -> dict[str, str]:
    if day is None:
        return {f"{name}_0": "", f"{name}_1": "", f"{name}_2": ""}
    return {f"{name}_0": str(day.day), f"{name}_1": str(day.month), f"{name}_2": str(day.year)}


def _journey(age: dict[str, Any]) -> Journey:
    """A web draft holding the answers, as the pages keep them."""
    person = {
        **ANSWERS["person"],
        **_parts("date_of_birth", age["date_of_birth"]),
        "estimated_age": "" if age["estimated_age"] is None else str(age["estimated_age"]),
        "age_disputed": "yes" if age["age_disputed"] else "no",
    }
    exploitation = {**ANSWERS["exploitation"], **_parts("exploitation_start", age["start"])}
    exploitation.update(_parts("exploitation_end", None))
    sections = {"about": ANSWERS["about"], "person": person, "exploitation": exploitation}
    kept = {
        section: {name: value if isinstance(value, list) else [value] for name, value in a.items()}
        for section, a in sections.items()
    }
    return Journey.of({"sections": kept})


def _record(valid_referral: dict[str, Any], age: dict[str, Any]) -> dict[str, Any]:
    record = {
        **valid_referral,
        "consent": True,  # asked of adults; a child's referral may carry it too
        "date_of_birth": age["date_of_birth"] and age["date_of_birth"].isoformat(),
        "estimated_age": age["estimated_age"],
        "age_disputed": age["age_disputed"],
        "exploitation_start": age["start"] and age["start"].isoformat(),
        "exploitation_end": None,
    }
    return {name: value for name, value in record.items() if value is not None}


@st.composite
def ages(draw: st.DrawFn) -> dict[str, Any]:
    # Ages and starts are drawn near the 18th birthday most of the time: there the rules differ.
    near = st.dates(date(1988, 1, 1), date(2000, 12, 31))
    born = draw(st.none() | near | st.dates(date(1950, 1, 1), REFERRED - timedelta(days=1)))
    ages = st.integers(14, 26) | st.integers(0, 70)
    estimated = draw(st.none() | ages)
    if born is not None and estimated is not None:  # an estimate beside a date of birth agrees
        estimated = max(0, age_on(born, REFERRED) + draw(st.integers(-1, 1)))
    disputed = draw(st.booleans())
    if born is None and estimated is None and not disputed:
        estimated = draw(ages)
    earliest = max(born or date(1980, 1, 1), date(2000, 1, 1))
    start = draw(st.none() | st.dates(earliest, REFERRED) | st.dates(born or earliest, REFERRED))
    return {"date_of_birth": born, "estimated_age": estimated, "age_disputed": disputed,
            "start": start}  # fmt: skip


def test_the_journey_asks_no_consent_of_someone_19_whose_exploitation_began_3_years_ago() -> None:
    age = {"date_of_birth": None, "estimated_age": 19, "age_disputed": False,
           "start": REFERRED - timedelta(days=3 * 365 + 1)}  # fmt: skip
    journey = _journey(age)
    journey.complete = {"about", "person"}
    assert journey.age_group() == AgeGroup.MINOR
    assert journey.status("consent") == "completed"  # a child is never asked for consent
    assert "consent" not in journey.record()


def test_a_child_by_estimated_age_is_never_asked_for_consent_on_the_web(web: Client) -> None:
    draft = start(web)
    person = {**ANSWERS["person"], **_parts("date_of_birth", None), "estimated_age": "19"}
    exploitation = {**ANSWERS["exploitation"], "exploitation_start_2": "2009"}
    assert answer(web, draft, "person", person).status_code == 302
    assert answer(web, draft, "exploitation", exploitation).status_code == 302
    assert web.get(f"/referrals/drafts/{draft}/consent/").context["child"]
    tasks = web.get(f"/referrals/drafts/{draft}/").context["tasks"]
    assert tasks[2]["status"] == "completed"  # the consent section


@pytest.mark.django_db
@settings(
    max_examples=60,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(age=ages())
def test_the_journey_the_api_the_csv_import_and_the_standard_agree_on_the_age_group(
    age: dict[str, Any], api: Client, valid_referral: dict[str, Any], tmp_path: Path
) -> None:
    record = _record(valid_referral, age)
    standard = derived_age_group(
        StandardReferral.model_validate(record, context={"today": date.max})
    )
    assert _journey(age).age_group() == standard

    answered = api.post("/api/v1/referrals", record, content_type="application/json")
    assert answered.status_code == 201, answered.json()
    assert answered.json()["age_group"] == standard

    path = write_csv(tmp_path / "one.csv", [record])
    before = set(Referral.objects.values_list("pk", flat=True))
    imported = referrals_import(ImportOptions(path=path, organisation_code="met-police"))
    assert imported.saved == 1
    new = Referral.objects.exclude(pk__in=before).get()
    assert new.age_group == standard
