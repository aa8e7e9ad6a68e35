"""The review queue of person resolution in the browser: an analyst finds it from the
intelligence reports, says one pair is the same person with a reason, and another, with script
turned off, different people, then changes the first decision. Every page passes axe and fits
a 1280 px and a 320 px screen without sideways scrolling."""

import re
from collections.abc import Callable
from typing import Any

import pytest
from playwright.sync_api import Browser, Page, expect

from nrm.accounts.models import Organisation, User
from nrm.accounts.roles import DefaultRole
from nrm.cases.referrals.services import referral_submit
from nrm.intelligence.models import PairDecision
from nrm.intelligence.people import MENTION, REFERRAL, record_id
from nrm.intelligence.review import resolved_people
from nrm.intelligence.services import intelligence_report_submit
from tests.intelligence.runs import stored_run

from .conftest import ARTIFACTS, Checked, sign_in

pytestmark = pytest.mark.django_db(transaction=True)


def _fits(page: Page, check: Checked, label: str) -> None:
    for width in (1280, 320):
        page.set_viewport_size({"width": width, "height": 900})
        check(page, f"{label}-at-{width}px")
        assert page.evaluate("document.documentElement.scrollWidth") <= width, (label, width)


def test_an_analyst_decides_pairs_with_and_without_script(
    live_server: object,
    page: Page,
    browser: Browser,
    web_user: Callable[..., User],
    make_user: Callable[..., User],
    organisation: Organisation,
    valid_referral: dict[str, Any],
    valid_intelligence_report: dict[str, Any],
    check: Checked,
) -> None:
    hub = Organisation.objects.create(code="nca-ukhtc", name="NCA / UKHTC")
    referral = referral_submit(
        actor=make_user("responder", organisation), data=valid_referral, organisation=organisation
    )
    officer = make_user("intel-officer", organisation, DefaultRole.INTELLIGENCE_OFFICER)
    report = intelligence_report_submit(
        actor=officer, data=valid_intelligence_report, organisation=organisation
    )
    person = record_id(REFERRAL, referral.pk)
    victim = record_id(MENTION, report.entities.get(key="e2").pk)
    suspect = record_id(MENTION, report.entities.get(key="e1").pk)
    run = stored_run(
        [person, victim, suspect], review=[(victim, person, 0.873), (suspect, person, 0.7)]
    )
    analyst = web_user("intel-analyst", hub, DefaultRole.INTELLIGENCE_ANALYST)

    sign_in(page, str(live_server), analyst)
    page.goto(f"{live_server}/intelligence/")
    page.get_by_role("link", name="Review records that may be the same person").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Records that may be the same person")
    expect(page.locator("#waiting")).to_have_text("2 pairs are waiting for you.")
    _fits(page, check, "review-queue")
    first = page.locator("section").first
    expect(first.get_by_role("heading", level=2)).to_have_text("Likely the same person: 87%")
    first.get_by_label("Your reasons (optional)").fill("The same car wash and age")
    first.get_by_role("button", name=re.compile("^Same person")).click()
    expect(page.locator("#decided")).to_contain_text("the same person")
    expect(page.locator("#waiting")).to_have_text("1 pair is waiting for you.")
    _fits(page, check, "review-decided")
    people = resolved_people(run)
    assert people[victim] == people[person]

    quiet = browser.new_context(  # the same session, with script turned off
        java_script_enabled=False,
        viewport={"width": 320, "height": 900},
        storage_state=page.context.storage_state(),
    )
    try:
        bare = quiet.new_page()
        bare.goto(f"{live_server}/intelligence/resolution/")
        bare.get_by_role("button", name=re.compile("^Different people")).click()
        expect(bare.locator("#decided")).to_contain_text("different people")
        expect(bare.locator("#nothing-waiting")).to_be_visible()
        for part in ("main", "#decided"):  # no script: the box, not axe
            box = bare.locator(part).bounding_box()
            assert box is not None and box["x"] >= 0 and box["x"] + box["width"] <= 320, part
        bare.screenshot(path=str(ARTIFACTS / "review-without-script-at-320px.png"), full_page=True)
    finally:
        quiet.close()
    assert sorted(PairDecision.objects.values_list("accepted", flat=True)) == [False, True]

    page.get_by_role("link", name="See or change the decisions made").click()
    expect(page.locator("#decisions-count")).to_have_text("2 decisions made.")
    _fits(page, check, "review-decisions")
    page.get_by_role("button", name=re.compile("^Change to different people")).click()
    expect(page.locator("#decided")).to_contain_text("different people")
    assert list(PairDecision.objects.values_list("accepted", flat=True)) == [False, False]
