"""Serving the application: gunicorn when installed (production), else Django's own server.

gunicorn loads the application once, before it starts its workers (``--preload``): a worker is
ready to answer when it starts, and the socket opens only then. No database connection may be
open at that moment, or the workers would share it.
"""

import importlib.util
import sys

from django.conf import settings
from django.core.management import call_command
from django.db import connections


def serve(*, host: str, port: int, workers: int | None) -> int:
    settings.DATA_DIR.mkdir(parents=True, exist_ok=True)
    call_command("collectstatic", interactive=False, verbosity=0)
    print(f"Open NRM is serving on http://{host}:{port}/ (Ctrl+C to stop)", file=sys.stderr)
    if importlib.util.find_spec("gunicorn") is not None:
        from gunicorn.app.wsgiapp import run

        connections.close_all()
        sys.argv = [
            "gunicorn",
            "nrm.config.wsgi:application",
            "--bind",
            f"{host}:{port}",
            "--workers",
            str(workers or 2),
            "--preload",
            "--access-logfile",
            "-",
        ]
        run()
        return 0
    call_command("runserver", f"{host}:{port}", use_reloader=False)
    return 0
