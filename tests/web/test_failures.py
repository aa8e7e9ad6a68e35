"""A failure shows the person a page with a reference, and the log gets the same reference with
where it happened: never the values the request carried (they can be personal data)."""

import io
import logging
from collections.abc import Callable, Iterator
from typing import Any
from unittest import mock

import pytest
from django.test import Client

from nrm.accounts.models import User
from nrm.accounts.roles import DefaultRole
from nrm.web.failures import NoPersonalDataFilter

CANARY = "Zzcanaryperson"


@pytest.fixture
def log() -> Iterator[io.StringIO]:
    """What the configured console handler writes, captured."""
    handlers = [
        h
        for h in logging.getLogger("django").handlers
        if any(isinstance(f, NoPersonalDataFilter) for f in h.filters)
    ]
    assert handlers, "the django logger has no handler with the personal-data filter"
    stream = io.StringIO()
    previous = [h.stream for h in handlers]  # type: ignore[attr-defined]
    for handler in handlers:  # not setStream: it flushes the old stream, which may be closed
        handler.stream = stream  # type: ignore[attr-defined]
    yield stream
    for handler, old in zip(handlers, previous, strict=True):
        handler.stream = old  # type: ignore[attr-defined]


def test_a_failing_page_shows_a_reference_and_logs_it_without_the_values(
    signed_in: Callable[[User], Client],
    make_user: Callable[..., User],
    organisation: Any,
    log: io.StringIO,
) -> None:
    client = signed_in(make_user("officer", organisation, DefaultRole.FIRST_RESPONDER))
    client.raise_request_exception = False
    failing = ValueError(f"1 validation error: input_value='{CANARY}'")
    with mock.patch("nrm.cases.referrals.views.index.referral_page", side_effect=failing):
        response = client.get("/referrals/")
    assert response.status_code == 500
    page = response.content.decode()
    assert "Sorry, there is a problem with the service" in page
    assert CANARY not in page and "Traceback" not in page
    reference = page.split('id="failure-reference">')[1].split("<")[0]
    assert len(reference) == 12
    written = log.getvalue()
    assert f"[failure {reference}] ValueError at" in written
    assert "index.py" in written  # where it happened
    assert CANARY not in written and "input_value" not in written


def test_the_filter_leaves_records_without_an_exception_alone() -> None:
    record = logging.LogRecord("x", logging.WARNING, "f.py", 1, "%s referrals", (3,), None)
    assert NoPersonalDataFilter().filter(record)
    assert record.getMessage() == "3 referrals"
