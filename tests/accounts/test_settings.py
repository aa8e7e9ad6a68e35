import json
import os
import subprocess
import sys

from django.conf import settings

COOKIE_SETTINGS = """
import json
from nrm.config.settings import production as p
names = ["SESSION_COOKIE_SECURE", "CSRF_COOKIE_SECURE", "SESSION_COOKIE_HTTPONLY",
         "SESSION_COOKIE_SAMESITE", "SESSION_COOKIE_NAME", "CSRF_COOKIE_NAME", "SESSION_COOKIE_AGE"]
print(json.dumps({name: getattr(p, name) for name in names}))
"""


def test_axes_checks_every_sign_in_before_the_password_backend() -> None:
    assert settings.AUTHENTICATION_BACKENDS[0] == "axes.backends.AxesStandaloneBackend"
    assert settings.MIDDLEWARE[-1] == "axes.middleware.AxesMiddleware"
    auth = settings.MIDDLEWARE.index("django.contrib.auth.middleware.AuthenticationMiddleware")
    assert settings.MIDDLEWARE.index("django_otp.middleware.OTPMiddleware") == auth + 1
    assert settings.AXES_LOCKOUT_PARAMETERS == [["username", "ip_address"]]


def test_production_cookies_are_secure_and_bound_to_the_host() -> None:
    env = {
        **os.environ,
        "NRM_SECRET_KEY": "x" * 50,
        "NRM_EXTRACT_KEY": "y" * 50,
        "DATABASE_URL": "postgres://nrm@db.example/nrm",
        "NRM_ALLOWED_HOSTS": "nrm.example.gov.uk",
        "NRM_SESSION_MAX_HOURS": "8",
    }
    # A fresh interpreter: settings modules read the environment once.
    out = subprocess.run(  # noqa: S603 - our own interpreter and code
        [sys.executable, "-c", COOKIE_SETTINGS], env=env, capture_output=True, check=True
    ).stdout
    values = json.loads(out)
    assert values["SESSION_COOKIE_SECURE"] and values["CSRF_COOKIE_SECURE"]
    assert values["SESSION_COOKIE_HTTPONLY"] and values["SESSION_COOKIE_SAMESITE"] == "Lax"
    assert values["SESSION_COOKIE_NAME"].startswith("__Host-")
    assert values["CSRF_COOKIE_NAME"].startswith("__Host-")
    assert values["SESSION_COOKIE_AGE"] == 8 * 3600
