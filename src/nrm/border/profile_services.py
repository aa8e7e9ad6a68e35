"""Writing risk profiles: checked, versioned and audited. Only a holder of
``MANAGE_RISK_PROFILES`` (the hub's intelligence analysts, RALON) writes them.

A new profile is version 1, a draft. Changing a draft changes it in place; changing a profile
whose latest version is active or retired makes a new draft version and keeps the old ones
(the active one goes on screening until the new one is made active, which retires it). A
profile whose only conditions are protected characteristics (nationality, sex) is refused.
"""

from datetime import date, datetime
from typing import Any

from django.db import transaction
from django.utils import timezone
from pydantic import ValidationError

from nrm.accounts.actors import Actor, SystemActor
from nrm.accounts.capabilities import Capability
from nrm.accounts.models import Organisation
from nrm.accounts.permissions import capability_require
from nrm.audit.models import AuditVerb
from nrm.audit.services import audit_record
from nrm.border.profile_conditions import conditions_problem
from nrm.border.profile_errors import (
    ALREADY_RETIRED,
    EXPIRED,
    NOT_A_DRAFT,
    NOT_FOUND,
    STALE_VERSION,
    BorderInvalid,
    validation_errors,
)
from nrm.border.profile_models import ProfileVersion, RiskProfile
from nrm.border.profile_schema import ProfileRecord
from nrm.standard import border_codes as bc


def profile_validate(data: Any, *, today: date | None = None) -> ProfileRecord:
    """A profile as written, checked; raises ``BorderInvalid`` with every problem. It must
    not have expired by ``today`` (default: today)."""
    try:
        record = ProfileRecord.model_validate(data)
    except ValidationError as exc:
        raise BorderInvalid(validation_errors(exc)) from exc
    problem = conditions_problem(record.conditions)
    if problem:
        raise BorderInvalid.one(problem, field="conditions", code="conditions_refused")
    if record.expires_on <= (today or timezone.localdate()):
        raise BorderInvalid.one(EXPIRED, field="expires_on", code="expired")
    return record


def _values(record: ProfileRecord) -> dict[str, Any]:
    return {
        "name": record.name,
        "conditions": [c.model_dump(mode="json") for c in record.conditions],
        "rationale": record.rationale,
        "intelligence_references": list(record.intelligence_references),
        "review_on": record.review_on,
        "expires_on": record.expires_on,
    }


def _user(actor: Actor) -> Any:
    return None if isinstance(actor, SystemActor) else actor


def _written(version: ProfileVersion, at: datetime | None) -> None:
    """Date a version written at ``at`` (a profile of the past brought in, the demo's)."""
    if at is not None:
        ProfileVersion.objects.filter(pk=version.pk).update(created_at=at)
        version.created_at = at


def _today(at: datetime | None) -> date | None:
    return timezone.localdate(at) if at is not None else None


def _audit(actor: Actor, verb: AuditVerb, version: ProfileVersion) -> None:
    audit_record(
        actor=actor,
        verb=verb,
        target=version,
        detail={"profile": version.profile_id, "version": version.number,
                "status": version.status},
    )  # fmt: skip


def profile_create(
    *, actor: Actor, data: Any, owner: Organisation | None = None, at: datetime | None = None
) -> ProfileVersion:
    """A new profile, version 1, a draft, owned by the actor's organisation (an operator
    names it); audited. ``at`` dates a profile written in the past (default: now)."""
    capability_require(actor=actor, capability=Capability.MANAGE_RISK_PROFILES)
    record = profile_validate(data, today=_today(at))
    organisation = owner or getattr(actor, "organisation", None)
    if organisation is None:
        raise BorderInvalid.one("Give the organisation that owns the profile", code="owner")
    with transaction.atomic():
        profile = RiskProfile.objects.create(owner=organisation, created_by=_user(actor))
        version = ProfileVersion.objects.create(
            profile=profile, number=1, owner_user=_user(actor), **_values(record)
        )
        if at is not None:
            RiskProfile.objects.filter(pk=profile.pk).update(created_at=at)
        _written(version, at)
        _audit(actor, AuditVerb.PROFILE_SAVE, version)
    return version


