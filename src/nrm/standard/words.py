"""The words people read for the data standard: the one table of its fields' names, and dates
and lists as a sentence gives them.

Every message that names a field of the standard takes the name from ``FIELDS``, and the web
forms take their labels from it, so a message names a field as the form labels it. Messages are
templates that name fields as ``{f.date_of_birth}`` (in a sentence) or ``{F.date_of_birth}`` (at
its start); ``say`` fills them in. Codes and field names are for machines: they stay in the
``field`` and ``code`` of an error, never in its message.
"""

import re
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from typing import Any


@dataclass(frozen=True)
class FieldWords:
    label: str  # what the web form shows: the field's name, or the question it asks
    name: str  # the field in a sentence: "the date of birth", "whether the person …"
    item: str = ""  # one item of a list field: "nationality claimed"
    items: str = ""  # several of them: "nationalities claimed"


def _words(label: str, name: str = "", item: str = "", items: str = "") -> FieldWords:
    return FieldWords(label, name or "the " + label[0].lower() + label[1:], item, items)


FIELDS: dict[str, FieldWords] = {
    "schema_version": _words("Version of the data standard"),
    "referral_date": _words("Date of the referral"),
    "notification_date": _words("Date of the notification"),
    "nation": _words("UK nation the referral comes from", "the UK nation"),
    "police_region": _words(
        "Police region or country where the person presented", "the police region"
    ),
    "first_responder_organisation": _words("First responder organisation"),
    "first_responder_officer": _words("Your name", "your name"),
    "first_responder_email": _words("Your work email address", "your work email address"),
    "first_responder_phone": _words("Your work telephone number", "your work telephone number"),
    "consent": _words(
        "Has the person given their informed consent to be referred?",
        "whether the person has given their informed consent to be referred",
    ),
    "linked_immigration_interest": _words(
        "Does the person have a linked immigration interest?",
        "whether the person has a linked immigration interest",
    ),
    "competent_authority": _words("Competent authority"),
    "given_name": _words("Given names"),
    "family_name": _words("Family name"),
    "aliases": _words("Other names used", item="other name", items="other names"),
    "date_of_birth": _words("Date of birth"),
    "estimated_age": _words("Estimated age in years", "the estimated age"),
    "age_disputed": _words("Is the person's age disputed?", "whether the person's age is disputed"),
    "age_group": _words("Age group"),
    "gender": _words("Gender"),
    "claimed_nationalities": _words(
        "Nationality the person claims", item="nationality claimed", items="nationalities claimed"
    ),
    "nationality": _words("Nationality", "the nationality"),
    "assessed_nationality": _words("Assessed nationality"),
    "assessed_nationality_certainty": _words(
        "How certain is the assessed nationality?", "how certain the assessed nationality is"
    ),
    "languages": _words("Languages spoken", item="language", items="languages"),
    "interpreter_needed": _words(
        "Does the person need an interpreter?", "whether the person needs an interpreter"
    ),
    "contact_route": _words(
        "A safe way to contact the person", "the safe way to contact the person"
    ),
    "exploitation_type": _words("Main type of exploitation"),
    "exploitation_sub_types": _words(
        "Sub-types of the exploitation", item="sub-type", items="sub-types"
    ),
    "exploitation_means": _words("Means used", item="means", items="means"),
    "exploitation_region": _words(
        "Where did the exploitation take place?", "where the exploitation took place"
    ),
    "exploitation_country": _words(
        "Country of exploitation, if overseas", "the country of exploitation"
    ),
    "exploitation_start": _words(
        "When did the exploitation start?", "the date the exploitation started"
    ),
    "exploitation_end": _words("When did the exploitation end?", "the date the exploitation ended"),
    "account": _words("The person's account", "the person's account"),
    "rg_outcome": _words("Reasonable grounds decision"),
    "rg_date": _words("Date of the reasonable grounds decision"),
    "cg_outcome": _words("Conclusive grounds decision"),
    "cg_date": _words("Date of the conclusive grounds decision"),
}


def sentence(text: str) -> str:
    """``text`` with its first letter a capital, for the start of a sentence."""
    return text[:1].upper() + text[1:]


def field_label(field: str) -> str:
    """The label the web form shows for ``field`` of the standard."""
    return FIELDS[field].label


def field_name(field: str) -> str:
    """``field`` of the standard in a sentence ("the date of birth"); a name the table does not
    hold (a field the standard does not have) is "this answer"."""
    words = FIELDS.get(field)
    return words.name if words is not None else "this answer"


_ORDINALS = [
    "first",
    "second",
    "third",
    "fourth",
    "fifth",
    "sixth",
    "seventh",
    "eighth",
    "ninth",
    "tenth",
    "eleventh",
    "twelfth",
    "thirteenth",
    "fourteenth",
    "fifteenth",
    "sixteenth",
    "seventeenth",
    "eighteenth",
    "nineteenth",
    "twentieth",
]


def item_name(field: str, index: int, *, count: int = 2) -> str:
    """The item at ``index`` (from 0) of the list ``field`` of ``count`` items, in a sentence:
    "the second nationality claimed", or "the nationality claimed" when it is the only one."""
    words = FIELDS.get(field)
    item = words.item if words is not None and words.item else "answer"
    if count == 1:
        return f"the {item}"
    if index < len(_ORDINALS):
        return f"the {_ORDINALS[index]} {item}"
    return f"the {item} number {index + 1}"


def item_number(field: str, message: str) -> int | None:
    """The index (from 0) of the item of the list ``field`` that ``message`` is about, as
    ``item_name`` names it; None when it names no one item."""
    words = FIELDS.get(field)
    if words is None or not words.item:
        return None
    found = re.search(rf"\b({'|'.join(_ORDINALS)}) {re.escape(words.item)}\b", message, re.I)
    if found:
        return _ORDINALS.index(found.group(1).lower())
    found = re.search(rf"\b{re.escape(words.item)} number (\d+)\b", message, re.I)
    return int(found.group(1)) - 1 if found else None


def long_date(day: date) -> str:
    """A date as people read it: "10 October 2031"."""
    return f"{day.day} {day:%B %Y}"


def one_of(labels: Iterable[Any]) -> str:
    """Labels as a sentence lists choices: "A, B or C"."""
    shown = [str(label) for label in labels]
    return shown[0] if len(shown) == 1 else ", ".join(shown[:-1]) + " or " + shown[-1]


class _Names:
    """``f.date_of_birth`` in a template: the name of a field in a sentence."""

    def __init__(self, *, start: bool) -> None:
        self._start = start

    def __getattr__(self, field: str) -> str:
        if field not in FIELDS:
            raise AttributeError(field)
        name = FIELDS[field].name
        return sentence(name) if self._start else name


NAMES = {"f": _Names(start=False), "F": _Names(start=True)}


def say(template: str, **values: Any) -> str:
    """``template`` filled in: fields named as ``{f.field}`` or ``{F.field}`` (see the module),
    dates as "10 October 2031", and ``values`` as given."""
    shown = {key: long_date(v) if isinstance(v, date) else v for key, v in values.items()}
    return template.format(**NAMES, **shown)
