"""Writing audit events. Call inside the transaction of the change being recorded.

Details hold references, codes and counts only: never names, dates of birth or account text.
"""

from collections.abc import Iterable
from typing import Any

from django.db import models

from nrm.audit.models import AuditEvent, AuditVerb


def _target(target: models.Model | None) -> tuple[str, str]:
    if target is None:
        return "", ""
    return target._meta.label_lower, str(target.pk)


def audit_record(
    *,
    actor: Any,
    verb: AuditVerb,
    target: models.Model | None = None,
    detail: dict[str, Any] | None = None,
) -> AuditEvent:
    target_type, target_id = _target(target)
    return AuditEvent.objects.create(
        actor=actor if getattr(actor, "pk", None) else None,
        verb=verb,
        target_type=target_type,
        target_id=target_id,
        detail=detail or {},
    )


def audit_record_many(
    *, actor: Any, verb: AuditVerb, targets: Iterable[models.Model], detail: dict[str, Any]
) -> None:
    """One event per target, written in bulk (imports)."""
    actor = actor if getattr(actor, "pk", None) else None
    AuditEvent.objects.bulk_create(
        [
            AuditEvent(
                actor=actor,
                verb=verb,
                target_type=target._meta.label_lower,
                target_id=str(target.pk),
                detail=detail,
            )
            for target in targets
        ],
        batch_size=2000,
    )
