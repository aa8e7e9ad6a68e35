"""Turning a validated record of the data standard into unsaved case-store rows, and back."""

from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from nrm.accounts.models import Organisation
from nrm.bulk import Row
from nrm.casework.opening import case_row_for, case_settings
from nrm.referrals import models
from nrm.referrals.allocation import competent_authority_for
from nrm.standard import schema
from nrm.standard.codes import DecisionOutcome, DecisionStage, NationalityBasis
from nrm.standard.rules import derived_age_group


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


def referral_build(
    record: schema.Referral,
    *,
    organisation: Organisation,
    submitted_by_id: int | None,
    reference: str,
    now: datetime | None = None,
) -> BuiltReferral:
    """Rows for a record that passed validation (so its age group is known)."""
    age_group = derived_age_group(record)
    assert age_group is not None, "validated records always have an age group"
    referral: Row = {
        "id": None,
        "reference": reference,
        "schema_version": record.schema_version,
        "referral_date": record.referral_date,
        "received_at": now,
        "organisation_id": organisation.pk,
        "submitted_by_id": submitted_by_id,
        "officer_name": record.first_responder_officer or "",
        "officer_email": record.first_responder_email or "",
        "officer_phone": record.first_responder_phone or "",
        "nation": record.nation.value,
        "police_region": record.police_region.value,
        "consent": record.consent,
        "linked_immigration_interest": record.linked_immigration_interest,
        "competent_authority": competent_authority_for(record).value,
        "age_group": age_group.value,
        "exploitation_type": record.exploitation_type.value,
        "exploitation_sub_types": [code.value for code in record.exploitation_sub_types],
        "exploitation_means": [code.value for code in record.exploitation_means],
        "exploitation_region": record.exploitation_region.value,
        "exploitation_country": record.exploitation_country or "",
        "exploitation_start": record.exploitation_start,
        "exploitation_end": record.exploitation_end,
    }
    person: Row = {
        "referral_id": None,
        "given_name": record.given_name or "",
        "family_name": record.family_name or "",
        "aliases": record.aliases,
        "date_of_birth": record.date_of_birth,
        "estimated_age": record.estimated_age,
        "age_disputed": record.age_disputed,
        "gender": record.gender.value,
        "languages": record.languages,
        "interpreter_needed": record.interpreter_needed,
        "contact_route": record.contact_route or "",
    }
    nationalities: list[Row] = [
        _nationality(code, NationalityBasis.CLAIMED, "", index)
        for index, code in enumerate(record.claimed_nationalities)
    ]
    if record.assessed_nationality:
        certainty = record.assessed_nationality_certainty
        nationalities.append(
            _nationality(
                record.assessed_nationality,
                NationalityBasis.ASSESSED,
                certainty.value if certainty else "",
                0,
            )
        )
    account = {"referral_id": None, "text": record.account} if record.account else None
    decisions = [
        {
            "referral_id": None,
            "stage": stage.value,
            "outcome": outcome.value,
            "decided_on": when,
            "recorded_at": now,
        }
        for stage, outcome, when in (
            (DecisionStage.REASONABLE_GROUNDS, record.rg_outcome, record.rg_date),
            (DecisionStage.CONCLUSIVE_GROUNDS, record.cg_outcome, record.cg_date),
        )
        if outcome != DecisionOutcome.PENDING and when is not None
    ]
    case = case_row_for(
        received_on=record.referral_date,
        nation=record.nation.value,
        decisions=[
            (stage.value, outcome.value, when)
            for stage, outcome, when in (
                (DecisionStage.REASONABLE_GROUNDS, record.rg_outcome, record.rg_date),
                (DecisionStage.CONCLUSIVE_GROUNDS, record.cg_outcome, record.cg_date),
            )
            if when is not None
        ],
        **case_settings(),
    )
    case["referral_id"] = None
    if record.competent_authority is not None:
        case["allocation_rule_set"] = ""  # named in the referral, not allocated by a rule
    return BuiltReferral(referral, person, nationalities, account, decisions, case)


def _nationality(country: str, basis: str, certainty: str, position: int) -> Row:
    return {
        "referral_id": None,
        "country": country,
        "basis": basis,
        "certainty": certainty,
        "position": position,
    }


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
