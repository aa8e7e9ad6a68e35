"""Template tags of the page layout (``web/base.html``)."""

from django import template
from django.template.base import NodeList, Parser, Token
from django.utils.html import format_html

register = template.Library()


class BackNavigationNode(template.Node):
    def __init__(self, nodelist: NodeList) -> None:
        self.nodelist = nodelist

    def render(self, context: template.Context) -> str:
        content = self.nodelist.render(context)
        if not content.strip():
            return ""
        return format_html('<nav aria-label="Back">{}</nav>', content)


@register.tag
def back_navigation(parser: Parser, token: Token) -> BackNavigationNode:
    """``{% back_navigation %}…{% endback_navigation %}``: what it holds (a page's back link,
    placed before ``<main>`` as GOV.UK Frontend asks) inside a navigation landmark labelled
    "Back", so that no content of the page is outside a landmark; nothing when it is empty."""
    nodelist = parser.parse(("endback_navigation",))
    parser.delete_first_token()
    return BackNavigationNode(nodelist)
