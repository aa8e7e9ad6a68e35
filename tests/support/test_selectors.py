"""Support reads: each organisation sees its own support cases; the report counts episodes."""

from collections.abc import Callable
from datetime import date, timedelta

import pytest
from django.db import transaction
from django.utils import timezone
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from nrm.accounts.models import Organisation, User
from nrm.accounts.roles import DefaultRole
from nrm.cases.models import Referral
from nrm.standard.codes import ExitRoute, SupportType
from nrm.support.models import SupportEpisode, SupportReferral
from nrm.support.selectors import (
    episodes_for,
    referral_ids_supported_by,
    support_referrals_for,
    support_summary,
)
from nrm.support.services import (
    support_episode_start,
    support_referral_accept,
    support_referral_decline,
)
from tests.support.conftest import SCOTLAND


def test_a_provider_sees_the_support_referrals_made_to_it_and_no_others(
    offered: Callable[..., SupportReferral],
    salvation_army_worker: User,
    make_user: Callable[..., User],
    providers: dict[str, Organisation],
) -> None:
    ours = offered()
    theirs = offered(**SCOTLAND)
    tara = make_user("tara-worker", providers["tara"], DefaultRole.SUPPORT_PROVIDER)
    assert list(support_referrals_for(user=salvation_army_worker)) == [ours]
    assert list(support_referrals_for(user=tara)) == [theirs]


def test_a_sub_contractor_sees_only_the_support_given_to_it(
    offered: Callable[..., SupportReferral],
    salvation_army_worker: User,
    make_user: Callable[..., User],
    providers: dict[str, Organisation],
) -> None:
    medaille = providers["medaille-trust"]
    given_to_it = support_referral_accept(
        support_referral=offered(), actor=salvation_army_worker, delivered_by=medaille
    )
    offered()
    worker = make_user("medaille", medaille, DefaultRole.SUPPORT_PROVIDER)
    assert list(support_referrals_for(user=worker)) == [given_to_it]
    episode = support_episode_start(
        support_referral=given_to_it,
        actor=worker,
        support_type="outreach",
        start=timezone.localdate() - timedelta(days=2),
    )
    assert list(episodes_for(user=worker)) == [episode]
    assert list(episodes_for(user=salvation_army_worker)) == [episode]


@pytest.mark.parametrize(
    "role", [DefaultRole.FIRST_RESPONDER, DefaultRole.CASEWORKER, DefaultRole.ADMINISTRATOR]
)
def test_other_roles_in_a_provider_organisation_see_no_support_cases(
    offered: Callable[..., SupportReferral],
    make_user: Callable[..., User],
    providers: dict[str, Organisation],
    role: DefaultRole,
) -> None:
    offered()
    user = make_user("someone", providers["salvation-army"], role)
    assert not support_referrals_for(user=user).exists()
    assert not episodes_for(user=user).exists()


def test_the_support_scope_holds_the_referrals_a_provider_has_not_declined(
    offered: Callable[..., SupportReferral],
    salvation_army_worker: User,
    providers: dict[str, Organisation],
) -> None:
    kept = offered()
    support_referral_decline(
        support_referral=offered(), actor=salvation_army_worker, reason="no_capacity"
    )
    offered(**SCOTLAND)
    visible = Referral.objects.filter(
        id__in=referral_ids_supported_by(organisation=providers["salvation-army"])
    )
    assert list(visible) == [kept.referral]


@pytest.fixture
def support_referral(offered: Callable[..., SupportReferral]) -> SupportReferral:
    return offered()


def _episode(
    support_referral: SupportReferral, start: date, days: int, route: str, kind: str
) -> SupportEpisode:
    return SupportEpisode(
        support_referral=support_referral,
        provider_id=support_referral.provider_id,
        support_type=kind,
        start=start,
        end=start + timedelta(days=days),
        exit_route=route,
    )


def test_the_summary_gives_the_average_stay_of_the_episodes_closed_in_the_period(
    support_referral: SupportReferral,
) -> None:
    start = date(2012, 1, 1)
    SupportEpisode.objects.bulk_create(
        [
            _episode(support_referral, start, 70, "independent_living_uk", "managed_accommodation"),
            _episode(support_referral, start, 76, "return_to_origin", "managed_accommodation"),
            _episode(support_referral, start, 73, "return_to_origin", "outreach"),
            _episode(support_referral, start, 400, "other", "outreach"),  # closes in 2013
        ]
    )
    summary = support_summary(start=date(2012, 1, 1), end=date(2012, 12, 31))
    assert summary.episodes_closed == 3
    assert summary.average_stay_days == 73
    assert summary.by_exit_route == {
        "independent_living_uk": 1,
        "return_to_origin": 2,
        "other": 0,
    }
    assert summary.by_support_type == {"managed_accommodation": 2, "outreach": 1}


def test_the_summary_of_a_period_without_closed_episodes_has_no_average(
    support_referral: SupportReferral,
) -> None:
    summary = support_summary(start=date(2012, 1, 1), end=date(2012, 12, 31))
    assert (summary.episodes_closed, summary.average_stay_days) == (0, None)
    assert sum(summary.by_exit_route.values()) == 0


episodes = st.lists(
    st.tuples(
        st.dates(min_value=date(2011, 1, 1), max_value=date(2013, 12, 31)),
        st.integers(min_value=0, max_value=500),
        st.sampled_from(ExitRoute.values),
        st.sampled_from(SupportType.values),
    ),
    max_size=12,
)


@settings(max_examples=30, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(episodes=episodes)
def test_the_average_stay_is_the_mean_length_of_the_episodes_that_ended_in_the_period(
    support_referral: SupportReferral, episodes: list[tuple[date, int, str, str]]
) -> None:
    period = (date(2012, 1, 1), date(2012, 12, 31))
    with transaction.atomic():
        SupportEpisode.objects.bulk_create(
            [_episode(support_referral, *episode) for episode in episodes]
        )
        summary = support_summary(start=period[0], end=period[1])
        transaction.set_rollback(True)
    inside = [e for e in episodes if period[0] <= e[0] + timedelta(days=e[1]) <= period[1]]
    assert summary.episodes_closed == len(inside)
    assert sum(summary.by_exit_route.values()) == len(inside)
    assert sum(summary.by_support_type.values()) == len(inside)
    if inside:
        assert summary.average_stay_days == pytest.approx(sum(e[1] for e in inside) / len(inside))
        assert min(e[1] for e in inside) <= summary.average_stay_days <= max(e[1] for e in inside)
    else:
        assert summary.average_stay_days is None
