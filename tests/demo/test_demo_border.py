"""The demo's risk profiles tell the Nigerian case study: the first profile hits, stops when
its route closes and is retired; the displaced route goes unhit until the second profile is
circulated. Every hit is a planted record, every planted record is hit while its profile
screens, and every outcome is an officer's."""

from collections import Counter
from collections.abc import Callable
from datetime import datetime, timedelta
from typing import Any

import pytest
from django.test import Client
from django.utils import timezone

from nrm.accounts.models import User
from nrm.border.profile_conditions import conditions_parse
from nrm.border.profile_models import Hit, ProfileVersion
from nrm.border.profile_rules import profile_matches
from nrm.border.profile_selectors import profile_read
from nrm.config.bootstrap import database_prepare
from nrm.demo import border_plan as plan
from nrm.demo.border import demo_border_create
from nrm.demo.border_records import NEAR_MISS, border_batches
from nrm.demo.build import demo_accounts_create
from nrm.standard import border_codes as bc

pytestmark = pytest.mark.django_db


def _screening_on(days: int) -> dict[str, dict[str, Any]]:
    """The version of each profile that screens ``days`` before the demo's now, by the plan."""
    written: dict[str, dict[str, Any]] = {}
    active: dict[str, dict[str, Any]] = {}
    for step in sorted(plan.STEPS, key=lambda s: -s.days):
        if step.days <= days:
            break
        if step.action == "write":
            assert step.data is not None
            written[step.profile] = step.data
        elif step.action == "activate":
            active[step.profile] = written[step.profile]
        else:
            active.pop(step.profile)
    return active


def _expected_hits() -> set[tuple[str, str]]:
    """(reference, profile) of every record that matches a version screening on its day."""
    expected = set()
    for batch in border_batches():
        screening = _screening_on(batch.days)
        for record in batch.records:
            values = {str(f): record.get(str(f)) for f in bc.ScreenField}
            for name, version in screening.items():
                if profile_matches(conditions_parse(version["conditions"]), values):
                    expected.add((record["reference"], name))
    return expected


def test_every_match_is_planted_and_near_misses_match_no_profile() -> None:
    batches = border_batches()
    assert [b.days for b in batches[::2]] == plan.BATCH_DAYS
    assert sum(len(b.records) for b in batches) == 21 * (160 + 240)
    planted = {r: p for b in batches for r, p in b.planted.items()}
    expected = _expected_hits()
    assert {reference for reference, _ in expected} <= set(planted)
    assert all(planted[reference] == name for reference, name in expected)
    near = {r for r, p in planted.items() if p == NEAR_MISS}
    assert len(near) == 2 * len(batches)
    assert not near & {reference for reference, _ in expected}
    # The first route stops before the first profile is retired; the displaced route starts
    # before the second profile screens, and those records are not hit.
    first_days = [b.days for b in batches if plan.FIRST in b.planted.values()]
    assert min(first_days) == plan.FIRST_ROUTE_LAST > 150
    displaced_unhit = {
        r for b in batches if b.days > 130 for r, p in b.planted.items() if p == plan.SECOND
    }
    assert len(displaced_unhit) >= 10
    assert not displaced_unhit & {reference for reference, _ in expected}
    assert border_batches()[5].records == batches[5].records  # the same on every call


@pytest.fixture
def built(db: Any) -> tuple[datetime, dict[str, User], Any]:
    database_prepare()
    users = {a.username: User.objects.get(username=a.username) for a in demo_accounts_create()}
    now = timezone.now()
    return now, users, demo_border_create(now=now, users=users)


