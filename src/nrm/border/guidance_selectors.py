"""Reading the border guidance (docs/border.md#guidance-for-border-staff): the ports, and for one
port what to look for (the crew line's list of indicators), the risk profiles screening today
and the referral map made from the allocation and support-routing rules. For those who may read
it (``READ_BORDER_GUIDANCE``); every listing and reading is audited. Numbers and words only:
never a person, a hit or the intelligence a profile rests on."""

from dataclasses import dataclass, field
from datetime import date

from django.utils import timezone

from nrm.accounts.actors import Actor
from nrm.accounts.capabilities import Capability
from nrm.accounts.permissions import capability_require
from nrm.audit.models import AuditVerb
from nrm.audit.services import audit_record
from nrm.border.crew_models import CrewPortOffice
from nrm.border.guidance_map import ReferralMap, referral_map_build
from nrm.border.profile_conditions import condition_words, conditions_parse
from nrm.border.screening_services import active_versions
from nrm.standard import crew_codes as cc


@dataclass(frozen=True)
class PortRow:
    code: str
    name: str
    nation: str
    border_force: str | None


@dataclass(frozen=True)
class ProfileInUse:
    name: str
    conditions: list[str]
    expires_on: date


@dataclass
class Guidance:
    port: cc.Port
    made_on: date
    indicators: list[str] = field(default_factory=list)
    profiles: list[ProfileInUse] = field(default_factory=list)
    referral_map: ReferralMap | None = None


def guidance_ports(*, actor: Actor) -> list[PortRow]:
    """Every UK port, by name, with its nation and its Border Force organisation; audited."""
    capability_require(actor=actor, capability=Capability.READ_BORDER_GUIDANCE)
    offices = {
        o.port: o.organisation.name
        for o in CrewPortOffice.objects.select_related("organisation")
        if o.organisation.is_active
    }
    rows = sorted(
        (
            PortRow(p.value, str(p.label), str(cc.PORT_NATION[p].label), offices.get(p.value))
            for p in cc.Port
        ),
        key=lambda r: r.name,
    )
    audit_record(actor=actor, verb=AuditVerb.GUIDANCE_LIST, detail={"ports": len(rows)})
    return rows


def guidance_indicators() -> list[str]:
    """What to look for: the crew line's indicators, in words (its 'something else' left out)."""
    return [str(i.label) for i in cc.CrewIndicator if i != cc.CrewIndicator.OTHER]


def guidance_profiles() -> list[ProfileInUse]:
    """The risk profiles screening today (active, not expired), their conditions in words."""
    return [
        ProfileInUse(
            name=v.name,
            conditions=[condition_words(c) for c in conditions_parse(v.conditions)],
            expires_on=v.expires_on,
        )
        for v in sorted(active_versions(), key=lambda v: v.name.lower())
    ]


def guidance_read(*, actor: Actor, port: str) -> Guidance | None:
    """The guidance of ``port`` (an IATA code, any case); None for a port not on the list.
    Audited, an unknown port as a denial."""
    capability_require(actor=actor, capability=Capability.READ_BORDER_GUIDANCE)
    code = port.strip().upper()[:3]
    if code not in cc.Port.values:
        audit_record(actor=actor, verb=AuditVerb.ACCESS_DENIED, detail={"port": "unknown"})
        return None
    chosen = cc.Port(code)
    guidance = Guidance(
        port=chosen,
        made_on=timezone.localdate(),
        indicators=guidance_indicators(),
        profiles=guidance_profiles(),
        referral_map=referral_map_build(port=chosen),
    )
    audit_record(
        actor=actor,
        verb=AuditVerb.GUIDANCE_READ,
        detail={"port": chosen.value, "profiles": len(guidance.profiles)},
    )
    return guidance
