"""Exports of the data standard for partner organisations: JSON Schema and a human codebook."""

import csv
import io
import json
from typing import Any, get_args

from django.db import models
from pydantic import BaseModel

from nrm.standard.codes import CODE_LISTS
from nrm.standard.intelligence_codes import INTELLIGENCE_CODE_LISTS
from nrm.standard.intelligence_schema import (
    IntelligenceEntity,
    IntelligenceLink,
    IntelligenceReport,
)
from nrm.standard.schema import SCHEMA_VERSION, AnonymousNotification, Referral

MODELS: dict[str, type[BaseModel]] = {
    "referral": Referral,
    "notification": AnonymousNotification,
    "intelligence": IntelligenceReport,
}
# The records inside a record of a kind, as (list field, model): an intelligence report's
# entities and links. Their fields are rows of the codebook as ``entities[].key``.
PARTS: dict[str, tuple[tuple[str, type[BaseModel]], ...]] = {
    "intelligence": (("entities", IntelligenceEntity), ("links", IntelligenceLink)),
}
ALL_CODE_LISTS = (*CODE_LISTS, *INTELLIGENCE_CODE_LISTS)


def kind_code_lists(kind: str) -> tuple[type[models.TextChoices], ...]:
    """The code lists a kind's codebook lists."""
    return INTELLIGENCE_CODE_LISTS if kind == "intelligence" else CODE_LISTS


def json_schema(kind: str = "referral") -> str:
    schema = MODELS[kind].model_json_schema()
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    return json.dumps(schema, indent=2, ensure_ascii=False) + "\n"


def _code_list(annotation: Any) -> type[models.TextChoices] | None:
    stack = [annotation]
    while stack:
        current = stack.pop()
        if isinstance(current, type) and current in ALL_CODE_LISTS:
            return current
        stack.extend(get_args(current))
    return None


def _type_name(node: dict[str, Any]) -> str:
    """A reader's name for a field's type, from its JSON Schema."""
    options = [n for n in node.get("anyOf", [node]) if n.get("type") != "null"]
    node = options[0] if options else node
    if node.get("type") == "array":
        return _type_name(node["items"]) + " list (separate with ; in CSV)"
    if "$ref" in node or "enum" in node or "const" in node:
        return "code"
    if node.get("format") == "date":
        return "date (YYYY-MM-DD)"
    pattern = node.get("pattern", "")
    if pattern == "^[A-Z]{3}$":
        return "country (ISO 3166-1 alpha-3)"
    if pattern == "^[a-z]{3}$":
        return "language (ISO 639-3)"
    return {"boolean": "yes/no", "integer": "whole number"}.get(node.get("type", ""), "text")


def codebook_rows(kind: str = "referral") -> list[dict[str, str]]:
    parts = PARTS.get(kind, ())
    rows = _model_rows(MODELS[kind], skip={name for name, _ in parts})
    for name, model in parts:
        rows += _model_rows(model, prefix=f"{name}[].", section=name)
    return rows


def _model_rows(
    model: type[BaseModel], *, skip: set[str] | None = None, prefix: str = "", section: str = ""
) -> list[dict[str, str]]:
    rows = []
    properties = model.model_json_schema()["properties"]
    for name, info in model.model_fields.items():
        if name in (skip or set()):
            continue
        extra = info.json_schema_extra if isinstance(info.json_schema_extra, dict) else {}
        code_list = _code_list(info.annotation)
        metadata = " ".join(str(m) for m in info.metadata)
        type_name = _type_name(properties[name])
        rows.append(
            {
                "field": prefix + name,
                "section": section or str(extra.get("section", "")),
                "required": "yes" if info.is_required() else "no",
                "type": type_name,
                "default": "" if info.is_required() else _default(info.default),
                "description": info.description or "",
                "codes": "; ".join(f"{m.value} = {m.label}" for m in code_list)
                if code_list
                else "",
                "constraints": metadata,
            }
        )
    return rows


def _default(value: Any) -> str:
    if value is None or repr(value) == "PydanticUndefined":
        return ""
    return str(value.value if hasattr(value, "value") else value)


def codebook_csv(kind: str = "referral") -> str:
    buffer = io.StringIO()
    rows = codebook_rows(kind)
    writer = csv.DictWriter(buffer, fieldnames=list(rows[0]))
    writer.writeheader()
    writer.writerows(rows)
    return buffer.getvalue()


def codebook_markdown(kind: str = "referral") -> str:
    title = MODELS[kind].model_config.get("title", kind)
    lines = [
        f"# Codebook: {title} (data standard v{SCHEMA_VERSION})",
        "",
        "One row per field. In CSV files the header names are the field names; lists are "
        "separated by `;`; coded fields accept the code or its label.",
        "",
        "| field | section | required | type | description |",
        "|---|---|---|---|---|",
    ]
    rows = codebook_rows(kind)
    for row in rows:
        default = f" (default: {row['default']})" if row["default"] else ""
        lines.append(
            f"| `{row['field']}` | {row['section']} | {row['required']} | {row['type']} | "
            f"{row['description']}{default} |"
        )
    lines += ["", "## Code lists", ""]
    for code_list in kind_code_lists(kind):
        lines += [f"### {code_list.__name__}", "", "| code | label |", "|---|---|"]
        lines += [f"| `{m.value}` | {m.label} |" for m in code_list]
        lines.append("")
    return "\n".join(lines)
