"""Checking chunks of an import's rows, in a worker process or in the importing process.

A chunk's valid rows come back ready to write: COPY text on PostgreSQL, parameter tuples on
other databases, with their primary keys (reserved by the importing process before the chunk
was sent) and receipt time filled in. Only the reference is left out of each record's own row:
references are numbered in file order, which only the importing process knows.

A spawned worker unpickles these functions before Django is set up, so this module and what it
imports touch no settings, models or connections at import time.
"""

import importlib
import os
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from nrm.db.bulk import RowEncoder
from nrm.standard.validation import FieldError

Check = Callable[[dict[str, Any], Any, datetime], Any]


@dataclass(frozen=True)
class WorkerSetup:
    """What a worker needs to check and encode rows, as plain values it can receive."""

    checker: str  # "module:function" making the row check from ``config``; no DB access
    config: dict[str, Any]
    layout: Any  # csvformat.Layout of the file
    vendor: str  # the database's ``connection.vendor``: COPY text on "postgresql"


@dataclass(frozen=True)
class ChunkTask:
    chunk: Any  # csvformat.RawChunk
    keys: (
        list[int] | None
    )  # a primary key for each row position in the chunk, if the kind needs one
    now: datetime  # receipt time of the chunk's records


@dataclass
class ChunkResult:
    rows: int = 0  # rows read (blank rows left out)
    errors: list[tuple[int, dict[str, str], list[Any]]] = field(default_factory=list)
    years: list[int] = field(default_factory=list)  # of the valid rows, in file order
    heads: list[Any] = field(default_factory=list)  # each valid record's own row, no reference
    tables: list[Any] = field(default_factory=list)  # rows of each further table, whole chunk


@dataclass(frozen=True)
class WorkerState:
    check: Check
    layout: Any
    copy: bool
    encoder: Any  # bulk.RowEncoder


_STATE: list[WorkerState] = []


def make_check(checker: str, config: dict[str, Any]) -> Check:
    module, name = checker.split(":")
    factory: Callable[..., Check] = getattr(importlib.import_module(module), name)
    return factory(**config)


def worker_state(setup: WorkerSetup) -> WorkerState:
    return WorkerState(
        check=make_check(setup.checker, setup.config),
        layout=setup.layout,
        copy=setup.vendor == "postgresql",
        encoder=RowEncoder(setup.vendor),
    )


def start(settings_module: str, setup: WorkerSetup) -> None:
    os.environ["DJANGO_SETTINGS_MODULE"] = settings_module
    import django

    django.setup()
    _STATE.append(worker_state(setup))


def check_chunk(task: ChunkTask) -> ChunkResult:
    return chunk_check(_STATE[0], task)


def chunk_check(state: WorkerState, task: ChunkTask) -> ChunkResult:
    """Check each row of a chunk; a malformed row gets its own error."""
    layout, check, keys, now = state.layout, state.check, task.keys, task.now
    encode_head = state.encoder.copy_fields if state.copy else state.encoder.params
    encode = state.encoder.copy_line if state.copy else state.encoder.params
    result = ChunkResult()
    errors, years, heads = result.errors, result.years, result.heads
    parts: list[list[Any]] | None = None
    first = task.chunk.first
    for number, values in task.chunk.numbered():
        result.rows += 1
        problem = layout.problem(values)
        if problem:
            errors.append(
                (number, layout.raw(values), [FieldError("__row__", problem, "malformed_row")])
            )
            continue
        checked = check(layout.data(values), keys[number - first] if keys else None, now)
        if isinstance(checked, list):
            errors.append((number, layout.raw(values), checked))
            continue
        own, *others = checked.rows
        years.append(checked.year)
        heads.append(encode_head(own))
        if parts is None:
            parts = [[] for _ in others]
        for part, rows in zip(parts, others, strict=True):
            part.extend([encode(row) for row in rows])
    result.tables = ["".join(part) for part in parts or []] if state.copy else parts or []
    return result
