"""Screening visa applications and passengers against the active risk profiles, and recording
what an officer decided on each hit. A hit is never a decision: it is stored for an entry
clearance officer or a Border Force officer to review, who records the outcome (no further
action, more scrutiny, refused, referred to the NRM or safeguarding). Nothing here refuses
anyone.

One record (the API) is checked in Python; a batch (a file) in one DuckDB query through Ibis
(``screening_batch``): the same rule in two forms (``profile_rules``). Every screening, every
hit and every outcome is audited.
"""

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any

from django.db import transaction
from django.db.models import Q, QuerySet
from django.utils import timezone
from pydantic import ValidationError

from nrm.accounts.actors import Actor, SystemActor
from nrm.accounts.capabilities import Capability
from nrm.accounts.permissions import capability_require
from nrm.audit.models import AuditVerb
from nrm.audit.services import audit_record, audit_record_many
from nrm.border.profile_conditions import Condition, conditions_parse
from nrm.border.profile_errors import HIT_NOT_FOUND, BorderInvalid, validation_errors
from nrm.border.profile_models import Hit, ProfileVersion
from nrm.border.profile_rules import profile_matches
from nrm.border.screening_batch import records_table, screen_table
from nrm.border.screening_schema import OutcomeRecord, ScreeningRecord
from nrm.standard import border_codes as bc
from nrm.standard.validation import FieldError

HIT_TARGET = "border.hit"


def _screening(today: date | None = None) -> QuerySet[ProfileVersion]:
    today = today or timezone.localdate()
    return ProfileVersion.objects.filter(status=bc.ProfileStatus.ACTIVE).filter(
        Q(expires_on__gte=today)
    )


def active_versions(*, today: date | None = None) -> list[ProfileVersion]:
    """The profile versions that screen ``today`` (default: today): active and not expired."""
    return list(_screening(today).order_by("profile_id"))


# Active versions with their conditions parsed, by (id, activation time). A version's conditions
# never change once it is active (``profile_services`` changes drafts only), so each is read and
# parsed once per process; which versions screen is asked of the database every time.
_PARSED: dict[tuple[int, datetime | None], tuple[ProfileVersion, list[Condition]]] = {}


def active_profiles(*, today: date | None = None) -> list[tuple[ProfileVersion, list[Condition]]]:
    """The versions that screen ``today`` (default: today), each with its conditions."""
    keys = list(_screening(today).order_by("profile_id").values_list("id", "activated_at"))
    missing = [pk for pk, at in keys if (pk, at) not in _PARSED]
    if missing:
        if len(_PARSED) > 4 * len(keys) + 100:  # retired versions: forget them
            _PARSED.clear()
            missing = [pk for pk, _at in keys]
        for version in ProfileVersion.objects.filter(pk__in=missing):
            _PARSED[(version.pk, version.activated_at)] = (
                version,
                conditions_parse(version.conditions),
            )
    return [_PARSED[key] for key in keys if key in _PARSED]


def record_validate(data: Any) -> ScreeningRecord:
    try:
        return ScreeningRecord.model_validate(data)
    except ValidationError as exc:
        raise BorderInvalid(validation_errors(exc)) from exc


def _hits_save(
    actor: Actor,
    found: list[tuple[ScreeningRecord, ProfileVersion]],
    at: datetime | None = None,
) -> list[Hit]:
    now = at or timezone.now()
    user = None if isinstance(actor, SystemActor) else actor
    hits = Hit.objects.bulk_create(
        [
            Hit(
                version=version,
                record_kind=record.kind,
                record_reference=record.reference,
                screened_at=now,
                screened_by=user,
            )
            for record, version in found
        ]
    )
    return hits  # SQLite and PostgreSQL return the keys of bulk inserts


