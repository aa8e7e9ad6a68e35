"""The change pages of a case: decisions, conflicts that keep what was typed, refusals with
their message, capabilities, reallocation and assignment."""

from collections.abc import Callable
from datetime import date
from typing import Any

import pytest
from django.test import Client
from django.utils.html import escape

from nrm.accounts.models import User
from nrm.cases.casework import messages
from nrm.cases.casework.services.decisions import rg_decision_record
from nrm.cases.casework.services.edits import case_edit
from nrm.cases.casework.services.locking import CaseConflict
from nrm.cases.models import Decision
from nrm.cases.stages import Stage

from .conftest import case_of

pytestmark = pytest.mark.django_db


def url(reference: str, action: str = "") -> str:
    return f"/casework/cases/{reference}/" + (f"{action}/" if action else "")


def day(on: date, prefix: str) -> dict[str, str]:
    return {f"{prefix}_0": str(on.day), f"{prefix}_1": str(on.month), f"{prefix}_2": str(on.year)}


def decision(outcome: str, on: date, reasons: str = "", version: int = 1) -> dict[str, Any]:
    return {
        "expected_version": version,
        "outcome": outcome,
        "reasons": reasons,
        **day(on, "decided_on"),
    }


def test_the_decision_form_carries_the_version_the_user_saw(
    caseworker: User, reference: str, signed_in: Callable[[User], Client]
) -> None:
    page = signed_in(caseworker).get(url(reference, "rg-decision")).content.decode()
    assert 'name="expected_version" value="1"' in page
    assert "Record the reasonable grounds decision" in page


def test_a_positive_rg_decision_is_recorded_and_the_case_page_says_so(
    caseworker: User, reference: str, signed_in: Callable[[User], Client]
) -> None:
    client = signed_in(caseworker)
    response = client.post(url(reference, "rg-decision"), decision("positive", date(2012, 5, 18)))
    assert response.status_code == 302 and response["Location"] == url(reference)
    page = client.get(url(reference)).content.decode()
    assert f"Reasonable grounds decision recorded for {reference}" in page
    assert case_of(reference).stage == Stage.RECOVERY


def test_a_positive_cg_decision_after_the_recovery_period_closes_the_case(
    caseworker: User, reference: str, signed_in: Callable[[User], Client]
) -> None:
    rg_decision_record(
        actor=caseworker,
        reference=reference,
        positive=True,
        on=date(2012, 5, 18),
        expected_version=1,
    )
    client = signed_in(caseworker)
    response = client.post(
        url(reference, "cg-decision"), decision("positive", date(2012, 7, 2), version=2)
    )
    assert response.status_code == 302
    assert case_of(reference).stage == Stage.CG_POSITIVE


def test_a_negative_decision_without_reasons_is_refused_at_the_reasons_field(
    caseworker: User, reference: str, signed_in: Callable[[User], Client]
) -> None:
    response = signed_in(caseworker).post(
        url(reference, "rg-decision"), decision("negative", date(2012, 5, 18))
    )
    page = response.content.decode()
    assert response.status_code == 200
    assert f'href="#id_reasons">{messages.NEGATIVE_NEEDS_REASONS}' in page
    assert 'id="id_reasons-error"' in page
    assert not Decision.objects.filter(referral__reference=reference).exists()


def test_a_conflict_shows_the_message_and_keeps_the_typed_reasons(
    caseworker: User, reference: str, signed_in: Callable[[User], Client]
) -> None:
    case_edit(actor=caseworker, reference=reference, expected_version=1, summary="Someone else")
    reasons = "No indicators of trafficking <checked> with the first responder"
    response = signed_in(caseworker).post(
        url(reference, "rg-decision"), decision("negative", date(2012, 5, 18), reasons)
    )
    page = response.content.decode()
    assert escape(str(CaseConflict(expected=1, current=2))) in page
    assert escape(reasons) in page
    assert 'value="negative" checked' in page
    assert 'name="expected_version" value="2"' in page
    assert case_of(reference).stage == Stage.AWAITING_RG


def test_a_conflict_on_the_case_summary_keeps_the_typed_summary(
    caseworker: User, reference: str, signed_in: Callable[[User], Client]
) -> None:
    client = signed_in(caseworker)
    case_edit(actor=caseworker, reference=reference, expected_version=1, summary="First")
    response = client.post(
        url(reference, "summary"), {"expected_version": 1, "summary": "Second, typed"}
    )
    page = response.content.decode()
    assert "changed by someone else" in page and "Second, typed" in page
    assert case_of(reference).summary == "First"


def test_an_illegal_transition_shows_its_message_on_the_form(
    caseworker: User, reference: str, signed_in: Callable[[User], Client]
) -> None:
    response = signed_in(caseworker).post(
        url(reference, "cg-decision"), decision("positive", date(2012, 5, 18))
    )
    expected = messages.ILLEGAL_TRANSITION.format(
        event="Positive conclusive grounds decision",
        stage="Awaiting reasonable grounds decision",
        why=messages.WHY_NO_POSITIVE_RG,
    )
    assert escape(expected) in response.content.decode()
    assert case_of(reference).stage == Stage.AWAITING_RG


def test_a_cg_decision_before_the_recovery_period_ends_is_refused(
    caseworker: User, reference: str, signed_in: Callable[[User], Client]
) -> None:
    rg_decision_record(
        actor=caseworker,
        reference=reference,
        positive=True,
        on=date(2012, 5, 18),
        expected_version=1,
    )
    response = signed_in(caseworker).post(
        url(reference, "cg-decision"), decision("positive", date(2012, 6, 1), version=2)
    )
    expected = messages.CG_BEFORE_RECOVERY_ENDS.format(earliest="2 July 2012")
    assert escape(expected) in response.content.decode()


