"""A canary value sent through every field and every door, in requests that succeed and in
requests that fail, appears in no log, extract, report (public or internal), notice or e-mail;
a canary account, through the similar-accounts search and its pages, only on the page that shows
two accounts side by side."""

import argparse
import io
import json
import logging
import zipfile
from collections.abc import Callable, Iterator
from datetime import date
from pathlib import Path
from typing import Any
from unittest import mock

import pytest
from django.core import mail
from django.test import Client

from nrm.accounts.actors import OPERATOR
from nrm.accounts.models import Notice, Organisation, User
from nrm.accounts.roles import DefaultRole
from nrm.accounts.services import api_token_create
from nrm.audit.models import AuditEvent
from nrm.cases.casework.deadlines import deadline_reminders_send
from nrm.cases.casework.services.decisions import case_event_record
from nrm.cases.casework.services.edits import case_edit, case_note_add
from nrm.cases.models import Case, Person, ReferralDraft
from nrm.cases.referrals.importers import ImportOptions, referrals_import
from nrm.cases.stages import Event
from nrm.intelligence.assessment.extract import assessment_build
from nrm.intelligence.assessment.write import assessment_write
from nrm.intelligence.commands import cmd_intelligence
from nrm.intelligence.importers import intelligence_import
from nrm.intelligence.models import Entity, IntelligenceReport, SimilarAccountCluster
from nrm.statistics.disclosure import DisclosureRule
from nrm.statistics.engine import backend_connect, referrals_table
from nrm.statistics.extract import extract_table, extract_write
from nrm.statistics.report import report_write
from nrm.support.services import support_providers_seed
from nrm.web.failures import NoPersonalDataFilter
from tests.cases.referrals.csvfiles import write_csv
from tests.cases.referrals.web import ANSWERS, answer, start
from tests.intelligence.similar_accounts import BASE

CANARY = "Zzcanary"
TEXT_FIELDS = (
    "first_responder_officer", "first_responder_email", "first_responder_phone", "given_name",
    "family_name", "contact_route", "account",
)  # fmt: skip


@pytest.fixture
def server_log() -> Iterator[io.StringIO]:
    """What the service's log handler writes, for the whole test."""
    handlers = {
        id(h): h
        for name in ("", "django")
        for h in logging.getLogger(name).handlers
        if any(isinstance(f, NoPersonalDataFilter) for f in h.filters)
    }
    assert handlers
    stream = io.StringIO()
    kept = {key: h.stream for key, h in handlers.items()}  # type: ignore[attr-defined]
    for handler in handlers.values():
        handler.stream = stream  # type: ignore[attr-defined]
    logging.getLogger().setLevel(logging.DEBUG)
    yield stream
    logging.getLogger().setLevel(logging.WARNING)
    for key, handler in handlers.items():
        handler.stream = kept[key]  # type: ignore[attr-defined]


def _canaried(record: dict[str, Any], n: int) -> dict[str, Any]:
    marked = {name: f"{CANARY}{n}-{name}" for name in TEXT_FIELDS}
    marked["first_responder_email"] = f"{CANARY.lower()}{n}@police.example"
    return {**record, **marked, "aliases": [f"{CANARY}{n}-alias"]}


def _texts(folder: Path) -> Iterator[tuple[str, str]]:
    """Every file's text, the parts of ODS and XLSX (zip) files included."""
    for path in sorted(folder.rglob("*")):
        if path.suffix in (".ods", ".xlsx"):
            with zipfile.ZipFile(path) as archive:
                for name in archive.namelist():
                    yield f"{path.name}:{name}", archive.read(name).decode("utf-8", "replace")
        elif path.is_file():
            yield path.name, path.read_bytes().decode("utf-8", "replace")


