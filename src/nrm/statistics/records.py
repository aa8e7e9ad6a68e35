"""Records of the data standard as an extract: ``records_extract(records)``.

Each record is validated through the data standard (``referral_validate``, the check of every
door) and becomes the row the case store's extract would hold once it was stored: the same
``extract.extract_row``, the age group derived as intake derives it, the competent authority
allocated as intake allocates it, a decision counted only when it has a date, the first
responder's type from the seeded organisations. For counting records that are not in a case
store, such as generated demo referrals; the pseudonym is the keyed hash of the record's place.
"""

from collections.abc import Iterable, Mapping
from datetime import date
from functools import cache
from typing import Any

import pyarrow as pa

from nrm.cases.casework.allocation import competent_authority_allocate
from nrm.standard.codes import DecisionOutcome
from nrm.standard.organisations import seed_organisations
from nrm.standard.rules import derived_age_group
from nrm.standard.schema import Referral
from nrm.standard.validation import referral_validate
from nrm.statistics.columns import SCHEMA, empty_columns
from nrm.statistics.extract import extract_key, extract_row, pseudonym

NOT_A_REFERRAL = "record {index}: not a valid referral: {errors}"


class RecordsInvalid(ValueError):
    """Some records are not valid referrals: no extract is made. ``problems`` has one line for
    each such record."""

    def __init__(self, problems: list[str]) -> None:
        super().__init__("\n".join(problems))
        self.problems = problems


@cache
def _responder_types() -> dict[str, str]:
    return {org.code: str(org.type) for org in seed_organisations()}


def _decision(outcome: DecisionOutcome, decided_on: date | None) -> tuple[str, date] | None:
    if outcome == DecisionOutcome.PENDING or decided_on is None:
        return None
    return outcome.value, decided_on


def _row(record: Referral, name: str, key: bytes) -> dict[str, Any]:
    age_group = derived_age_group(record)
    assert age_group is not None, "validated records always have an age group"
    certainty = record.assessed_nationality_certainty
    organisation = record.first_responder_organisation
    return extract_row(
        pseudonym=pseudonym(name, key),
        referral_date=record.referral_date,
        nation=record.nation.value,
        police_region=record.police_region.value,
        exploitation_region=record.exploitation_region.value,
        exploitation_country=record.exploitation_country,
        exploitation_type=record.exploitation_type.value,
        exploitation_sub_types=[code.value for code in record.exploitation_sub_types],
        gender=record.gender.value,
        age_group=age_group.value,
        nationalities=(
            record.claimed_nationalities,
            record.assessed_nationality,
            certainty.value if certainty else None,
        ),
        competent_authority=competent_authority_allocate(record).value,
        linked_immigration_interest=record.linked_immigration_interest,
        first_responder_type=_responder_types().get(organisation) if organisation else None,
        rg=_decision(record.rg_outcome, record.rg_date),
        cg=_decision(record.cg_outcome, record.cg_date),
    )


def records_extract(records: Iterable[Mapping[str, Any]], *, today: date | None = None) -> pa.Table:
    """The extract (``columns.SCHEMA``) of referral records, validated as of ``today``.

    Raises ``RecordsInvalid`` naming every record that is not a valid referral."""
    key = extract_key()
    columns = empty_columns()
    problems: list[str] = []
    for index, data in enumerate(records):
        validated = referral_validate(data, today=today)
        if validated.record is None:
            errors = "; ".join(f"{e.field}: {e.message}" for e in validated.errors)
            problems.append(NOT_A_REFERRAL.format(index=index, errors=errors))
            continue
        for name, value in _row(validated.record, f"record:{index}", key).items():
            columns[name].append(value)
    if problems:
        raise RecordsInvalid(problems)
    return pa.Table.from_pydict(columns, schema=SCHEMA)
