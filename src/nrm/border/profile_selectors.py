"""Reading risk profiles and how they perform, for the analysts who manage them
(``MANAGE_RISK_PROFILES``); every listing and reading is audited. Performance is counted from
the hits: how many each month, how many reviewed, and the share confirmed (an outcome other than
no further action), so that a profile that stops hitting, or whose hits are no longer
confirmed, shows."""

from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any

from django.db.models import Count, Max, Q
from django.db.models.functions import TruncMonth

from nrm.accounts.actors import Actor
from nrm.accounts.capabilities import Capability
from nrm.accounts.permissions import capability_require
from nrm.audit.models import AuditVerb
from nrm.audit.services import audit_record
from nrm.border.profile_conditions import condition_words, conditions_parse
from nrm.border.profile_models import Hit, ProfileVersion, RiskProfile
from nrm.standard import border_codes as bc

CONFIRMED = Q(outcome__in=[str(o) for o in bc.CONFIRMED_OUTCOMES])
REVIEWED = ~Q(outcome="")


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
    hits = {
        row["version__profile_id"]: row
        for row in Hit.objects.values("version__profile_id").annotate(
            n=Count("id"), last=Max("screened_at")
        )
    }
    owners = dict(RiskProfile.objects.values_list("id", "owner__name"))
    found = []
    for profile_id, kept in versions.items():
        current = _current(kept)
        counted = hits.get(profile_id, {})
        found.append(
            ProfileSummary(
                id=profile_id,
                name=current.name,
                status=bc.ProfileStatus(current.status).label,
                version=current.number,
                owner=owners.get(profile_id, ""),
                hits=int(counted.get("n", 0)),
                last_hit=counted.get("last"),
                expires_on=current.expires_on,
            )
        )
    audit_record(actor=actor, verb=AuditVerb.PROFILE_LIST, detail={"profiles": len(found)})
    return found


@dataclass
class ProfileRead:
    profile: RiskProfile
    current: ProfileVersion
    versions: list[dict[str, Any]] = field(default_factory=list)
    months: list[dict[str, Any]] = field(default_factory=list)
    outcomes: list[dict[str, Any]] = field(default_factory=list)
    hits: int = 0
    reviewed: int = 0
    confirmed: int = 0


def _share(part: int, whole: int) -> str:
    return f"{round(100 * part / whole)}%" if whole else "none reviewed"


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


def profile_read(*, actor: Actor, profile_id: int) -> ProfileRead | None:
    """One profile: its versions (conditions in words), hits by month with the share confirmed,
    and the outcomes recorded; audited (an unknown number too, as a denial)."""
    capability_require(actor=actor, capability=Capability.MANAGE_RISK_PROFILES)
    profile = RiskProfile.objects.select_related("owner").filter(pk=profile_id).first()
    if profile is None:
        audit_record(actor=actor, verb=AuditVerb.ACCESS_DENIED, detail={"profile": profile_id})
        return None
    versions = list(profile.versions.order_by("number"))
    read = ProfileRead(profile=profile, current=_current(versions))
    read.versions = [_version_words(v) for v in reversed(versions)]
    hits = Hit.objects.filter(version__profile=profile)
    by_month = (
        hits.annotate(month=TruncMonth("screened_at"))
        .values("month")
        .annotate(
            n=Count("id"),
            reviewed=Count("id", filter=REVIEWED),
            confirmed=Count("id", filter=CONFIRMED),
        )
        .order_by("month")
    )
    for row in by_month:
        read.months.append({
            "month": row["month"], "hits": row["n"], "reviewed": row["reviewed"],
            "confirmed": row["confirmed"], "share": _share(row["confirmed"], row["reviewed"]),
        })  # fmt: skip
        read.hits += row["n"]
        read.reviewed += row["reviewed"]
        read.confirmed += row["confirmed"]
    counted = dict(hits.exclude(outcome="").values_list("outcome").annotate(n=Count("id")))
    read.outcomes = [{"outcome": o.label, "hits": counted.get(o.value, 0)} for o in bc.HitOutcome]
    audit_record(actor=actor, verb=AuditVerb.PROFILE_READ, target=profile)
    return read


def confirmed_share(read: ProfileRead) -> str:
    """The share of a profile's reviewed hits that were confirmed, in words."""
    return _share(read.confirmed, read.reviewed)
