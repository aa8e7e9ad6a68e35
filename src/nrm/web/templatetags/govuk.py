"""Template helpers that render Django forms with GOV.UK Frontend's markup."""

import re
from typing import Any

from django import forms, template
from django.core.exceptions import NON_FIELD_ERRORS
from django.template.defaultfilters import linebreaksbr
from django.utils.html import format_html
from django.utils.safestring import SafeString

from nrm.web.navigation import case_url

register = template.Library()

# An NRM reference of a referral in a notice's text (``nrm.cases.referrals.references``).
REFERENCE = re.compile(r"\b(NRM-\d{4}-\d{6,})\b")


@register.filter
def govuk_kind(field: forms.BoundField) -> str:
    """Which GOV.UK component renders ``field``."""
    widget = field.field.widget
    # Before RadioSelect: Django's CheckboxSelectMultiple is a subclass of it.
    if isinstance(widget, forms.CheckboxSelectMultiple):
        return "checkboxes"
    if isinstance(widget, forms.RadioSelect):
        return "radios"
    if isinstance(widget, forms.MultiWidget):
        return "date"
    if isinstance(widget, forms.Textarea):
        return "textarea"
    if isinstance(widget, forms.Select):
        return "select"
    return "input"


@register.filter
def date_parts(field: forms.BoundField) -> list[tuple[Any, str, int]]:
    """(value, label, width) of the day, month and year boxes of a date field."""
    values = field.field.widget.decompress(field.value()) if field.value() else [None] * 3
    if isinstance(field.value(), list):
        values = field.value()
    return list(zip(values, ("Day", "Month", "Year"), (2, 2, 4), strict=True))


@register.simple_tag
def govuk_widget(field: forms.BoundField, kind: str) -> SafeString:
    """The widget of a text, textarea or select field with GOV.UK classes and ARIA hints."""
    described = " ".join(
        part
        for part, present in (
            (f"{field.auto_id}-hint", field.help_text),
            (f"{field.auto_id}-error", field.errors),
        )
        if present
    )
    error = " govuk-{}--error".format("input" if kind == "input" else kind) if field.errors else ""
    attrs: dict[str, str | bool] = {"class": f"govuk-{kind}{error}"}
    if described:
        attrs["aria-describedby"] = described
    widget_attrs = field.field.widget.attrs
    if kind == "input" and "class" in widget_attrs:
        attrs["class"] = f"{attrs['class']} {widget_attrs['class']}"
    return format_html("{}", field.as_widget(attrs=attrs))


@register.simple_tag
def error_items(
    form: forms.Form | None, extra: list[dict[str, str]] | None
) -> list[dict[str, str]]:
    """The error summary's entries: each field error links to its field."""
    items = list(extra or [])
    if form is None or not hasattr(form, "errors"):
        return items
    for name, errors in form.errors.items():
        if name == NON_FIELD_ERRORS:
            items += [{"href": "", "text": str(e)} for e in errors]
            continue
        bound = form[name]
        anchor = f"#{bound.auto_id}" + ("_0" if govuk_kind(bound) == "date" else "")
        if govuk_kind(bound) in ("radios", "checkboxes"):
            anchor = f"#{bound.auto_id}_0"
        items += [{"href": anchor, "text": str(e)} for e in errors]
    return items


@register.inclusion_tag("web/components/tag.html")
def status_tag(text: str, colour: str = "") -> dict[str, str]:
    return {"text": text, "colour": colour}


@register.filter
def as_error_items(text: str) -> list[dict[str, str]]:
    """One error summary entry for a page-level message."""
    return [{"href": "", "text": text}] if text else []


@register.simple_tag(takes_context=True)
def notice_text(context: template.Context, text: str) -> SafeString:
    """A notice's text, its lines kept, each NRM reference a link to the case where the reader
    may open it."""
    user = getattr(context.get("request"), "user", None)
    shown = SafeString("")
    for number, part in enumerate(REFERENCE.split(text)):
        url = case_url(user, part) if number % 2 else None
        if url:
            shown += format_html('<a class="govuk-link" href="{}">{}</a>', url, part)
        else:
            shown += linebreaksbr(part, autoescape=True)
    return shown
