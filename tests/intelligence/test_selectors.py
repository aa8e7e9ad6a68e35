from typing import Any

import pytest

from nrm.accounts.models import Organisation, User
from nrm.accounts.permissions import CapabilityDenied
from nrm.accounts.roles import DefaultRole
from nrm.audit.models import AuditEvent, AuditVerb
from nrm.cases.referrals.services import referral_submit
from nrm.intelligence.selectors import linked_referral_get, report_get, report_list
from nrm.intelligence.services import intelligence_report_submit

pytestmark = pytest.mark.django_db


@pytest.fixture
def reports(
    officer: User,
    organisation: Organisation,
    other_organisation: Organisation,
    hub: Organisation,
    make_user: Any,
    valid_intelligence_report: dict[str, Any],
) -> dict[str, str]:
    """Four reports: the officer's force's own (P), another force's P, another force's C shared
    with the officer's force, and another force's C shared with no one else."""
    other = make_user("other-officer", other_organisation, DefaultRole.INTELLIGENCE_OFFICER)
    shared = {**valid_intelligence_report, "handling_code": "C"}

    def submit(user: User, data: dict[str, Any]) -> str:
        return intelligence_report_submit(
            actor=user, data=data, organisation=user.organisation
        ).reference

    return {
        "own": submit(officer, valid_intelligence_report),
        "other-p": submit(other, valid_intelligence_report),
        "other-c-shared": submit(other, {**shared, "handling_conditions": ["met-police"]}),
        "other-c-private": submit(other, {**shared, "handling_conditions": ["police-scotland"]}),
    }


def _seen(user: User) -> set[str]:
    return set(report_list(actor=user).values_list("reference", flat=True))


def test_an_officer_sees_their_forces_reports_and_those_shared_with_it(
    reports: dict[str, str], officer: User
) -> None:
    assert _seen(officer) == {reports["own"], reports["other-c-shared"]}


def test_an_analyst_sees_every_p_report_but_no_c_report_whose_conditions_leave_them_out(
    reports: dict[str, str], analyst: User
) -> None:
    assert _seen(analyst) == {reports["own"], reports["other-p"]}


def test_roles_without_intelligence_see_none(
    reports: dict[str, str], make_user: Any, organisation: Organisation
) -> None:
    for role in (DefaultRole.FIRST_RESPONDER, DefaultRole.CASEWORKER, DefaultRole.ANALYST,
                 DefaultRole.SUPPORT_PROVIDER, DefaultRole.MANAGER):  # fmt: skip
        assert _seen(make_user(f"u-{role.value}", organisation, role)) == set(), role


def test_reading_a_report_is_audited_and_one_out_of_scope_is_not_found(
    reports: dict[str, str], analyst: User
) -> None:
    assert report_get(actor=analyst, reference=reports["own"]) is not None
    assert report_get(actor=analyst, reference=reports["other-c-private"]) is None
    assert AuditEvent.objects.filter(verb=AuditVerb.INTELLIGENCE_READ).count() == 1
    denied = AuditEvent.objects.filter(verb=AuditVerb.ACCESS_DENIED).last()
    assert denied is not None and denied.detail["reference"] == reports["other-c-private"]


def test_an_analyst_reads_the_nrm_record_of_a_person_linked_to_their_intelligence_audited(
    analyst: User,
    officer: User,
    make_user: Any,
    organisation: Organisation,
    valid_referral: dict[str, Any],
    valid_intelligence_report: dict[str, Any],
) -> None:
    responder = make_user("responder", organisation)
    linked, unlinked = (
        referral_submit(actor=responder, data=valid_referral, organisation=organisation).reference
        for _ in range(2)
    )
    data = valid_intelligence_report
    data["entities"][1]["nrm_reference"] = linked
    report = intelligence_report_submit(actor=officer, data=data, organisation=organisation)
    referral = linked_referral_get(actor=analyst, reference=linked)
    assert referral is not None and referral.person.given_name == "Testa"
    read = AuditEvent.objects.filter(verb=AuditVerb.REFERRAL_READ).get()
    assert read.detail == {"via": "intelligence", "report": report.reference}
    assert linked_referral_get(actor=analyst, reference=unlinked) is None
    with pytest.raises(CapabilityDenied):
        linked_referral_get(actor=officer, reference=linked)
