"""The analysts' pages on risk profiles: the list, and one profile with its conditions in
words, its versions, hits by month and the share confirmed; reads audited."""

from collections.abc import Callable
from datetime import datetime, timedelta
from typing import Any

import pytest
from django.test import Client
from django.utils import timezone

from nrm.accounts.models import Organisation, User
from nrm.accounts.roles import DefaultRole
from nrm.audit.models import AuditEvent, AuditVerb
from nrm.border.profile_models import Hit
from nrm.border.profile_services import profile_revise
from tests.border.factories import active_profile_version, profile_data

pytestmark = pytest.mark.django_db


def _hit(version: Any, when: datetime, outcome: str = "") -> Hit:
    return Hit.objects.create(version=version, record_kind="passenger", record_reference="P1",
                              screened_at=when, outcome=outcome)  # fmt: skip


def _month_words(day: datetime) -> str:
    return f"{day:%B %Y}"


def test_a_profiles_page_shows_its_conditions_in_words_versions_and_hits_by_month(
    analyst: User, organisation: Organisation, signed_in: Callable[[User], Client]
) -> None:
    version = active_profile_version(organisation)
    now = timezone.localtime()
    first, second = now - timedelta(days=62), now - timedelta(days=31)
    _hit(version, first, "more_scrutiny")
    _hit(version, first + timedelta(hours=1), "no_further_action")
    _hit(version, second)
    profile_revise(actor=analyst, profile_id=version.profile_id,
                   data=profile_data(name="Cash, one way, revised"))  # fmt: skip
    client = signed_in(analyst)

    listing = client.get("/border/profiles/")
    assert listing.status_code == 200
    assert "One-way tickets paid in cash" in listing.content.decode()

    page = client.get(f"/border/profiles/{version.profile_id}/").content.decode()
    assert "Nationality is one of: Albania, Vietnam" in page
    assert "Journey is one of: One way" in page
    assert "Paid in cash: yes" in page
    assert "Version 2: Draft" in page and "Version 1: Active" in page
    assert _month_words(first) in page and _month_words(second) in page
    assert "3 hits from" in page
    assert "2 reviewed, of which 1 confirmed (50%)" in page
    assert 'id="silent"' not in page
    assert AuditEvent.objects.filter(verb=AuditVerb.PROFILE_READ).count() == 1
    assert AuditEvent.objects.filter(verb=AuditVerb.PROFILE_LIST).count() == 1


def test_a_profile_that_stopped_hitting_shows_its_silent_months_as_nils_and_a_warning(
    analyst: User, organisation: Organisation, signed_in: Callable[[User], Client]
) -> None:
    version = active_profile_version(organisation)
    now = timezone.localtime()
    early = (now - timedelta(days=190)).replace(day=15)
    _hit(version, early, "referred")
    page = signed_in(analyst).get(f"/border/profiles/{version.profile_id}/").content.decode()
    silent = (now.year * 12 + now.month) - (early.year * 12 + early.month)
    assert silent >= 6
    assert 'id="silent"' in page
    assert f"No hits in the last {silent} months" in page
    table = page[page.index('id="months"') : page.index('id="outcomes"')]
    assert table.count(">0</td>") >= silent * 4  # each silent month: nil in every column
    assert _month_words(now) in table


def test_a_profile_page_links_the_nationalities_it_tests_to_the_surge_detector(
    analyst: User, organisation: Organisation, signed_in: Callable[[User], Client]
) -> None:
    version = active_profile_version(organisation)
    page = signed_in(analyst).get(f"/border/profiles/{version.profile_id}/").content.decode()
    assert "/surges/series/?kind=nationality&amp;frequency=month&amp;nationality=Albania" in page
    assert "This profile has not hit yet." in page


def test_only_a_profile_manager_opens_the_pages(
    make_user: Callable[..., User], organisation: Organisation,
    signed_in: Callable[[User], Client],
) -> None:  # fmt: skip
    officer = make_user("eco", organisation, DefaultRole.ENTRY_CLEARANCE_OFFICER)
    assert signed_in(officer).get("/border/profiles/").status_code == 403


def test_a_profile_that_does_not_exist_is_not_found(
    analyst: User, signed_in: Callable[[User], Client]
) -> None:
    assert signed_in(analyst).get("/border/profiles/999/").status_code == 404
