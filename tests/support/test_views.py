"""The support provider's pages: scoped to the provider, refusing other roles, and showing the
support rules' messages on the form with nothing half-saved."""

from collections.abc import Callable
from datetime import date, timedelta
from typing import Any

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import timezone
from django.utils.html import escape

from nrm.accounts.models import Organisation, User
from nrm.accounts.roles import DefaultRole
from nrm.audit.models import AuditEvent, AuditVerb
from nrm.standard.words import say
from nrm.support import forms as support_forms
from nrm.support import messages, views
from nrm.support.models import SupportEpisode, SupportReferral
from nrm.support.services import support_episode_start, support_referral_accept
from tests.support.conftest import SCOTLAND

pytestmark = pytest.mark.django_db

REFERENCE_PAGES = [
    "support:referral",
    "support:accept",
    "support:decline",
    "support:episode-start",
    "support:episode-services",
    "support:episode-close",
]
ALL_PAGES = ["support:index", "support:episodes", *REFERENCE_PAGES]


def _url(name: str, reference: str = "NRM-2012-000001") -> str:
    if name in REFERENCE_PAGES:
        return reverse(name, args=[reference])
    return reverse(name)


def _day(value: date) -> dict[str, str]:
    return {"0": str(value.day), "1": str(value.month), "2": str(value.year)}


def _date_fields(name: str, value: date) -> dict[str, str]:
    return {f"{name}_{part}": text for part, text in _day(value).items()}


@pytest.fixture
def provider_client(signed_in: Callable[[User], Client], salvation_army_worker: User) -> Client:
    return signed_in(salvation_army_worker)


@pytest.fixture
def accepted(
    offered: Callable[..., SupportReferral], salvation_army_worker: User
) -> SupportReferral:
    return support_referral_accept(support_referral=offered(), actor=salvation_army_worker)


@pytest.fixture
def open_episode(accepted: SupportReferral, salvation_army_worker: User) -> SupportEpisode:
    return support_episode_start(
        support_referral=accepted,
        actor=salvation_army_worker,
        support_type="managed_accommodation",
        start=timezone.localdate() - timedelta(days=20),
        services=["accommodation"],
    )


@pytest.mark.parametrize("name", ALL_PAGES)
def test_every_support_page_refuses_a_role_without_record_support_and_audits_it(
    name: str, signed_in: Callable[[User], Client], make_user: Callable[..., User]
) -> None:
    caseworker = make_user("caseworker-x", None, DefaultRole.CASEWORKER)
    response = signed_in(caseworker).get(_url(name))
    assert response.status_code == 403
    assert AuditEvent.objects.filter(
        actor=caseworker, verb=AuditVerb.ACCESS_DENIED, detail__capability="record_support"
    ).exists()


@pytest.mark.parametrize(
    ("name", "method"),
    [(name, "get") for name in REFERENCE_PAGES]
    + [(name, "post") for name in REFERENCE_PAGES if name != "support:referral"],
)
def test_another_providers_support_referral_is_not_found_and_the_refusal_is_audited(
    name: str,
    method: str,
    provider_client: Client,
    offered: Callable[..., SupportReferral],
    salvation_army_worker: User,
) -> None:
    theirs = offered(**SCOTLAND)
    reference = theirs.referral.reference
    response = getattr(provider_client, method)(_url(name, reference), {"reason": "no_capacity"})
    assert response.status_code == 404
    assert "Page not found" in response.content.decode()
    assert AuditEvent.objects.filter(
        actor=salvation_army_worker, verb=AuditVerb.ACCESS_DENIED, detail__reference=reference
    ).exists()
    theirs.refresh_from_db()
    assert theirs.status == "offered"


def test_the_index_lists_the_support_referrals_made_to_the_provider_with_their_codes(
    provider_client: Client, offered: Callable[..., SupportReferral], salvation_army_worker: User
) -> None:
    ours = offered()
    theirs = offered(**SCOTLAND)
    page = provider_client.get(reverse("support:index")).content.decode()
    assert ours.referral.reference in page and theirs.referral.reference not in page
    assert "England" in page and "Adult" in page and "Offered" in page
    listing = AuditEvent.objects.get(actor=salvation_army_worker, verb=AuditVerb.REFERRAL_LIST)
    assert listing.detail["references"] == [ours.referral.reference]


