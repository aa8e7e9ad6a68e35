"""The world region of a country, for generalising rare countries in public releases.

Regions are continents as ``pycountry-convert`` (MIT licence) gives them for ISO 3166 alpha-2
codes: Africa, Asia, Europe, North America, Oceania, South America. They are not the UN M49
regions and sub-regions: no package whose licence lets this project depend on it ships M49
(docs/statistics.md#release-safe-exports). Pure.
"""

from functools import cache

import pycountry_convert

# Codes pycountry-convert does not place, placed by their geography.
_EXTRA = {"VA": "EU", "SX": "NA", "UM": "OC", "AQ": "AN"}


@cache
def country_region(alpha_2: str) -> str | None:
    """The continent of an ISO 3166 alpha-2 code ("NG": "Africa"); None when there is none."""
    code = alpha_2.strip().upper()
    try:
        continent = _EXTRA.get(code) or pycountry_convert.country_alpha2_to_continent_code(code)
    except KeyError:
        return None
    return str(pycountry_convert.convert_continent_code_to_continent_name(continent))
