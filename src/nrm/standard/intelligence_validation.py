"""One validation of intelligence reports for every door: parse against the schema, then apply
the rules across fields (``nrm.standard.validation`` does the same for referrals).

Errors are ``FieldError``: the field as machines read it (``received_date``,
``entities[1].phone``, ``links[0].type``), a code, and a message for people that names the field
as the web form labels it ("the phone number of entity 2").
"""

from collections.abc import Callable, Iterator, Mapping
from datetime import date
from typing import Any

from pydantic import BaseModel, ValidationError

from nrm.standard import messages
from nrm.standard.codes import SUB_TYPE_PARENT, ExploitationSubType, ExploitationType
from nrm.standard.errors import plain_message
from nrm.standard.intelligence_codes import (
    LINK_ENDS,
    EntityType,
    HandlingCode,
    LinkType,
    PersonRole,
    link_fits,
)
from nrm.standard.intelligence_schema import (
    ENTITY_ATTRIBUTES,
    ENTITY_NEEDS,
    IntelligenceEntity,
    IntelligenceLink,
    IntelligenceReport,
)
from nrm.standard.intelligence_words import (
    ENTITY_FIELDS,
    ENTITY_KIND,
    LINK_FIELDS,
    REPORT_FIELDS,
    entity_name,
    link_name,
    nested_name,
)
from nrm.standard.rules import sub_types_not_of
from nrm.standard.text import text_problems
from nrm.standard.validation import FieldError, Validated, _show, given
from nrm.standard.words import long_date, one_of, sentence

_REPORT_NAMES = {name: words.name for name, words in REPORT_FIELDS.items()}
_NESTED: dict[str, tuple[type[BaseModel], dict[str, Any], Callable[[int], str]]] = {
    "entities": (IntelligenceEntity, ENTITY_FIELDS, entity_name),
    "links": (IntelligenceLink, LINK_FIELDS, link_name),
}


def _path(loc: tuple[Any, ...]) -> str:
    """A pydantic location as machines read it: ``entities[1].phone``."""
    path = ""
    for part in loc:
        if isinstance(part, int):
            path += f"[{part}]"
        else:
            path += f".{part}" if path else str(part)
    return path or "__all__"


def _message(error: Any) -> str:
    loc = tuple(error["loc"])
    top = str(loc[0]) if loc else "__all__"
    if top == "entities" and error["type"] == "too_short":
        return messages.ENTITIES_NONE
    if top in _NESTED and len(loc) >= 3 and isinstance(loc[1], int):
        model, words, owner = _NESTED[top]
        field = str(loc[2])
        index = next((part for part in loc[3:] if isinstance(part, int)), None)
        name = nested_name(words, field, owner(loc[1]))
        if index is not None:
            name = f"{name} (number {index + 1})"
        return plain_message(error, model=model, field=field, names={field: name})
    index = next((part for part in loc[1:] if isinstance(part, int)), None)
    names = dict(_REPORT_NAMES)
    if index is not None and top in REPORT_FIELDS and REPORT_FIELDS[top].item:
        item = REPORT_FIELDS[top].item
        names[top] = f"the {item} number {index + 1}"
        if top in _NESTED:
            names[top] = (_NESTED[top][2])(index)
    return plain_message(error, model=IntelligenceReport, field=top, names=names)


def _errors(exc: ValidationError) -> list[FieldError]:
    found = []
    for error in exc.errors(include_url=False):
        code = error["type"]
        if code == "extra_forbidden":
            message, code = messages.NOT_ASKED, "unknown_field"
        else:
            message = _message(error)
        value = None if code in ("missing", "unknown_field") else _show(error.get("input"))
        if isinstance(error.get("input"), dict | list):
            value = None
        found.append(FieldError(_path(tuple(error["loc"])), message, code, value))
    return found


Problem = tuple[str, str, str, str | None]


def _entity_rules(report: IntelligenceReport) -> Iterator[Problem]:
    keys: set[str] = set()
    for n, entity in enumerate(report.entities):
        owner = entity_name(n)
        if entity.key in keys:
            message = messages.ENTITY_KEY_TWICE.format(key=entity.key)
            yield f"entities[{n}].key", message, "entity_key_twice", entity.key
        keys.add(entity.key)
        kind = ENTITY_KIND[entity.type]
        allowed = ENTITY_ATTRIBUTES[entity.type]
        for field in sorted(set(ENTITY_FIELDS) - allowed - {"key", "type"}):
            if getattr(entity, field) not in (None, []):
                name = nested_name(ENTITY_FIELDS, field, owner)
                message = messages.ENTITY_ATTRIBUTE_NOT_OF_TYPE.format(
                    Name=sentence(name), kind=kind, entity=owner
                )
                yield f"entities[{n}].{field}", message, "attribute_not_of_type", None
        yield from _exploitation_rules(n, entity)
        needs = ENTITY_NEEDS[entity.type]
        if all(getattr(entity, field) in (None, "") for field in needs):
            what = " or ".join(ENTITY_FIELDS[field].name for field in needs)
            message = messages.ENTITY_NEEDS.format(needs=what, entity=owner, kind=kind)
            yield f"entities[{n}].{needs[0]}", message, "missing", None


