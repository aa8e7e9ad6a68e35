"""The OpenAPI document and the server cannot drift apart: Schemathesis generates requests for
every operation from the document itself, valid ones and invalid ones, sends them to the
application and checks every answer: never a server error, only status codes, content types and
bodies the document declares, and invalid input always refused."""

from collections.abc import Iterator
from typing import Any

import pytest
import schemathesis
from django.core.signals import request_finished, request_started
from django.db import close_old_connections
from hypothesis import HealthCheck, given, settings
from schemathesis import GenerationMode
from schemathesis.checks import (
    content_type_conformance,
    negative_data_rejection,
    not_a_server_error,
    response_schema_conformance,
    status_code_conformance,
)

from nrm.accounts.actors import OPERATOR
from nrm.accounts.capabilities import Capability, Scope
from nrm.accounts.models import Organisation, Role, User
from nrm.accounts.services import api_token_create
from nrm.config.wsgi import application

CHECKS = [
    not_a_server_error,
    status_code_conformance,
    content_type_conformance,
    response_schema_conformance,
    negative_data_rejection,
]
EXAMPLES = 25  # per operation and per kind (valid, invalid)


@pytest.fixture
def in_process() -> Iterator[None]:
    """The application is called as a WSGI app, within the test's transaction: as Django's own
    test client does, it must not close the database connection at the end of each request."""
    request_started.disconnect(close_old_connections)
    request_finished.disconnect(close_old_connections)
    yield
    request_started.connect(close_old_connections)
    request_finished.connect(close_old_connections)


@pytest.fixture
def auth(db: Any, organisation: Organisation, in_process: None) -> dict[str, str]:
    """A caller whose role holds every capability, so every operation runs past its door."""
    role = Role.objects.create(
        code="contract",
        name="Every capability",
        scope=Scope.OWN_ORGANISATION,
        capabilities=[c.value for c in Capability],
    )
    user = User.objects.create_user(username="contract", organisation=organisation, role=role)
    return {"Authorization": f"Bearer {api_token_create(actor=OPERATOR, user=user, name='t')}"}


def test_every_operation_answers_as_the_openapi_document_says(auth: dict[str, str]) -> None:
    schema = schemathesis.openapi.from_wsgi("/api/v1/openapi.json", application, headers=auth)
    covered: list[str] = []
    for result in schema.get_all_operations():
        operation = result.ok()
        for mode in GenerationMode:

            @settings(
                max_examples=EXAMPLES,
                deadline=None,
                derandomize=True,
                database=None,
                suppress_health_check=list(HealthCheck),
            )
            @given(case=operation.as_strategy(generation_mode=mode))
            def call(case: Any) -> None:
                case.call_and_validate(headers=auth, checks=CHECKS)

            call()
        covered.append(operation.label)
    assert len(covered) == 33, covered
