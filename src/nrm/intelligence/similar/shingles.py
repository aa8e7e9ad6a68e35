"""One rule for turning an account into the set that similarity is measured on.

``words`` normalises: Unicode NFKC (so full-width letters, ligatures and compatibility forms
read as their plain letters), casefold (so case never matters, ß as ss), every character that is
not a letter or a digit (punctuation, symbols, underscores) becomes a space, and the text splits
on whitespace. ``shingles`` are the runs of ``K`` consecutive words.

Why ``K = 3``: single words (``K = 1``) make any two accounts of one kind of exploitation look
alike (the same vocabulary), while long shingles (5 and more) make one changed word cost five
shingles, so a light paraphrase falls far below 0.8. Three words keep the order of the words
(a copied account shares its phrases, an independent one rarely shares many) while one edit
changes at most three shingles. An account with fewer than ``K`` words is one shingle of all its
words, so a short account still has a set and matches only the same short account.

``shingle_hashes`` hashes each shingle to a 64-bit integer (BLAKE2b, so the same in every
process and on every machine); exact Jaccard and MinHash both work on these integers, which are
faster to compare and smaller to keep than strings.
"""

import hashlib
import re
import unicodedata
from collections.abc import Sequence

K = 3
_NOT_WORD = re.compile(r"[\W_]+")


def words(text: str) -> list[str]:
    """The words of ``text`` under the one normalisation rule. Not a string is a TypeError;
    a text with no words (empty, only spaces or punctuation) is a ValueError."""
    if not isinstance(text, str):
        raise TypeError(f"An account must be text (str), not {type(text).__name__}.")
    found = _NOT_WORD.sub(" ", unicodedata.normalize("NFKC", text).casefold()).split()
    if not found:
        raise ValueError("An account must have at least one word; this one is empty.")
    return found


def shingles_of(tokens: Sequence[str], k: int = K) -> frozenset[str]:
    """The word shingles of normalised ``tokens``: runs of ``k`` words joined by a space, or
    one shingle of all the words when there are fewer than ``k``."""
    if k < 1:
        raise ValueError(f"A shingle needs at least one word, not {k}.")
    if len(tokens) < k:
        return frozenset({" ".join(tokens)})
    return frozenset(" ".join(tokens[i : i + k]) for i in range(len(tokens) - k + 1))


def shingles(text: str, k: int = K) -> frozenset[str]:
    """The word shingles of ``text`` (``words`` then ``shingles_of``)."""
    return shingles_of(words(text), k)


def shingle_hash(shingle: str) -> int:
    """A shingle as a 64-bit integer, the same in every process."""
    return int.from_bytes(hashlib.blake2b(shingle.encode(), digest_size=8).digest(), "little")


def shingle_hashes(text: str, k: int = K) -> frozenset[int]:
    """The hashed word shingles of ``text``: the set similarity is measured on."""
    return frozenset(map(shingle_hash, shingles(text, k)))


def jaccard(left: frozenset[int] | set[int], right: frozenset[int] | set[int]) -> float:
    """Exact Jaccard similarity of two sets (1.0 for two empty sets)."""
    if not left and not right:
        return 1.0
    common = len(left & right)
    return common / (len(left) + len(right) - common)
