"""Writes for support provision. Each checks the actor's capability and scope, validates before
writing, and writes its change and its audit event in one transaction: nothing is half-saved.

Refusals are audited outside that transaction, so they are kept when the change is not made.
"""

from collections.abc import Iterable
from datetime import date, datetime

from django.db import transaction
from django.db.models import TextChoices
from django.utils import timezone

from nrm.accounts.actors import Actor, acting_user
from nrm.accounts.capabilities import Capability
from nrm.accounts.models import Organisation
from nrm.accounts.permissions import capability_require
from nrm.audit.models import AuditVerb
from nrm.audit.services import audit_record
from nrm.standard.codes import (
    ExitRoute,
    SupportDeclineReason,
    SupportReferralStatus,
    SupportRegion,
    SupportService,
    SupportType,
)
from nrm.standard.words import one_of, say
from nrm.support import messages
from nrm.support.errors import SupportDenied, SupportInvalid
from nrm.support.models import (
    OPEN_STATUSES,
    ReferredPerson,
    SupportEpisode,
    SupportReferral,
    referral_model,
)
from nrm.support.providers import provider_config
from nrm.support.selectors import has_support_regions, support_provider_for


def support_providers_seed() -> int:
    """Create the configured provider organisations; existing rows are kept as they are."""
    providers = provider_config().providers.values()
    for provider in providers:
        Organisation.objects.get_or_create(
            code=provider.code,
            defaults={
                "name": provider.name,
                "responder_type": provider.responder_type,
                "nation": provider.nation,
            },
        )
    return len(providers)


def support_region_check(*, provider: Organisation, region: str) -> str:
    """The rule of a support referral's region (docs/statistics.md, "Table 19 (chapter 5)").

    The region is the Salvation Army's support region the person is supported in. It is
    recorded, never derived from the referral: the support regions do not follow the police
    regions (the police North East takes in Yorkshire, London and the South East are shared
    between the South and the South East), so no police region of presentation names one support
    region. Only a referral to the Salvation Army has one; empty means not recorded yet, and is
    counted as not known. Returns ``region`` when it may be recorded; refuses it otherwise.
    """
    if not region:
        return ""
    _code(SupportRegion, region, messages.REGION_UNKNOWN, "region")
    if not has_support_regions(provider=provider):
        raise SupportInvalid(messages.REGION_NOT_SALVATION_ARMY, field="region")
    return region


def support_referral_create(
    *, referral: ReferredPerson, actor: Actor, at: datetime | None = None, region: str = ""
) -> SupportReferral | None:
    """Refer the person to support after a positive reasonable grounds decision.

    The configured rule chooses the provider (docs/support.md); an adult who has not consented
    is not referred (None). Idempotent: while a support referral for ``referral`` is open, it
    is returned instead of a new one. ``at`` backdates the offer (imports of past cases);
    ``region`` is the support region when it is known at the offer (``support_region_check``).
    """
    capability_require(
        actor=actor,
        capability=Capability.RECORD_RG_DECISION,
        detail={"reference": referral.reference, "action": "support_refer"},
    )
    with transaction.atomic():
        locked: ReferredPerson = (
            referral_model().objects.select_for_update().get(pk=referral.pk)  # type: ignore[attr-defined]
        )
        existing = SupportReferral.objects.filter(
            referral_id=locked.pk, status__in=OPEN_STATUSES
        ).first()
        if existing is not None:
            return existing
        provider = support_provider_for(referral=locked)
        if provider is None:
            return None
        region = support_region_check(provider=provider, region=region)
        support_referral = SupportReferral.objects.create(
            referral_id=locked.pk,
            provider=provider,
            offered_at=at or timezone.now(),
            region=region,
        )
        detail = {"reference": locked.reference, "provider": provider.code}
        if region:
            detail["region"] = region
        audit_record(
            actor=actor, verb=AuditVerb.SUPPORT_REFER, target=support_referral, detail=detail
        )
    return support_referral


