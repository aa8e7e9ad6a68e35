"""Meta-tests that keep the house safe: deny by default, documented commands and settings,
linear and reversible migrations."""

import ast
import re
from pathlib import Path

import pytest
from django.apps import apps
from django.core.management import call_command
from django.db.migrations.loader import MigrationLoader
from django.test import Client
from django.urls import URLPattern, URLResolver, get_resolver

from tests.app_role import owner_privileges

ROOT = Path(__file__).resolve().parents[1]
# The crew line's public form and the official statistics need no account; the official
# statistics of a year answer 404 for a year not released, here any (below).
PUBLIC = {
    "sign-in/",
    "crew-line/",
    "official-statistics/",
    "official-statistics/calendar/",
    "official-statistics/<str:year>/",
    "official-statistics/<str:year>/verification/",
    "official-statistics/<str:year>/<slug:spec_id>.<str:fmt>",
}
SIGN_IN = "/sign-in/"


def _routes(patterns: list[URLPattern | URLResolver], prefix: str = "") -> list[str]:
    routes = []
    for pattern in patterns:
        route = prefix + str(pattern.pattern)
        if isinstance(pattern, URLResolver):
            routes += _routes(pattern.url_patterns, route)
        else:
            routes.append(route)
    return routes


@pytest.mark.django_db
def test_every_route_refuses_an_anonymous_request_except_sign_in() -> None:
    client = Client()
    routes = _routes(get_resolver().url_patterns)
    assert routes, "no routes found"
    for route in routes:
        path = "/" + re.sub(r"<[^>]+>", "NRM-2012-000001", route)
        if route in PUBLIC:
            assert client.get(path).status_code == (404 if "<" in route else 200), route
            continue
        for method in ("get", "post"):
            response = getattr(client, method)(path)
            if response.status_code == 302:  # a web page sends the visitor to sign in
                assert response["Location"].startswith(SIGN_IN), (method, route)
                continue
            assert response.status_code in (401, 403, 404, 405), (method, route, response)


def test_every_setting_read_from_the_environment_is_documented() -> None:
    text = (ROOT / "docs" / "settings.md").read_text(encoding="utf-8")
    source = "\n".join(p.read_text() for p in (ROOT / "src" / "nrm" / "config").rglob("*.py"))
    names = set(re.findall(r"environ(?:\.get)?\(\s*\"([A-Z_]+)\"", source))
    names |= set(re.findall(r"environ\[\"([A-Z_]+)\"\]", source))
    names |= set(re.findall(r"_optional_int\(\s*\"([A-Z_]+)\"", source))
    assert names, "no settings found"
    for name in names - {"DJANGO_SETTINGS_MODULE"}:
        assert f"`{name}`" in text, name


def _project_apps() -> list[str]:
    """The project's apps that keep tables (and so migrations)."""
    migrated = MigrationLoader(None, ignore_no_migrations=True).migrated_apps
    return [
        c.label for c in apps.get_app_configs() if c.name.startswith("nrm.") and c.label in migrated
    ]


def test_migrations_are_linear() -> None:
    loader = MigrationLoader(None, ignore_no_migrations=True)
    assert _project_apps()
    for app in _project_apps():
        leaves = loader.graph.leaf_nodes(app)
        assert len(leaves) == 1, (app, leaves)


@pytest.mark.django_db(transaction=True)
def test_migrations_are_reversible() -> None:
    with owner_privileges(regrant=True):  # migrations run as the owner
        for app in reversed(_project_apps()):
            call_command("migrate", app, "zero", verbosity=0)
        call_command("migrate", verbosity=0)


@pytest.mark.django_db
def test_no_migration_is_missing() -> None:
    call_command("makemigrations", "--check", "--dry-run", verbosity=0)


# The composition root may load the project's modules late (Django must be set up first, and a
# command loads only its own part); nowhere else may an import hide in a function body, where
# it would dodge the layer contract and the cycles it forbids.
COMPOSITION_ROOT = ("nrm/cli.py", "nrm/config/")


def _function_imports(path: Path) -> list[int]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    found = []
    for function in ast.walk(tree):
        if not isinstance(function, ast.FunctionDef | ast.AsyncFunctionDef):
            continue
        for node in ast.walk(function):
            if (
                isinstance(node, ast.ImportFrom) and (node.module or "").split(".")[0] == "nrm"
            ) or (
                isinstance(node, ast.Import)
                and any(alias.name.split(".")[0] == "nrm" for alias in node.names)
            ):
                found.append(node.lineno)
    return found


def test_no_project_module_is_imported_inside_a_function_outside_the_composition_root() -> None:
    source = ROOT / "src"
    files = [p for p in (source / "nrm").rglob("*.py") if "migrations" not in p.parts]
    assert files
    hidden = {
        f"{relative}:{line}"
        for path in files
        if not (relative := path.relative_to(source).as_posix()).startswith(COMPOSITION_ROOT)
        for line in _function_imports(path)
    }
    assert hidden == set()


def test_a_function_body_import_is_found() -> None:
    """The check above can fail: it finds an import placed in a function."""
    probe = ROOT / "src" / "nrm" / "_probe_function_import.py"
    probe.write_text("def late():\n    from nrm.cases import models\n", encoding="utf-8")
    try:
        assert _function_imports(probe) == [2]
    finally:
        probe.unlink()


def test_no_source_file_is_over_400_lines() -> None:
    long = {
        p.relative_to(ROOT).as_posix(): n
        for p in (ROOT / "src").rglob("*.py")
        if (n := len(p.read_text(encoding="utf-8").splitlines())) > 400
    }
    assert long == {}
