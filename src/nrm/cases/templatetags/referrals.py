"""Template helpers of the referral pages."""

from functools import cache

import pycountry
from django import template

from nrm.standard.nationality import SPECIAL, country_code, country_name

register = template.Library()


@cache
def _countries() -> list[tuple[str, str]]:
    """(code, name) of every country the standard knows, by name; each name resolves back to
    its code, so a name chosen from the list is accepted as typed."""
    codes = [str(c.alpha_3) for c in pycountry.countries] + list(SPECIAL)
    pairs = [(code, country_name(code)) for code in codes]
    return sorted(
        ((code, name) for code, name in pairs if country_code(name) == code), key=lambda p: p[1]
    )


@register.simple_tag
def country_options() -> list[tuple[str, str]]:
    return _countries()