def _audit(actor: Actor, records: int, hits: list[Hit], source: str) -> None:
    audit_record(
        actor=actor,
        verb=AuditVerb.SCREENING_RUN,
        detail={"source": source, "records": records, "hits": len(hits)},
    )
    audit_record_many(
        actor=actor,
        verb=AuditVerb.HIT_RECORD,
        target_type=HIT_TARGET,
        target_ids=[h.pk for h in hits],
        detail={"source": source},
    )


def record_screen(*, actor: Actor, data: Any) -> list[Hit]:
    """Screen one visa application or passenger against the active profiles: the hits made,
    one a profile that matched, each stored for an officer to review; audited. Raises
    ``BorderInvalid`` for a record that does not validate (nothing screened)."""
    capability_require(actor=actor, capability=Capability.SCREEN_AT_BORDER)
    record = record_validate(data)
    values = record.screened_values()
    with transaction.atomic():
        matched = [
            (record, version)
            for version, conditions in active_profiles()
            if profile_matches(conditions, values)
        ]
        hits = _hits_save(actor, matched)
        _audit(actor, 1, hits, "api")
    return hits


@dataclass
class BatchResult:
    """What screening a batch found: the hits of each record (by its position), and the
    records that did not validate (with their positions), which were not screened."""

    screened: int = 0
    hits: dict[int, list[Hit]] = field(default_factory=dict)
    invalid: list[tuple[int, list[FieldError]]] = field(default_factory=list)


def records_screen(
    *, actor: Actor, records: Sequence[Mapping[str, Any]], at: datetime | None = None
) -> BatchResult:
    """Screen a batch (a visa application batch or a passenger manifest) against the active
    profiles in one query; the hits stored for officers to review; audited. ``at`` dates a
    batch screened in the past (a screening history brought in, the demo's): its hits are
    dated then, against the profiles active now that did not expire by then."""
    capability_require(actor=actor, capability=Capability.SCREEN_AT_BORDER)
    result = BatchResult()
    valid: list[tuple[int, ScreeningRecord]] = []
    for n, data in enumerate(records):
        try:
            valid.append((n, record_validate(data)))
        except BorderInvalid as invalid:
            result.invalid.append((n, invalid.errors))
    result.screened = len(valid)
    profiles = active_profiles(today=timezone.localdate(at) if at else None)
    by_id = {v.pk: v for v, _ in profiles}
    found = screen_table(
        records_table(r.screened_values() for _, r in valid),
        [(v.pk, conditions) for v, conditions in profiles],
    )
    with transaction.atomic():
        hits = _hits_save(actor, [(valid[row][1], by_id[key]) for row, key in found], at)
        for (row, _), hit in zip(found, hits, strict=True):
            result.hits.setdefault(valid[row][0], []).append(hit)
        _audit(actor, len(valid), hits, "file")
    return result


def hit_outcome_record(*, actor: Actor, hit_id: int, data: Any, at: datetime | None = None) -> Hit:
    """Record what the officer who reviewed a hit decided (or correct it); audited with the
    outcome before and after. ``at`` dates a decision of the past (default: now)."""
    capability_require(actor=actor, capability=Capability.SCREEN_AT_BORDER)
    try:
        outcome = OutcomeRecord.model_validate(data).outcome
    except ValidationError as exc:
        raise BorderInvalid(validation_errors(exc)) from exc
    if not Hit.objects.filter(pk=hit_id).exists():
        audit_record(actor=actor, verb=AuditVerb.ACCESS_DENIED, detail={"hit": hit_id})
        raise BorderInvalid.one(HIT_NOT_FOUND, code="not_found")
    with transaction.atomic():
        hit = Hit.objects.select_for_update().get(pk=hit_id)
        old = hit.outcome
        hit.outcome = outcome
        hit.outcome_at = at or timezone.now()
        hit.outcome_by = None if isinstance(actor, SystemActor) else actor
        hit.save(update_fields=["outcome", "outcome_at", "outcome_by"])
        audit_record(
            actor=actor,
            verb=AuditVerb.HIT_OUTCOME,
            target=hit,
            old={"outcome": old},
            new={"outcome": str(outcome)},
        )
    return hit
