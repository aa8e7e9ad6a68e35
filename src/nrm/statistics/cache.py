"""The statistics' cache, shared by every server worker: Django's cache framework, alias
``statistics`` (``NRM_STATISTICS_CACHE`` in settings: a table in the case store by default), in
front of a small memo in each process.

Every key carries a digest of the case store's fingerprint (``fingerprint_digest``), so any
write that changes the fingerprint makes the next read compute afresh; old entries are never
read again and expire after ``NRM_STATISTICS_CACHE_SECONDS``. Values are the pseudonymised
extract (as Parquet bytes) and computed tables and charts: never a name or a contact detail.
Two workers asking at the same moment for a value not yet cached may both compute it; they
store the same value."""

import hashlib
import threading
from collections import OrderedDict
from collections.abc import Callable
from typing import Any, TypeVar

from django.core.cache import caches
from django.core.cache.backends.base import BaseCache

CACHE_ALIAS = "statistics"
PREFIX = "nrm-statistics"
MEMO_SIZE = 8
T = TypeVar("T")

_lock = threading.Lock()
_memo: "OrderedDict[str, Any]" = OrderedDict()


def shared_cache() -> BaseCache:
    return caches[CACHE_ALIAS]


def fingerprint_digest(fingerprint: tuple[Any, ...]) -> str:
    return hashlib.sha256(repr(fingerprint).encode()).hexdigest()[:32]


def cache_key(kind: str, fingerprint: tuple[Any, ...], *parts: object) -> str:
    return ":".join([PREFIX, kind, fingerprint_digest(fingerprint), *map(str, parts)])


def cached(
    key: str,
    compute: Callable[[], T],
    *,
    encode: Callable[[T], Any] | None = None,
    decode: Callable[[Any], T] | None = None,
) -> T:
    """The value of ``key``: from this process's memo, else the shared cache (``decode``d),
    else ``compute``d and stored in both (``encode``d for the shared cache)."""
    with _lock:
        if key in _memo:
            _memo.move_to_end(key)
            return _memo[key]
    stored = shared_cache().get(key)
    if stored is not None:
        value: T = decode(stored) if decode else stored
    else:
        value = compute()
        shared_cache().set(key, encode(value) if encode else value)
    with _lock:
        _memo[key] = value
        while len(_memo) > MEMO_SIZE:
            _memo.popitem(last=False)
    return value


def memo_clear() -> None:
    """Forget this process's memo (as a fresh worker would start); the shared cache stays."""
    with _lock:
        _memo.clear()


def cache_clear() -> None:
    """Forget everything cached: this process's memo and the shared cache."""
    memo_clear()
    shared_cache().clear()
