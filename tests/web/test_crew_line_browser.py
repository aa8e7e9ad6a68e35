"""The crew line in the browser: cabin crew send a report from a phone (320 px, JavaScript
off, no account); it reaches the destination port's queue in order of arrival, flagged as
landing within the hour; the duty officer records that an NRM referral was started and goes
on to the referral, pre-filled from the report. Every page passes axe."""

from collections.abc import Callable
from datetime import timedelta

import pytest
from django.utils import timezone
from playwright.sync_api import Browser, Page, expect

from nrm.accounts.models import User
from nrm.accounts.roles import DefaultRole
from nrm.border.crew_models import CrewReport
from nrm.cases.models import ReferralDraft
from tests.border.test_crew_factories import CODE, airline, port_office, report_make

from .conftest import Checked, sign_in

pytestmark = pytest.mark.django_db(transaction=True)


def test_a_crew_report_from_a_phone_reaches_the_port_and_starts_a_prefilled_referral(
    live_server: object,
    browser: Browser,
    page: Page,
    web_user: Callable[..., User],
    check: Checked,
) -> None:
    base = str(live_server)
    airline()
    heathrow = port_office("LHR")
    now = timezone.now()
    later = report_make(
        now=now, flight_number="EK 1", expected_arrival=(now + timedelta(hours=5)).isoformat()
    )
    landing = timezone.localtime(now + timedelta(minutes=40))

    # axe and the width are checked on the same pages at 320 px with JavaScript on (axe needs
    # it); the report itself is sent from a phone with JavaScript off.
    page.set_viewport_size({"width": 320, "height": 640})
    page.goto(f"{base}/crew-line/")
    check(page, "crew-form")
    assert page.evaluate("document.documentElement.scrollWidth") <= 320
    page.get_by_role("button", name="Send report").click()
    summary = page.locator(".govuk-error-summary")
    expect(summary).to_contain_text("Enter your airline's reporting code")
    check(page, "crew-form-errors")
    assert CrewReport.objects.count() == 1  # the refused one stored nothing

    phone = browser.new_context(viewport={"width": 320, "height": 640}, java_script_enabled=False)
    crew = phone.new_page()
    crew.goto(f"{base}/crew-line/")
    crew.get_by_label("Your airline's reporting code").fill(CODE)
    crew.get_by_label("Flight number").fill("BA 117")
    crew.get_by_label("UK airport the flight lands at").select_option("LHR")
    crew.get_by_label("Day").fill(str(landing.day))
    crew.get_by_label("Month").fill(str(landing.month))
    crew.get_by_label("Year").fill(str(landing.year))
    crew.get_by_label("Time the flight is expected to land").fill(landing.strftime("%H:%M"))
    crew.get_by_label("Controlled by a companion").check()
    crew.get_by_label("A child travelling with an unrelated adult").check()
    crew.get_by_label("Seat numbers (optional)").fill("31A, 31B")
    crew.get_by_role("button", name="Send report").click()
    expect(crew.get_by_role("heading", level=1)).to_have_text("Report sent")
    report = CrewReport.objects.get(flight_number="BA117")
    expect(crew.locator("#crew-reference")).to_have_text(report.reference)
    sent = crew.content()
    phone.close()
    page.set_content(sent)  # the confirmation as the phone got it, checked with axe
    check(page, "crew-sent")
    assert page.evaluate("document.documentElement.scrollWidth") <= 320
    page.set_viewport_size({"width": 1200, "height": 900})

    officer = web_user("bfo-heathrow", heathrow, DefaultRole.BORDER_FORCE_DUTY_OFFICER)
    sign_in(page, base, officer)
    page.get_by_role("navigation", name="Menu").get_by_role("link", name="Crew reports").click()
    rows = page.locator("#crew-queue tbody tr")
    expect(rows).to_have_count(2)
    expect(rows.nth(0)).to_contain_text(report.reference)
    expect(rows.nth(0)).to_contain_text("Lands within 60 minutes")
    expect(rows.nth(1)).to_contain_text(later.reference)
    expect(rows.nth(1)).not_to_contain_text("Lands within 60 minutes")
    check(page, "queue")

    page.get_by_role("link", name=report.reference).click()
    expect(page.get_by_role("heading", level=1)).to_have_text(report.reference)
    check(page, "report")
    page.get_by_label("NRM referral started").check()
    page.get_by_role("button", name="Record the outcome").click()
    draft = ReferralDraft.objects.get()
    assert page.url.endswith(f"/referrals/drafts/{draft.pk}/")
    check(page, "referral-tasks")
    page.get_by_role("link", name="About the referral").click()
    expect(page.get_by_label("Day")).to_have_value(str(landing.day))
    expect(page.get_by_label("England", exact=True)).to_be_checked()
    check(page, "referral-about")
    report.refresh_from_db()
    assert report.outcome == "nrm_referral" and report.referral_draft_id == draft.pk