def test_the_demo_profiles_their_versions_hits_and_outcomes(built: Any) -> None:
    now, users, figures = built
    first, second = figures.profiles[plan.FIRST], figures.profiles[plan.SECOND]
    statuses = list(ProfileVersion.objects.values_list("profile_id", "number", "status"))
    assert statuses == [
        (first, 1, "retired"), (first, 2, "retired"), (second, 1, "active"), (second, 2, "draft"),
    ]  # fmt: skip
    versions = {(v.profile_id, v.number): v for v in ProfileVersion.objects.all()}
    analyst = users["demo-intelligence-analyst"]
    for version in versions.values():
        assert version.rationale and version.intelligence_references
        assert version.owner_user == analyst
        assert version.profile.owner == analyst.organisation
        assert version.created_at < now - timedelta(days=9)
        assert version.created_at.date() < version.review_on <= version.expires_on
    assert (
        versions[second, 1].expires_on > now.date() and versions[second, 1].review_on > now.date()
    )
    retired = versions[first, 2].retired_at
    assert retired is not None and now - retired > timedelta(days=140)

    # Every hit is a record planted for the profile screening on its day, and every such
    # record is hit.
    hits = list(Hit.objects.select_related("version"))
    names = {first: plan.FIRST, second: plan.SECOND}
    found = {(h.record_reference, names[h.version.profile_id]) for h in hits}
    assert found == _expected_hits()
    assert len(found) == len(hits) == sum(figures.hits.values())
    # The figures of docs/demo-data.md.
    assert (figures.applications, figures.passengers, figures.batches) == (3360, 5040, 42)
    assert figures.hits == {plan.FIRST: 63, plan.SECOND: 60}
    assert Counter(h.version.number for h in hits if h.version.profile_id == first) == {
        1: 27,
        2: 36,
    }
    assert figures.outcomes == {
        "no_further_action": 30, "more_scrutiny": 46, "refused": 24, "referred": 15,
    }  # fmt: skip
    assert figures.unreviewed == 8
    assert {h.version.number for h in hits if h.version.profile_id == second} == {1}
    assert {h.version.number for h in hits if h.version.profile_id == first} == {1, 2}

    # The first profile stops hitting a month before it is retired; the second starts when
    # it is activated.
    first_hits = [h.screened_at for h in hits if h.version.profile_id == first]
    second_hits = [h.screened_at for h in hits if h.version.profile_id == second]
    assert max(first_hits) < retired - timedelta(days=28)
    assert min(second_hits) > versions[second, 1].activated_at > retired
    read = profile_read(actor=analyst, profile_id=first)
    assert read is not None and read.performance.hits == len(first_hits)
    months = [r for r in read.performance.result.rows if not r.is_total and sum(r.counts)]
    assert len(months) >= 4 and months[-1].key[0] <= f"{retired - timedelta(days=28):%Y-%m}"

    # Outcomes: recorded by officers on most hits, days after screening; never automatic.
    reviewed = [h for h in hits if h.outcome]
    assert len(reviewed) == sum(figures.outcomes.values()) >= 0.85 * len(hits)
    assert set(Counter(h.outcome for h in reviewed)) == set(bc.HitOutcome.values)
    officers = {
        bc.RecordKind.VISA_APPLICATION: users["demo-entry-clearance-officer"],
        bc.RecordKind.PASSENGER: users["demo-border-force-duty-officer"],
    }
    for hit in reviewed:
        assert hit.outcome_by == officers[bc.RecordKind(hit.record_kind)]
        assert hit.screened_by == hit.outcome_by
        assert hit.screened_at + timedelta(hours=20) < hit.outcome_at < now
    waiting = [h for h in hits if not h.outcome]
    assert waiting and all(now - h.screened_at < timedelta(days=15) for h in waiting)
    assert {h.record_kind for h in hits} == set(bc.RecordKind.values)


def test_the_profile_pages_show_the_story(built: Any, signed_in: Callable[[User], Client]) -> None:
    now, users, figures = built
    client = signed_in(users["demo-intelligence-analyst"])
    listing = client.get("/border/profiles/").content.decode()
    assert "Young Nigerian women on visit visas" in listing
    assert "Young Nigerian women on student visas" in listing
    first = client.get(f"/border/profiles/{figures.profiles[plan.FIRST]}/").content.decode()
    assert "Version 2: Retired" in first and "Version 1: Retired" in first
    assert "63 hits from" in first and "63 reviewed, of which" in first
    second = client.get(f"/border/profiles/{figures.profiles[plan.SECOND]}/").content.decode()
    assert "Version 2: Draft" in second and "Version 1: Active" in second
    assert "Visa category is one of: Student" in second
    assert f"{now - timedelta(days=14):%B %Y}" in second