def profile_revise(
    *,
    actor: Actor,
    profile_id: int,
    data: Any,
    expected_version: int | None = None,
    at: datetime | None = None,
) -> ProfileVersion:
    """Change a profile: its draft in place, or else a new draft version (the earlier ones
    kept); audited. ``expected_version``, when given, must be the latest version's number;
    ``at`` dates a change made in the past (default: now)."""
    capability_require(actor=actor, capability=Capability.MANAGE_RISK_PROFILES)
    record = profile_validate(data, today=_today(at))
    with transaction.atomic():
        profile = RiskProfile.objects.select_for_update().filter(pk=profile_id).first()
        if profile is None:
            raise BorderInvalid.one(NOT_FOUND, code="not_found")
        latest = profile.versions.order_by("-number").first()
        assert latest is not None  # a profile is created with its first version
        if expected_version is not None and expected_version != latest.number:
            raise BorderInvalid.one(
                STALE_VERSION.format(number=latest.number), field="expected_version", code="stale"
            )
        if latest.status == bc.ProfileStatus.DRAFT:
            for name, value in _values(record).items():
                setattr(latest, name, value)
            latest.owner_user = _user(actor)
            latest.save()
            version = latest
        else:
            version = ProfileVersion.objects.create(
                profile=profile,
                number=latest.number + 1,
                owner_user=_user(actor),
                **_values(record),
            )
            _written(version, at)
        _audit(actor, AuditVerb.PROFILE_SAVE, version)
    return version


def profile_activate(
    *, actor: Actor, profile_id: int, at: datetime | None = None
) -> ProfileVersion:
    """Make a profile's draft its active version (the one that screens), retiring the version
    active before it; audited. ``at`` dates it (default: now)."""
    capability_require(actor=actor, capability=Capability.MANAGE_RISK_PROFILES)
    now = at or timezone.now()
    with transaction.atomic():
        latest = (
            ProfileVersion.objects.select_for_update()
            .filter(profile_id=profile_id)
            .order_by("-number")
            .first()
        )
        if latest is None:
            raise BorderInvalid.one(NOT_FOUND, code="not_found")
        if latest.status != bc.ProfileStatus.DRAFT:
            status = bc.ProfileStatus(latest.status).label.lower()
            raise BorderInvalid.one(
                NOT_A_DRAFT.format(number=latest.number, status=status), code="not_a_draft"
            )
        for earlier in ProfileVersion.objects.filter(
            profile_id=profile_id, status=bc.ProfileStatus.ACTIVE
        ):
            earlier.status, earlier.retired_at = bc.ProfileStatus.RETIRED, now
            earlier.save(update_fields=["status", "retired_at"])
            _audit(actor, AuditVerb.PROFILE_RETIRE, earlier)
        latest.status, latest.activated_at = bc.ProfileStatus.ACTIVE, now
        latest.save(update_fields=["status", "activated_at"])
        _audit(actor, AuditVerb.PROFILE_ACTIVATE, latest)
    return latest


def profile_retire(
    *, actor: Actor, profile_id: int, at: datetime | None = None
) -> list[ProfileVersion]:
    """Stop a profile screening: its active version and its draft, if any, are retired (the
    versions are kept); audited. ``at`` dates it (default: now)."""
    capability_require(actor=actor, capability=Capability.MANAGE_RISK_PROFILES)
    now = at or timezone.now()
    with transaction.atomic():
        current = list(
            ProfileVersion.objects.select_for_update()
            .filter(profile_id=profile_id)
            .exclude(status=bc.ProfileStatus.RETIRED)
            .order_by("number")
        )
        if not current:
            if not RiskProfile.objects.filter(pk=profile_id).exists():
                raise BorderInvalid.one(NOT_FOUND, code="not_found")
            raise BorderInvalid.one(ALREADY_RETIRED, code="retired")
        for version in current:
            version.status, version.retired_at = bc.ProfileStatus.RETIRED, now
            version.save(update_fields=["status", "retired_at"])
            _audit(actor, AuditVerb.PROFILE_RETIRE, version)
    return current
