"""Settings for the test suite: SQLite in memory unless DATABASE_URL names another store."""

from nrm.config.settings.base import *  # noqa: F403
from nrm.config.settings.base import database_from_env

SECRET_KEY = "test-only-key"  # noqa: S105
DEBUG = False
ALLOWED_HOSTS = ["testserver", "127.0.0.1", "localhost"]
DATABASES = {"default": database_from_env("sqlite:///:memory:")}
DATABASES["default"]["TEST"] = {"NAME": None}
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
STATIC_ROOT = None  # type: ignore[assignment]
WHITENOISE_USE_FINDERS = True
NRM_EXTRACT_KEY = "test-only-extract-key"
