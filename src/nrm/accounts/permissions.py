"""Capability checks: deny by default. Doors (``nrm.accounts.decorators``) and the services
behind them all ask here."""

from typing import Any

from nrm.accounts.actors import Actor, SystemActor
from nrm.accounts.capabilities import Capability
from nrm.audit.models import AuditVerb
from nrm.audit.services import audit_record

DENIED = "You do not have permission to do this"


class CapabilityDenied(Exception):
    """The actor's role does not grant the capability; the denial has been audited."""

    def __init__(self, capability: Capability) -> None:
        super().__init__(DENIED)
        self.capability = capability


def capabilities_of(actor: Actor | None) -> frozenset[str]:
    """What ``actor`` may do: a system actor's declared capabilities, an active user's role's;
    nothing for anyone else (an inactive user, a user without a role, nobody)."""
    if isinstance(actor, SystemActor):
        return frozenset(str(c) for c in actor.capabilities)
    if actor is None or not getattr(actor, "is_active", False):
        return frozenset()
    role = getattr(actor, "role", None)
    return frozenset(role.capabilities) if role is not None else frozenset()


def has_capability(actor: Actor | None, capability: Capability) -> bool:
    return capability.value in capabilities_of(actor)


def capability_require(
    *, actor: Actor, capability: Capability, detail: dict[str, Any] | None = None
) -> None:
    """Return if ``actor`` holds ``capability``; otherwise audit the denial and raise."""
    if has_capability(actor, capability):
        return
    audit_record(
        actor=actor,
        verb=AuditVerb.ACCESS_DENIED,
        detail={"capability": capability.value, **(detail or {})},
    )
    raise CapabilityDenied(capability)
