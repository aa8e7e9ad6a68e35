"""What happens when the service fails: the person sees a page with a reference, and the log
gets the same reference with where the failure happened, never the values involved.

``FailureReferenceMiddleware`` gives a request that fails a reference before Django's 500 page
is made; ``server_error`` shows it; ``NoPersonalDataFilter`` (on every log handler, see the
``LOGGING`` setting) rewrites a record carrying an exception into the reference, the exception's
type and the places in the code it passed through. The exception's message and arguments are
left out, because they can quote the input (a validation error repeats the value it refused).
"""

import logging
import secrets
import traceback
from collections.abc import Callable
from pathlib import Path
from typing import Any

from django.http import HttpRequest, HttpResponse, HttpResponseServerError
from django.template import loader

REFERENCE = "failure_reference"
FRAMES = 10  # the innermost places kept in the log


def failure_reference() -> str:
    return secrets.token_hex(6)


class FailureReferenceMiddleware:
    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        return self.get_response(request)

    def process_exception(self, request: HttpRequest, exception: Exception) -> None:
        setattr(request, REFERENCE, failure_reference())


def server_error(request: HttpRequest) -> HttpResponse:
    """The 500 page: what happened, what to do, and the reference to quote."""
    reference = getattr(request, REFERENCE, "")
    if not reference:
        reference = failure_reference()
        setattr(request, REFERENCE, reference)
    page = loader.get_template("web/server_error.html").render({"reference": reference})
    return HttpResponseServerError(page)


class NoPersonalDataFilter(logging.Filter):
    """Keeps exceptions' messages and tracebacks' values out of the logs (see the module)."""

    def filter(self, record: logging.LogRecord) -> bool:
        if not record.exc_info or record.exc_info[1] is None:
            return True
        kind, _, trace = record.exc_info
        request: Any = getattr(record, "request", None)
        reference = getattr(request, REFERENCE, "") or failure_reference()
        places = "; ".join(
            f"{Path(frame.filename).name}:{frame.lineno} in {frame.name}"
            for frame in traceback.extract_tb(trace)[-FRAMES:]
        )
        name = kind.__name__ if kind is not None else "Exception"
        record.msg = f"{record.getMessage()} [failure {reference}] {name} at {places}"
        record.args = ()
        record.exc_info = None
        record.exc_text = None
        record.stack_info = None
        return True