def _allowed(
    *, actor: Actor, support_referral: SupportReferral, action: str, lead_only: bool = False
) -> None:
    """Raise unless the actor holds RECORD_SUPPORT and works for the provider; audit refusals."""
    detail = {"support_referral": support_referral.pk, "action": action}
    capability_require(actor=actor, capability=Capability.RECORD_SUPPORT, detail=detail)
    organisations = {support_referral.provider_id}
    if not lead_only and support_referral.delivered_by_id is not None:
        organisations.add(support_referral.delivered_by_id)
    if getattr(actor, "organisation_id", None) not in organisations:
        audit_record(
            actor=actor, verb=AuditVerb.ACCESS_DENIED, target=support_referral, detail=detail
        )
        raise SupportDenied(messages.NOT_YOUR_REFERRAL)


def _code(code_list: type[TextChoices], value: str, message: str, field: str) -> str:
    if value not in code_list.values:
        raise SupportInvalid(message.format(allowed=one_of(code_list.labels)), field=field)
    return value


def _services(values: Iterable[str]) -> list[str]:
    given = set()
    for value in values:
        given.add(_code(SupportService, value, messages.SERVICE_UNKNOWN, "services"))
    return [code for code in SupportService.values if code in given]


# What people read for the dates of an episode.
DATE_NAMES = {"start": "start date", "end": "end date"}


def _not_future(day: date, field: str) -> None:
    if day > timezone.localdate():
        message = messages.DATE_IN_FUTURE.format(date=DATE_NAMES[field])
        raise SupportInvalid(message, field=field)


def _status_label(status: str) -> str:
    return str(SupportReferralStatus(status).label).lower()


def _lock_offered(support_referral: SupportReferral, action: str) -> SupportReferral:
    locked = SupportReferral.objects.select_for_update().get(pk=support_referral.pk)
    if locked.status != SupportReferralStatus.OFFERED:
        raise SupportInvalid(
            messages.NOT_OFFERED.format(action=action, status=_status_label(locked.status)),
            field="status",
        )
    return locked


def support_referral_accept(
    *,
    support_referral: SupportReferral,
    actor: Actor,
    delivered_by: Organisation | None = None,
    at: datetime | None = None,
    region: str | None = None,
) -> SupportReferral:
    """Accept an offered support referral, optionally giving it to a configured sub-contractor
    and recording the region the person is supported in (None keeps the region recorded)."""
    _allowed(actor=actor, support_referral=support_referral, action="accept", lead_only=True)
    provider_code = support_referral.provider.code
    if region is not None:
        region = support_region_check(provider=support_referral.provider, region=region)
    if delivered_by is not None and delivered_by.pk != support_referral.provider_id:
        if delivered_by.code not in provider_config().subcontractors_of(provider_code):
            raise SupportInvalid(
                messages.NOT_A_SUBCONTRACTOR.format(
                    name=delivered_by.name, provider=support_referral.provider.name
                ),
                field="delivered_by",
            )
    else:
        delivered_by = None
    with transaction.atomic():
        locked = _lock_offered(support_referral, "accepted")
        locked.status = SupportReferralStatus.ACCEPTED
        locked.delivered_by = delivered_by
        locked.responded_at = at or timezone.now()
        locked.responded_by = acting_user(actor)
        fields = ["status", "delivered_by", "responded_at", "responded_by"]
        old, new = None, None
        if region is not None and region != locked.region:
            old, new = {"region": locked.region}, {"region": region}
            locked.region = region
            fields.append("region")
        locked.save(update_fields=fields)
        audit_record(
            actor=actor,
            verb=AuditVerb.SUPPORT_ACCEPT,
            target=locked,
            detail={"delivered_by": delivered_by.code if delivered_by else provider_code},
            old=old,
            new=new,
        )
    return locked


def support_referral_decline(
    *, support_referral: SupportReferral, actor: Actor, reason: str, at: datetime | None = None
) -> SupportReferral:
    """Decline an offered support referral with a reason code (``SupportDeclineReason``)."""
    _allowed(actor=actor, support_referral=support_referral, action="decline", lead_only=True)
    _code(SupportDeclineReason, reason, messages.DECLINE_REASON_UNKNOWN, "reason")
    with transaction.atomic():
        locked = _lock_offered(support_referral, "declined")
        locked.status = SupportReferralStatus.DECLINED
        locked.decline_reason = reason
        locked.responded_at = at or timezone.now()
        locked.responded_by = acting_user(actor)
        locked.save(update_fields=["status", "decline_reason", "responded_at", "responded_by"])
        audit_record(
            actor=actor, verb=AuditVerb.SUPPORT_DECLINE, target=locked, detail={"reason": reason}
        )
    return locked


