"""Writing an import's checked rows inside the import's transaction.

Rows arrive ready to write from the chunk checks (``import_worker``); here they only get their
references, numbered per year in file order, and are written in batches: one COPY per table on
PostgreSQL, one prepared INSERT per table elsewhere. Each batch is recorded as one audit event
of the import, listing the references it created.
"""

from collections import Counter
from collections.abc import Callable
from itertools import chain
from typing import Any

from django.db import connection, models

from nrm.cases.referrals.import_worker import ChunkResult
from nrm.cases.referrals.references import references_reserve
from nrm.db.bulk import copy_text_insert, ids_allocate, params_insert

Tables = tuple[tuple[type[models.Model], tuple[str, ...]], ...]


class KeyReserver:
    """Primary keys of ``model`` reserved before the rows that use them are built.

    On PostgreSQL from the table's sequence; elsewhere counted on from the largest key, which
    is safe because the import's transaction holds SQLite's write lock from its start.
    """

    def __init__(self, model: type[models.Model]) -> None:
        self.model = model
        self.next: int | None = None

    def __call__(self, count: int) -> list[int]:
        if connection.vendor == "postgresql":
            return ids_allocate(self.model, count)
        if self.next is None:
            (self.next,) = ids_allocate(self.model, 1)
        start = self.next
        self.next += count
        return list(range(start, start + count))


def references_for(prefix: str, years: list[int]) -> list[str]:
    """New references for records of these years, in order: ``{prefix}-{year}-NNNNNN``."""
    counts = Counter(years)
    reserved = {
        year: references_reserve(prefix=f"{prefix}-{year}", count=count)
        for year, count in sorted(counts.items())
    }
    if len(reserved) == 1:
        return next(iter(reserved.values()))
    numbered = {year: iter(references) for year, references in reserved.items()}
    return [next(numbered[year]) for year in years]


class BatchWriter:
    """Collects checked chunks and writes them, a batch at a time."""

    def __init__(self, *, tables: Tables, prefix: str, audit: Callable[[list[str]], None]) -> None:
        self.tables = tables
        self.prefix = prefix
        self.audit = audit
        self.copy = connection.vendor == "postgresql"
        self.years: list[int] = []
        self.heads: list[Any] = []
        self.parts: list[list[Any]] = [[] for _ in tables[1:]]

    def __len__(self) -> int:
        return len(self.heads)

    def add(self, checked: ChunkResult) -> None:
        self.years += checked.years
        self.heads += checked.heads
        for part, rows in zip(self.parts, checked.tables, strict=False):
            part.append(rows)

    def flush(self) -> int:
        """Write what was collected; return the number of records written."""
        if not self.heads:
            return 0
        references = references_for(self.prefix, self.years)
        (model, columns), *further = self.tables
        columns = (*columns, "reference")
        if self.copy:
            own = "".join(
                [f"{head}\t{ref}\n" for head, ref in zip(self.heads, references, strict=True)]
            )
            copy_text_insert(model, columns, [own])
            for (model, columns), parts in zip(further, self.parts, strict=True):
                if any(parts):
                    copy_text_insert(model, columns, parts)
        else:
            params_insert(
                model,
                columns,
                [(*head, ref) for head, ref in zip(self.heads, references, strict=True)],
            )
            for (model, columns), parts in zip(further, self.parts, strict=True):
                params_insert(model, columns, list(chain.from_iterable(parts)))
        self.audit(references)
        count = len(self.heads)
        self.years, self.heads = [], []
        self.parts = [[] for _ in self.tables[1:]]
        return count
