"""Reads for support provision, scoped to the acting user, and the support report."""

from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date

from django.core.exceptions import ObjectDoesNotExist
from django.core.paginator import Page, Paginator
from django.db.models import Q, QuerySet

from nrm.accounts.access import Sees, visibility
from nrm.accounts.actors import Actor
from nrm.accounts.models import Organisation
from nrm.audit.models import AuditVerb
from nrm.audit.services import audit_record
from nrm.standard.codes import (
    SALVATION_ARMY,
    AgeGroup,
    ExitRoute,
    FirstResponderType,
    Gender,
    SupportReferralStatus,
    SupportType,
)
from nrm.support import messages
from nrm.support.models import OPEN_STATUSES, ReferredPerson, SupportEpisode, SupportReferral
from nrm.support.providers import SupportCase, SupportConfigError, provider_config


def _support_organisation(user: Actor) -> int | None:
    """The organisation whose support cases ``user`` sees (``nrm.accounts.access``): only a
    support provider's."""
    seen = visibility(user)
    return int(str(seen.value)) if seen.sees == Sees.SUPPORTED else None


def support_referrals_for(*, user: Actor) -> QuerySet[SupportReferral]:
    """Support referrals made to the user's organisation or given to it as a sub-contractor."""
    org = _support_organisation(user)
    if org is None:
        return SupportReferral.objects.none()
    return (
        SupportReferral.objects.filter(Q(provider_id=org) | Q(delivered_by_id=org))
        .select_related("referral", "provider", "delivered_by")
        .order_by("-offered_at", "-id")
    )


def episodes_for(*, user: Actor) -> QuerySet[SupportEpisode]:
    """Episodes the user's organisation delivers, or oversees as the lead provider."""
    org = _support_organisation(user)
    if org is None:
        return SupportEpisode.objects.none()
    return (
        SupportEpisode.objects.filter(Q(provider_id=org) | Q(support_referral__provider_id=org))
        .select_related("support_referral__referral", "provider")
        .order_by("-start", "-id")
    )


PAGE_SIZE = 25


def support_referral_page(
    *, user: Actor, status: str = "", page: int | str = 1
) -> Page[SupportReferral]:
    """One page of the user's support referrals, newest offer first, optionally of one status
    (a ``SupportReferralStatus`` code; anything else lists them all). The listing is audited
    with the references it shows."""
    queryset = support_referrals_for(user=user).select_related("referral__organisation")
    if status in SupportReferralStatus.values:
        queryset = queryset.filter(status=status)
    current = Paginator(queryset, PAGE_SIZE).get_page(page)
    audit_record(
        actor=user,
        verb=AuditVerb.REFERRAL_LIST,
        detail={
            "via": "support",
            "page": current.number,
            "references": [item.referral.reference for item in current],
        },
    )
    return current


def open_episode_page(*, user: Actor, page: int | str = 1) -> Page[SupportEpisode]:
    """One page of the open episodes the user's organisation delivers or oversees, oldest
    start first; the listing is audited with the references it shows."""
    queryset = episodes_for(user=user).filter(end__isnull=True).order_by("start", "id")
    current = Paginator(queryset, PAGE_SIZE).get_page(page)
    audit_record(
        actor=user,
        verb=AuditVerb.REFERRAL_LIST,
        detail={
            "via": "support_episodes",
            "page": current.number,
            "references": [item.support_referral.referral.reference for item in current],
        },
    )
    return current


def support_referral_get(*, user: Actor, reference: str) -> SupportReferral | None:
    """The support referral of the referral ``reference`` made to the user's organisation (or
    given to it as a sub-contractor): the open one, else the latest. None when there is none
    the user may see; the read, or the refusal, is audited."""
    found = support_referrals_for(user=user).filter(referral__reference=reference)
    support_referral = found.filter(status__in=OPEN_STATUSES).first() or found.first()
    if support_referral is None:
        audit_record(
            actor=user,
            verb=AuditVerb.ACCESS_DENIED,
            detail={"reference": reference, "via": "support"},
        )
        return None
    audit_record(
        actor=user,
        verb=AuditVerb.REFERRAL_READ,
        target=support_referral.referral,
        detail={"support_referral": support_referral.pk},
    )
    return support_referral


