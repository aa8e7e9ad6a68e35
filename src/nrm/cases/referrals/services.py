"""Writes for intake: referrals and anonymous notifications. Every door calls these."""

from collections.abc import Iterable, Mapping
from datetime import date, datetime
from typing import Any, TypeVar

from django.db import transaction
from django.utils import timezone

from nrm.accounts.actors import Actor, acting_user
from nrm.accounts.capabilities import Capability
from nrm.accounts.models import Organisation
from nrm.accounts.permissions import capability_require
from nrm.audit.models import AuditVerb
from nrm.audit.services import audit_record, audit_record_many
from nrm.cases import models
from nrm.cases.models import Case
from nrm.cases.referrals import errors
from nrm.cases.referrals.build import BuiltReferral, referral_build
from nrm.cases.referrals.references import references_reserve
from nrm.cases.referrals.signals import referrals_saved_send
from nrm.db.bulk import ids_allocate, pipelined, rows_insert
from nrm.standard import messages, schema
from nrm.standard.codes import DecisionOutcome
from nrm.standard.text import text_problems
from nrm.standard.validation import FieldError, notification_validate, referral_validate
from nrm.standard.words import field_name, say

DECISION_FIELDS = ("rg_outcome", "rg_date", "cg_outcome", "cg_date")


class OrganisationResolver:
    """Which organisation a record is submitted for: the actor's own, or a named one (imports)."""

    def __init__(
        self, *, own: Organisation | None, known: Iterable[Organisation] | None = None
    ) -> None:
        self.own = own
        self._by_code = None if known is None else {o.code: o for o in known if o.is_active}

    def resolve(self, code: str | None) -> Organisation | FieldError:
        field = "first_responder_organisation"
        if self.own is not None:
            if code and code != self.own.code:
                message = say(errors.OTHER_ORGANISATION, name=self.own.name, own=self.own.code)
                return FieldError(field, message, "other_organisation", code)
            return self.own
        if not code:
            return FieldError(field, say(errors.ORGANISATION_REQUIRED), "required", None)
        if self._by_code is None:
            self._by_code = {o.code: o for o in Organisation.objects.filter(is_active=True)}
        found = self._by_code.get(code)
        if found is None:
            allowed = ", ".join(sorted(self._by_code))
            message = say(errors.UNKNOWN_ORGANISATION, allowed=allowed)
            return FieldError(field, message, "unknown_organisation", code)
        return found


Record = TypeVar("Record")


def _with_organisation(
    data: Mapping[str, Any],
    resolver: OrganisationResolver,
    record: Record | None,
    problems: list[FieldError],
) -> tuple[Record, Organisation] | list[FieldError]:
    """The valid record with the organisation it names (or the submitter's), or every problem:
    the standard's and the organisation's together."""
    organisation = resolver.resolve(_text(data.get("first_responder_organisation")))
    if isinstance(organisation, FieldError):
        problems.append(organisation)
    if problems or record is None or isinstance(organisation, FieldError):
        return problems
    return record, organisation


def referral_check(
    data: Mapping[str, Any],
    *,
    resolver: OrganisationResolver,
    allow_decisions: bool,
    today: date | None = None,
) -> tuple[schema.Referral, Organisation] | list[FieldError]:
    """Validate one submission fully (schema, rules, organisation, decision permission)."""
    problems: list[FieldError] = []
    if not allow_decisions:
        for name in DECISION_FIELDS:
            if data.get(name) not in (None, "", DecisionOutcome.PENDING):
                message = messages.DECISIONS_NOT_ALLOWED.format(name=field_name(name))
                problems.append(FieldError(name, message, "decision_not_allowed", None))
    validated = referral_validate(data, today=today)
    return _with_organisation(data, resolver, validated.record, problems + validated.errors)


def _text(value: Any) -> str | None:
    return value.strip() if isinstance(value, str) and value.strip() else None


