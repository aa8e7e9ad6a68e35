"""What text the case store accepts, decided once for every door.

Text may hold any Unicode character a person can type, but not a NUL character (the databases
refuse it, and it has no meaning in a referral) and not half of a character (an unpaired
surrogate: it cannot be written as UTF-8, so it cannot be stored, logged or exported). Doors
check what they receive here before anything else reads it, and answer with a field-level
message that never repeats the value.
"""

import re
from collections.abc import Iterator, Mapping
from typing import Any

from nrm.standard import messages

_NUL = "\x00"
_SURROGATE = re.compile("[\ud800-\udfff]")


def text_problem(text: str) -> tuple[str, str] | None:
    """(message, code) when ``text`` cannot be stored; None when it can."""
    if _NUL in text:
        return messages.TEXT_NUL, "text_nul"
    if not text.isascii() and _SURROGATE.search(text):
        return messages.TEXT_HALF_CHARACTER, "text_surrogate"
    return None


def _walk(value: Any, path: str) -> Iterator[tuple[str, str]]:
    if isinstance(value, str):
        yield path, value
    elif isinstance(value, Mapping):
        for key, item in value.items():
            name = str(key)
            yield path or name, name  # a key is text too
            yield from _walk(item, f"{path}.{name}" if path else name)
    elif isinstance(value, list | tuple):
        for item in value:
            yield from _walk(item, path)


def _all_storable(data: Any) -> bool:
    """A quick look at a flat record (an import row, a form's answers): all its text at once."""
    if not isinstance(data, Mapping):
        return False
    try:  # a row of a CSV file: every value is text
        return text_problem("".join(data.values()) + "".join(data)) is None
    except TypeError:
        pass
    parts: list[str] = []
    for key, value in data.items():
        if isinstance(value, str):
            parts.append(value)
        elif isinstance(value, list) and all(isinstance(item, str) for item in value):
            parts += value
        elif value is not None and not isinstance(value, bool | int | float):
            return False  # nested: look item by item
        parts.append(str(key))
    return text_problem("".join(parts)) is None


def text_problems(data: Any) -> list[tuple[str, str, str]]:
    """(field, message, code) for every piece of text in ``data`` (mappings, lists and text,
    to any depth) that cannot be stored; the field is the top-level name it was under."""
    if _all_storable(data):
        return []
    found = []
    seen: set[str] = set()
    for path, text in _walk(data, ""):
        problem = text_problem(text)
        field = path.split(".", 1)[0] or "__all__"
        if problem is not None and field not in seen:
            seen.add(field)
            found.append((field, *problem))
    return found