def open_episode_of(*, support_referral: SupportReferral) -> SupportEpisode | None:
    """The open episode of a support referral (call after ``support_referral_get``)."""
    return support_referral.episodes.filter(end__isnull=True).first()


def subcontractors_for(*, provider: Organisation) -> list[Organisation]:
    """The active organisations configured as sub-contractors of ``provider``, by name."""
    wanted = provider_config().subcontractors_of(provider.code)
    return list(Organisation.objects.filter(code__in=wanted, is_active=True).order_by("name"))


def referral_ids_supported_by(
    *, organisation: Organisation | int
) -> QuerySet[SupportReferral, int]:
    """Ids of referrals with a support referral to ``organisation`` (as lead or
    sub-contractor) that it has not declined; use as a filter on referral ids."""
    org = organisation.pk if isinstance(organisation, Organisation) else organisation
    return (
        SupportReferral.objects.filter(Q(provider_id=org) | Q(delivered_by_id=org))
        .exclude(status=SupportReferralStatus.DECLINED)
        .values_list("referral_id", flat=True)
    )


def _gender(referral: ReferredPerson) -> str:
    try:
        gender = str(referral.person.gender)  # type: ignore[attr-defined]
    except ObjectDoesNotExist:
        return Gender.NOT_RECORDED
    return gender or Gender.NOT_RECORDED


def support_case(referral: ReferredPerson) -> SupportCase:
    """The codes the routing rule looks at, for one referral."""
    referrer = referral.organisation
    return SupportCase(
        nation=referral.nation,
        age_group=referral.age_group,
        gender=_gender(referral),
        exploitation_type=referral.exploitation_type,
        referrer_code=referrer.code,
        referrer_is_local_authority=referrer.responder_type == FirstResponderType.LOCAL_AUTHORITY,
    )


def has_support_regions(*, provider: Organisation) -> bool:
    """Whether referrals to ``provider`` record a support region: the Salvation Army's only
    (``services.support_region_check``)."""
    return provider.code == SALVATION_ARMY


def support_provider_for(*, referral: ReferredPerson) -> Organisation | None:
    """The organisation a support referral for ``referral`` goes to: for a child, children's
    services; for an adult who consented, the provider the rule names; otherwise None."""
    if referral.age_group == AgeGroup.ADULT and referral.consent is not True:
        return None
    code = provider_config().provider_for(support_case(referral))
    provider = Organisation.objects.filter(code=code, is_active=True).first()
    if provider is None:
        raise SupportConfigError(messages.PROVIDER_NOT_SEEDED.format(code=code))
    return provider


@dataclass(frozen=True)
class SupportSummary:
    """Episodes closed in a period (by end date, both ends included)."""

    start: date
    end: date
    episodes_closed: int
    average_stay_days: float | None
    by_exit_route: dict[str, int]
    by_support_type: dict[str, int]


def average_stay_days(stays: Iterable[tuple[date, date]]) -> float | None:
    """Mean length of stay in days (end minus start: a stay from 1 to 3 May is 2 days)."""
    lengths = [(end - start).days for start, end in stays]
    return sum(lengths) / len(lengths) if lengths else None


def support_summary(*, start: date, end: date) -> SupportSummary:
    """Number of episodes closed, average stay, and counts by exit route and support type.

    Aggregates only: no reference or personal data leaves this function.
    """
    rows = list(
        SupportEpisode.objects.filter(end__gte=start, end__lte=end).values_list(
            "start", "end", "exit_route", "support_type"
        )
    )
    routes = Counter(row[2] for row in rows)
    types = Counter(row[3] for row in rows)
    return SupportSummary(
        start=start,
        end=end,
        episodes_closed=len(rows),
        average_stay_days=average_stay_days((row[0], row[1]) for row in rows if row[1] is not None),
        by_exit_route={code: routes[code] for code in ExitRoute.values},
        by_support_type={code: types[code] for code in SupportType.values},
    )