def referrals_save(
    *, built: list[BuiltReferral], actor: Actor, verb: AuditVerb, detail: dict[str, Any]
) -> list[int]:
    """Insert built referrals and all their rows, with one audit event each; return their ids.

    References must already be set. Runs in the caller's transaction.
    """
    capability_require(actor=actor, capability=Capability.SUBMIT_REFERRAL, detail=detail)
    ids = ids_allocate(models.Referral, len(built))
    for referral_id, b in zip(ids, built, strict=True):
        b.referral["id"] = referral_id
        b.person["referral_id"] = referral_id
        for row in b.nationalities:
            row["referral_id"] = referral_id
        for row in b.decisions:
            row["referral_id"] = referral_id
        b.case["referral_id"] = referral_id
        if b.account is not None:
            b.account["referral_id"] = referral_id
    with pipelined(len(built)):
        rows_insert(models.Referral, [b.referral for b in built])
        rows_insert(models.Person, [b.person for b in built])
        rows_insert(models.Nationality, [row for b in built for row in b.nationalities])
        rows_insert(models.VictimAccount, [b.account for b in built if b.account is not None])
        rows_insert(models.Decision, [row for b in built for row in b.decisions])
        rows_insert(Case, [b.case for b in built])
        audit_record_many(
            actor=actor,
            verb=verb,
            target_type=models.Referral._meta.label_lower,
            target_ids=ids,
            detail=detail,
        )
    referrals_saved_send(ids)
    return ids


def referral_submit(
    *,
    actor: Actor,
    data: Mapping[str, Any],
    organisation: Organisation | None = None,
    allow_decisions: bool = False,
    today: date | None = None,
    door: str = "api",
) -> models.Referral:
    """Validate and save one referral; raise ``ReferralInvalid`` with field-level errors.

    ``organisation`` is the submitter's own organisation (API and web); when None the record
    must name one (operator imports).
    """
    capability_require(actor=actor, capability=Capability.SUBMIT_REFERRAL, detail={"door": door})
    checked = referral_check(
        data,
        resolver=OrganisationResolver(own=organisation),
        allow_decisions=allow_decisions,
        today=today,
    )
    if isinstance(checked, list):
        raise errors.ReferralInvalid(checked)
    record, org = checked
    with transaction.atomic():
        (reference,) = references_reserve(prefix=f"NRM-{record.referral_date.year}", count=1)
        built = referral_build(
            record,
            organisation=org,
            submitted_by_id=getattr(actor, "pk", None),
            reference=reference,
            now=timezone.now(),
        )
        referrals_save(
            built=[built], actor=actor, verb=AuditVerb.REFERRAL_SUBMIT, detail={"door": door}
        )
    return models.Referral(**built.referral)


def notification_check(
    data: Mapping[str, Any], *, resolver: OrganisationResolver, today: date | None = None
) -> tuple[schema.AnonymousNotification, Organisation] | list[FieldError]:
    """Validate one anonymous notification fully (schema, rules, organisation)."""
    validated = notification_validate(data, today=today)
    return _with_organisation(data, resolver, validated.record, list(validated.errors))


def notification_submit(
    *,
    actor: Actor,
    data: Mapping[str, Any],
    organisation: Organisation | None = None,
    today: date | None = None,
) -> models.AnonymousNotification:
    """Validate and save an anonymous notification; raise ``ReferralInvalid`` on bad input."""
    capability_require(actor=actor, capability=Capability.SUBMIT_NOTIFICATION)
    checked = notification_check(data, resolver=OrganisationResolver(own=organisation), today=today)
    if isinstance(checked, list):
        raise errors.ReferralInvalid(checked)
    record, resolved = checked
    with transaction.atomic():
        prefix = f"NRM-AN-{record.notification_date.year}"
        (reference,) = references_reserve(prefix=prefix, count=1)
        notification = notification_build(
            record,
            organisation=resolved,
            submitted_by_id=getattr(actor, "pk", None),
            reference=reference,
        )
        notification.save()
        audit_record(actor=actor, verb=AuditVerb.NOTIFICATION_SUBMIT, target=notification)
    return notification


NOTIFICATION_COLUMNS = (
    "schema_version",
    "notification_date",
    "received_at",
    "organisation_id",
    "submitted_by_id",
    "nation",
    "police_region",
    "age_group",
    "gender",
    "nationality",
    "exploitation_type",
    "exploitation_sub_types",
    "exploitation_region",
    "exploitation_country",
)


