"""The justice pages in the browser: the hub's analyst opens Justice from the menu, reads the
overview and its caveat, filters the prosecutions, opens one, follows a victim's NRM case to its
prosecutions, links a defendant to an organised crime group and finds the prosecution on the
group's page. Every page passes axe and fits a 1280 px and a 320 px screen without sideways
scrolling."""

from collections.abc import Callable
from typing import Any

import pytest
from playwright.sync_api import Page, expect

from nrm.accounts.models import Organisation, User
from nrm.accounts.roles import DefaultRole
from nrm.audit.models import AuditEvent, AuditVerb
from nrm.cases.referrals.services import referral_submit
from nrm.intelligence.services import intelligence_report_submit
from tests.intelligence.ocg_fixtures import ocg_report
from tests.justice.factories import (
    ACQUITTED,
    CONVICTED,
    CUSTODY,
    S4,
    S57,
    charge,
    prosecution_make,
    recovery_make,
)

from .conftest import Checked, sign_in

pytestmark = pytest.mark.django_db(transaction=True)


def _fits(page: Page, check: Checked, label: str) -> None:
    for width in (1280, 320):
        page.set_viewport_size({"width": width, "height": 900})
        check(page, f"{label}-at-{width}px")
        assert page.evaluate("document.documentElement.scrollWidth") <= width, (label, width)
    page.set_viewport_size({"width": 1280, "height": 900})


def test_an_analyst_follows_a_case_from_referral_to_conviction_and_confiscation(
    live_server: object,
    page: Page,
    web_user: Callable[..., User],
    make_user: Callable[..., User],
    organisation: Organisation,
    valid_referral: dict[str, Any],
    valid_intelligence_report: dict[str, Any],
    check: Checked,
) -> None:
    responder = make_user("responder", organisation)
    victim = referral_submit(actor=responder, data=valid_referral, organisation=organisation)
    officer = make_user("officer", organisation, DefaultRole.INTELLIGENCE_OFFICER)
    ring = ocg_report(valid_intelligence_report, "Demo Ring", members=1)
    intelligence_report_submit(actor=officer, data=ring, organisation=organisation)
    convicted = prosecution_make(
        "T20127001",
        [("Quentin Defendant", [
            charge(S57, "2012-07-02", CONVICTED, "2013-03-15", CUSTODY, months=90),
            charge(S4, "2012-07-02", CONVICTED, "2013-03-15", CUSTODY, months=30),
        ])],
        victims=[victim.reference],
    )  # fmt: skip
    recovery_make(convicted, 4_275_500_00, recorded_on="2013-06-01")
    prosecution_make("T20127002", [("Rosa Defendant", [charge(S4, "2012-08-01", ACQUITTED,
                                                              "2013-02-01")])])  # fmt: skip
    hub = Organisation.objects.create(code="nca-ukhtc", name="NCA / UKHTC")
    analyst = web_user("intel-analyst", hub, DefaultRole.INTELLIGENCE_ANALYST)

    sign_in(page, str(live_server), analyst)
    page.get_by_role("navigation", name="Menu").get_by_role("link", name="Justice").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Criminal justice outcomes")
    expect(page.locator("#differences")).to_contain_text("A conviction is not a confirmed victim")
    row_2013 = page.locator("#conversion tbody tr").last
    expect(row_2013).to_contain_text("2013")
    _fits(page, check, "overview")

    page.get_by_role("link", name="See every prosecution").click()
    expect(page.locator("#prosecutions tbody tr")).to_have_count(2)
    page.get_by_label("Outcome of an offence").select_option(label="Convicted")
    page.get_by_role("button", name="Show the prosecutions").click()
    expect(page.locator("#prosecutions tbody tr")).to_have_count(1)
    expect(page.locator("#prosecutions")).to_contain_text("£4,275,500")
    _fits(page, check, "prosecutions-convicted")

    page.get_by_role("link", name="T20127001").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Prosecution T20127001")
    expect(page.locator(".govuk-tag", has_text="Principal offence")).to_have_count(1)
    expect(page.locator("main")).to_contain_text("Immediate custody, 7 years 6 months")
    _fits(page, check, "prosecution")

    page.get_by_role("link", name=victim.reference).click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Prosecutions")
    expect(page.locator("main")).to_contain_text(f"NRM case {victim.reference}")
    expect(page.locator("main")).to_contain_text("£4,275,500")
    _fits(page, check, "case-prosecutions")

    page.go_back()
    page.get_by_role("link", name="Link defendants to organised crime groups").click()
    page.get_by_role("button", name="Link the defendant").click()
    expect(page.locator(".govuk-error-summary")).to_contain_text("Choose a defendant")
    check(page, "link-error")
    page.get_by_label("Defendant").select_option(label="Quentin Defendant")
    page.get_by_label("Organised crime group").select_option(label="Demo Ring")
    page.get_by_role("button", name="Link the defendant").click()
    expect(page.locator("main")).to_contain_text("Demo Ring, linked")
    _fits(page, check, "linked")

    page.get_by_role("link", name="Demo Ring").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Demo Ring")
    expect(page.locator("main")).to_contain_text("Prosecutions of its members")
    expect(page.locator("main")).to_contain_text("Immediate custody, 7 years 6 months")
    _fits(page, check, "ocg-prosecutions")
    assert AuditEvent.objects.filter(verb=AuditVerb.OCG_DEFENDANT_LINK, actor=analyst).exists()
