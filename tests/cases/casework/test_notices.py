import json
import logging
from datetime import date
from typing import Any

import pytest
from django.core import mail
from django.test import Client

from nrm.accounts.actors import OPERATOR
from nrm.accounts.models import Notice, Organisation, User
from nrm.accounts.services import api_token_create
from nrm.audit.models import AuditEvent
from nrm.cases.casework.services.decisions import rg_decision_record
from nrm.cases.referrals.services import referral_submit
from nrm.cli import main

CANARY_NAME = "Zzcanaryname"
CANARY_ALIAS = "Qqcanaryalias"
CANARY_ACCOUNT = "Xxcanaryaccount text that must never leak"


def test_a_decision_sends_a_notice_to_the_first_responder_with_only_the_reference_by_email(
    reference: str, caseworker: User, officer: User, django_capture_on_commit_callbacks: Any
) -> None:
    with django_capture_on_commit_callbacks(execute=True):
        rg_decision_record(
            actor=caseworker,
            reference=reference,
            positive=True,
            on=date(2012, 5, 18),
            expected_version=1,
        )
    notice = Notice.objects.get(organisation=officer.organisation)
    assert notice.kind == "decision"
    assert "Reasonable grounds decision on" in notice.body and "positive" in notice.body
    assert [m.to for m in mail.outbox] == [["officer@police.example"]]
    assert reference in mail.outbox[0].subject
    assert "positive" not in mail.outbox[0].body


def test_a_canary_name_and_account_never_appear_in_logs_emails_notices_or_audit(
    officer: User,
    organisation: Organisation,
    caseworker: User,
    valid_referral: dict[str, Any],
    caplog: pytest.LogCaptureFixture,
    django_capture_on_commit_callbacks: Any,
) -> None:
    caplog.set_level(logging.DEBUG)
    data = {
        **valid_referral,
        "given_name": CANARY_NAME,
        "family_name": CANARY_NAME,
        "aliases": [CANARY_ALIAS],
        "account": CANARY_ACCOUNT,
    }
    with django_capture_on_commit_callbacks(execute=True):
        reference = referral_submit(actor=officer, data=data, organisation=organisation).reference
        client = Client(
            HTTP_AUTHORIZATION=f"Bearer {api_token_create(actor=OPERATOR, user=officer, name='t')}"
        )
        assert client.get(f"/api/v1/referrals/{reference}").status_code == 200
        rg_decision_record(
            actor=caseworker,
            reference=reference,
            positive=False,
            on=date(2012, 5, 18),
            expected_version=1,
            reasons=f"Reasons mentioning {CANARY_NAME}",
        )
        assert main(["deadlines", "--today", "2012-05-25"]) == 0
    places = {
        "logs": caplog.text,
        "emails": json.dumps([[m.subject, m.body] for m in mail.outbox]),
        "notices": json.dumps(list(Notice.objects.values_list("subject", "body"))),
        "audit": json.dumps(
            list(AuditEvent.objects.values_list("verb", "target_id", "detail")), default=str
        ),
    }
    assert mail.outbox, "the decision notice was sent"
    for place, text in places.items():
        for canary in (CANARY_NAME, CANARY_ALIAS, CANARY_ACCOUNT):
            assert canary not in text, (place, canary)


def test_the_first_responders_home_page_shows_the_decision_notice(
    reference: str,
    caseworker: User,
    officer: User,
    signed_in: Any,
) -> None:
    rg_decision_record(
        actor=caseworker,
        reference=reference,
        positive=True,
        on=date(2012, 5, 18),
        expected_version=1,
    )
    page = signed_in(officer).get("/").content.decode()
    assert f"Reasonable grounds decision on {reference}: positive" in page
    assert "Reasonable grounds decision on" not in signed_in(caseworker).get("/").content.decode()
