"""Which cases an acting user sees: decided here, in one place, for every selector and service.

A role's scope (``nrm.accounts.capabilities.Scope``) gives the rule: own organisation (first
responders see their organisation's referrals), own competent authority (caseworkers and managers
see the cases allocated to their authority), assigned (cases assigned to them), support (people
referred to their organisation for support), none (no case content). Inactive users, users
without a role and unknown scopes see nothing.
"""

from typing import Any

from django.db.models import Q

from nrm.accounts.capabilities import Scope
from nrm.support.selectors import referral_ids_supported_by

NOTHING = Q(pk__in=[])


def referral_scope(
    actor: Any, *, prefix: str = "", case_prefix: str = "case__", authority: str = ""
) -> Q:
    """A filter on referrals (``prefix="referral__"`` from a related model) for ``actor``.
    ``authority`` names the competent authority column when not the referral's."""
    role = getattr(actor, "role", None)
    if actor is None or not getattr(actor, "is_active", False) or role is None:
        return NOTHING
    organisation = getattr(actor, "organisation", None)
    if role.scope == Scope.OWN_ORGANISATION and organisation is not None:
        return Q(**{f"{prefix}organisation_id": organisation.pk})
    if role.scope == Scope.OWN_COMPETENT_AUTHORITY and organisation is not None:
        if organisation.competent_authority:
            column = authority or f"{prefix}competent_authority"
            return Q(**{column: organisation.competent_authority})
        return NOTHING
    if role.scope == Scope.ASSIGNED:
        return Q(**{f"{case_prefix}assigned_to": actor.pk})
    if role.scope == Scope.SUPPORT and organisation is not None:
        return Q(**{f"{prefix}id__in": referral_ids_supported_by(organisation=organisation.pk)})
    return NOTHING


def case_scope(actor: Any) -> Q:
    """A filter on cases for ``actor`` (the authority from the case's own copy: one index)."""
    return referral_scope(
        actor, prefix="referral__", case_prefix="", authority="competent_authority"
    )
