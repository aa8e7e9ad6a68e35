"""The reference documentation is a contract: every API operation and every ``nrm`` command is
documented, and nothing documented is missing from the code."""

import re
from pathlib import Path

import pytest
from django.test import Client

from nrm.accounts.capabilities import Capability
from nrm.cli import all_commands

ROOT = Path(__file__).resolve().parents[1]
PREFIX = "/api/v1"


def _documented_operations() -> dict[tuple[str, str], str]:
    """(method, path) -> capability, from the operation tables of docs/api.md."""
    text = (ROOT / "docs" / "api.md").read_text(encoding="utf-8")
    rows = re.findall(r"^\| `(GET|POST|PUT|PATCH|DELETE) (/[^`]*)` \| `([a-z_]+)` \|", text, re.M)
    return {(method, path): capability for method, path, capability in rows}


def _operations(api: Client) -> dict[tuple[str, str], dict[str, str]]:
    document = api.get(f"{PREFIX}/openapi.json").json()
    return {
        (method.upper(), path.removeprefix(PREFIX)): operation
        for path, operations in document["paths"].items()
        for method, operation in operations.items()
    }


@pytest.mark.django_db
def test_every_api_operation_is_documented_with_its_capability_and_nothing_else_is(
    api: Client,
) -> None:
    operations = _operations(api)
    documented = _documented_operations()
    assert len(operations) >= 16
    assert set(documented) == set(operations)
    for key, operation in operations.items():
        assert documented[key] == operation["x-required-capability"], key


@pytest.mark.django_db
def test_every_api_operation_says_in_its_description_which_capability_it_needs(
    api: Client,
) -> None:
    for key, operation in _operations(api).items():
        capability = Capability(operation["x-required-capability"])
        assert f"`{capability.value}` ({capability.label})" in operation["description"], key


def _documented_commands() -> set[str]:
    text = (ROOT / "docs" / "cli.md").read_text(encoding="utf-8")
    return set(re.findall(r"^\| `nrm ([a-z-]+)", text, re.M))


def test_every_nrm_command_is_documented_and_every_documented_command_exists() -> None:
    assert _documented_commands() == set(all_commands())
