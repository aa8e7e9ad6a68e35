"""A canary in every text field of referrals (the account among them) that make a surge: the
surge check, its alerts, the hub's notices and emails, the surge pages, the audit log and the
server log hold none of it."""

import io
import json
from collections.abc import Callable
from datetime import date
from typing import Any

from django.core import mail
from django.test import Client

from nrm.accounts.actors import OPERATOR
from nrm.accounts.models import Notice, Organisation, User
from nrm.accounts.roles import DefaultRole
from nrm.audit.models import AuditEvent
from nrm.intelligence.alerts import alert_change
from nrm.intelligence.surges import surveillance_run
from nrm.intelligence.surveillance_models import SurgeAlert, SurveillanceCell
from tests.test_canary import CANARY, _canaried, server_log  # noqa: F401 (a fixture)


def test_a_canary_in_referrals_that_make_a_surge_leaks_nowhere(
    server_log: io.StringIO,  # noqa: F811
    make_cases: Callable[..., list[str]],
    make_user: Callable[..., User],
    hub: Organisation,
    signed_in: Callable[[User], Client],
    valid_referral: dict[str, Any],
    django_capture_on_commit_callbacks: Any,
) -> None:
    base = {**valid_referral, "exploitation_start": None, "exploitation_end": None}
    for n, year in enumerate((2010, 2011)):
        for month in range(1, 13):
            day = date(year, month, 10).isoformat()
            make_cases(2, _canaried(base, n), referral_date=day, claimed_nationalities=["ALB"])
    make_cases(15, _canaried(base, 3), referral_date="2012-01-12", claimed_nationalities=["ALB"])
    analyst = make_user("hub-analyst", hub, DefaultRole.INTELLIGENCE_ANALYST)
    analyst.email = "analyst@hub.example"
    analyst.save()
    with django_capture_on_commit_callbacks(execute=True):
        surveillance_run(actor=OPERATOR, as_of=date(2012, 2, 1))
    alert = SurgeAlert.objects.filter(nationality="Albania").first()
    assert alert is not None and mail.outbox
    alert_change(actor=analyst, alert_id=alert.pk, action="acknowledge")
    client = signed_in(analyst)
    pages = [
        client.get(url).content.decode()
        for url in (
            "/surges/",
            "/surges/alerts/",
            f"/surges/alerts/{alert.pk}/",
            "/surges/series/?kind=nationality&frequency=month&nationality=Albania",
        )
    ]
    places = {
        "log": server_log.getvalue(),
        "emails": json.dumps([[m.subject, m.body, m.to] for m in mail.outbox]),
        "notices": json.dumps(list(Notice.objects.values_list("subject", "body"))),
        "cells": json.dumps(list(SurveillanceCell.objects.values()), default=str),
        "alerts": json.dumps(list(SurgeAlert.objects.values()), default=str),
        "audit": json.dumps(list(AuditEvent.objects.values_list("detail", flat=True))),
        "pages": "\n".join(pages),
    }
    assert "Albania" in places["pages"]
    leaks = sorted(where for where, text in places.items() if CANARY.lower() in text.lower())
    assert leaks == []
