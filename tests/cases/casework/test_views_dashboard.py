"""The manager's dashboard: queue sizes, caseworker loads, backlog clearance, finding a case."""

from collections.abc import Callable
from datetime import date

import pytest
from django.test import Client

from nrm.accounts.actors import OPERATOR
from nrm.accounts.models import User
from nrm.cases.casework.backlog import backlog_create
from nrm.cases.casework.messages import CASE_NOT_FOUND
from nrm.cases.models import Case

pytestmark = pytest.mark.django_db

DASHBOARD = "/casework/dashboard/"


def test_a_caseworker_cannot_open_the_dashboard(
    caseworker: User, signed_in: Callable[[User], Client]
) -> None:
    assert signed_in(caseworker).get(DASHBOARD).status_code == 403


def test_the_dashboard_shows_queue_sizes_loads_and_unassigned_cases(
    caseworker: User, manager: User, reference: str, signed_in: Callable[[User], Client]
) -> None:
    page = signed_in(manager).get(DASHBOARD).content.decode()
    queues = page[page.index('id="queue-sizes"') :]
    assert "Overdue</a></th><td" in queues and ">1</td>" in queues
    assert "1 overdue" in page
    assert f'href="/casework/cases/{reference}/assign/"' in page
    Case.objects.update(assigned_to=caseworker)
    page = signed_in(manager).get(DASHBOARD).content.decode()
    loads = page[page.index('id="caseworkers"') :]
    assert "caseworker</th>" in loads
    assert "Unassigned open cases (0)" in page


def test_the_dashboard_shows_how_far_each_backlog_is_cleared(
    manager: User, reference: str, signed_in: Callable[[User], Client]
) -> None:
    backlog_create(actor=OPERATOR, name="Inherited 2012", starts_on=date(2012, 6, 1))
    page = signed_in(manager).get(DASHBOARD).content.decode()
    backlogs = page[page.index('id="backlogs"') :]
    assert "Inherited 2012" in backlogs and "0 (0%)" in backlogs


def test_finding_a_case_by_reference_opens_it_and_an_unknown_one_is_an_error(
    manager: User, reference: str, signed_in: Callable[[User], Client]
) -> None:
    client = signed_in(manager)
    response = client.get(DASHBOARD, {"reference": reference.lower()})
    assert response.status_code == 302 and response["Location"] == f"/casework/cases/{reference}/"
    page = client.get(DASHBOARD, {"reference": "NRM-2099-000001"}).content.decode()
    assert (
        CASE_NOT_FOUND.format(reference="NRM-2099-000001") in page and "govuk-error-summary" in page
    )
