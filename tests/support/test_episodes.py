"""Support episodes: from acceptance to exit, with dates and codes only."""

import re
from collections.abc import Callable
from datetime import timedelta
from typing import Any

import pytest
from django.utils import timezone

from nrm.accounts.models import Organisation, User
from nrm.accounts.permissions import CapabilityDenied
from nrm.accounts.roles import DefaultRole
from nrm.audit.models import AuditEvent, AuditVerb
from nrm.standard.codes import ExitRoute, SupportReferralStatus, SupportService
from nrm.standard.words import one_of, say
from nrm.support import messages
from nrm.support.errors import SupportDenied, SupportInvalid
from nrm.support.models import SupportEpisode, SupportReferral
from nrm.support.services import (
    support_episode_close,
    support_episode_start,
    support_episode_update,
    support_referral_accept,
    support_referral_decline,
)


def days_ago(days: int) -> Any:
    return timezone.localdate() - timedelta(days=days)


@pytest.fixture
def accepted(
    offered: Callable[..., SupportReferral], salvation_army_worker: User
) -> SupportReferral:
    return support_referral_accept(support_referral=offered(), actor=salvation_army_worker)


@pytest.fixture
def episode(accepted: SupportReferral, salvation_army_worker: User) -> SupportEpisode:
    return support_episode_start(
        support_referral=accepted,
        actor=salvation_army_worker,
        support_type="managed_accommodation",
        start=days_ago(80),
        services=["accommodation"],
    )


def test_the_whole_support_lifecycle_is_recorded_and_audited(
    offered: Callable[..., SupportReferral], salvation_army_worker: User
) -> None:
    support_referral = support_referral_accept(
        support_referral=offered(), actor=salvation_army_worker
    )
    episode = support_episode_start(
        support_referral=support_referral,
        actor=salvation_army_worker,
        support_type="managed_accommodation",
        start=days_ago(80),
        services=["medical", "accommodation", "medical"],
    )
    assert episode.services == ["accommodation", "medical"]
    assert episode.provider.code == "salvation-army"
    support_episode_update(
        episode=episode, actor=salvation_army_worker, services=["accommodation", "legal"]
    )
    support_episode_close(
        episode=episode, actor=salvation_army_worker, end=days_ago(7), exit_route="return_to_origin"
    )
    stored = SupportEpisode.objects.get(pk=episode.pk)
    assert (stored.end, stored.exit_route) == (days_ago(7), "return_to_origin")
    assert stored.services == ["accommodation", "legal"]
    assert SupportReferral.objects.get(pk=support_referral.pk).status == "ended"
    verbs = list(AuditEvent.objects.values_list("verb", flat=True))
    assert verbs[-4:] == [
        AuditVerb.SUPPORT_ACCEPT,
        AuditVerb.SUPPORT_EPISODE_START,
        AuditVerb.SUPPORT_EPISODE_UPDATE,
        AuditVerb.SUPPORT_EPISODE_CLOSE,
    ]
    update = AuditEvent.objects.get(verb=AuditVerb.SUPPORT_EPISODE_UPDATE)
    assert update.detail == {
        "old": {"services": ["accommodation", "medical"]},
        "new": {"services": ["accommodation", "legal"]},
    }
    close = AuditEvent.objects.get(verb=AuditVerb.SUPPORT_EPISODE_CLOSE)
    assert close.detail["length_of_stay_days"] == 73


def test_a_sub_contractor_delivers_the_episode_and_the_lead_provider_can_close_it(
    offered: Callable[..., SupportReferral],
    salvation_army_worker: User,
    make_user: Callable[..., User],
    providers: dict[str, Organisation],
) -> None:
    medaille = providers["medaille-trust"]
    support_referral = support_referral_accept(
        support_referral=offered(), actor=salvation_army_worker, delivered_by=medaille
    )
    worker = make_user("medaille", medaille, DefaultRole.SUPPORT_PROVIDER)
    episode = support_episode_start(
        support_referral=support_referral, actor=worker, support_type="outreach", start=days_ago(3)
    )
    assert episode.provider == medaille
    closed = support_episode_close(
        episode=episode, actor=salvation_army_worker, end=days_ago(1), exit_route="other"
    )
    assert closed.end == days_ago(1)