def support_episode_start(
    *,
    support_referral: SupportReferral,
    actor: Actor,
    support_type: str,
    start: date,
    services: Iterable[str] = (),
) -> SupportEpisode:
    """Start an episode of support on an accepted support referral that has none open."""
    _allowed(actor=actor, support_referral=support_referral, action="episode_start")
    _code(SupportType, support_type, messages.SUPPORT_TYPE_UNKNOWN, "support_type")
    given = _services(services)
    _not_future(start, "start")
    with transaction.atomic():
        locked = SupportReferral.objects.select_for_update().get(pk=support_referral.pk)
        if locked.status != SupportReferralStatus.ACCEPTED:
            raise SupportInvalid(
                messages.EPISODE_NEEDS_ACCEPTED.format(status=_status_label(locked.status)),
                field="status",
            )
        offered = timezone.localdate(locked.offered_at)
        if start < offered:
            raise SupportInvalid(say(messages.START_BEFORE_OFFER, offered=offered), field="start")
        if locked.episodes.filter(end__isnull=True).exists():
            raise SupportInvalid(messages.EPISODE_ALREADY_OPEN, field="support_referral")
        episode = SupportEpisode.objects.create(
            support_referral=locked,
            provider_id=locked.delivered_by_id or locked.provider_id,
            support_type=support_type,
            start=start,
            services=given,
        )
        audit_record(
            actor=actor,
            verb=AuditVerb.SUPPORT_EPISODE_START,
            target=episode,
            detail={"support_type": support_type, "start": start.isoformat(), "services": given},
        )
    return episode


def _lock_open_episode(episode: SupportEpisode) -> SupportEpisode:
    locked = SupportEpisode.objects.select_for_update().get(pk=episode.pk)
    if locked.end is not None:
        raise SupportInvalid(say(messages.EPISODE_CLOSED, end=locked.end), field="end")
    return locked


def support_episode_update(
    *, episode: SupportEpisode, actor: Actor, services: Iterable[str]
) -> SupportEpisode:
    """Record the services given in an open episode (the full list, replacing the last one)."""
    _allowed(actor=actor, support_referral=episode.support_referral, action="episode_update")
    given = _services(services)
    with transaction.atomic():
        locked = _lock_open_episode(episode)
        old = list(locked.services)
        locked.services = given
        locked.save(update_fields=["services"])
        audit_record(
            actor=actor,
            verb=AuditVerb.SUPPORT_EPISODE_UPDATE,
            target=locked,
            detail={"old": {"services": old}, "new": {"services": given}},
        )
    return locked


def support_episode_close(
    *, episode: SupportEpisode, actor: Actor, end: date, exit_route: str
) -> SupportEpisode:
    """Close an open episode with its exit route; the support referral ends with it."""
    _allowed(actor=actor, support_referral=episode.support_referral, action="episode_close")
    _code(ExitRoute, exit_route, messages.EXIT_ROUTE_UNKNOWN, "exit_route")
    _not_future(end, "end")
    with transaction.atomic():
        locked = _lock_open_episode(episode)
        if end < locked.start:
            raise SupportInvalid(say(messages.END_BEFORE_START, start=locked.start), field="end")
        locked.end = end
        locked.exit_route = exit_route
        locked.save(update_fields=["end", "exit_route"])
        SupportReferral.objects.filter(pk=locked.support_referral_id).update(
            status=SupportReferralStatus.ENDED
        )
        audit_record(
            actor=actor,
            verb=AuditVerb.SUPPORT_EPISODE_CLOSE,
            target=locked,
            detail={
                "end": end.isoformat(),
                "exit_route": exit_route,
                "length_of_stay_days": (end - locked.start).days,
            },
        )
    return locked
