"""Which referrals, cases, notifications and drafts an actor may see: ``nrm.accounts.access``
decides, this turns its answer into filters on the case domain's records. Every selector and
service of the case domain scopes its queries here; a record outside the filter is, to that
actor, a record that does not exist (and the attempt is audited by the caller).
"""

from django.db.models import Q

from nrm.accounts.access import Sees, visibility
from nrm.accounts.actors import Actor
from nrm.accounts.capabilities import Capability
from nrm.accounts.permissions import has_capability
from nrm.support.selectors import referral_ids_supported_by

NOTHING = Q(pk__in=[])


def referral_scope(
    actor: Actor, *, prefix: str = "", case_prefix: str = "case__", authority: str = ""
) -> Q:
    """A filter on referrals (``prefix="referral__"`` from a related model) for ``actor``.
    ``authority`` names the competent authority column when not the referral's."""
    seen = visibility(actor)
    if seen.sees == Sees.EVERYTHING:
        return Q()
    if seen.sees == Sees.ORGANISATION:
        return Q(**{f"{prefix}organisation_id": seen.value})
    if seen.sees == Sees.AUTHORITY:
        return Q(**{authority or f"{prefix}competent_authority": seen.value})
    if seen.sees == Sees.ASSIGNED:
        return Q(**{f"{case_prefix}assigned_to": seen.value})
    if seen.sees == Sees.SUPPORTED:
        supported = referral_ids_supported_by(organisation=int(str(seen.value)))
        return Q(**{f"{prefix}id__in": supported})
    return NOTHING


def case_scope(actor: Actor) -> Q:
    """A filter on cases for ``actor`` (the authority from the case's own copy: one index)."""
    return referral_scope(
        actor, prefix="referral__", case_prefix="", authority="competent_authority"
    )


def sees_internal_case_content(actor: Actor) -> bool:
    """Whether ``actor`` reads the competent authority's own working of a case: the case
    summary, notes, who it is assigned to, and the reasons of changes that are not decisions
    (a suspension, an extension, a reallocation). The authority's staff do; the referring first
    responder and the support provider see the case's stage, its timeline and the reasons of its
    decisions, as a decision letter gives them (docs/accounts.md)."""
    return visibility(actor).sees in (Sees.AUTHORITY, Sees.ASSIGNED, Sees.EVERYTHING)


def notification_scope(actor: Actor) -> Q:
    """Anonymous notifications hold no one's identity, but only the organisation that sent
    them reads them back (and a system actor that sees everything)."""
    seen = visibility(actor)
    if seen.sees == Sees.EVERYTHING:
        return Q()
    if seen.sees == Sees.ORGANISATION:
        return Q(organisation_id=seen.value)
    return NOTHING


def draft_organisation(actor: Actor) -> int | None:
    """The organisation whose web referral drafts ``actor`` may open: drafts hold personal
    data, so only the first responders (who may submit referrals, in the scope of their own
    organisation) of the draft's organisation. None for anyone else."""
    seen = visibility(actor)
    if seen.sees != Sees.ORGANISATION or not has_capability(actor, Capability.SUBMIT_REFERRAL):
        return None
    return int(str(seen.value))
