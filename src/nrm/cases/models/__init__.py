"""The case store: each referral (with the person, their nationalities, account and the
decisions on them), its case (stage, deadlines, timeline), anonymous notifications, drafts and
the bookkeeping of references and idempotent requests. Models only hold data: rules live in the
services and in ``nrm.standard``."""

from nrm.cases.models.case import Backlog, Case, CaseEvent
from nrm.cases.models.referral import (
    AnonymousNotification,
    Decision,
    IdempotencyRecord,
    Nationality,
    Person,
    ReferenceCounter,
    Referral,
    ReferralDraft,
    VictimAccount,
)

__all__ = [
    "AnonymousNotification",
    "Backlog",
    "Case",
    "CaseEvent",
    "Decision",
    "IdempotencyRecord",
    "Nationality",
    "Person",
    "ReferenceCounter",
    "Referral",
    "ReferralDraft",
    "VictimAccount",
]
