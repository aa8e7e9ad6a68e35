"""Checking the detail of an audit event before it is written and hashed.

A detail holds references, codes, counts and old/new values of changed fields: never the
victim's account (keys in ``errors.ACCOUNT_TEXT_KEYS`` are refused at any depth) and only values
that come back from the database exactly as they went in, so that the hash can be recomputed
(text that jsonb cannot keep is written escaped).
"""

import math
from collections.abc import Mapping
from typing import Any

from nrm.audit import errors

# Floats at or above this size come back from PostgreSQL's jsonb as whole numbers.
_EXACT_FLOAT_LIMIT = 1e16


def _refuse(message: str, **values: Any) -> errors.AuditDetailRefused:
    return errors.AuditDetailRefused(message.format(**values))


def _storable(text: str) -> str:
    """Text as jsonb can keep it: a NUL or an unpaired surrogate (from a hostile request, say)
    is written as its escape (``\\x00``, ``\\ud800``), so the event is still recorded."""
    if text.isprintable() or ("\x00" not in text and text.isascii()):
        return text
    return text.encode("utf-8", "backslashreplace").decode("utf-8").replace("\x00", "\\x00")


def _clean(value: Any, key: str) -> Any:
    if value is None or isinstance(value, bool):
        return value
    if isinstance(value, str):
        return _storable(str.__str__(value))  # enumerations of text are stored as plain text
    if isinstance(value, int):
        return int(value)
    if isinstance(value, float):
        if not math.isfinite(value) or abs(value) >= _EXACT_FLOAT_LIMIT:
            raise _refuse(errors.DETAIL_FLOAT_REFUSED, key=key, value=value)
        return value + 0.0  # -0.0 is stored as 0
    if isinstance(value, Mapping):
        cleaned: dict[str, Any] = {}
        for name, item in value.items():
            if not isinstance(name, str):
                raise _refuse(errors.DETAIL_KEY_NOT_TEXT, key=name, kind=type(name).__name__)
            if name.lower() in errors.ACCOUNT_TEXT_KEYS:
                keys = ", ".join(sorted(errors.ACCOUNT_TEXT_KEYS))
                raise _refuse(errors.ACCOUNT_TEXT_REFUSED, key=name, keys=keys)
            cleaned[name] = _clean(item, name)
        return cleaned
    if isinstance(value, list | tuple):
        return [_clean(item, key) for item in value]
    raise _refuse(errors.DETAIL_VALUE_REFUSED, key=key, kind=type(value).__name__)


def detail_clean(
    detail: Mapping[str, Any] | None,
    *,
    old: Mapping[str, Any] | None = None,
    new: Mapping[str, Any] | None = None,
) -> dict[str, Any]:
    """The detail as it will be stored, with ``old`` and ``new`` values under those keys.

    Raises ``AuditDetailRefused`` for account text, values JSON cannot keep exactly, or an
    ``old``/``new`` that clashes with a key of ``detail``.
    """
    combined: dict[str, Any] = dict(detail or {})
    for name, values in (("old", old), ("new", new)):
        if values is None:
            continue
        if name in combined:
            raise _refuse(errors.DETAIL_CLASHES, key=name)
        combined[name] = values
    cleaned: dict[str, Any] = _clean(combined, "detail")
    return cleaned
