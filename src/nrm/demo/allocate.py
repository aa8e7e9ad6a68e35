"""Small allocation helpers: expand counts, split totals, assign cells, spread dates."""

import random
from collections.abc import Callable, Hashable, Iterable, Mapping, Sequence
from datetime import date, timedelta
from typing import TypeVar

K = TypeVar("K", bound=Hashable)
T = TypeVar("T")


def expand(counts: Iterable[tuple[K, int]] | Mapping[K, int]) -> list[K]:
    """``{"a": 2, "b": 1}`` -> ``["a", "a", "b"]`` (in the given order)."""
    pairs = counts.items() if isinstance(counts, Mapping) else counts
    return [key for key, n in pairs for _ in range(n)]


def split(total: int, weights: Mapping[K, float]) -> dict[K, int]:
    """Split ``total`` in proportion to ``weights`` (largest remainder; ties in key order)."""
    whole = sum(weights.values())
    exact = {key: total * w / whole for key, w in weights.items()}
    shares = {key: int(value) for key, value in exact.items()}
    order = sorted(weights, key=lambda key: shares[key] - exact[key])
    for key in order[: total - sum(shares.values())]:
        shares[key] += 1
    return shares


def subtract(total: Mapping[K, int], *parts: Mapping[K, int]) -> dict[K, int]:
    """``total`` minus every part, key by key; fails loudly if a count would go negative."""
    rest = dict(total)
    for part in parts:
        for key, n in part.items():
            rest[key] = rest.get(key, 0) - n
            if rest[key] < 0:
                raise ValueError(f"plan does not fit: {key!r} would be {rest[key]}")
    return {key: n for key, n in rest.items() if n}


def assign_cells(
    items: Sequence[T],
    cells: Mapping[K, int],
    weight: Callable[[T, K], float],
    rng: random.Random,
) -> list[K]:
    """Give each item one cell so that every cell is used exactly ``cells[cell]`` times.

    Items are taken in a shuffled order; each draws a cell with probability proportional to
    ``weight(item, cell)`` times the cell's remaining capacity, so the result follows the
    weights as far as the fixed cell totals allow.
    """
    if sum(cells.values()) != len(items):
        raise ValueError(f"{len(items)} items for {sum(cells.values())} cell places")
    remaining = dict(cells)
    order = list(range(len(items)))
    rng.shuffle(order)
    chosen: list[K | None] = [None] * len(items)
    for index in order:
        open_cells = [cell for cell, n in remaining.items() if n > 0]
        weights = [max(weight(items[index], cell), 1e-3) * remaining[cell] for cell in open_cells]
        cell = rng.choices(open_cells, weights=weights)[0]
        remaining[cell] -= 1
        chosen[index] = cell
    return [cell for cell in chosen if cell is not None]


def date_slots(
    first: date, last: date, count: int, rng: random.Random, growth: float = 0.0
) -> list[date]:
    """``count`` sorted dates between ``first`` and ``last``, month weights rising by ``growth``."""
    months: list[tuple[int, int]] = []
    year, month = first.year, first.month
    while (year, month) <= (last.year, last.month):
        months.append((year, month))
        year, month = (year + 1, 1) if month == 12 else (year, month + 1)
    per_month = split(count, {ym: 1.0 + growth * i for i, ym in enumerate(months)})
    dates = []
    for (y, m), n in per_month.items():
        start = max(first, date(y, m, 1))
        end = min(last, (date(y + m // 12, m % 12 + 1, 1)) - timedelta(days=1))
        span = (end - start).days
        dates += [start + timedelta(days=rng.randint(0, span)) for _ in range(n)]
    return sorted(dates)


def clean_cut(dates: list[date], last_n: int) -> list[date]:
    """Move dates so that the last ``last_n`` fall strictly after all the others (sorted input)."""
    if not 0 < last_n < len(dates):
        return dates
    cut = len(dates) - last_n
    boundary = dates[cut]
    return [d - timedelta(days=1) if i < cut and d == boundary else d for i, d in enumerate(dates)]
