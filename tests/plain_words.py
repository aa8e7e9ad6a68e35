"""What a message people read may not hold: the identifiers of the code.

Field names and codes in snake_case, code-list codes in quotes or where only the code would be
written (a place in lower case, "rg"), ISO dates, and pydantic's own phrases. Used by the tests
that generate every refusal of the standard, casework and support and check its message.
"""

import re
from collections.abc import Iterable
from string import Formatter

from django.db import models

from nrm.cases.stages import Change, Event, Stage
from nrm.standard import codes
from nrm.standard.schema import AnonymousNotification, Referral

SNAKE_CASE = re.compile(r"\b[a-z0-9]+(?:_[a-z0-9]+)+\b")
ISO_DATE = re.compile(r"\b\d{4}-\d{1,2}-\d{1,2}\b")
PYDANTIC = (
    "Input should",
    "Field required",
    "String should",
    "List should",
    "should be a valid",
    "should have at",
    "Value error",
    "Extra inputs",
    "Assertion failed",
    "unable to parse",
    "Unable to parse",
    "Object has no attribute",
)
_LISTS: tuple[type[models.TextChoices], ...] = (
    *codes.CODE_LISTS,
    *codes.SUPPORT_CODE_LISTS,
    Stage,
    Event,
    Change,
)
CODES = frozenset(str(value) for code_list in _LISTS for value in code_list.values)
FIELDS = frozenset({*Referral.model_fields, *AnonymousNotification.model_fields})
# Codes people never write where they mean the thing: places are proper nouns (London, not
# london), acronyms are capitals (UKHTC, not ukhtc), and short codes that are no word of their
# label stand for it ("rg" for reasonable grounds).
_PLACES = (codes.Nation, codes.PoliceRegion)


def _bare(member: models.Choices) -> bool:
    code, words = str(member.value), str(member.label).split()
    acronym = code.upper() in words
    short = len(code) <= 3 and code not in str(member.label).lower().split()
    return "_" not in code and (acronym or short)


BARE_CODES = frozenset(
    {value for code_list in _PLACES for value in code_list.values if "_" not in value}
    | {str(member.value) for code_list in _LISTS for member in code_list if _bare(member)}
)
_QUOTED = re.compile("['\"\u2018\u201c]([^'\"\u2019\u201d]+)['\"\u2019\u201d]")


def code_identifiers(message: str) -> list[str]:
    """What in ``message`` is an identifier of the code rather than a word a person uses."""
    found = SNAKE_CASE.findall(message) + ISO_DATE.findall(message)
    found += [phrase for phrase in PYDANTIC if phrase in message]
    found += [q for q in _QUOTED.findall(message) if q in CODES or q in FIELDS]
    found += [word for word in re.findall(r"\b[a-z]+\b", message) if word in BARE_CODES]
    return found


def unplain(messages: Iterable[str]) -> dict[str, list[str]]:
    """The messages that hold identifiers of the code, with what they hold."""
    return {m: found for m in messages if (found := code_identifiers(m))}


def template_text(template: str) -> str:
    """A message template without its placeholders (``{f.date_of_birth}``, ``{name}``)."""
    return "".join(literal for literal, *_ in Formatter().parse(template))
