"""The demo shows realistic work: open cases at every stage, some overdue."""

from typing import Any

import pytest
from django.utils import timezone

from nrm.accounts.models import User
from nrm.cases.casework.selectors import Queue, queue_sizes
from nrm.cases.models import Case, CaseEvent
from nrm.cases.stages import Stage
from nrm.config.bootstrap import database_prepare
from nrm.demo.build import demo_accounts_create
from nrm.demo.casework import PLANS, demo_casework_create

pytestmark = pytest.mark.django_db


@pytest.fixture
def demo_users(db: Any) -> dict[str, User]:
    database_prepare()
    return {
        account.role.value: User.objects.get(username=account.username)
        for account in demo_accounts_create()
    }


def test_the_demo_has_cases_at_every_stage_and_some_overdue(demo_users: dict[str, User]) -> None:
    today = timezone.localdate()
    assert demo_casework_create(today=today, users=demo_users) == len(PLANS)
    stages = set(Case.objects.values_list("stage", flat=True))
    assert stages == {stage.value for stage in Stage}
    sizes = queue_sizes(actor=demo_users["caseworker"], today=today)
    assert sizes[Queue.OVERDUE] >= 3
    assert sizes[Queue.REVIEW_DUE] >= 1
    assert sizes[Queue.SUSPENDED] == 2
    assert CaseEvent.objects.filter(event="reallocate").count() == 1
    assert CaseEvent.objects.filter(event="reconsider").count() == 1
