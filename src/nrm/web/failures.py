"""What happens when the service fails or refuses a request: the person sees a GOV.UK error page
in the service's layout (never a stack trace), and for a failure the log gets the same reference
with where the failure happened, never the values involved.

Django's handlers (``handler400``, ``handler403``, ``handler404`` and ``handler500`` in
``nrm.config.urls``) and ``CSRF_FAILURE_VIEW`` are the views below; the application's own
refusals render the same templates (``web/forbidden.html``, ``web/not_found.html``).

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
from django.shortcuts import render
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


def bad_request(request: HttpRequest, exception: Exception | None = None) -> HttpResponse:
    """The 400 page (a request the service cannot read, such as a malformed form)."""
    return render(request, "web/bad_request.html", status=400)


def permission_denied(request: HttpRequest, exception: Exception | None = None) -> HttpResponse:
    """The 403 page, the one ``capability_required`` shows."""
    return render(request, "web/forbidden.html", status=403)


def page_not_found(request: HttpRequest, exception: Exception | None = None) -> HttpResponse:
    """The 404 page, the one the pages show for a record outside the user's scope."""
    return render(request, "web/not_found.html", status=404)


def csrf_failure(request: HttpRequest, reason: str = "") -> HttpResponse:
    """A form refused by the CSRF check: most often a page kept open across the end of a
    session or a new sign-in. The reason is Django's, for developers: it is not shown."""
    return render(request, "web/csrf_failure.html", status=403)


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
