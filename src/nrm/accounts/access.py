"""Which records an actor may see, decided here once for every part of the project.

A role's scope gives the rule (``nrm.accounts.capabilities.Scope``): first responders see their
own organisation's records, competent authority staff those allocated to their authority,
assigned caseworkers the cases assigned to them, support providers the people referred to them
for support. A system actor that sees every case sees everything. Inactive users, users without
a role or without the organisation their scope needs, and unknown scopes see nothing.

Each part turns the answer into a filter on its own records: the case domain in
``nrm.cases.access``, support in ``nrm.support.selectors``.
"""

from dataclasses import dataclass
from enum import StrEnum

from nrm.accounts.actors import Actor, SystemActor
from nrm.accounts.capabilities import Scope


class Sees(StrEnum):
    EVERYTHING = "everything"
    NOTHING = "nothing"
    ORGANISATION = "organisation"  # the records of the organisation ``Visibility.value``
    AUTHORITY = "authority"  # the records allocated to the competent authority ``value``
    ASSIGNED = "assigned"  # the cases assigned to the user ``value``
    SUPPORTED = "supported"  # the people referred for support to the organisation ``value``


@dataclass(frozen=True)
class Visibility:
    sees: Sees
    value: int | str | None = None


NOTHING = Visibility(Sees.NOTHING)


def visibility(actor: Actor | None) -> Visibility:
    """What ``actor`` may see (see the module docstring)."""
    if isinstance(actor, SystemActor):
        return Visibility(Sees.EVERYTHING) if actor.sees_every_case else NOTHING
    role = getattr(actor, "role", None)
    if actor is None or not getattr(actor, "is_active", False) or role is None:
        return NOTHING
    organisation = actor.organisation
    if role.scope == Scope.ASSIGNED:
        return Visibility(Sees.ASSIGNED, actor.pk)
    if organisation is None:
        return NOTHING
    if role.scope == Scope.OWN_ORGANISATION:
        return Visibility(Sees.ORGANISATION, organisation.pk)
    if role.scope == Scope.OWN_COMPETENT_AUTHORITY and organisation.competent_authority:
        return Visibility(Sees.AUTHORITY, organisation.competent_authority)
    if role.scope == Scope.SUPPORT:
        return Visibility(Sees.SUPPORTED, organisation.pk)
    return NOTHING
