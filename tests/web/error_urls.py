"""The application's URLs and error handlers, with a page that raises each exception Django turns
into an error page (tests only: ``settings.ROOT_URLCONF = "tests.web.error_urls"``)."""

from django.contrib.auth.decorators import login_not_required
from django.core.exceptions import BadRequest, PermissionDenied
from django.http import Http404, HttpRequest, HttpResponse
from django.urls import path

from nrm.config.urls import handler400, handler403, handler404, handler500
from nrm.config.urls import urlpatterns as application

__all__ = ["handler400", "handler403", "handler404", "handler500", "urlpatterns"]

CANARY = "Zzcanary-exception-detail"
RAISED = {400: BadRequest, 403: PermissionDenied, 404: Http404}


@login_not_required
def raising(request: HttpRequest, code: int) -> HttpResponse:
    raise RAISED[code](CANARY)


urlpatterns = [*application, path("raise/<int:code>/", raising)]
