"""The security headers every page carries, and the production settings that add the rest."""

import importlib
import sys
from typing import Any

import pytest
from django.test import Client

SETTINGS = ("nrm.config.settings.base", "nrm.config.settings.production")


@pytest.mark.django_db
def test_every_page_carries_a_content_security_policy_of_the_applications_own_assets() -> None:
    response = Client().get("/sign-in/")
    policy = dict(
        part.strip().split(" ", 1) for part in response["Content-Security-Policy"].split(";")
    )
    assert policy["default-src"] == "'self'"
    assert policy["script-src"] == "'self'"  # no inline script, no other origin
    assert policy["style-src"] == "'self'"
    assert policy["frame-ancestors"] == "'none'" and policy["object-src"] == "'none'"
    assert policy["form-action"] == "'self'"
    assert response["X-Frame-Options"] == "DENY"
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Referrer-Policy"] == "same-origin"
    assert response["Cross-Origin-Opener-Policy"] == "same-origin"
    assert "<script>" not in response.content.decode()  # no inline script to allow


def test_production_settings_force_https_and_secure_cookies(monkeypatch: Any) -> None:
    monkeypatch.setenv("NRM_SECRET_KEY", "x" * 60)
    monkeypatch.setenv("NRM_EXTRACT_KEY", "y" * 40)
    monkeypatch.setenv("NRM_ALLOWED_HOSTS", "nrm.example")
    monkeypatch.setenv("DATABASE_URL", "postgres://nrm@db.example/nrm")
    kept = {name: sys.modules.pop(name) for name in SETTINGS if name in sys.modules}
    production = importlib.import_module("nrm.config.settings.production")
    try:
        assert production.SECURE_SSL_REDIRECT is True
        assert production.SECURE_HSTS_SECONDS >= 31536000
        assert production.SESSION_COOKIE_SECURE and production.CSRF_COOKIE_SECURE
        assert production.SESSION_COOKIE_NAME.startswith("__Host-")
        assert production.DEBUG is False
        assert "csp.middleware.CSPMiddleware" in production.MIDDLEWARE
    finally:  # the suite's own settings modules back as they were
        for name in SETTINGS:
            sys.modules.pop(name, None)
        sys.modules.update(kept)
