"""Who acts on the case store: a user (signed in on the web or calling the API with a token) or
a named part of the system. Every service takes one of these as ``actor``, never None, and asks
``nrm.accounts.permissions`` what it may do and ``nrm.cases.access`` what it may see.

A system actor is an operator at the ``nrm`` command line on the server (who already holds the
database), the demo builder, or the sign-in steps before anyone is known. Each has a name that the
audit log records and the capabilities its commands need, no more.
"""

from dataclasses import dataclass

from django.http import HttpRequest

from nrm.accounts.capabilities import Capability
from nrm.accounts.models import User


@dataclass(frozen=True)
class SystemActor:
    name: str
    capabilities: frozenset[Capability]
    sees_every_case: bool = False  # no case content otherwise
    is_active: bool = True

    def __str__(self) -> str:
        return self.name


Actor = User | SystemActor

OPERATOR = SystemActor(
    "operator",
    frozenset(
        {
            Capability.SUBMIT_REFERRAL,
            Capability.SUBMIT_NOTIFICATION,
            Capability.READ_REFERRALS,
            Capability.ALLOCATE_CASE,
            Capability.VIEW_DEADLINES,
            Capability.READ_EXTRACTS,
            Capability.RELEASE_STATISTICS,
            Capability.MANAGE_ACCOUNTS,
            Capability.RECORD_INTELLIGENCE,
            Capability.READ_NATIONAL_INTELLIGENCE,
            Capability.RESOLVE_PEOPLE,
            Capability.MONITOR_SURGES,
            Capability.REVIEW_SIMILAR_ACCOUNTS,
            Capability.RECORD_PROSECUTIONS,
            Capability.READ_PROSECUTIONS,
            Capability.MANAGE_RISK_PROFILES,
            Capability.SCREEN_AT_BORDER,
        }
    ),
    sees_every_case=True,
)
DEMO = SystemActor("demo", frozenset(Capability), sees_every_case=True)
ANONYMOUS = SystemActor("anonymous", frozenset())


class AuthenticatedRequest(HttpRequest):
    """A request of a page behind sign-in (``SignInRequiredMiddleware`` lets no other
    through), so ``user`` is a signed-in ``User``: what views annotate their request with."""

    user: User


def acting_user(actor: Actor) -> User | None:
    """The user behind ``actor``, for the columns that name who did something (None for a
    system actor, whose name the audit log records)."""
    return actor if isinstance(actor, User) else None
