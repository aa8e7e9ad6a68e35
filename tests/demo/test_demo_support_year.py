"""The demo's Salvation Army referrals of 1 July 2012 to 30 June 2013 reproduce the report's
second Table 19 (para 5.26) and para 5.23's 746, and the referrals of 2013 they need change no
figure published for 2012."""

from typing import Any

import pytest

from nrm.accounts.models import User
from nrm.cases.models import Referral
from nrm.config.bootstrap import database_prepare
from nrm.demo.build import demo_accounts_create, demo_records_load, demo_referrals_load
from nrm.demo.people import DEMO_TODAY
from nrm.demo.support_year import PLAN, demo_support_year_create, regions_assign
from nrm.standard.codes import SupportRegion
from nrm.statistics.engine import backend_connect, referrals_table
from nrm.statistics.extract import extract_table
from nrm.statistics.published.chapter5 import checker
from nrm.statistics.published.verify import verify
from nrm.statistics.support_extract import support_tables
from nrm.support.models import SupportReferral


def test_the_plan_is_the_published_table() -> None:
    assert sum(PLAN.values()) == 746
    assert set(PLAN) == set(SupportRegion.values)


def test_regions_are_given_near_the_police_region_while_the_plan_has_room() -> None:
    plan = {"yorkshire": 1, "north_east": 1, "south_east": 1, "wales": 1}
    given = regions_assign(["north_east", "north_east", "north_east", "eastern"], plan)
    assert given[:2] == ["yorkshire", "north_east"]
    assert given[2] == "south_east"  # the plan's room, not Wales, kept for people in Wales
    assert given[3] == "wales"  # the only room left
    assert "wales" not in regions_assign(["eastern"], {"wales": 1, "east_midlands": 1})


@pytest.mark.django_db
def test_the_demo_reproduces_table_19_of_chapter_5_and_keeps_2012(db: Any) -> None:
    database_prepare()
    loaded = demo_referrals_load()
    users = {a.username: User.objects.get(username=a.username) for a in demo_accounts_create()}
    added = demo_support_year_create(users=users, load=demo_records_load)
    assert Referral.objects.count() == loaded + added
    new = Referral.objects.filter(referral_date__year=2013)
    assert new.count() == added > 0
    assert not new.filter(referral_date__gt=DEMO_TODAY).exists()
    verifier = verify(referrals_table(backend_connect(), extract_table()), year=2012)
    checker(support_tables(2012))(verifier)
    assert [c for c in verifier.discrepancies if not c.explained] == []
    assert {c.cell for c in verifier.checks if c.table == "Table 19 (chapter 5)"} == {
        *(str(SupportRegion(code).label) for code in PLAN),
        "Total",
    }
    assert SupportReferral.objects.filter(provider__code="salvation-army").count() == 746


@pytest.mark.django_db
def test_without_the_demo_referrals_of_2012_nothing_is_made(db: Any) -> None:
    database_prepare()
    users = {a.username: User.objects.get(username=a.username) for a in demo_accounts_create()}
    assert demo_support_year_create(users=users, load=demo_records_load) == 0
    assert not Referral.objects.exists() and not SupportReferral.objects.exists()
