"""Settings shared by every environment. Values that vary are read from the environment."""

import os
from datetime import timedelta
from pathlib import Path

import dj_database_url
from csp.constants import NONE, SELF

BASE_DIR = Path(__file__).resolve().parents[2]
DATA_DIR = Path(os.environ.get("NRM_DATA_DIR", Path.cwd() / "var"))

SECRET_KEY = os.environ.get("NRM_SECRET_KEY", "")
DEBUG = False
ALLOWED_HOSTS = [h for h in os.environ.get("NRM_ALLOWED_HOSTS", "").split(",") if h]

INSTALLED_APPS = [
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django_otp",
    "django_otp.plugins.otp_totp",
    "axes",
    "ninja",
    "nrm.web",
    "nrm.accounts",
    "nrm.audit",
    "nrm.support",
    "nrm.cases",
    "nrm.statistics",
    "nrm.justice",
    "nrm.border",
    "nrm.intelligence",
    "nrm.config.apps.CompositionConfig",  # wires the parts together (last: every app loaded)
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "csp.middleware.CSPMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django_otp.middleware.OTPMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "nrm.accounts.middleware.SessionTimeoutMiddleware",
    "nrm.accounts.middleware.SignInRequiredMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    # Gives a failing request the reference its error page and its log line share.
    "nrm.web.failures.FailureReferenceMiddleware",
    # Last, so that it can turn a refused sign-in into the lockout page.
    "axes.middleware.AxesMiddleware",
]

# Axes first: it refuses a locked-out username and address before any password is checked.
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]
LOGIN_URL = "accounts:sign-in"
LOGIN_REDIRECT_URL = "accounts:home"

# Content-Security-Policy (django-csp): the application's own assets only, no inline script or
# style, no frames, forms posted only to the application itself.
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [SELF],
        "script-src": [SELF],
        "style-src": [SELF],
        "img-src": [SELF, "data:"],
        "font-src": [SELF],
        "connect-src": [SELF],
        "object-src": [NONE],
        "base-uri": [SELF],
        "form-action": [SELF],
        "frame-ancestors": [NONE],
    }
}

ROOT_URLCONF = "nrm.config.urls"
WSGI_APPLICATION = "nrm.config.wsgi.application"
AUTH_USER_MODEL = "accounts.User"
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "nrm.web.navigation.navigation",
            ]
        },
    }
]


def _optional_int(name: str) -> int | None:
    """A whole number from the environment; None when it is unset or empty."""
    text = os.environ.get(name, "").strip()
    return int(text) if text else None


def database_from_env(default: str) -> dict[str, object]:
    """`DATABASE_URL` selects the case store: SQLite by default, PostgreSQL in production."""
    url = os.environ.get("DATABASE_URL") or default
    config: dict[str, object] = dict(dj_database_url.parse(url, conn_max_age=60))
    if config["ENGINE"] == "django.db.backends.sqlite3":
        config["CONN_MAX_AGE"] = 0
        config["OPTIONS"] = {
            "transaction_mode": "IMMEDIATE",
            "timeout": 30,
            "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
        }
    elif config["ENGINE"] == "django.db.backends.postgresql":
        # Parameters bound by the server, and statements run often (the token check, the
        # inserts of a submission) prepared once per connection: PostgreSQL then skips parsing
        # and planning them (bench/README.md, API submissions).
        # NRM_DB_PREPARE_THRESHOLD=0 turns preparing off (a pooler that cannot keep them).
        threshold = int(os.environ.get("NRM_DB_PREPARE_THRESHOLD", "5"))
        config["OPTIONS"] = {"server_side_binding": True, "prepare_threshold": threshold or None}
    return config


DATABASES = {"default": database_from_env(f"sqlite:///{DATA_DIR / 'nrm.sqlite3'}")}

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {
        "NAME": "django.contrib.auth.password_validation.MinimumLengthValidator",
        "OPTIONS": {"min_length": 12},
    },
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

LANGUAGE_CODE = "en-gb"
TIME_ZONE = "Europe/London"
USE_I18N = True
USE_TZ = True

STATIC_URL = "static/"
STATIC_ROOT = DATA_DIR / "static"
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedStaticFilesStorage"},
}