def test_a_canary_in_every_field_through_every_door_leaks_nowhere(
    server_log: io.StringIO,
    organisation: Organisation,
    make_user: Callable[..., User],
    signed_in: Callable[[User], Client],
    valid_referral: dict[str, Any],
    tmp_path: Path,
    django_capture_on_commit_callbacks: Any,
) -> None:
    support_providers_seed()
    authority = Organisation.objects.create(
        code="home-office-ca", name="Home Office CA", competent_authority="home_office"
    )
    officer = make_user("officer", organisation, DefaultRole.FIRST_RESPONDER)
    officer.email = "officer@police.example"
    officer.save()
    manager = make_user("manager", authority, DefaultRole.MANAGER)
    manager.email = "manager@ca.example"
    manager.save()
    api = Client(
        HTTP_AUTHORIZATION=f"Bearer {api_token_create(actor=OPERATOR, user=officer, name='t')}",
        raise_request_exception=False,
    )
    with django_capture_on_commit_callbacks(execute=True):
        # API: accepted, refused by the standard, refused as unreadable, and a failure (500)
        created = api.post("/api/v1/referrals", _canaried(valid_referral, 1), "application/json")
        assert created.status_code == 201
        refused = {**_canaried(valid_referral, 2), "nation": f"{CANARY}-nation"}
        assert api.post("/api/v1/referrals", refused, "application/json").status_code == 422
        broken = json.dumps(_canaried(valid_referral, 3))[:-5]
        assert api.post("/api/v1/referrals", broken, "application/json").status_code == 422
        failure = ValueError(f"input_value='{CANARY}-failure'")
        with mock.patch("nrm.cases.referrals.api.services.referral_submit", side_effect=failure):
            body = _canaried(valid_referral, 4)
            assert api.post("/api/v1/referrals", body, "application/json").status_code == 500
        # CSV import: a good row and a bad one, all or nothing and partial
        rows = [_canaried(valid_referral, 5), {**_canaried(valid_referral, 6), "gender": CANARY}]
        path = write_csv(tmp_path / "referrals.csv", rows)
        referrals_import(ImportOptions(path=path, organisation_code=organisation.code))
        referrals_import(
            ImportOptions(path=path, organisation_code=organisation.code, partial=True)
        )
        # The web: a draft saved with the canary in it, then submitted
        web = signed_in(officer)
        draft = start(web)
        person = {**ANSWERS["person"], "given_name": f"{CANARY}7", "family_name": f"{CANARY}7"}
        answer(web, draft, "person", person)
        # Casework: a summary, a note and decision reasons, notices and reminders
        reference = created.json()["reference"]
        case = Case.objects.get(referral__reference=reference)
        case_edit(actor=manager, reference=reference, expected_version=case.version,
                  summary=f"{CANARY}-summary")  # fmt: skip
        case_note_add(actor=manager, reference=reference, expected_version=case.version + 1,
                      note=f"{CANARY}-note")  # fmt: skip
        case_event_record(actor=manager, reference=reference, event=Event.RG_NEGATIVE,
                          on=date(2012, 5, 18), expected_version=case.version + 2,
                          reasons=f"{CANARY}-reasons")  # fmt: skip
        deadline_reminders_send(actor=OPERATOR, today=date(2012, 6, 1))
    # Outputs: the extract, the internal and the public report
    extract = extract_table()
    (tmp_path / "out").mkdir()
    extract_write(extract, tmp_path / "out" / "extract.parquet")
    referrals = referrals_table(backend_connect(), extract)
    report_write(referrals, year=2012, out=tmp_path / "out" / "internal")
    report_write(referrals, year=2012, out=tmp_path / "out" / "public", rule=DisclosureRule())

    places: dict[str, str] = {
        "log": server_log.getvalue(),
        "emails": json.dumps([[m.subject, m.body, m.to] for m in mail.outbox]),
        "notices": json.dumps(list(Notice.objects.values_list("subject", "body"))),
        "extract": json.dumps(extract.to_pylist(), default=str),
        **{f"report {name}": text for name, text in _texts(tmp_path / "out")},
    }
    # The canary went in through the doors that accepted it: API, CSV import and web draft
    assert Person.objects.filter(given_name__startswith=CANARY).count() == 2
    assert any(CANARY in json.dumps(d.data) for d in ReferralDraft.objects.all())
    assert mail.outbox and Notice.objects.exists() and "failure" in places["log"]
    leaks = sorted(where for where, text in places.items() if CANARY.lower() in text.lower())
    assert leaks == []


INTELLIGENCE_TEXT = ("officer", "narrative", "operation")
ENTITY_TEXT = ("given_name", "family_name", "address", "postcode", "ocg_name", "business_name")


def _canaried_report(report: dict[str, Any], n: int) -> dict[str, Any]:
    marked = {name: f"{CANARY}{n}-{name}" for name in INTELLIGENCE_TEXT}
    entities = [
        {**report["entities"][0], "given_name": f"{CANARY}{n}-g", "family_name": f"{CANARY}{n}-f"},
        {**report["entities"][1], "given_name": f"{CANARY}{n}-v"},
        {**report["entities"][2], "address": f"{CANARY}{n}-a", "postcode": f"{CANARY}{n}"[:16]},
        report["entities"][3],
        {"key": "g", "type": "ocg", "ocg_name": f"{CANARY}{n}-ocg"},
        {"key": "b", "type": "business", "business_name": f"{CANARY}{n}-b"},
    ]
    return {**report, **marked, "entities": entities}