def test_an_episode_cannot_start_on_a_declined_support_referral(
    offered: Callable[..., SupportReferral], salvation_army_worker: User
) -> None:
    declined = support_referral_decline(
        support_referral=offered(), actor=salvation_army_worker, reason="person_declined"
    )
    with pytest.raises(SupportInvalid) as raised:
        support_episode_start(
            support_referral=declined,
            actor=salvation_army_worker,
            support_type="outreach",
            start=days_ago(1),
        )
    assert str(raised.value) == messages.EPISODE_NEEDS_ACCEPTED.format(status="declined")
    assert not SupportEpisode.objects.exists()


def test_an_episode_cannot_start_before_the_referral_is_accepted(
    offered: Callable[..., SupportReferral], salvation_army_worker: User
) -> None:
    with pytest.raises(
        SupportInvalid, match=messages.EPISODE_NEEDS_ACCEPTED.format(status="offered")
    ):
        support_episode_start(
            support_referral=offered(),
            actor=salvation_army_worker,
            support_type="outreach",
            start=days_ago(1),
        )


def test_only_one_episode_is_open_at_a_time(
    episode: SupportEpisode, salvation_army_worker: User
) -> None:
    with pytest.raises(SupportInvalid, match=messages.EPISODE_ALREADY_OPEN):
        support_episode_start(
            support_referral=episode.support_referral,
            actor=salvation_army_worker,
            support_type="outreach",
            start=days_ago(1),
        )
    assert SupportEpisode.objects.count() == 1


def test_an_episode_cannot_start_before_the_offer_or_in_the_future(
    accepted: SupportReferral, salvation_army_worker: User
) -> None:
    offered_on = timezone.localdate(accepted.offered_at)
    early = offered_on - timedelta(days=1)
    with pytest.raises(SupportInvalid) as raised:
        support_episode_start(
            support_referral=accepted,
            actor=salvation_army_worker,
            support_type="outreach",
            start=early,
        )
    assert str(raised.value) == say(messages.START_BEFORE_OFFER, offered=offered_on)
    tomorrow = days_ago(-1)
    with pytest.raises(SupportInvalid) as raised:
        support_episode_start(
            support_referral=accepted,
            actor=salvation_army_worker,
            support_type="outreach",
            start=tomorrow,
        )
    assert str(raised.value) == messages.DATE_IN_FUTURE.format(date="start date")
    assert not SupportEpisode.objects.exists()


@pytest.mark.parametrize(
    ("changes", "message", "field"),
    [
        (
            {"support_type": "hotel"},
            messages.SUPPORT_TYPE_UNKNOWN.format(allowed="Managed accommodation or Outreach"),
            "support_type",
        ),
        (
            {"services": ["accommodation", "haircut"]},
            messages.SERVICE_UNKNOWN.format(allowed=one_of(SupportService.labels)),
            "services",
        ),
    ],
)
def test_an_episode_holds_codes_only(
    accepted: SupportReferral,
    salvation_army_worker: User,
    changes: dict[str, Any],
    message: str,
    field: str,
) -> None:
    arguments = {"support_type": "outreach", "start": days_ago(1), **changes}
    with pytest.raises(SupportInvalid) as raised:
        support_episode_start(support_referral=accepted, actor=salvation_army_worker, **arguments)
    assert (str(raised.value), raised.value.field) == (message, field)
    assert not SupportEpisode.objects.exists()


def test_an_episode_cannot_end_before_it_starts(
    episode: SupportEpisode, salvation_army_worker: User
) -> None:
    with pytest.raises(SupportInvalid) as raised:
        support_episode_close(
            episode=episode, actor=salvation_army_worker, end=days_ago(81), exit_route="other"
        )
    assert str(raised.value) == say(messages.END_BEFORE_START, start=days_ago(80))
    assert SupportEpisode.objects.get(pk=episode.pk).end is None
    assert SupportReferral.objects.get(pk=episode.support_referral_id).status == "accepted"