# Sign-in: a username and address are locked out for NRM_LOCKOUT_MINUTES after
# NRM_LOGIN_FAILURE_LIMIT failed attempts (a wrong password or a wrong two-factor code).
NRM_LOGIN_FAILURE_LIMIT = int(os.environ.get("NRM_LOGIN_FAILURE_LIMIT", "5"))
NRM_LOCKOUT_MINUTES = int(os.environ.get("NRM_LOCKOUT_MINUTES", "15"))
# Reverse proxies in front of the service; the client address is read from X-Forwarded-For.
NRM_PROXY_COUNT = int(os.environ.get("NRM_PROXY_COUNT", "0"))
AXES_FAILURE_LIMIT = NRM_LOGIN_FAILURE_LIMIT
AXES_COOLOFF_TIME = timedelta(minutes=NRM_LOCKOUT_MINUTES)
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_CALLABLE = "nrm.accounts.views.lockout_response"
AXES_CLIENT_IP_CALLABLE = "nrm.accounts.sign_in.client_ip"
AXES_SENSITIVE_PARAMETERS = ["username", "ip_address", "code"]
AXES_VERBOSE = False
# A refused attempt during a lockout does not extend it.
AXES_RESET_COOL_OFF_ON_FAILURE_DURING_LOCKOUT = False

# Two-factor authentication: a TOTP device for every account, registered only through a
# single-use set-up link that an administrator issues and that expires after
# NRM_SETUP_LINK_HOURS (docs/accounts.md).
OTP_TOTP_ISSUER = "Open NRM"
NRM_SETUP_LINK_HOURS = int(os.environ.get("NRM_SETUP_LINK_HOURS", "72"))
# The service's public address, for the set-up links printed at the command line (the web
# pages use the address they were reached at).
NRM_SITE_URL = os.environ.get("NRM_SITE_URL", "http://127.0.0.1:8000").rstrip("/")

# Sessions end after NRM_SESSION_IDLE_MINUTES without a request, and NRM_SESSION_MAX_HOURS
# after signing in whatever the activity.
NRM_SESSION_IDLE_MINUTES = int(os.environ.get("NRM_SESSION_IDLE_MINUTES", "30"))
NRM_SESSION_MAX_HOURS = int(os.environ.get("NRM_SESSION_MAX_HOURS", "12"))
SESSION_COOKIE_AGE = NRM_SESSION_MAX_HOURS * 3600
SESSION_EXPIRE_AT_BROWSER_CLOSE = True
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"
CSRF_COOKIE_HTTPONLY = True
# A form refused by the CSRF check gets a plain page in the service's layout.
CSRF_FAILURE_VIEW = "nrm.web.failures.csrf_failure"
X_FRAME_OPTIONS = "DENY"
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"

# Idempotency keys are kept this many hours; a retry after that is treated as a new request.
NRM_IDEMPOTENCY_TTL_HOURS = int(os.environ.get("NRM_IDEMPOTENCY_TTL_HOURS", "24"))

# Worker processes that check rows of a large CSV import (0: one per core).
NRM_IMPORT_WORKERS = int(os.environ.get("NRM_IMPORT_WORKERS", "0"))

# Casework (docs/casework.md). The allocation rule set: nrm_2013 (Home Office for a linked
# immigration interest or a non-EEA national, UKHTC otherwise) or single (one competent authority);
# a JSON file may add rule sets.
NRM_ALLOCATION_RULES = os.environ.get("NRM_ALLOCATION_RULES", "nrm_2013")
NRM_ALLOCATION_RULES_FILE = os.environ.get("NRM_ALLOCATION_RULES_FILE", "")
# The periods of the decision process (nrm.cases.casework.periods holds the policy's: 5 working
# days to the RG decision, a recovery period of at least 45 days, reviewed on day 30). Unset, the
# policy's period applies.
NRM_RG_DUE_WORKING_DAYS = _optional_int("NRM_RG_DUE_WORKING_DAYS")
NRM_RECOVERY_DAYS = _optional_int("NRM_RECOVERY_DAYS")
NRM_REVIEW_DAY = _optional_int("NRM_REVIEW_DAY")
# The work queue shows conclusive grounds decisions as upcoming this many days ahead.
NRM_UPCOMING_CG_DAYS = int(os.environ.get("NRM_UPCOMING_CG_DAYS", "14"))

