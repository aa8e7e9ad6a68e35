"""The analysts' pages on risk profiles: the list, and one profile with its conditions in
words, its versions, hits by month and the share confirmed; reads audited."""

from collections.abc import Callable
from datetime import datetime
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


def test_a_profiles_page_shows_its_conditions_in_words_versions_and_hits_by_month(
    analyst: User, organisation: Organisation, signed_in: Callable[[User], Client]
) -> None:
    version = active_profile_version(organisation)
    zone = timezone.get_current_timezone()
    _hit(version, datetime(2026, 3, 10, tzinfo=zone), "more_scrutiny")
    _hit(version, datetime(2026, 3, 12, tzinfo=zone), "no_further_action")
    _hit(version, datetime(2026, 4, 2, tzinfo=zone))
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
    assert "March 2026" in page and "April 2026" in page
    assert "3 hits, 2 reviewed, 1 confirmed (50% of those reviewed)" in page
    assert AuditEvent.objects.filter(verb=AuditVerb.PROFILE_READ).count() == 1
    assert AuditEvent.objects.filter(verb=AuditVerb.PROFILE_LIST).count() == 1


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