def test_the_index_filters_by_status_and_is_paginated(
    provider_client: Client,
    offered: Callable[..., SupportReferral],
    accepted: SupportReferral,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    first, second = offered(days_ago=50), offered(days_ago=40)
    page = provider_client.get(reverse("support:index"), {"status": "accepted"}).content.decode()
    assert accepted.referral.reference in page and first.referral.reference not in page
    monkeypatch.setattr("nrm.support.selectors.PAGE_SIZE", 1)
    page_two = provider_client.get(reverse("support:index"), {"status": "offered", "page": 2})
    text = page_two.content.decode()
    assert first.referral.reference in text and second.referral.reference not in text
    assert "Page 2 of 2" in text and "status=offered&amp;page=1" in text


def test_the_open_episodes_page_lists_the_episodes_still_open(
    provider_client: Client, open_episode: SupportEpisode, accepted: SupportReferral
) -> None:
    page = provider_client.get(reverse("support:episodes")).content.decode()
    assert accepted.referral.reference in page and "Managed accommodation" in page
    assert "Accommodation" in page


def test_the_support_referral_page_shows_codes_and_no_name_account_or_contact_details(
    provider_client: Client, offered: Callable[..., SupportReferral]
) -> None:
    support_referral = offered(contact_route="Ring 07700 900123 after six")
    page = provider_client.get(_url("support:referral", support_referral.referral.reference))
    text = page.content.decode()
    assert page.status_code == 200
    assert support_referral.referral.reference in text and "Sexual" in text and "Female" in text
    for secret in ("Testa", "Fictiva", "fictional account", "07700", "PC Example"):
        assert secret not in text
    assert reverse("support:accept", args=[support_referral.referral.reference]) in text
    assert AuditEvent.objects.filter(
        verb=AuditVerb.REFERRAL_READ, target_id=str(support_referral.referral_id)
    ).exists()


def test_the_provider_accepts_and_gives_the_support_to_a_sub_contractor(
    provider_client: Client,
    offered: Callable[..., SupportReferral],
    providers: dict[str, Organisation],
) -> None:
    support_referral = offered()
    url = _url("support:accept", support_referral.referral.reference)
    assert "Medaille Trust (sub-contractor)" in provider_client.get(url).content.decode()
    response = provider_client.post(url, {"delivered_by": "medaille-trust"}, follow=True)
    support_referral.refresh_from_db()
    assert support_referral.status == "accepted"
    assert support_referral.delivered_by == providers["medaille-trust"]
    assert views.ACCEPTED.format(reference=support_referral.referral.reference) in (
        response.content.decode()
    )


def test_accepting_a_referral_no_longer_offered_shows_the_rule_and_changes_nothing(
    provider_client: Client, accepted: SupportReferral
) -> None:
    response = provider_client.post(_url("support:accept", accepted.referral.reference), {})
    text = response.content.decode()
    assert response.status_code == 200
    assert "There is a problem" in text
    assert messages.NOT_OFFERED.format(action="accepted", status="accepted") in text
    accepted.refresh_from_db()
    assert accepted.status == "accepted" and accepted.delivered_by is None


def test_declining_needs_a_reason_and_records_the_one_chosen(
    provider_client: Client, offered: Callable[..., SupportReferral]
) -> None:
    support_referral = offered()
    url = _url("support:decline", support_referral.referral.reference)
    text = provider_client.post(url, {}).content.decode()
    assert text.count(support_forms.CHOOSE_DECLINE_REASON) == 2  # summary and field
    support_referral.refresh_from_db()
    assert support_referral.status == "offered"
    provider_client.post(url, {"reason": "no_capacity"})
    support_referral.refresh_from_db()
    assert (support_referral.status, support_referral.decline_reason) == (
        "declined",
        "no_capacity",
    )


def test_starting_an_episode_shows_each_missing_answer_on_its_field(
    provider_client: Client, accepted: SupportReferral
) -> None:
    text = provider_client.post(_url("support:episode-start", accepted.referral.reference), {})
    page = text.content.decode()
    assert support_forms.CHOOSE_SUPPORT_TYPE in page and support_forms.ENTER_START in page
    assert 'href="#id_start_0"' in page and 'href="#id_support_type_0"' in page
    assert not SupportEpisode.objects.exists()


def test_an_episode_starting_in_the_future_is_refused_on_the_start_date(
    provider_client: Client, accepted: SupportReferral
) -> None:
    tomorrow = timezone.localdate() + timedelta(days=1)
    data = {"support_type": "outreach", **_date_fields("start", tomorrow)}
    page = provider_client.post(_url("support:episode-start", accepted.referral.reference), data)
    text = page.content.decode()
    assert messages.DATE_IN_FUTURE.format(date="start date") in text
    assert 'id="id_start-error"' in text
    assert not SupportEpisode.objects.exists()


def test_an_episode_cannot_start_before_the_support_referral_is_accepted(
    provider_client: Client, offered: Callable[..., SupportReferral]
) -> None:
    support_referral = offered()
    data = {"support_type": "outreach", **_date_fields("start", timezone.localdate())}
    url = _url("support:episode-start", support_referral.referral.reference)
    text = provider_client.post(url, data).content.decode()
    assert messages.EPISODE_NEEDS_ACCEPTED.format(status="offered") in text
    assert not SupportEpisode.objects.exists()


def test_the_provider_starts_an_episode_with_the_services_given(
    provider_client: Client, accepted: SupportReferral
) -> None:
    start = timezone.localdate() - timedelta(days=3)
    data = {
        "support_type": "outreach",
        **_date_fields("start", start),
        "services": ["medical", "legal"],
    }
    url = _url("support:episode-start", accepted.referral.reference)
    response = provider_client.post(url, data)
    assert response.status_code == 302
    episode = SupportEpisode.objects.get(support_referral=accepted)
    assert (episode.support_type, episode.start, episode.services) == (
        "outreach",
        start,
        ["medical", "legal"],
    )


def test_recording_services_replaces_the_list_of_the_open_episode(
    provider_client: Client, open_episode: SupportEpisode, accepted: SupportReferral
) -> None:
    url = _url("support:episode-services", accepted.referral.reference)
    assert 'value="accommodation" checked' in provider_client.get(url).content.decode()
    provider_client.post(url, {"services": ["accommodation", "psychological"]})
    open_episode.refresh_from_db()
    assert open_episode.services == ["accommodation", "psychological"]


def test_closing_before_the_start_is_refused_and_the_episode_stays_open(
    provider_client: Client, open_episode: SupportEpisode, accepted: SupportReferral
) -> None:
    before = open_episode.start - timedelta(days=1)
    data = {"exit_route": "other", **_date_fields("end", before)}
    url = _url("support:episode-close", accepted.referral.reference)
    text = provider_client.post(url, data).content.decode()
    assert escape(say(messages.END_BEFORE_START, start=open_episode.start)) in text
    open_episode.refresh_from_db()
    accepted.refresh_from_db()
    assert open_episode.end is None and accepted.status == "accepted"


def test_closing_the_episode_ends_the_support(
    provider_client: Client, open_episode: SupportEpisode, accepted: SupportReferral
) -> None:
    end = timezone.localdate()
    data = {"exit_route": "independent_living_uk", **_date_fields("end", end)}
    url = _url("support:episode-close", accepted.referral.reference)
    page = provider_client.post(url, data, follow=True).content.decode()
    open_episode.refresh_from_db()
    accepted.refresh_from_db()
    assert (open_episode.end, open_episode.exit_route) == (end, "independent_living_uk")
    assert accepted.status == "ended"
    assert "Independent living in the UK" in page and "Start a support episode" not in page


@pytest.mark.parametrize("name", ["support:episode-services", "support:episode-close"])
def test_episode_pages_without_an_open_episode_go_back_to_the_referral(
    name: str, provider_client: Client, accepted: SupportReferral
) -> None:
    reference = accepted.referral.reference
    response = provider_client.post(_url(name, reference), {"services": ["legal"]}, follow=True)
    assert response.redirect_chain[-1][0] == _url("support:referral", reference)
    assert views.NO_OPEN_EPISODE.format(reference=reference) in response.content.decode()


def test_a_sub_contractor_records_the_episode_but_cannot_answer_the_offer(
    signed_in: Callable[[User], Client],
    make_user: Callable[..., User],
    offered: Callable[..., SupportReferral],
    salvation_army_worker: User,
    providers: dict[str, Organisation],
) -> None:
    given = support_referral_accept(
        support_referral=offered(),
        actor=salvation_army_worker,
        delivered_by=providers["medaille-trust"],
    )
    worker = make_user("medaille", providers["medaille-trust"], DefaultRole.SUPPORT_PROVIDER)
    client = signed_in(worker)
    reference = given.referral.reference
    page = client.get(_url("support:referral", reference)).content.decode()
    assert "Start a support episode" in page
    assert reverse("support:accept", args=[reference]) not in page
    data: dict[str, Any] = {
        "support_type": "outreach",
        **_date_fields("start", timezone.localdate()),
    }
    client.post(_url("support:episode-start", reference), data)
    episode = SupportEpisode.objects.get(support_referral=given)
    assert episode.provider == providers["medaille-trust"]


def test_the_support_referral_page_names_the_languages_of_an_interpreter_not_their_codes(
    provider_client: Client, offered: Callable[..., SupportReferral]
) -> None:
    support_referral = offered(interpreter_needed=True, languages=["zho", "yor"])
    page = provider_client.get(_url("support:referral", support_referral.referral.reference))
    text = page.content.decode()
    assert "Yes (languages: Chinese, Yoruba)" in text
    assert "ZHO" not in text and "YOR" not in text
