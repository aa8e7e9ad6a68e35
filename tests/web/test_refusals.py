"""Refusals in the browser: another organisation's case looks as if it does not exist, and a page
the role may not use says so; both are audited."""

from collections.abc import Callable
from typing import Any

import pytest
from playwright.sync_api import Page, expect

from nrm.accounts.models import Organisation, User
from nrm.audit.models import AuditEvent, AuditVerb
from nrm.cases.referrals.services import referral_submit

from .conftest import Checked, sign_in

pytestmark = pytest.mark.django_db(transaction=True)


def test_a_first_responder_cannot_open_another_organisations_referral_or_the_work_queue(
    live_server: object,
    page: Page,
    web_user: Callable[..., User],
    make_user: Callable[..., User],
    organisation: Organisation,
    other_organisation: Organisation,
    valid_referral: dict[str, Any],
    check: Checked,
) -> None:
    theirs = referral_submit(
        actor=make_user("elsewhere", other_organisation),
        data=valid_referral,
        organisation=other_organisation,
    ).reference
    officer = web_user("officer", organisation)
    sign_in(page, str(live_server), officer)
    response = page.goto(f"{live_server}/referrals/{theirs}/")
    assert response is not None and response.status == 404
    expect(page.get_by_role("heading", level=1)).to_have_text("Page not found")
    expect(page.get_by_text(valid_referral["given_name"])).to_have_count(0)
    check(page, "other-organisations-referral")
    response = page.goto(f"{live_server}/casework/queue/")
    assert response is not None and response.status == 403
    expect(page.get_by_role("heading", level=1)).to_have_text("You cannot use this page")
    check(page, "work-queue-refused")
    assert AuditEvent.objects.filter(actor=officer, verb=AuditVerb.ACCESS_DENIED).count() == 2
