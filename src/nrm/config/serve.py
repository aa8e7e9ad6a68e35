"""Serving the application: gunicorn when installed (production), else Django's own server."""

import importlib.util
import sys

from django.conf import settings
from django.core.management import call_command


def serve(*, host: str, port: int, workers: int | None) -> int:
    settings.DATA_DIR.mkdir(parents=True, exist_ok=True)
    call_command("collectstatic", interactive=False, verbosity=0)
    print(f"Open NRM is serving on http://{host}:{port}/ (Ctrl+C to stop)", file=sys.stderr)
    if importlib.util.find_spec("gunicorn") is not None:
        from gunicorn.app.wsgiapp import run

        sys.argv = [
            "gunicorn",
            "nrm.config.wsgi:application",
            "--bind",
            f"{host}:{port}",
            "--workers",
            str(workers or 2),
            "--access-logfile",
            "-",
        ]
        run()
        return 0
    call_command("runserver", f"{host}:{port}", use_reloader=False)
    return 0
