"""The demo's crew line: two airlines on the line whose printed reporting codes work, Border
Force at three ports, and reports through every door landing within the hour, later, already
landed and dealt with, one of which started a pre-filled referral."""

from collections.abc import Callable
from datetime import datetime, timedelta
from typing import Any

import pytest
from django.test import Client
from django.utils import timezone

from nrm.accounts.models import User
from nrm.border.crew_models import CrewReport
from nrm.border.crew_selectors import crew_queue
from nrm.border.crew_services import crew_report_by_code
from nrm.cases.models import ReferralDraft
from nrm.config.bootstrap import database_prepare
from nrm.demo.build import demo_accounts_create
from nrm.demo.crew_line import PORTS, CrewFigures, demo_crew_line_create
from nrm.standard import crew_codes as cc

pytestmark = pytest.mark.django_db


@pytest.fixture
def built(db: Any) -> tuple[datetime, dict[str, User], CrewFigures]:
    database_prepare()
    users = {a.username: User.objects.get(username=a.username) for a in demo_accounts_create()}
    now = timezone.now()
    return now, users, demo_crew_line_create(now=now, users=users)


def test_reports_at_three_ports_through_every_door(built: Any) -> None:
    _, users, figures = built
    reports = list(CrewReport.objects.all())
    assert len(reports) == figures.reports >= 12
    assert {r.port for r in reports} == {"LHR", "MAN", "EDI"} and figures.ports == 3
    assert {r.door for r in reports} == set(cc.CrewDoor.values)
    assert {r.airline.code for r in reports} == {"kestrel-airways", "harmattan-air"}
    api = [r for r in reports if r.door == cc.CrewDoor.API]
    assert {r.airline for r in api} == {users["demo-airline-reporting"].organisation}
    assert all(r.received_at < r.expected_arrival + timedelta(hours=2) for r in reports)


def test_each_port_sees_its_queue_in_arrival_order(built: Any) -> None:
    now, users, figures = built
    soon = landed = later = 0
    for port, _, _, _, officer in PORTS:
        queue = crew_queue(actor=users[officer], now=now)
        assert queue.port == port
        arrivals = [row.report.expected_arrival for row in queue.waiting]
        assert arrivals == sorted(arrivals) and arrivals
        assert {row.report.port for row in queue.waiting} == {port}
        assert {r.port for r in queue.dealt_with} == {port}
        soon += sum(row.landing_soon for row in queue.waiting)
        landed += sum(row.landed for row in queue.waiting)
        later += sum(
            row.report.expected_arrival > now + timedelta(hours=1) for row in queue.waiting
        )
        for report in queue.dealt_with:
            assert report.outcome_by == users[officer]
            assert report.received_at < report.expected_arrival < report.outcome_at < now
    assert soon == figures.landing_within_hour == 3
    assert landed == 1 and later >= 4
    heathrow = crew_queue(actor=users["demo-border-force-duty-officer"], now=now)
    assert [(row.landed, row.landing_soon) for row in heathrow.waiting] == [
        (True, False), (False, True), (False, True), (False, False), (False, False),
    ]  # fmt: skip
    dealt = CrewReport.objects.exclude(outcome="")
    assert dealt.count() == figures.dealt_with
    assert set(dealt.values_list("outcome", flat=True)) == set(cc.CrewOutcome.values)


def test_one_report_started_a_pre_filled_referral_draft(built: Any) -> None:
    _, users, _ = built
    started = CrewReport.objects.get(outcome=cc.CrewOutcome.NRM_REFERRAL)
    draft = ReferralDraft.objects.get(pk=started.referral_draft_id)
    officer = users["demo-border-force-duty-officer"]
    assert draft.organisation == officer.organisation and draft.created_by == officer
    assert started.reference in draft.data["sections"]["account"]["account"][0]
    assert draft.data["sections"]["about"]["nation"] == ["england"]


def test_the_printed_reporting_codes_open_the_public_form(built: Any) -> None:
    now, _, figures = built
    assert set(figures.codes) == {"Kestrel Airways", "Harmattan Air"}
    for airline, code in figures.codes.items():
        report = crew_report_by_code(
            code=code,
            address="198.51.100.7",
            data={
                "flight_number": "KW 9",
                "destination_port": "MAN",
                "expected_arrival": (now + timedelta(hours=3)).isoformat(),
                "indicators": ["fearful_or_anxious"],
            },
        )
        assert report.airline.name == airline


def test_heathrows_queue_page_tags_the_flights_landing_soon(
    built: Any, signed_in: Callable[[User], Client]
) -> None:
    _, users, _ = built
    page = signed_in(users["demo-border-force-duty-officer"]).get("/border/crew-reports/")
    assert page.status_code == 200
    text = page.content.decode()
    assert text.count("Lands within 60 minutes") == 2 and "Landed" in text
    assert "HM501" in text and "KW305" not in text  # Edinburgh's flight is not Heathrow's