def notification_values(
    record: schema.AnonymousNotification,
    *,
    organisation_id: int,
    submitted_by_id: int | None,
    now: datetime | None,
) -> tuple[Any, ...]:
    """The notification's row in the order of ``NOTIFICATION_COLUMNS`` (no reference)."""
    return (
        record.schema_version,
        record.notification_date,
        now,
        organisation_id,
        submitted_by_id,
        record.nation.value,
        record.police_region.value,
        record.age_group.value,
        record.gender.value,
        record.nationality or "",
        record.exploitation_type.value,
        [code.value for code in record.exploitation_sub_types],
        record.exploitation_region.value,
        record.exploitation_country or "",
    )


def notification_build(
    record: schema.AnonymousNotification,
    *,
    organisation: Organisation,
    submitted_by_id: int | None,
    reference: str,
) -> models.AnonymousNotification:
    values = notification_values(
        record, organisation_id=organisation.pk, submitted_by_id=submitted_by_id, now=None
    )
    notification = models.AnonymousNotification(
        reference=reference, **dict(zip(NOTIFICATION_COLUMNS, values, strict=True))
    )
    notification.organisation = organisation
    return notification


# Drafts of web referrals: each write is audited with the draft as target and a detail that
# says what happened to it.
DRAFT_WRITE = AuditVerb.DRAFT_WRITE


def _draft_check(actor: Actor, draft: models.ReferralDraft | None) -> Organisation:
    capability_require(actor=actor, capability=Capability.SUBMIT_REFERRAL)
    organisation = getattr(actor, "organisation", None)
    if organisation is None or (draft is not None and draft.organisation_id != organisation.pk):
        audit_record(actor=actor, verb=AuditVerb.ACCESS_DENIED, detail={"draft": "refused"})
        raise errors.DraftNotFound(errors.DRAFT_NOT_FOUND)
    return organisation


def draft_save(
    *, actor: Actor, draft: models.ReferralDraft | None, data: dict[str, Any]
) -> models.ReferralDraft:
    """Save the answers so far (a new draft when ``draft`` is None), audited. Raises
    ``ReferralInvalid`` for answers holding text the case store cannot keep, and saves
    nothing."""
    organisation = _draft_check(actor, draft)
    unstorable = [
        FieldError(field, message, code)
        for answers in data.get("sections", {}).values()
        for field, message, code in text_problems(answers)
    ]
    if unstorable:
        raise errors.ReferralInvalid(unstorable)
    with transaction.atomic():
        if draft is None:
            draft = models.ReferralDraft.objects.create(
                organisation=organisation, created_by=acting_user(actor), data=data
            )
            what = "created"
        else:
            draft.data = data
            draft.save(update_fields=["data", "updated_at"])
            what = "saved"
        audit_record(actor=actor, verb=DRAFT_WRITE, target=draft, detail={"draft": what})
    return draft


def _draft_remove(actor: Actor, draft: models.ReferralDraft, why: str) -> None:
    audit_record(actor=actor, verb=DRAFT_WRITE, target=draft, detail={"draft": why})
    draft.delete()


def draft_delete(*, actor: Actor, draft: models.ReferralDraft) -> None:
    """Delete a draft and its answers, audited."""
    _draft_check(actor, draft)
    with transaction.atomic():
        _draft_remove(actor, draft, "deleted")


def draft_referral_submit(
    *, actor: Actor, draft: models.ReferralDraft, data: Mapping[str, Any], today: date | None = None
) -> models.Referral:
    """Submit a draft's answers through ``referral_submit``; the draft is deleted with it.
    Raises ``ReferralInvalid`` (and keeps the draft) when the answers break the standard."""
    organisation = _draft_check(actor, draft)
    with transaction.atomic():
        referral = referral_submit(
            actor=actor, data=data, organisation=organisation, today=today, door="web"
        )
        _draft_remove(actor, draft, "submitted")
    return referral


def draft_notification_submit(
    *,
    actor: Actor,
    draft: models.ReferralDraft | None,
    data: Mapping[str, Any],
    today: date | None = None,
) -> models.AnonymousNotification:
    """Submit an anonymous notification through ``notification_submit``. When it replaces a
    draft referral (an adult who declined), the draft and its identifying answers are deleted."""
    capability_require(actor=actor, capability=Capability.SUBMIT_NOTIFICATION)
    if draft is not None:
        _draft_check(actor, draft)
    with transaction.atomic():
        notification = notification_submit(
            actor=actor, data=data, organisation=getattr(actor, "organisation", None), today=today
        )
        if draft is not None:
            _draft_remove(actor, draft, "replaced_by_notification")
    return notification
