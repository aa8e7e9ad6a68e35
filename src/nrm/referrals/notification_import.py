"""CSV import of anonymous notifications, through the same importer as referrals."""

from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any

from nrm.audit.models import AuditVerb
from nrm.audit.services import audit_record_many
from nrm.referrals.importers import Checked, ImportKind, ImportResult, RowError, run_import
from nrm.referrals.models import AnonymousNotification
from nrm.referrals.services import OrganisationResolver, notification_build
from nrm.standard.schema import AnonymousNotification as NotificationSchema
from nrm.standard.validation import FieldError, notification_validate


def notifications_import(
    *,
    path: Path,
    actor: Any = None,
    partial: bool = False,
    organisation_code: str | None = None,
    rejects_path: Path | None = None,
    on_error: Callable[[RowError], None] = lambda error: None,
    progress: bool | None = None,
    today: date | None = None,
) -> ImportResult:
    resolver = OrganisationResolver(own=None)

    def check(data: dict[str, Any]) -> Checked[AnonymousNotification] | list[FieldError]:
        validated = notification_validate(data, today=today)
        problems = list(validated.errors)
        organisation = resolver.resolve(data.get("first_responder_organisation"))
        if isinstance(organisation, FieldError):
            problems.append(organisation)
        if problems or validated.record is None or isinstance(organisation, FieldError):
            return problems
        record, org = validated.record, organisation
        return Checked(
            record.notification_date.year,
            lambda reference: notification_build(
                record, organisation=org, submitted_by=actor, reference=reference
            ),
        )

    def save(batch: list[AnonymousNotification]) -> None:
        created = AnonymousNotification.objects.bulk_create(batch, batch_size=1000)
        audit_record_many(
            actor=actor,
            verb=AuditVerb.NOTIFICATION_SUBMIT,
            target_type="referrals.anonymousnotification",
            target_ids=[n.pk for n in created],
            detail={"door": "csv", "file": path.name},
        )

    kind = ImportKind(NotificationSchema, "NRM-AN", "notification_date", check, save)
    defaults = {"first_responder_organisation": organisation_code} if organisation_code else {}
    return run_import(
        kind,
        path=path,
        partial=partial,
        defaults=defaults,
        rejects_path=rejects_path,
        on_error=on_error,
        progress=progress,
    )