def test_a_canary_in_an_intelligence_report_through_every_door_leaks_nowhere(
    server_log: io.StringIO,
    organisation: Organisation,
    make_user: Callable[..., User],
    signed_in: Callable[[User], Client],
    valid_referral: dict[str, Any],
    valid_intelligence_report: dict[str, Any],
    tmp_path: Path,
    django_capture_on_commit_callbacks: Any,
) -> None:
    officer = make_user("intel", organisation, DefaultRole.INTELLIGENCE_OFFICER)
    responder = make_user("responder", organisation, DefaultRole.FIRST_RESPONDER)
    api = Client(
        HTTP_AUTHORIZATION=f"Bearer {api_token_create(actor=OPERATOR, user=officer, name='t')}",
        raise_request_exception=False,
    )
    url = "/api/v1/intelligence/reports"
    with django_capture_on_commit_callbacks(execute=True):
        referral_submit_via = Client(  # a referral, so the extract and reports have rows
            HTTP_AUTHORIZATION="Bearer "
            + api_token_create(actor=OPERATOR, user=responder, name="t")
        )
        assert (
            referral_submit_via.post(
                "/api/v1/referrals", valid_referral, "application/json"
            ).status_code
            == 201
        )
        # API: accepted, refused by the standard, unreadable, and a failure (500)
        created = api.post(url, _canaried_report(valid_intelligence_report, 1), "application/json")
        assert created.status_code == 201, created.content
        refused = {**_canaried_report(valid_intelligence_report, 2), "handling_code": CANARY}
        assert api.post(url, refused, "application/json").status_code == 422
        broken = json.dumps(_canaried_report(valid_intelligence_report, 3))[:-5]
        assert api.post(url, broken, "application/json").status_code == 422
        failure = ValueError(f"input_value='{CANARY}-failure'")
        with mock.patch(
            "nrm.intelligence.api.services.intelligence_report_submit", side_effect=failure
        ):
            body = _canaried_report(valid_intelligence_report, 4)
            assert api.post(url, body, "application/json").status_code == 500
        # CSV import: a good row and a bad one, all or nothing and partial
        path = tmp_path / "intelligence.csv"
        path.write_text(
            "organisation,source_kind,officer,received_date,source_evaluation,"
            "intelligence_assessment,handling_code,narrative,subject_type,person_role,given_name\n"
            f"met-police,police_force,{CANARY}5,2012-06-01,1,A,P,{CANARY}5-n,person,suspect,"
            f"{CANARY}5\n"
            f"met-police,police_force,{CANARY}6,2012-06-01,9,A,P,{CANARY}6-n,person,suspect,"
            f"{CANARY}6\n",
            encoding="utf-8",
        )
        intelligence_import(ImportOptions(path=path))
        intelligence_import(ImportOptions(path=path, partial=True))
        # The web form: one refused, one recorded
        web = signed_in(officer)
        answers = {
            "officer": f"{CANARY}7", "source_kind": "police_force", "received_date_0": "1",
            "received_date_1": "6", "received_date_2": "2012", "source_evaluation": "1",
            "intelligence_assessment": "A", "handling_code": "P", "narrative": f"{CANARY}7-n",
            "person_role": "suspect", "given_name": f"{CANARY}7", "address": f"{CANARY}7-a",
        }  # fmt: skip
        assert web.post("/intelligence/new/", {**answers, "phone": CANARY}).status_code == 200
        assert web.post("/intelligence/new/", answers).status_code == 302
        deadline_reminders_send(actor=OPERATOR, today=date(2012, 6, 1))
    extract = extract_table()
    (tmp_path / "out").mkdir()
    extract_write(extract, tmp_path / "out" / "extract.parquet")
    referrals = referrals_table(backend_connect(), extract)
    report_write(referrals, year=2012, out=tmp_path / "out" / "internal")
    report_write(referrals, year=2012, out=tmp_path / "out" / "public", rule=DisclosureRule())
    assessment = assessment_build(year=2012)
    assessment_write(assessment, out=tmp_path / "out" / "assessment")
    places: dict[str, str] = {
        "log": server_log.getvalue(),
        "emails": json.dumps([[m.subject, m.body, m.to] for m in mail.outbox]),
        "notices": json.dumps(list(Notice.objects.values_list("subject", "body"))),
        "extract": json.dumps(extract.to_pylist(), default=str),
        "assessment extract": json.dumps(assessment.table.to_pylist(), default=str),
        "audit": json.dumps(list(AuditEvent.objects.values_list("detail", flat=True))),
        **{f"report {name}": text for name, text in _texts(tmp_path / "out")},
    }
    assert assessment.table.num_rows > 0
    # The canary went in through the doors that accepted it: API, CSV import and web form
    assert IntelligenceReport.objects.filter(narrative__startswith=CANARY).count() == 3
    assert Entity.objects.filter(ocg_name__startswith=CANARY).count() == 1
    assert "failure" in places["log"]
    leaks = sorted(where for where, text in places.items() if CANARY.lower() in text.lower())
    assert leaks == []


