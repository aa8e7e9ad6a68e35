"""Entry points of the import's worker processes. Imports nothing from Django at module level:
a spawned worker unpickles these functions before Django is set up."""

import importlib
import os
from collections.abc import Callable
from typing import Any

_CHECK: list[Callable[[dict[str, Any]], Any]] = []


def make_check(checker: str, config: dict[str, Any]) -> Callable[[dict[str, Any]], Any]:
    module, name = checker.split(":")
    factory: Callable[..., Callable[[dict[str, Any]], Any]] = getattr(
        importlib.import_module(module), name
    )
    return factory(**config)


def start(settings_module: str, checker: str, config: dict[str, Any]) -> None:
    os.environ["DJANGO_SETTINGS_MODULE"] = settings_module
    import django

    django.setup()
    _CHECK.append(make_check(checker, config))


def check_rows(check: Callable[[dict[str, Any]], Any], rows: list[Any]) -> list[Any]:
    """Check each row (a ``CsvRow``); a malformed row gets its own error."""
    from nrm.standard.validation import FieldError

    return [
        [FieldError("__row__", problem, "malformed_row")] if problem else check(row.data)
        for row in rows
        for problem in (row.problem,)
    ]


def check_chunk(rows: list[Any]) -> list[Any]:
    return check_rows(_CHECK[0], rows)
