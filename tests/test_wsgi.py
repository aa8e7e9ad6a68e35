"""The WSGI application loads its views when a server process starts, not on a first request."""

import json
import os
import subprocess
import sys

VIEWS = ("nrm.cases.referrals.api", "nrm.statistics.views")
LOADED = f"""
import json, sys
import nrm.config.wsgi
print(json.dumps([name for name in {VIEWS!r} if name in sys.modules]))
"""


def test_loading_the_application_loads_the_url_configuration_and_its_views() -> None:
    env = {k: v for k, v in os.environ.items() if k != "DJANGO_SETTINGS_MODULE"}
    done = subprocess.run(  # noqa: S603 - our own interpreter and code
        [sys.executable, "-c", LOADED],
        env={**env, "DJANGO_SETTINGS_MODULE": "nrm.config.settings.test"},
        capture_output=True,
        check=True,
        text=True,
    )
    assert json.loads(done.stdout.strip().splitlines()[-1]) == list(VIEWS)
