"""The incremental check: a new account against every earlier one, at submission time.

``AccountIndex`` keeps each account's hashed shingle set and its MinHash signature in a MinHash
LSH index (``datasketch``). A new account's signature is cut into ``BANDS`` bands of ``ROWS``
rows; every earlier account that agrees with it on all the rows of at least one band is a
candidate. Two accounts at Jaccard similarity s share one band with probability s^r, so they
become candidates with probability 1 - (1 - s^r)^b (the S-curve, ``candidate_probability``).
With 128 permutations, b = 21 bands of r = 6 rows, a pair at 0.8 is a candidate with
probability 0.9983 (more above 0.8), one at 0.5 with 0.28, one at 0.3 with 0.015. Every
candidate is then confirmed by exact Jaccard on the stored shingle sets, so ``nearest``
never returns a pair below the threshold: LSH can only miss, never invent.

The permutations come from a fixed seed, so signatures (and so candidates) are the same in every
process.
"""

import hashlib
from collections.abc import Iterable

import numpy as np
from datasketch import MinHash, MinHashLSH

from nrm.intelligence.similar.accounts import Accounts, account_sets
from nrm.intelligence.similar.batch import THRESHOLD, _check_threshold
from nrm.intelligence.similar.shingles import jaccard, shingle_hashes

NUM_PERM = 128
BANDS = 21
ROWS = 6
SEED = 2012
_LOW_32 = 0xFFFFFFFF


def candidate_probability(similarity: float, bands: int = BANDS, rows: int = ROWS) -> float:
    """The probability that two accounts at Jaccard ``similarity`` become LSH candidates."""
    return float(1.0 - (1.0 - similarity**rows) ** bands)


def _low_32(value: int) -> int:
    return value & _LOW_32


_PERMUTATIONS = MinHash(num_perm=NUM_PERM, seed=SEED).permutations


def signature(hashes: Iterable[int]) -> MinHash:
    """The MinHash signature of a hashed shingle set (fixed permutations)."""
    minhash = MinHash(
        num_perm=NUM_PERM,
        seed=SEED,
        hashfunc=_low_32,
        permutations=_PERMUTATIONS,
        scheme="affine32",
    )
    minhash.update_batch(list(hashes))
    return minhash


def band_keys(hashes: Iterable[int]) -> list[int]:
    """The LSH band keys of a hashed shingle set, one for each of the ``BANDS`` bands in order:
    the band's ``ROWS`` signature values hashed (BLAKE2b) to a signed 64-bit integer, so that a
    database can index them. Two sets share a band (are candidates, as ``AccountIndex`` makes
    them) exactly when they share that band's key, but for a hash collision, which confirmation
    by exact Jaccard makes harmless."""
    values = np.asarray(signature(hashes).hashvalues, dtype="<u8")[: BANDS * ROWS]
    return [
        int.from_bytes(
            hashlib.blake2b(band.tobytes(), digest_size=8).digest(), "little", signed=True
        )
        for band in values.reshape(BANDS, ROWS)
    ]


class AccountIndex:
    """Accounts indexed for the incremental check. ``add`` an account as it is submitted;
    ``nearest`` lists the earlier accounts most similar to a text, each confirmed exactly."""

    def __init__(self) -> None:
        self._lsh = MinHashLSH(threshold=THRESHOLD, num_perm=NUM_PERM, params=(BANDS, ROWS))
        self._sets: dict[str, frozenset[int]] = {}

    def __len__(self) -> int:
        return len(self._sets)

    def __contains__(self, account_id: object) -> bool:
        return account_id in self._sets

    def add(self, account_id: str, text: str) -> None:
        """Index one account. An id already indexed is a ValueError; bad text is a TypeError
        or ValueError naming the account."""
        if not isinstance(account_id, str):
            raise TypeError(f"An account id must be a string, not {type(account_id).__name__}.")
        if account_id in self._sets:
            raise ValueError(f"Account {account_id!r} is already in the index.")
        try:
            hashes = shingle_hashes(text)
        except (TypeError, ValueError) as error:
            raise type(error)(f"Account {account_id!r}: {error}") from None
        self._insert(account_id, hashes)

    def add_many(self, accounts: Accounts) -> None:
        """Index many accounts (checked first, so nothing is indexed if one is bad)."""
        sets = account_sets(accounts)
        clash = next((account_id for account_id in sets if account_id in self._sets), None)
        if clash is not None:
            raise ValueError(f"Account {clash!r} is already in the index.")
        with self._lsh.insertion_session() as session:
            for account_id, hashes in sets.items():
                session.insert(account_id, signature(hashes))
                self._sets[account_id] = hashes

    def _insert(self, account_id: str, hashes: frozenset[int]) -> None:
        self._lsh.insert(account_id, signature(hashes))
        self._sets[account_id] = hashes

    def candidates(self, text: str) -> list[str]:
        """The indexed accounts that share an LSH band with ``text`` (not yet confirmed)."""
        return self._candidates(shingle_hashes(text))

    def _candidates(self, hashes: frozenset[int]) -> list[str]:
        return sorted(self._lsh.query(signature(hashes)))

    def nearest(
        self, text: str, threshold: float = THRESHOLD, limit: int = 10
    ) -> list[tuple[str, float]]:
        """Up to ``limit`` indexed accounts whose exact Jaccard similarity with ``text`` is at
        or above ``threshold``, the most similar first (ties by id). ``threshold`` below the
        LSH design point (0.8) is allowed, but recall then falls along the S-curve."""
        _check_threshold(threshold)
        if not isinstance(limit, int) or limit < 1:
            raise ValueError(f"The limit must be a positive whole number, not {limit!r}.")
        hashes = shingle_hashes(text)
        confirmed = [
            (account_id, jaccard(hashes, self._sets[account_id]))
            for account_id in self._candidates(hashes)
        ]
        kept = [(account_id, score) for account_id, score in confirmed if score >= threshold]
        kept.sort(key=lambda item: (-item[1], item[0]))
        return kept[:limit]

    def submit(
        self, account_id: str, text: str, threshold: float = THRESHOLD, limit: int = 10
    ) -> list[tuple[str, float]]:
        """The check at submission: the earlier accounts nearest to ``text`` (``nearest``),
        then the account joins the index for those that come after it."""
        if account_id in self._sets:
            raise ValueError(f"Account {account_id!r} is already in the index.")
        found = self.nearest(text, threshold=threshold, limit=limit)
        self.add(account_id, text)
        return found

    def candidate_pairs(self) -> set[tuple[str, str]]:
        """Every pair of indexed accounts that LSH makes candidates (ids ordered), for
        measuring recall against the exact pairs."""
        found = set()
        for account_id, hashes in self._sets.items():
            for other in self._lsh.query(signature(hashes)):
                if other != account_id:
                    found.add((min(account_id, other), max(account_id, other)))
        return found


def band_hits(left: MinHash, right: MinHash) -> int:
    """How many of the ``BANDS`` bands two signatures share (0 means not candidates)."""
    a = np.asarray(left.hashvalues).reshape(-1)[: BANDS * ROWS].reshape(BANDS, ROWS)
    b = np.asarray(right.hashvalues).reshape(-1)[: BANDS * ROWS].reshape(BANDS, ROWS)
    return int((a == b).all(axis=1).sum())
