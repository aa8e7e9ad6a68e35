"""Settings for a laptop or the demo: SQLite under ./var, debug pages off by default."""

import os

from nrm.config.settings.base import *  # noqa: F403
from nrm.config.settings.base import NRM_EXTRACT_KEY, SECRET_KEY

# A fixed key is acceptable only on a developer's machine; production refuses to start without one.
SECRET_KEY = SECRET_KEY or "local-only-insecure-key-do-not-use-in-production"
DEBUG = os.environ.get("NRM_DEBUG", "") == "1"
ALLOWED_HOSTS = ["127.0.0.1", "localhost", "[::1]"]
EMAIL_BACKEND = "django.core.mail.backends.console.EmailBackend"
WHITENOISE_USE_FINDERS = True
# Extracts made on a laptop or from the demo are keyed with a fixed, public key: never real data.
NRM_EXTRACT_KEY = NRM_EXTRACT_KEY or "local-only-extract-key-not-secret"
