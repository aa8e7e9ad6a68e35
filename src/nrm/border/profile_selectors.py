"""Reading risk profiles and how they perform, for the analysts who manage them
(``MANAGE_RISK_PROFILES``); every listing and reading is audited. Performance is counted from
the hits by the statistics engine (``profile_tables``): how many each month, how many reviewed,
and the share confirmed (an outcome other than no further action), so that a profile that stops
hitting, or whose hits are no longer confirmed, shows."""

from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any

from django.db.models import Max
from django.utils import timezone

from nrm.accounts.actors import Actor
from nrm.accounts.capabilities import Capability
from nrm.accounts.permissions import capability_require
from nrm.audit.models import AuditVerb
from nrm.audit.services import audit_record
from nrm.border.profile_conditions import condition_words, conditions_parse
from nrm.border.profile_models import Hit, ProfileVersion, RiskProfile
from nrm.border.profile_tables import ProfileHits, hits_by_profile, profile_hits
from nrm.standard import border_codes as bc
from nrm.statistics.present import presented_cells, result_present


@dataclass(frozen=True)
class ProfileSummary:
    id: int
    name: str
    status: str
    version: int
    owner: str
    hits: int
    last_hit: datetime | None
    expires_on: date


def _current(versions: list[ProfileVersion]) -> ProfileVersion:
    """The version that stands for the profile: the active one, else the latest."""
    active = [v for v in versions if v.status == bc.ProfileStatus.ACTIVE]
    return active[0] if active else versions[-1]


def profile_summaries(*, actor: Actor) -> list[ProfileSummary]:
    """Every profile with its current version, hits and last hit; audited."""
    capability_require(actor=actor, capability=Capability.MANAGE_RISK_PROFILES)
    versions: dict[int, list[ProfileVersion]] = {}
    for v in ProfileVersion.objects.order_by("profile_id", "number"):
        versions.setdefault(v.profile_id, []).append(v)
    counted = hits_by_profile()
    last_hits = dict(
        Hit.objects.values("version__profile_id")
        .annotate(last=Max("screened_at"))
        .values_list("version__profile_id", "last")
    )
    owners = dict(RiskProfile.objects.values_list("id", "owner__name"))
    found = []
    for profile_id, kept in versions.items():
        current = _current(kept)
        found.append(
            ProfileSummary(
                id=profile_id,
                name=current.name,
                status=bc.ProfileStatus(current.status).label,
                version=current.number,
                owner=owners.get(profile_id, ""),
                hits=counted.get(profile_id, 0),
                last_hit=last_hits.get(profile_id),
                expires_on=current.expires_on,
            )
        )
    audit_record(actor=actor, verb=AuditVerb.PROFILE_LIST, detail={"profiles": len(found)})
    return found


@dataclass
class ProfileRead:
    profile: RiskProfile
    current: ProfileVersion
    performance: ProfileHits
    versions: list[dict[str, Any]] = field(default_factory=list)
    table: dict[str, Any] = field(default_factory=dict)
    outcomes: dict[str, Any] = field(default_factory=dict)
    nationalities: list[str] = field(default_factory=list)
    period: str = ""


def _share(part: int, whole: int) -> str:
    return f"{round(100 * part / whole)}%" if whole else ""


def _version_words(v: ProfileVersion) -> dict[str, Any]:
    return {
        "number": v.number,
        "name": v.name,
        "status": bc.ProfileStatus(v.status).label,
        "conditions": [condition_words(c) for c in conditions_parse(v.conditions)],
        "rationale": v.rationale,
        "intelligence_references": v.intelligence_references,
        "review_on": v.review_on,
        "expires_on": v.expires_on,
        "created_at": v.created_at,
        "activated_at": v.activated_at,
        "retired_at": v.retired_at,
    }


def in_force(versions: list[ProfileVersion], today: date) -> tuple[date, date]:
    """The days a profile was in force, as far as they go: from its first version's activation
    (or writing, if it never was active) to today for an active profile (its expiry, if
    earlier), or to its last retirement."""
    starts = [v.activated_at or v.created_at for v in versions]
    first = min(starts).date()
    current = _current(versions)
    if current.status == bc.ProfileStatus.ACTIVE:
        last = min(today, current.expires_on)
    else:
        retired = [v.retired_at for v in versions if v.retired_at is not None]
        last = max(retired).date() if retired else first
    return first, max(first, last)


def profile_read(*, actor: Actor, profile_id: int) -> ProfileRead | None:
    """One profile: its versions (conditions in words), hits by month with the share confirmed,
    and the outcomes recorded; audited (an unknown number too, as a denial)."""
    capability_require(actor=actor, capability=Capability.MANAGE_RISK_PROFILES)
    profile = RiskProfile.objects.select_related("owner").filter(pk=profile_id).first()
    if profile is None:
        audit_record(actor=actor, verb=AuditVerb.ACCESS_DENIED, detail={"profile": profile_id})
        return None
    versions = list(profile.versions.order_by("number"))
    first, last = in_force(versions, timezone.localdate())
    read = ProfileRead(
        profile=profile,
        current=_current(versions),
        performance=profile_hits(profile_id=profile.pk, first=first, last=last),
    )
    read.versions = [_version_words(v) for v in reversed(versions)]
    read.period = f"{first:%B %Y} to {last:%B %Y}"
    presented = result_present(read.performance.result)
    read.table = {"table": presented, "rows": presented_cells(presented)}
    presented = result_present(read.performance.outcomes)
    read.outcomes = {"table": presented, "rows": presented_cells(presented)}
    read.nationalities = profile_nationalities(versions)
    audit_record(actor=actor, verb=AuditVerb.PROFILE_READ, target=profile)
    return read


def profile_versions(
    *, actor: Actor, profile_id: int
) -> tuple[RiskProfile, list[ProfileVersion]] | None:
    """One profile and its versions, oldest first; audited (an unknown number too, as a
    denial)."""
    capability_require(actor=actor, capability=Capability.MANAGE_RISK_PROFILES)
    profile = RiskProfile.objects.select_related("owner").filter(pk=profile_id).first()
    if profile is None:
        audit_record(actor=actor, verb=AuditVerb.ACCESS_DENIED, detail={"profile": profile_id})
        return None
    audit_record(actor=actor, verb=AuditVerb.PROFILE_READ, target=profile)
    return profile, list(profile.versions.order_by("number"))


def profile_nationalities(versions: list[ProfileVersion]) -> list[str]:
    """The nationalities any version of a profile tests, in order of first mention."""
    found: list[str] = []
    for v in versions:
        for c in conditions_parse(v.conditions):
            if c.field == bc.ScreenField.NATIONALITY:
                found += [str(value) for value in c.values if str(value) not in found]
    return found


def confirmed_share(read: ProfileRead) -> str:
    """The share of a profile's reviewed hits that were confirmed, in words."""
    return _share(read.performance.confirmed, read.performance.reviewed)