def _exploitation_rules(n: int, entity: IntelligenceEntity) -> Iterator[Problem]:
    """Where or how someone was exploited: only for a potential victim, and sub-types of the
    type given."""
    owner = entity_name(n)
    given = entity.exploitation_type is not None or entity.exploitation_sub_types
    if entity.type != EntityType.PERSON or not given:
        return
    if entity.person_role not in (None, PersonRole.POTENTIAL_VICTIM):
        message = messages.EXPLOITATION_ONLY_VICTIM.format(entity=owner)
        yield f"entities[{n}].exploitation_type", message, "not_a_victim", None
        return
    subs = [str(sub) for sub in entity.exploitation_sub_types]
    if entity.exploitation_type is None:
        message = messages.ENTITY_SUB_TYPE_NEEDS_TYPE.format(entity=owner)
        yield f"entities[{n}].exploitation_type", message, "missing", None
        return
    for sub in sub_types_not_of(str(entity.exploitation_type), subs):
        message = messages.ENTITY_SUB_TYPE_NOT_OF_TYPE.format(
            sub_type=ExploitationSubType(sub).label,
            parent=ExploitationType(SUB_TYPE_PARENT[sub]).label,
            entity=owner,
            type=ExploitationType(entity.exploitation_type).label,
        )
        yield f"entities[{n}].exploitation_sub_types", message, "sub_type_mismatch", sub


def _allowed_ends(link_type: LinkType) -> str:
    starts, ends = LINK_ENDS[link_type]

    def kinds(types: frozenset[str]) -> str:
        return one_of(ENTITY_KIND[EntityType(t)] for t in sorted(types))

    return f"{kinds(starts)} to {kinds(ends)}"


def _link_rules(report: IntelligenceReport) -> Iterator[Problem]:
    types = {entity.key: entity.type for entity in report.entities}
    for n, link in enumerate(report.links):
        name = link_name(n)
        ends_known = True
        for end in ("from_key", "to_key"):
            key = getattr(link, end)
            if key not in types:
                ends_known = False
                message = messages.LINK_UNKNOWN_ENTITY.format(Link=sentence(name), key=key)
                yield f"links[{n}].{end}", message, "unknown_entity", key
        if not ends_known:
            continue
        if link.from_key == link.to_key:
            message = messages.LINK_TO_ITSELF.format(Link=sentence(name))
            yield f"links[{n}].to_key", message, "link_to_itself", link.to_key
        elif not link_fits(link.type, types[link.from_key], types[link.to_key]):
            label = str(LinkType(link.type).label)
            message = messages.LINK_DOES_NOT_FIT.format(
                Link=sentence(name),
                from_kind=ENTITY_KIND[types[link.from_key]],
                to_kind=ENTITY_KIND[types[link.to_key]],
                link_type=label.lower(),
                Link_type=label,
                allowed=_allowed_ends(LinkType(link.type)),
            )
            yield f"links[{n}].type", message, "link_does_not_fit", link.type.value


def intelligence_rules(report: IntelligenceReport) -> Iterator[Problem]:
    """The rules across the fields of a report."""
    if report.handling_code == HandlingCode.CONDITIONS and not report.handling_conditions:
        yield "handling_conditions", messages.HANDLING_NEEDS_CONDITIONS, "missing", None
    if report.handling_code == HandlingCode.PERMITTED and report.handling_conditions:
        yield "handling_conditions", messages.CONDITIONS_ONLY_WITH_C, "conditions_not_allowed", None
    if report.events_date is not None and report.events_date > report.received_date:
        message = messages.EVENTS_AFTER_RECEIVED.format(received=long_date(report.received_date))
        yield "events_date", message, "events_after_received", str(report.events_date)
    yield from _entity_rules(report)
    yield from _link_rules(report)


def intelligence_report_validate(
    data: Mapping[str, Any], *, today: date | None = None
) -> Validated[IntelligenceReport]:
    """The report ``data`` parsed and checked, or every problem with it."""
    unstorable = text_problems(data)
    if unstorable:
        return Validated(None, [FieldError(f, message, code) for f, message, code in unstorable])
    try:
        record = IntelligenceReport.model_validate(
            given(data), context={"today": today or date.today()}
        )
    except ValidationError as exc:
        return Validated(None, _errors(exc))
    errors = [
        FieldError(field, message, code, value)
        for field, message, code, value in intelligence_rules(record)
    ]
    return Validated(None if errors else record, errors)
