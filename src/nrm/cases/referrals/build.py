"""Turning a validated record of the data standard into unsaved case-store rows, and back."""

from dataclasses import dataclass, field
from datetime import datetime
from typing import Any, NamedTuple

from django.db.models import Model

from nrm.accounts.models import Organisation
from nrm.cases import models
from nrm.cases.casework.allocation import RuleSet, competent_authority_allocate, rule_set_active
from nrm.cases.casework.opening import case_row_for
from nrm.cases.casework.periods import Periods, periods_configured
from nrm.cases.models import Case
from nrm.db.bulk import Row
from nrm.standard import schema
from nrm.standard.codes import DecisionOutcome, DecisionStage, NationalityBasis
from nrm.standard.rules import derived_age_group

# Column order of the tuples below. A referral's own row leaves out ``reference``, which an
# import fills in last (references are numbered in file order once rows are known to be valid).
REFERRAL_COLUMNS = (
    "id",
    "schema_version",
    "referral_date",
    "received_at",
    "organisation_id",
    "submitted_by_id",
    "officer_name",
    "officer_email",
    "officer_phone",
    "nation",
    "police_region",
    "consent",
    "linked_immigration_interest",
    "competent_authority",
    "age_group",
    "exploitation_type",
    "exploitation_sub_types",
    "exploitation_means",
    "exploitation_region",
    "exploitation_country",
    "exploitation_start",
    "exploitation_end",
)
PERSON_COLUMNS = (
    "referral_id",
    "given_name",
    "family_name",
    "aliases",
    "date_of_birth",
    "estimated_age",
    "age_disputed",
    "gender",
    "languages",
    "interpreter_needed",
    "contact_route",
)
NATIONALITY_COLUMNS = ("referral_id", "country", "basis", "certainty", "position")
ACCOUNT_COLUMNS = ("referral_id", "text")
DECISION_COLUMNS = ("referral_id", "stage", "outcome", "decided_on", "recorded_at")
CASE_COLUMNS = (
    "referral_id",
    "stage",
    "resume_to",
    "received_on",
    "last_event_on",
    "rg_due_on",
    "rg_positive_on",
    "recovery_ends_on",
    "review_due_on",
    "reviewed_on",
    "due_on",
    "closed_on",
    "allocation_rule_set",
    "assigned_to_id",
    "summary",
    "version",
    # copies of the referral's columns, for the work queues (casework migration 0003)
    "competent_authority",
    "nation",
    "exploitation_type",
)
# The tables a referral is written to, in an order that satisfies their foreign keys.
REFERRAL_TABLES: tuple[tuple[type[Model], tuple[str, ...]], ...] = (
    (models.Referral, REFERRAL_COLUMNS),
    (models.Person, PERSON_COLUMNS),
    (models.Nationality, NATIONALITY_COLUMNS),
    (models.VictimAccount, ACCOUNT_COLUMNS),
    (models.Decision, DECISION_COLUMNS),
    (Case, CASE_COLUMNS),
)
Values = tuple[Any, ...]
_RG = DecisionStage.REASONABLE_GROUNDS.value
_CG = DecisionStage.CONCLUSIVE_GROUNDS.value
_PENDING = DecisionOutcome.PENDING
_CLAIMED = NationalityBasis.CLAIMED.value
_ASSESSED = NationalityBasis.ASSESSED.value


class ReferralRows(NamedTuple):
    """The rows of one referral as value tuples in the column orders above (no reference)."""

    referral: Values
    person: list[Values]  # always one
    nationalities: list[Values]
    accounts: list[Values]  # none or one
    decisions: list[Values]
    cases: list[Values]  # always one: the referral's case (``nrm.cases.casework``)


@dataclass
class BuiltReferral:
    """The rows of one referral, keyed by column, ready for ``rows_insert``.

    ``referral["id"]`` is filled in when the rows are saved.
    """

    referral: Row
    person: Row
    nationalities: list[Row]
    account: Row | None
    decisions: list[Row] = field(default_factory=list)
    case: Row = field(default_factory=dict)


