"""Every service that writes referrals checks its capability itself, whatever door calls it."""

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from nrm.accounts.actors import ANONYMOUS
from nrm.accounts.models import Organisation, User
from nrm.accounts.permissions import CapabilityDenied
from nrm.accounts.roles import DefaultRole
from nrm.audit.models import AuditEvent, AuditVerb
from nrm.cases.models import AnonymousNotification, Referral
from nrm.cases.referrals.importers import ImportOptions, referrals_import
from nrm.cases.referrals.services import notification_submit, referral_submit
from tests.cases.referrals.csvfiles import write_csv


@pytest.fixture
def analyst(make_user: Callable[..., User], organisation: Organisation) -> User:
    return make_user("analyst", organisation, DefaultRole.ANALYST)


def test_a_referral_submitted_without_the_capability_is_refused_audited_and_not_saved(
    analyst: User, organisation: Organisation, valid_referral: dict[str, Any]
) -> None:
    with pytest.raises(CapabilityDenied):
        referral_submit(actor=analyst, data=valid_referral, organisation=organisation)
    assert Referral.objects.count() == 0
    denied = AuditEvent.objects.get(verb=AuditVerb.ACCESS_DENIED)
    assert denied.actor_id == analyst.pk
    assert denied.detail["capability"] == "submit_referral"


def test_a_notification_submitted_without_the_capability_is_refused(
    analyst: User, organisation: Organisation
) -> None:
    with pytest.raises(CapabilityDenied):
        notification_submit(actor=analyst, data={}, organisation=organisation)
    assert AnonymousNotification.objects.count() == 0


def test_an_import_by_an_actor_without_the_capability_reads_no_row(
    db: Any, organisation: Organisation, valid_referral: dict[str, Any], tmp_path: Path
) -> None:
    path = write_csv(tmp_path / "one.csv", [valid_referral])
    with pytest.raises(CapabilityDenied):
        referrals_import(
            ImportOptions(path=path, actor=ANONYMOUS, organisation_code=organisation.code)
        )
    assert Referral.objects.count() == 0
    assert AuditEvent.objects.get(verb=AuditVerb.ACCESS_DENIED).detail["system"] == "anonymous"
