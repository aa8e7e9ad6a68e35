"""Production settings: every secret comes from the environment and HTTPS is enforced."""

import os

from django.core.exceptions import ImproperlyConfigured

from nrm.config.settings.base import *  # noqa: F403
from nrm.config.settings.base import ALLOWED_HOSTS, NRM_EXTRACT_KEY, SECRET_KEY

if not SECRET_KEY:
    raise ImproperlyConfigured("NRM_SECRET_KEY must be set in production")
if not os.environ.get("DATABASE_URL"):
    raise ImproperlyConfigured("DATABASE_URL must point at the PostgreSQL case store in production")
if not ALLOWED_HOSTS:
    raise ImproperlyConfigured("NRM_ALLOWED_HOSTS must list the host names this service answers")
if not NRM_EXTRACT_KEY:
    raise ImproperlyConfigured("NRM_EXTRACT_KEY must be set in production (keyed hash of extracts)")

DEBUG = False
SECURE_SSL_REDIRECT = os.environ.get("NRM_SECURE_SSL_REDIRECT", "1") == "1"
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SESSION_COOKIE_SECURE = True
CSRF_COOKIE_SECURE = True
# The __Host- prefix: the browser sends these cookies only over HTTPS, to this host, for every path.
SESSION_COOKIE_NAME = "__Host-nrm-session"
CSRF_COOKIE_NAME = "__Host-nrm-csrf"
SECURE_HSTS_SECONDS = 31536000
SECURE_HSTS_INCLUDE_SUBDOMAINS = True
