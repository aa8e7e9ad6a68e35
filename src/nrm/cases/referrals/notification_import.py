"""CSV import of anonymous notifications, through the same importer as referrals."""

from collections.abc import Iterable
from datetime import date, datetime
from typing import Any

from nrm.accounts.capabilities import Capability
from nrm.accounts.permissions import capability_require
from nrm.audit.models import AuditVerb
from nrm.cases.models import AnonymousNotification
from nrm.cases.referrals.importers import (
    Check,
    Checked,
    ImportKind,
    ImportOptions,
    ImportResult,
    resolver_from,
    run_import,
)
from nrm.cases.referrals.services import (
    NOTIFICATION_COLUMNS,
    notification_check,
    notification_values,
)
from nrm.standard.schema import AnonymousNotification as NotificationSchema
from nrm.standard.types import values_from_text
from nrm.standard.validation import FieldError


def notification_checker(
    *, organisations: Iterable[tuple[int, str]], today: date | None, submitted_by_id: int | None
) -> Check:
    resolver = resolver_from(organisations)

    def check(data: dict[str, Any], key: Any, now: datetime) -> Checked | list[FieldError]:
        data = values_from_text(NotificationSchema, data)  # a CSV cell is text
        checked = notification_check(data, resolver=resolver, today=today)
        if isinstance(checked, list):
            return checked
        record, organisation = checked
        row = notification_values(
            record, organisation_id=organisation.pk, submitted_by_id=submitted_by_id, now=now
        )
        return Checked(record.notification_date.year, (row,))

    return check


def notifications_import(options: ImportOptions) -> ImportResult:
    """Import anonymous notifications."""
    capability_require(actor=options.actor, capability=Capability.SUBMIT_NOTIFICATION)
    kind = ImportKind(
        model=NotificationSchema,
        prefix="NRM-AN",
        checker="nrm.cases.referrals.notification_import:notification_checker",
        checker_config=options.checker_config(),
        tables=((AnonymousNotification, NOTIFICATION_COLUMNS),),
        keyed=False,
        verb=AuditVerb.NOTIFICATION_SUBMIT,
        detail={"door": "csv", "file": options.path.name},
    )
    return run_import(kind, options)
