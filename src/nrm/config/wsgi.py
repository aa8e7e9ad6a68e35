"""The WSGI application, for gunicorn and other servers.

The URL configuration (and with it every view module and the libraries they import) is loaded
here, when a server process starts, rather than on the first request the process serves: that
request would otherwise wait over a second for the statistics' libraries to load.
"""

import os

from django.core.wsgi import get_wsgi_application
from django.urls import get_resolver

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "nrm.config.settings.local")
application = get_wsgi_application()
get_resolver().url_patterns  # noqa: B018  (loads the URL configuration now)
