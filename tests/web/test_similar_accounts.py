"""The similar-accounts queue in the browser: the analyst finds it from the intelligence
reports, opens a group, reads two accounts side by side with their shared passages
highlighted, and marks the group as reviewed. Every page passes axe and fits a 1280 px and a
320 px screen without sideways scrolling."""

from collections.abc import Callable
from typing import Any

import pytest
from playwright.sync_api import Page, expect

from nrm.accounts.actors import OPERATOR
from nrm.accounts.models import Organisation, User
from nrm.accounts.roles import DefaultRole
from nrm.intelligence.models import SimilarClusterReview
from nrm.intelligence.similar_services import similar_accounts_run
from tests.intelligence.similar_accounts import BASE, NEAR_COPY, UNRELATED, submit

from .conftest import Checked, sign_in

pytestmark = pytest.mark.django_db(transaction=True)


def _fits(page: Page, check: Checked, label: str) -> None:
    for width in (1280, 320):
        page.set_viewport_size({"width": width, "height": 900})
        check(page, f"{label}-at-{width}px")
        assert page.evaluate("document.documentElement.scrollWidth") <= width, (label, width)


def test_an_analyst_reads_a_group_of_similar_accounts_side_by_side_and_reviews_it(
    live_server: object,
    page: Page,
    web_user: Callable[..., User],
    make_user: Callable[..., User],
    organisation: Organisation,
    valid_referral: dict[str, Any],
    check: Checked,
) -> None:
    responder = make_user("responder", organisation)
    long_word = "Supercalifragilisticexpialidociousnessitudeisms"  # must wrap at 320 px
    base = submit(responder, organisation, valid_referral, f"{BASE} {long_word}.")
    copy = submit(responder, organisation, valid_referral, f"{NEAR_COPY} {long_word}.",
                  claimed_nationalities=["ALB"], referral_date="2012-07-02")  # fmt: skip
    submit(responder, organisation, valid_referral, UNRELATED)
    later = submit(responder, organisation, valid_referral, f"{UNRELATED} Thank you.")
    similar_accounts_run(actor=OPERATOR)
    # one more copy of the base, made after the search: found when it was referred
    submit(responder, organisation, valid_referral, f"{BASE} {long_word}!")
    hub = Organisation.objects.create(code="nca-ukhtc", name="NCA / UKHTC")
    analyst = web_user("intel-analyst", hub, DefaultRole.INTELLIGENCE_ANALYST)

    sign_in(page, str(live_server), analyst)
    page.goto(f"{live_server}/intelligence/")
    page.get_by_role("link", name="Review accounts that are near copies of other accounts").click()
    expect(page.get_by_role("heading", level=1)).to_have_text(
        "Accounts that are near copies of others"
    )
    expect(page.locator("#lead")).to_contain_text("a lead for analysis, not a finding")
    expect(page.locator("#clusters tbody tr")).to_have_count(2)
    expect(page.locator("#submitted-pairs tbody tr")).to_have_count(2)
    _fits(page, check, "similar-queue")

    page.get_by_role("link", name="2 accounts referred 14 May to 2 July 2012").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Group of 2 similar accounts")
    expect(page.locator("#shared")).to_contain_text("Nigeria (1), Albania (1)")
    _fits(page, check, "similar-group")

    page.get_by_role(
        "link", name=f"Compare the accounts of {base.reference} and {copy.reference}"
    ).click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Two accounts side by side")
    first = page.locator("#account-1")
    expect(first.locator("mark").first).to_contain_text("A man I met at a cafe")
    expect(page.locator("#account-2 mark")).to_have_count(2)
    _fits(page, check, "similar-side-by-side")

    page.get_by_role("link", name="Back to the group of 2 similar accounts").click()
    page.get_by_label("What you found (optional)").fill("The same wording; same week")
    page.get_by_role("button", name="Mark as reviewed").click()
    expect(page.locator("#reviewed")).to_have_text("You marked this group of accounts as reviewed.")
    expect(page.locator("#last-review")).to_contain_text("The same wording; same week")
    _fits(page, check, "similar-reviewed")
    assert SimilarClusterReview.objects.get().note == "The same wording; same week"
    assert later.reference  # the unrelated pair forms the other group