def test_a_canary_account_through_the_similar_accounts_search_and_pages_leaks_nowhere(
    server_log: io.StringIO,
    organisation: Organisation,
    make_user: Callable[..., User],
    signed_in: Callable[[User], Client],
    valid_referral: dict[str, Any],
    tmp_path: Path,
    django_capture_on_commit_callbacks: Any,
    capsys: pytest.CaptureFixture[str],
) -> None:
    """Accounts holding the canary, near copies of each other, through every door, the check
    at submission (and its failure), the batch search and its command, and every page of the
    queue: the canary is on the page that shows the two accounts side by side, and nowhere
    else: no log line, audit entry, notice, e-mail, extract or report."""
    responder = make_user("responder", organisation)
    hub = Organisation.objects.create(code="nca-ukhtc", name="NCA / UKHTC")
    analyst = make_user("analyst", hub, DefaultRole.INTELLIGENCE_ANALYST)
    api = Client(
        HTTP_AUTHORIZATION=f"Bearer {api_token_create(actor=OPERATOR, user=responder, name='t')}"
    )
    story = f"{BASE} {CANARY}-account said the man"
    with django_capture_on_commit_callbacks(execute=True):
        for text in (story, story.replace("four other", "three other")):
            body = {**valid_referral, "account": text}
            assert api.post("/api/v1/referrals", body, "application/json").status_code == 201
        rows = [{**valid_referral, "account": story.replace("four other", "five other")}]
        referrals_import(ImportOptions(path=write_csv(tmp_path / "referrals.csv", rows),
                                       organisation_code=organisation.code))  # fmt: skip
        deadline_reminders_send(actor=OPERATOR, today=date(2012, 6, 1))
    failure = ValueError(f"could not compare {CANARY}-failure")
    with (
        mock.patch("nrm.intelligence.similar_services.similar_accounts_check", side_effect=failure),
        django_capture_on_commit_callbacks(execute=True),
    ):
        body = {**valid_referral, "account": f"{story} again"}
        assert api.post("/api/v1/referrals", body, "application/json").status_code == 201
    assert cmd_intelligence(argparse.Namespace(action="similar-accounts")) == 0
    printed = capsys.readouterr().out
    web = signed_in(analyst)
    cluster = SimilarAccountCluster.objects.get()
    assert cluster.size == 4
    pages = {
        "queue": web.get("/intelligence/similar-accounts/"),
        "group": web.get(f"/intelligence/similar-accounts/{cluster.pk}/"),
        "reviewed": web.post(
            f"/intelligence/similar-accounts/{cluster.pk}/reviewed/",
            {"note": "Compared"},
            follow=True,
        ),
    }
    first, second = (
        Case.objects.filter(referral__account__isnull=False)
        .order_by("referral_id")
        .values_list("referral__reference", flat=True)[:2]
    )
    side_by_side = web.get(f"/intelligence/similar-accounts/compare/{first}/{second}/")
    assert side_by_side.status_code == 200 and CANARY in side_by_side.content.decode()
    extract = extract_table()
    (tmp_path / "out").mkdir()
    extract_write(extract, tmp_path / "out" / "extract.parquet")
    referrals = referrals_table(backend_connect(), extract)
    report_write(referrals, year=2012, out=tmp_path / "out" / "internal")
    assessment = assessment_build(year=2012)
    assessment_write(assessment, out=tmp_path / "out" / "assessment")
    for table in (extract, assessment.table):  # no column could hold an account
        assert not [n for n in table.column_names if "account" in n or "text" in n]
    places: dict[str, str] = {
        "log": server_log.getvalue(),
        "command": printed,
        "emails": json.dumps([[m.subject, m.body, m.to] for m in mail.outbox]),
        "notices": json.dumps(list(Notice.objects.values_list("subject", "body"))),
        "audit": json.dumps(list(AuditEvent.objects.values_list("detail", flat=True))),
        "extract": json.dumps(extract.to_pylist(), default=str),
        "assessment extract": json.dumps(assessment.table.to_pylist(), default=str),
        **{f"page {name}": response.content.decode() for name, response in pages.items()},
        **{f"report {name}": text for name, text in _texts(tmp_path / "out")},
    }
    assert all(response.status_code == 200 for response in pages.values())
    assert "ValueError" in places["log"] and "similar-accounts check failed" in places["log"]
    leaks = sorted(where for where, text in places.items() if CANARY.lower() in text.lower())
    assert leaks == []
