"""Writing audit events. Call inside the transaction of the change being recorded.

Details hold references, codes and counts only: never names, dates of birth or account text.
"""

from collections.abc import Sequence
from typing import Any

from django.db import models
from django.utils import timezone

from nrm.audit.models import AuditEvent, AuditVerb
from nrm.bulk import rows_insert


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
    *,
    actor: Any,
    verb: AuditVerb,
    target_type: str,
    target_ids: Sequence[int | str],
    detail: dict[str, Any],
) -> None:
    """One event per target, written in bulk (imports)."""
    now = timezone.now()
    actor_id = getattr(actor, "pk", None)
    rows_insert(
        AuditEvent,
        [
            {
                "at": now,
                "actor_id": actor_id,
                "verb": verb.value,
                "target_type": target_type,
                "target_id": str(target_id),
                "detail": detail,
            }
            for target_id in target_ids
        ],
    )