def test_an_episode_cannot_be_closed_twice_or_updated_after_closing(
    episode: SupportEpisode, salvation_army_worker: User
) -> None:
    support_episode_close(
        episode=episode, actor=salvation_army_worker, end=days_ago(2), exit_route="other"
    )
    closed_message = re.escape(say(messages.EPISODE_CLOSED, end=days_ago(2)))
    with pytest.raises(SupportInvalid, match=closed_message):
        support_episode_close(
            episode=episode,
            actor=salvation_army_worker,
            end=days_ago(1),
            exit_route="independent_living_uk",
        )
    with pytest.raises(SupportInvalid, match=closed_message):
        support_episode_update(episode=episode, actor=salvation_army_worker, services=["legal"])
    stored = SupportEpisode.objects.get(pk=episode.pk)
    assert (stored.end, stored.exit_route, stored.services) == (
        days_ago(2),
        "other",
        ["accommodation"],
    )


def test_an_exit_route_must_be_a_code(episode: SupportEpisode, salvation_army_worker: User) -> None:
    with pytest.raises(SupportInvalid) as raised:
        support_episode_close(
            episode=episode, actor=salvation_army_worker, end=days_ago(1), exit_route="went home"
        )
    assert str(raised.value) == messages.EXIT_ROUTE_UNKNOWN.format(allowed=one_of(ExitRoute.labels))


def test_no_new_episode_starts_once_the_support_has_ended(
    episode: SupportEpisode, salvation_army_worker: User
) -> None:
    support_episode_close(
        episode=episode, actor=salvation_army_worker, end=days_ago(1), exit_route="other"
    )
    with pytest.raises(
        SupportInvalid, match=messages.EPISODE_NEEDS_ACCEPTED.format(status="ended")
    ):
        support_episode_start(
            support_referral=episode.support_referral,
            actor=salvation_army_worker,
            support_type="outreach",
            start=days_ago(0),
        )


def test_another_organisation_cannot_touch_the_episode_and_the_refusal_is_audited(
    episode: SupportEpisode, make_user: Callable[..., User], providers: dict[str, Organisation]
) -> None:
    outsider = make_user("mh-worker", providers["migrant-help"], DefaultRole.SUPPORT_PROVIDER)
    with pytest.raises(SupportDenied):
        support_episode_update(episode=episode, actor=outsider, services=["legal"])
    with pytest.raises(SupportDenied):
        support_episode_close(episode=episode, actor=outsider, end=days_ago(1), exit_route="other")
    stored = SupportEpisode.objects.get(pk=episode.pk)
    assert (stored.services, stored.end) == (["accommodation"], None)
    denials = AuditEvent.objects.filter(verb=AuditVerb.ACCESS_DENIED, actor=outsider)
    assert sorted(d.detail["action"] for d in denials) == ["episode_close", "episode_update"]


def test_a_caseworker_cannot_record_support_and_the_refusal_is_audited(
    episode: SupportEpisode, caseworker: User
) -> None:
    with pytest.raises(CapabilityDenied):
        support_episode_close(
            episode=episode, actor=caseworker, end=days_ago(1), exit_route="other"
        )
    assert SupportEpisode.objects.get(pk=episode.pk).end is None
    denial = AuditEvent.objects.get(verb=AuditVerb.ACCESS_DENIED, actor=caseworker)
    assert denial.detail["capability"] == "record_support"


def test_closing_saves_nothing_when_the_audit_cannot_be_written(
    episode: SupportEpisode, salvation_army_worker: User, monkeypatch: pytest.MonkeyPatch
) -> None:
    def broken(**_: Any) -> None:
        raise RuntimeError("audit store unavailable")

    monkeypatch.setattr("nrm.support.services.audit_record", broken)
    with pytest.raises(RuntimeError):
        support_episode_close(
            episode=episode, actor=salvation_army_worker, end=days_ago(1), exit_route="other"
        )
    assert SupportEpisode.objects.get(pk=episode.pk).end is None
    status = SupportReferral.objects.get(pk=episode.support_referral_id).status
    assert status == SupportReferralStatus.ACCEPTED
