"""CSV import of anonymous notifications, through the same importer as referrals."""

from collections.abc import Iterable
from datetime import date, datetime
from typing import Any

from nrm.audit.models import AuditVerb
from nrm.audit.services import audit_record_many
from nrm.referrals.importers import (
    Check,
    Checked,
    ImportKind,
    ImportOptions,
    ImportResult,
    resolver_from,
    run_import,
)
from nrm.referrals.models import AnonymousNotification
from nrm.referrals.services import notification_build, notification_check
from nrm.standard.schema import AnonymousNotification as NotificationSchema
from nrm.standard.validation import FieldError


def notification_checker(
    *, organisations: Iterable[tuple[int, str]], today: date | None, submitted_by_id: int | None
) -> Check:
    resolver = resolver_from(organisations)

    def check(data: dict[str, Any]) -> Checked[AnonymousNotification] | list[FieldError]:
        checked = notification_check(data, resolver=resolver, today=today)
        if isinstance(checked, list):
            return checked
        record, organisation = checked
        item = notification_build(
            record,
            organisation=organisation,
            submitted_by_id=submitted_by_id,
            reference="",
        )
        return Checked(record.notification_date.year, item)

    return check


def _finish(item: AnonymousNotification, reference: str, now: datetime) -> None:
    item.reference = reference


def notifications_import(options: ImportOptions) -> ImportResult:
    def save(batch: list[AnonymousNotification]) -> None:
        created = AnonymousNotification.objects.bulk_create(batch, batch_size=1000)
        audit_record_many(
            actor=options.actor,
            verb=AuditVerb.NOTIFICATION_SUBMIT,
            target_type="referrals.anonymousnotification",
            target_ids=[n.pk for n in created],
            detail={"door": "csv", "file": options.path.name},
        )

    kind = ImportKind(
        model=NotificationSchema,
        prefix="NRM-AN",
        date_column="notification_date",
        checker="nrm.referrals.notification_import:notification_checker",
        checker_config=options.checker_config(),
        finish=_finish,
        save=save,
    )
    return run_import(kind, options)
