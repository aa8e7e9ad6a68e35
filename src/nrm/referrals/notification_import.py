"""CSV import of anonymous notifications, through the same importer as referrals."""

from collections.abc import Callable, Iterable
from datetime import date, datetime
from pathlib import Path
from typing import Any

from nrm.audit.models import AuditVerb
from nrm.audit.services import audit_record_many
from nrm.referrals.importers import (
    Check,
    Checked,
    ImportKind,
    ImportResult,
    RowError,
    organisations_for_workers,
    resolver_from,
    run_import,
)
from nrm.referrals.models import AnonymousNotification
from nrm.referrals.services import notification_build
from nrm.standard.schema import AnonymousNotification as NotificationSchema
from nrm.standard.validation import FieldError, notification_validate


def notification_checker(
    *, organisations: Iterable[tuple[int, str]], today: date | None, submitted_by_id: int | None
) -> Check:
    resolver = resolver_from(organisations)

    def check(data: dict[str, Any]) -> Checked[AnonymousNotification] | list[FieldError]:
        validated = notification_validate(data, today=today)
        problems = list(validated.errors)
        organisation = resolver.resolve(data.get("first_responder_organisation"))
        if isinstance(organisation, FieldError):
            problems.append(organisation)
        if problems or validated.record is None or isinstance(organisation, FieldError):
            return problems
        item = notification_build(
            validated.record,
            organisation=organisation,
            submitted_by_id=submitted_by_id,
            reference="",
        )
        return Checked(validated.record.notification_date.year, item)

    return check


def _finish(item: AnonymousNotification, reference: str, now: datetime) -> None:
    item.reference = reference


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
    parallel: bool | None = None,
) -> ImportResult:
    def save(batch: list[AnonymousNotification]) -> None:
        created = AnonymousNotification.objects.bulk_create(batch, batch_size=1000)
        audit_record_many(
            actor=actor,
            verb=AuditVerb.NOTIFICATION_SUBMIT,
            target_type="referrals.anonymousnotification",
            target_ids=[n.pk for n in created],
            detail={"door": "csv", "file": path.name},
        )

    kind = ImportKind(
        model=NotificationSchema,
        prefix="NRM-AN",
        date_column="notification_date",
        checker="nrm.referrals.notification_import:notification_checker",
        checker_config={
            "organisations": organisations_for_workers(),
            "today": today,
            "submitted_by_id": getattr(actor, "pk", None),
        },
        finish=_finish,
        save=save,
    )
    defaults = {"first_responder_organisation": organisation_code} if organisation_code else {}
    return run_import(
        kind,
        path=path,
        partial=partial,
        defaults=defaults,
        rejects_path=rejects_path,
        on_error=on_error,
        progress=progress,
        parallel=parallel,
    )
