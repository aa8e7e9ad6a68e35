"""Names folded for comparison: ASCII letters only, and a coarse sound key for transliterations.

``name_fold`` turns "Nguyễn" into "nguyen" and "O'Brien-Smith" into "obrien smith": Unicode
folded to ASCII (``unidecode``, which also romanises non-Latin scripts), lower case, anything
but letters and spaces dropped. ``name_key`` goes further, so that spellings a transliteration
or a clerk would produce share one key: Nguyen / Ngyuen / Nguyễn → "ngn", Mohammed / Muhammad
/ Mohamed → "mhmd". It keeps the first letter, maps a few letter groups that are written
differently in different languages (ph → f, w → v, ck / q → k, sz → s, cz → ch), drops vowels
and ``y`` after the first letter, and collapses doubled letters. A key shorter than three
letters would join too many short names (Li, Lei, Le; Hu, He), so short names keep their vowels
(Li → "li"). It is a blocking key and one comparison level, never the only evidence.
"""

import re
from functools import lru_cache

from unidecode import unidecode

_NOT_LETTERS = re.compile(r"[^a-z ]+")
_SPACES = re.compile(r" {2,}")
_GROUPS = (("ph", "f"), ("ck", "k"), ("sz", "s"), ("cz", "ch"), ("q", "k"), ("w", "v"))
_VOWELS = re.compile(r"[aeiouy]+")
_DOUBLES = re.compile(r"(.)\1+")
_SHORTEST_KEY = 3


@lru_cache(maxsize=200_000)
def name_fold(name: str | None) -> str | None:
    """The name in lower-case ASCII letters and single spaces; None when nothing is left."""
    if name is None:
        return None
    ascii_name = unidecode(name).lower().replace("-", " ")
    folded = _SPACES.sub(" ", _NOT_LETTERS.sub("", ascii_name)).strip()
    return folded or None


@lru_cache(maxsize=200_000)
def name_key(name: str | None) -> str | None:
    """A coarse sound key of the folded name (spaces removed); None when nothing is left."""
    folded = name_fold(name)
    if folded is None:
        return None
    letters = folded.replace(" ", "")
    for group, replacement in _GROUPS:
        letters = letters.replace(group, replacement)
    key = _DOUBLES.sub(r"\1", letters[0] + _VOWELS.sub("", letters[1:]))
    return key if len(key) >= _SHORTEST_KEY else _DOUBLES.sub(r"\1", letters)