def test_a_caseworker_may_not_extend_reallocate_or_assign(
    caseworker: User, reference: str, signed_in: Callable[[User], Client]
) -> None:
    client = signed_in(caseworker)
    for action in ("extend-recovery", "reallocate", "assign"):
        assert client.get(url(reference, action)).status_code == 403, action
        assert client.post(url(reference, action), {}).status_code == 403, action


def test_suspend_then_resume_a_case(
    caseworker: User, reference: str, signed_in: Callable[[User], Client]
) -> None:
    client = signed_in(caseworker)
    data = {"expected_version": 1, "reasons": "Person missing", **day(date(2012, 5, 16), "on")}
    assert client.post(url(reference, "suspend"), data).status_code == 302
    assert case_of(reference).stage == Stage.SUSPENDED
    data = {"expected_version": 2, **day(date(2012, 5, 17), "on")}
    assert client.post(url(reference, "resume"), data).status_code == 302
    assert case_of(reference).stage == Stage.AWAITING_RG


def test_withdrawing_warns_and_closes_the_case(
    caseworker: User, reference: str, signed_in: Callable[[User], Client]
) -> None:
    client = signed_in(caseworker)
    assert "cannot be reopened" in client.get(url(reference, "withdraw")).content.decode()
    data = {"expected_version": 1, **day(date(2012, 5, 16), "on")}
    assert client.post(url(reference, "withdraw"), data).status_code == 302
    assert case_of(reference).stage == Stage.WITHDRAWN


def test_a_manager_extends_the_recovery_period_and_a_caseworker_records_the_review(
    caseworker: User, manager: User, reference: str, signed_in: Callable[[User], Client]
) -> None:
    rg_decision_record(
        actor=caseworker,
        reference=reference,
        positive=True,
        on=date(2012, 5, 18),
        expected_version=1,
    )
    extension = {
        "expected_version": 2,
        "days": "10",
        "reasons": "Needs medical care",
        **day(date(2012, 6, 1), "on"),
    }
    assert signed_in(manager).post(url(reference, "extend-recovery"), extension).status_code == 302
    assert case_of(reference).recovery_ends_on == date(2012, 7, 12)
    review = {"expected_version": 3, **day(date(2012, 6, 17), "on")}
    assert signed_in(caseworker).post(url(reference, "review"), review).status_code == 302
    assert case_of(reference).reviewed_on == date(2012, 6, 17)


def test_an_extension_without_a_reason_is_refused_at_the_reason_field(
    caseworker: User, manager: User, reference: str, signed_in: Callable[[User], Client]
) -> None:
    rg_decision_record(
        actor=caseworker,
        reference=reference,
        positive=True,
        on=date(2012, 5, 18),
        expected_version=1,
    )
    extension = {"expected_version": 2, "days": "10", **day(date(2012, 6, 1), "on")}
    page = signed_in(manager).post(url(reference, "extend-recovery"), extension).content.decode()
    assert f'href="#id_reasons">{messages.EXTENSION_NEEDS_REASON}' in page


def test_a_reallocation_needs_a_reason(
    manager: User, reference: str, signed_in: Callable[[User], Client]
) -> None:
    response = signed_in(manager).post(
        url(reference, "reallocate"), {"expected_version": 1, "authority": "ukhtc", "reason": " "}
    )
    assert f'href="#id_reason">{messages.REALLOCATION_NEEDS_REASON}' in response.content.decode()
    assert case_of(reference).referral.competent_authority == "home_office"


def test_a_reallocated_case_leaves_the_managers_authority(
    manager: User, reference: str, signed_in: Callable[[User], Client]
) -> None:
    client = signed_in(manager)
    data = {"expected_version": 1, "authority": "ukhtc", "reason": "No immigration interest"}
    assert client.post(url(reference, "reallocate"), data).status_code == 302
    assert case_of(reference).referral.competent_authority == "ukhtc"
    assert client.get(url(reference)).status_code == 404


def test_a_manager_assigns_a_case_to_a_caseworker_of_their_authority(
    caseworker: User, manager: User, reference: str, signed_in: Callable[[User], Client]
) -> None:
    client = signed_in(manager)
    page = client.get(url(reference, "assign")).content.decode()
    assert f'value="{caseworker.pk}"' in page
    data = {"expected_version": 1, "assignee": caseworker.pk}
    assert client.post(url(reference, "assign"), data).status_code == 302
    assert case_of(reference).assigned_to == caseworker


def test_a_date_in_the_future_is_refused(
    caseworker: User, reference: str, signed_in: Callable[[User], Client]
) -> None:
    future = date(2999, 1, 1)
    response = signed_in(caseworker).post(
        url(reference, "rg-decision"), decision("positive", future)
    )
    assert escape(messages.DECISION_DATE_IN_FUTURE) in response.content.decode()


def test_a_note_added_on_its_page_shows_on_the_case_timeline(
    caseworker: User, reference: str, signed_in: Callable[[User], Client]
) -> None:
    client = signed_in(caseworker)
    empty = client.post(url(reference, "note"), {"expected_version": 1, "note": ""})
    assert messages.NOTE_EMPTY in empty.content.decode()
    saved = client.post(url(reference, "note"), {"expected_version": 1, "note": "Met the officer"})
    assert saved.status_code == 302
    timeline = client.get(url(reference)).content.decode()
    assert "Met the officer" in timeline and ">Note<" in timeline
