import json
import logging
import re
from collections.abc import Callable
from datetime import date
from typing import Any

import pytest
from django.core import mail
from django.test import Client

from nrm.accounts.actors import OPERATOR
from nrm.accounts.models import Notice, Organisation, User
from nrm.accounts.roles import DefaultRole
from nrm.accounts.services import api_token_create
from nrm.audit.models import AuditEvent
from nrm.cases.casework.deadlines import HEADING, SIGN_IN, SUBJECT, deadline_reminders_send
from nrm.cases.casework.notices import DECISION_NOTICE
from nrm.cases.casework.services.decisions import rg_decision_record
from nrm.cases.referrals.services import referral_submit
from nrm.cli import main
from nrm.web.templatetags.govuk import REFERENCE

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
    link = f'<a class="govuk-link" href="/casework/cases/{reference}/">{reference}</a>'
    expected = DECISION_NOTICE.format(
        stage="Reasonable grounds", reference=link, outcome="positive", on="18 May 2012"
    )
    assert expected in page
    assert "Reasonable grounds decision on" not in signed_in(caseworker).get("/").content.decode()


def test_a_reference_in_a_notice_is_a_link_only_for_a_reader_who_may_open_the_case(
    reference: str,
    caseworker: User,
    officer: User,
    make_user: Callable[..., User],
    signed_in: Callable[[User], Client],
) -> None:
    rg_decision_record(actor=caseworker, reference=reference, positive=True,
                       on=date(2012, 5, 18), expected_version=1)  # fmt: skip
    administrator = make_user("admin", officer.organisation, DefaultRole.ADMINISTRATOR)
    page = signed_in(administrator).get("/").content.decode()
    assert f"Reasonable grounds decision on {reference}: positive, made on 18 May 2012." in page
    assert f'href="/casework/cases/{reference}/"' not in page
    opened = signed_in(officer).get(f"/casework/cases/{reference}/")
    assert opened.status_code == 200


def test_a_deadline_reminder_dates_its_day_in_words_and_links_every_reference_in_the_app(
    reference: str,
    caseworker: User,
    signed_in: Callable[[User], Client],
    django_capture_on_commit_callbacks: Any,
) -> None:
    with django_capture_on_commit_callbacks(execute=True):
        deadline_reminders_send(actor=OPERATOR, today=date(2012, 5, 23))
    notice = Notice.objects.get(organisation=caseworker.organisation, kind="reminder")
    assert notice.body.startswith(HEADING.format(authority="Home Office", today="23 May 2012"))
    assert "Overdue: 1\n" in notice.body and SIGN_IN not in notice.body
    assert [m.subject for m in mail.outbox] == [
        SUBJECT.format(authority="Home Office", today="23 May 2012", overdue=1, due=0)
    ]
    assert SIGN_IN in mail.outbox[0].body and "<a" not in mail.outbox[0].body
    page = signed_in(caseworker).get("/").content.decode()
    assert f'<a class="govuk-link" href="/casework/cases/{reference}/">{reference}</a>' in page
    assert not re.search(r"\d{4}-\d{2}-\d{2}", notice.body + mail.outbox[0].body)


def test_the_notice_links_know_the_form_of_an_nrm_reference(reference: str) -> None:
    assert REFERENCE.fullmatch(reference)
    assert not REFERENCE.search(reference.replace("NRM-", "NRM-AN-"))