def referral_rows(
    record: schema.Referral,
    *,
    referral_id: int | None,
    organisation_id: int,
    submitted_by_id: int | None,
    now: datetime | None,
    rules: RuleSet | None = None,
    periods: Periods | None = None,
) -> ReferralRows:
    """Rows for a record that passed validation (so its age group is known).

    ``rules`` and ``periods``: the allocation rule set and the periods of the decision process,
    by default the configured ones (an import looks them up once). Runs for every row of an
    import, so code list members give their codes through Enum's ``_value_`` attribute, several
    times cheaper than the ``value`` property on 3.11.
    """
    age_group = derived_age_group(record)
    rules = rules or rule_set_active()
    assert age_group is not None, "validated records always have an age group"
    authority = competent_authority_allocate(record, rule_set=rules)._value_
    referral = (
        referral_id,
        record.schema_version,
        record.referral_date,
        now,
        organisation_id,
        submitted_by_id,
        record.first_responder_officer or "",
        record.first_responder_email or "",
        record.first_responder_phone or "",
        record.nation._value_,
        record.police_region._value_,
        record.consent,
        record.linked_immigration_interest,
        authority,
        age_group._value_,
        record.exploitation_type._value_,
        [code._value_ for code in record.exploitation_sub_types],
        [code._value_ for code in record.exploitation_means],
        record.exploitation_region._value_,
        record.exploitation_country or "",
        record.exploitation_start,
        record.exploitation_end,
    )
    person = (
        referral_id,
        record.given_name or "",
        record.family_name or "",
        record.aliases,
        record.date_of_birth,
        record.estimated_age,
        record.age_disputed,
        record.gender._value_,
        record.languages,
        record.interpreter_needed,
        record.contact_route or "",
    )
    nationalities: list[Values] = [
        (referral_id, code, _CLAIMED, "", index)
        for index, code in enumerate(record.claimed_nationalities)
    ]
    if record.assessed_nationality:
        certainty = record.assessed_nationality_certainty
        nationalities.append(
            (
                referral_id,
                record.assessed_nationality,
                _ASSESSED,
                certainty._value_ if certainty else "",
                0,
            )
        )
    accounts = [(referral_id, record.account)] if record.account else []
    decisions = [
        (referral_id, stage, outcome._value_, when, now)
        for stage, outcome, when in (
            (_RG, record.rg_outcome, record.rg_date),
            (_CG, record.cg_outcome, record.cg_date),
        )
        if outcome != _PENDING and when is not None
    ]
    case = case_row_for(
        received_on=record.referral_date,
        nation=record.nation.value,
        decisions=[(stage, str(outcome), when) for _, stage, outcome, when, _ in decisions],
        periods=periods or periods_configured(),
        rule_set=rules.name,
    )
    if record.competent_authority is not None:
        case["allocation_rule_set"] = ""  # named in the referral, not allocated by a rule
    case.update(
        competent_authority=authority,
        nation=record.nation._value_,
        exploitation_type=record.exploitation_type._value_,
    )
    cases = [(referral_id, *(case[column] for column in CASE_COLUMNS[1:]))]
    return ReferralRows(referral, [person], nationalities, accounts, decisions, cases)


def referral_build(
    record: schema.Referral,
    *,
    organisation: Organisation,
    submitted_by_id: int | None,
    reference: str,
    now: datetime | None = None,
) -> BuiltReferral:
    """Rows keyed by column for a record that passed validation (``referral_rows`` as dicts)."""
    rows = referral_rows(
        record,
        referral_id=None,
        organisation_id=organisation.pk,
        submitted_by_id=submitted_by_id,
        now=now,
    )
    referral = dict(zip(REFERRAL_COLUMNS, rows.referral, strict=True))
    referral["reference"] = reference
    return BuiltReferral(
        referral=referral,
        person=dict(zip(PERSON_COLUMNS, rows.person[0], strict=True)),
        nationalities=[dict(zip(NATIONALITY_COLUMNS, n, strict=True)) for n in rows.nationalities],
        account=dict(zip(ACCOUNT_COLUMNS, rows.accounts[0], strict=True))
        if rows.accounts
        else None,
        decisions=[dict(zip(DECISION_COLUMNS, d, strict=True)) for d in rows.decisions],
        case=dict(zip(CASE_COLUMNS, rows.cases[0], strict=True)),
    )


def referral_as_record(referral: models.Referral, *, with_account: bool = False) -> dict[str, Any]:
    """The stored referral as a flat record of the data standard (the inverse of the build)."""
    person = referral.person
    claimed = [
        n.country for n in referral.nationalities.all() if n.basis == NationalityBasis.CLAIMED
    ]
    assessed = next(
        (n for n in referral.nationalities.all() if n.basis == NationalityBasis.ASSESSED), None
    )
    latest = {d.stage: d for d in referral.decisions.all()}
    rg, cg = (
        latest.get(DecisionStage.REASONABLE_GROUNDS),
        latest.get(DecisionStage.CONCLUSIVE_GROUNDS),
    )
    record: dict[str, Any] = {
        "schema_version": referral.schema_version,
        "referral_date": referral.referral_date.isoformat(),
        "nation": referral.nation,
        "police_region": referral.police_region,
        "first_responder_organisation": referral.organisation.code,
        "first_responder_officer": referral.officer_name or None,
        "first_responder_email": referral.officer_email or None,
        "first_responder_phone": referral.officer_phone or None,
        "consent": referral.consent,
        "linked_immigration_interest": referral.linked_immigration_interest,
        "competent_authority": referral.competent_authority,
        "given_name": person.given_name or None,
        "family_name": person.family_name or None,
        "aliases": person.aliases,
        "date_of_birth": person.date_of_birth.isoformat() if person.date_of_birth else None,
        "estimated_age": person.estimated_age,
        "age_disputed": person.age_disputed,
        "age_group": referral.age_group,
        "gender": person.gender,
        "claimed_nationalities": claimed,
        "assessed_nationality": assessed.country if assessed else None,
        "assessed_nationality_certainty": (assessed.certainty or None) if assessed else None,
        "languages": person.languages,
        "interpreter_needed": person.interpreter_needed,
        "contact_route": person.contact_route or None,
        "exploitation_type": referral.exploitation_type,
        "exploitation_sub_types": referral.exploitation_sub_types,
        "exploitation_means": referral.exploitation_means,
        "exploitation_region": referral.exploitation_region,
        "exploitation_country": referral.exploitation_country or None,
        "exploitation_start": _iso(referral.exploitation_start),
        "exploitation_end": _iso(referral.exploitation_end),
        "rg_outcome": rg.outcome if rg else DecisionOutcome.PENDING.value,
        "rg_date": _iso(rg.decided_on) if rg else None,
        "cg_outcome": cg.outcome if cg else DecisionOutcome.PENDING.value,
        "cg_date": _iso(cg.decided_on) if cg else None,
    }
    if with_account:
        account = getattr(referral, "account", None)
        record["account"] = account.text if account else None
    return record


def _iso(value: Any) -> str | None:
    return value.isoformat() if value else None