# Decision notices and reminders. SMTP by default (Django's EMAIL_* settings); the demo prints
# emails on the console.
EMAIL_BACKEND = os.environ.get("NRM_EMAIL_BACKEND", "django.core.mail.backends.smtp.EmailBackend")
EMAIL_HOST = os.environ.get("NRM_EMAIL_HOST", "localhost")
EMAIL_PORT = int(os.environ.get("NRM_EMAIL_PORT", "25"))
DEFAULT_FROM_EMAIL = os.environ.get("NRM_EMAIL_FROM", "nrm-notices@localhost")

# Support providers and the rules that choose one (docs/support.md); empty: the packaged files.
NRM_SUPPORT_PROVIDERS_FILE = os.environ.get("NRM_SUPPORT_PROVIDERS_FILE", "")
NRM_SUPPORT_ROUTING_FILE = os.environ.get("NRM_SUPPORT_ROUTING_FILE", "")

# Key of the keyed hash (HMAC-SHA256) that replaces identifiers in pseudonymised extracts.
# Required in production; local and test settings supply a fixed, non-secret key.
NRM_EXTRACT_KEY = os.environ.get("NRM_EXTRACT_KEY", "")

# Where `nrm report` counts the tables: duckdb (in the process) or spark (a Spark session at
# NRM_SPARK_MASTER: local[*] is this machine, spark://host:7077 or yarn a cluster).
NRM_STATISTICS_ENGINE = os.environ.get("NRM_STATISTICS_ENGINE", "duckdb")
NRM_SPARK_MASTER = os.environ.get("NRM_SPARK_MASTER", "local[*]")

# The statistics' cache, shared by every server worker (docs/statistics.md): the pseudonymised
# extract and each year's computed tables and charts, keyed by a fingerprint of the case store.
# "database": a table of the case store (nrm_statistics_cache, made by `nrm migrate`); "file":
# files under $NRM_DATA_DIR/cache/statistics; "memory": each process its own (one process only).
NRM_STATISTICS_CACHE = os.environ.get("NRM_STATISTICS_CACHE", "database")
NRM_STATISTICS_CACHE_SECONDS = int(os.environ.get("NRM_STATISTICS_CACHE_SECONDS", "86400"))
STATISTICS_CACHE_TABLE = "nrm_statistics_cache"


def statistics_cache(kind: str, seconds: int) -> dict[str, object]:
    """The ``statistics`` entry of ``CACHES`` for ``NRM_STATISTICS_CACHE``."""
    backends = {
        "database": ("django.core.cache.backends.db.DatabaseCache", STATISTICS_CACHE_TABLE),
        "file": (
            "django.core.cache.backends.filebased.FileBasedCache",
            str(DATA_DIR / "cache" / "statistics"),
        ),
        "memory": ("django.core.cache.backends.locmem.LocMemCache", "nrm-statistics"),
    }
    if kind not in backends:
        raise ValueError(f"NRM_STATISTICS_CACHE must be one of {', '.join(backends)}: {kind!r}")
    backend, location = backends[kind]
    return {
        "BACKEND": backend,
        "LOCATION": location,
        "TIMEOUT": seconds,
        "OPTIONS": {"MAX_ENTRIES": 300},
    }


CACHES = {
    "default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"},
    "statistics": statistics_cache(NRM_STATISTICS_CACHE, NRM_STATISTICS_CACHE_SECONDS),
}

# Logging never carries personal data: only references, codes and counts are logged.
# Every record goes through one handler whose filter keeps exceptions' messages and values out
# of the log (nrm.web.failures): a failure is logged as its reference and where it happened.
LOG_LEVEL = os.environ.get("NRM_LOG_LEVEL", "WARNING")
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "filters": {"no_personal_data": {"()": "nrm.web.failures.NoPersonalDataFilter"}},
    "formatters": {"plain": {"format": "%(asctime)s %(levelname)s %(name)s %(message)s"}},
    "handlers": {
        "console": {
            "class": "logging.StreamHandler",
            "formatter": "plain",
            "filters": ["no_personal_data"],
        }
    },
    "root": {"handlers": ["console"], "level": LOG_LEVEL},
    "loggers": {
        # Django's own handlers (the debug console, e-mail to admins) are replaced by this one.
        "django": {"handlers": ["console"], "level": LOG_LEVEL, "propagate": False},
        "gunicorn.error": {"handlers": ["console"], "level": LOG_LEVEL, "propagate": False},
    },
}
