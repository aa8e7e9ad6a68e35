"""Labels of the support code lists for templates (records hold codes only)."""

from django import template

from nrm.standard.codes import SupportService
from nrm.standard.nationality import languages_label

register = template.Library()


@register.filter
def service_labels(codes: list[str]) -> str:
    """The services of an episode as their labels, in code-list order ("None recorded" when
    empty)."""
    labels = [str(label) for code, label in SupportService.choices if code in (codes or [])]
    return ", ".join(labels) or "None recorded"


@register.filter
def language_names(codes: list[str]) -> str:
    """Languages by name ("zho" as "Chinese"), as every other page shows them."""
    return languages_label(codes or [])
