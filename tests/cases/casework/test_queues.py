from datetime import date, timedelta
from typing import Any

import pytest
from django.core import mail

from nrm.accounts.actors import OPERATOR
from nrm.accounts.models import Organisation, User
from nrm.accounts.roles import DefaultRole
from nrm.cases.casework.backlog import BacklogInvalid, backlog_create
from nrm.cases.casework.selectors import (
    Queue,
    backlog_progress,
    case_age_days,
    days_left,
    queue_sizes,
    work_queue,
)
from nrm.cases.casework.services.decisions import rg_decision_record
from nrm.cli import main

from .conftest import case_of

DUE = date(2012, 5, 21)  # RG due day of every case of the valid_referral fixture


def test_the_queue_shows_a_case_due_on_its_day_and_overdue_after_it(
    reference: str, caseworker: User
) -> None:
    before = queue_sizes(actor=caseworker, today=DUE - timedelta(days=1))
    on = queue_sizes(actor=caseworker, today=DUE)
    after = queue_sizes(actor=caseworker, today=DUE + timedelta(days=1))
    assert (before[Queue.DUE_TODAY], before[Queue.OVERDUE], before[Queue.OPEN]) == (0, 0, 1)
    assert (on[Queue.DUE_TODAY], on[Queue.OVERDUE]) == (1, 0)
    assert (after[Queue.DUE_TODAY], after[Queue.OVERDUE]) == (0, 1)
    case = case_of(reference)
    assert days_left(case, today=DUE + timedelta(days=2)) == -2
    assert case_age_days(case, today=date(2012, 6, 13)) == 30


def test_the_queue_holds_only_the_cases_in_the_users_scope(
    reference: str, officer: User, make_user: Any, other_organisation: Any, ukhtc: Any
) -> None:
    from nrm.accounts.roles import DefaultRole

    assert work_queue(actor=officer, queue=Queue.OPEN, today=DUE).count() == 1
    for outsider in (
        make_user("elsewhere", other_organisation),
        make_user("ukhtc-worker", ukhtc, DefaultRole.CASEWORKER),
        make_user("analyst", officer.organisation, DefaultRole.ANALYST),
        make_user("admin", None, DefaultRole.ADMINISTRATOR),
    ):
        assert not work_queue(actor=outsider, queue=Queue.OPEN, today=DUE).exists()


def test_a_positive_rg_moves_the_case_to_upcoming_cg_and_review_due(
    reference: str, caseworker: User
) -> None:
    rg_day = date(2012, 5, 18)
    rg_decision_record(
        actor=caseworker, reference=reference, positive=True, on=rg_day, expected_version=1
    )
    ends = rg_day + timedelta(days=45)
    assert queue_sizes(actor=caseworker, today=ends - timedelta(days=20))[Queue.UPCOMING_CG] == 0
    assert queue_sizes(actor=caseworker, today=ends - timedelta(days=10))[Queue.UPCOMING_CG] == 1
    assert queue_sizes(actor=caseworker, today=rg_day + timedelta(days=30))[Queue.REVIEW_DUE] == 1
    assert queue_sizes(actor=caseworker, today=ends + timedelta(days=1))[Queue.OVERDUE] == 1


def test_the_deadline_command_lists_overdue_cases_and_emails_the_authoritys_staff(
    reference: str,
    caseworker: User,
    capsys: pytest.CaptureFixture[str],
    django_capture_on_commit_callbacks: Any,
) -> None:
    with django_capture_on_commit_callbacks(execute=True):
        assert main(["deadlines", "--today", "2012-05-23"]) == 0
    out = capsys.readouterr().out
    assert "Deadlines on 23 May 2012" in out
    assert "Home Office: Overdue 1, Due today 0" in out
    assert f"Overdue    {reference}" in out
    assert [m.to for m in mail.outbox] == [["caseworker@ca.example"]]
    assert reference in mail.outbox[0].body
    assert "1 overdue" in mail.outbox[0].subject


def test_the_deadline_command_with_no_email_sends_nothing(
    reference: str, caseworker: User, django_capture_on_commit_callbacks: Any
) -> None:
    with django_capture_on_commit_callbacks(execute=True):
        assert main(["deadlines", "--today", "2012-05-23", "--no-email"]) == 0
    assert mail.outbox == []


def test_a_backlog_of_384_inherited_cases_reports_the_share_cleared(
    make_cases: Any, valid_referral: dict[str, Any], capsys: pytest.CaptureFixture[str]
) -> None:
    open_refs = make_cases(300, valid_referral)
    closed = {**valid_referral, "rg_outcome": "negative", "rg_date": "2012-05-20"}
    closed_refs = make_cases(84, closed)
    later = make_cases(5, {**valid_referral, "referral_date": "2012-07-02"})
    assert main(["backlog", "create", "inherited", "--start", "2012-06-01"]) == 0
    assert "inherited' from 2012-06-01: 300 cases" in capsys.readouterr().out
    assert set(later).isdisjoint(case_of(r).referral.reference for r in open_refs)
    # Cases closed before the start are not part of it; name them to include them.
    path_refs = open_refs + closed_refs
    backlog_create(actor=OPERATOR, name="named", starts_on=date(2012, 5, 14), references=path_refs)
    progress = backlog_progress(name="named", actor=OPERATOR)
    assert progress is not None
    assert (progress.total, progress.cleared, progress.rg_decided) == (384, 84, 84)
    assert progress.cleared_share == pytest.approx(84 / 384)
    assert main(["backlog", "show", "named"]) == 0
    assert "cleared (closed): 84 (21.9%)" in capsys.readouterr().out


def test_a_manager_follows_only_the_backlog_cases_of_their_own_authority(
    make_cases: Any,
    valid_referral: dict[str, Any],
    manager: User,
    make_user: Any,
    ukhtc: Organisation,
) -> None:
    home_office_refs = make_cases(3, valid_referral)
    ukhtc_refs = make_cases(2, {**valid_referral, "competent_authority": "ukhtc"})
    backlog_create(
        actor=OPERATOR, name="shared", starts_on=date(2012, 6, 1),
        references=home_office_refs + ukhtc_refs,
    )  # fmt: skip
    backlog_create(actor=OPERATOR, name="theirs", starts_on=date(2012, 6, 1), references=ukhtc_refs)
    ukhtc_manager = make_user("ukhtc-manager", ukhtc, DefaultRole.MANAGER)
    assert backlog_progress(name="shared", actor=OPERATOR).total == 5  # type: ignore[union-attr]
    assert backlog_progress(name="shared", actor=manager).total == 3  # type: ignore[union-attr]
    assert backlog_progress(name="shared", actor=ukhtc_manager).total == 2  # type: ignore[union-attr]
    assert backlog_progress(name="theirs", actor=manager) is None


def test_a_backlog_naming_unknown_references_is_refused_with_them(
    reference: str,
) -> None:
    with pytest.raises(BacklogInvalid, match="NRM-2012-999999"):
        backlog_create(
            actor=OPERATOR,
            name="bad",
            starts_on=date(2012, 6, 1),
            references=[reference, "NRM-2012-999999"],
        )
    assert main(["backlog", "show", "bad"]) == 1
