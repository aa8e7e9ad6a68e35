"""Every refusal of the support services is in words: code lists by their labels, dates as
"10 October 2031", organisations by name, never a code or an ISO date."""

from collections.abc import Callable
from datetime import timedelta
from typing import Any

import pytest
from django.utils import timezone

from nrm.accounts.models import Organisation, User
from nrm.accounts.roles import DefaultRole
from nrm.support import forms, messages
from nrm.support.errors import SupportDenied, SupportInvalid
from nrm.support.models import SupportReferral
from nrm.support.services import (
    support_episode_close,
    support_episode_start,
    support_episode_update,
    support_referral_accept,
    support_referral_decline,
)
from tests.plain_words import code_identifiers, template_text, unplain


def test_every_support_refusal_is_in_words(
    offered: Callable[..., SupportReferral],
    salvation_army_worker: User,
    providers: dict[str, Organisation],
    make_user: Callable[..., User],
) -> None:
    today = timezone.localdate()
    found: list[str] = []

    def refused(call: Callable[[], Any]) -> None:
        with pytest.raises((SupportInvalid, SupportDenied)) as raised:
            call()
        found.append(str(raised.value))

    worker = salvation_army_worker
    support = offered(days_ago=100)
    stranger = make_user("tara-worker", providers["tara"], DefaultRole.SUPPORT_PROVIDER)
    start = {"support_referral": support, "actor": worker, "support_type": "outreach"}
    refused(lambda: support_referral_accept(support_referral=support, actor=stranger))
    refused(
        lambda: support_referral_accept(
            support_referral=support, actor=worker, delivered_by=providers["tara"]
        )
    )
    refused(
        lambda: support_referral_decline(support_referral=support, actor=worker, reason="full_up")
    )
    refused(lambda: support_episode_start(**start, start=today))
    support_referral_accept(support_referral=support, actor=worker)
    refused(
        lambda: support_referral_decline(
            support_referral=support, actor=worker, reason="no_capacity"
        )
    )
    refused(lambda: support_episode_start(**{**start, "support_type": "hotel"}, start=today))
    refused(lambda: support_episode_start(**start, start=today, services=["hair_cut"]))
    refused(lambda: support_episode_start(**start, start=today + timedelta(days=1)))
    refused(lambda: support_episode_start(**start, start=today - timedelta(days=200)))
    episode = support_episode_start(**start, start=today - timedelta(days=50))
    refused(lambda: support_episode_start(**start, start=today))
    close = {"episode": episode, "actor": worker}
    refused(lambda: support_episode_close(**close, end=today, exit_route="went_home"))
    refused(
        lambda: support_episode_close(**close, end=today + timedelta(days=1), exit_route="other")
    )
    refused(
        lambda: support_episode_close(**close, end=today - timedelta(days=60), exit_route="other")
    )
    support_episode_close(**close, end=today - timedelta(days=1), exit_route="other")
    refused(lambda: support_episode_close(**close, end=today, exit_route="other"))
    refused(lambda: support_episode_update(**close, services=["medical"]))
    assert len(found) == 15
    assert unplain(found) == {}


@pytest.mark.parametrize("module", [messages, forms], ids=lambda m: m.__name__)
def test_every_support_message_template_is_plain_outside_its_placeholders(module: Any) -> None:
    templates = {n: v for n, v in vars(module).items() if n.isupper() and isinstance(v, str)}
    assert templates
    found = {n: code_identifiers(template_text(t)) for n, t in templates.items()}
    assert {n: f for n, f in found.items() if f} == {}
