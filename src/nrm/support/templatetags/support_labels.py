"""Labels of the support code lists for templates (records hold codes only)."""

from django import template

from nrm.standard.codes import SupportService

register = template.Library()


@register.filter
def service_labels(codes: list[str]) -> str:
    """The services of an episode as their labels, in code-list order ("None" when empty)."""
    labels = [str(label) for code, label in SupportService.choices if code in (codes or [])]
    return ", ".join(labels) or "None"
