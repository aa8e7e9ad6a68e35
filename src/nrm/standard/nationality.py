"""Nationalities as ISO 3166-1 alpha-3 codes (pycountry), plus stateless and unknown.

Stateless and unknown use the ICAO Doc 9303 codes ``XXA`` and ``XXX``. A person has one or more
*claimed* nationalities and, where the competent authority or first responder has assessed it, an
*assessed* nationality with a certainty (the report lists children as
"UK (claimed) Nigeria (possible)").
"""

import difflib
from collections.abc import Iterable
from functools import cache

import pycountry

STATELESS = "XXA"
UNKNOWN = "XXX"
UK = "GBR"

SPECIAL = {STATELESS: "Stateless", UNKNOWN: "Unknown"}

# Spellings used in the report and by partner organisations that pycountry does not resolve.
_ALIASES = {
    "uk": UK,
    "united kingdom": UK,
    "great britain": UK,
    "britain": UK,
    "british": UK,
    "england": UK,
    "scotland": UK,
    "wales": UK,
    "northern ireland": UK,
    "usa": "USA",
    "us": "USA",
    "america": "USA",
    "vietnam": "VNM",
    "ivory coast": "CIV",
    "cote d'ivoire": "CIV",
    "congo": "COG",
    "drc": "COD",
    "dr congo": "COD",
    "democratic republic of the congo": "COD",
    "democratic republic of congo": "COD",
    "czech republic": "CZE",
    "czechia": "CZE",
    "st lucia": "LCA",
    "saint lucia": "LCA",
    "russia": "RUS",
    "iran": "IRN",
    "syria": "SYR",
    "tanzania": "TZA",
    "moldova": "MDA",
    "laos": "LAO",
    "south korea": "KOR",
    "north korea": "PRK",
    "bolivia": "BOL",
    "venezuela": "VEN",
    "kosovo": "XKX",
    "stateless": STATELESS,
    "unknown": UNKNOWN,
    "not recorded": UNKNOWN,
}

# Kosovo has no ISO 3166-1 code; XKX is the code the EU and ICAO use.
_EXTRA_NAMES = {"XKX": "Kosovo"}

# Names as UK official statistics print them, where they differ from pycountry's.
_DISPLAY_NAMES = {
    UK: "UK",
    "USA": "USA",
    "CZE": "Czech Republic",
    "CIV": "Ivory Coast",
    "COD": "Democratic Republic of the Congo",
    "VNM": "Vietnam",
}

# European Economic Area members in 2012-13 (Croatia joined the EU on 1 July 2013). Used by the
# 2013 allocation rule (non-EEA nationals go to the Home Office) and in statistics.
EEA_2013 = frozenset(
    [
        "AUT",
        "BEL",
        "BGR",
        "CYP",
        "CZE",
        "DEU",
        "DNK",
        "ESP",
        "EST",
        "FIN",
        "FRA",
        "GRC",
        "HRV",
        "HUN",
        "IRL",
        "ISL",
        "ITA",
        "LIE",
        "LTU",
        "LUX",
        "LVA",
        "MLT",
        "NLD",
        "NOR",
        "POL",
        "PRT",
        "ROU",
        "SVK",
        "SVN",
        "SWE",
    ]
)


@cache
def country_code(value: str) -> str | None:
    """Resolve an ISO 3166 code (alpha-2, alpha-3 or numeric), an English name (short, official
    or common) or a documented alias (``_ALIASES``: "UK", "Vietnam", "Ivory Coast"…) to an
    alpha-3 code; None for anything else. Never a guess: a near miss is None, and
    ``country_suggestions`` offers what it may have meant."""
    text = " ".join(value.strip().split())
    if not text:
        return None
    key = text.lower()
    if key in _ALIASES:
        return _ALIASES[key]
    upper = text.upper()
    if upper in SPECIAL or upper in _EXTRA_NAMES:
        return upper
    try:
        return str(pycountry.countries.lookup(text).alpha_3)
    except LookupError:
        return None


@cache
def _known_names() -> dict[str, str]:
    """Every name and alias a country is known by, lower case, with the name to suggest."""
    known = {alias: country_name(code) for alias, code in _ALIASES.items()}
    for country in pycountry.countries:
        code = str(country.alpha_3)
        for name in ("name", "official_name", "common_name"):
            if hasattr(country, name):
                known[str(getattr(country, name)).lower()] = country_name(code)
    return known


def country_suggestions(value: str, *, limit: int = 3) -> list[str]:
    """Countries ``value`` may have meant (names close to it), best first; never applied
    without the person choosing one."""
    text = " ".join(value.strip().split()).lower()
    if len(text) < 3:
        return []
    names = _known_names()
    close = difflib.get_close_matches(text, names, n=limit * 3, cutoff=0.75)
    return list(dict.fromkeys(names[match] for match in close))[:limit]


@cache
def country_name(code: str) -> str:
    """The short English name used in tables: common name where pycountry has one."""
    if code in SPECIAL:
        return SPECIAL[code]
    if code in _EXTRA_NAMES:
        return _EXTRA_NAMES[code]
    if code in _DISPLAY_NAMES:
        return _DISPLAY_NAMES[code]
    country = pycountry.countries.get(alpha_3=code)
    if country is None:
        raise LookupError(code)
    return str(getattr(country, "common_name", None) or country.name)


def is_eea(code: str) -> bool:
    return code in EEA_2013


@cache
def country_codes() -> tuple[str, ...]:
    """Every country's ISO 3166-1 alpha-3 code, in order (stateless and unknown left out)."""
    return tuple(sorted(str(c.alpha_3) for c in pycountry.countries))


@cache
def language_code(value: str) -> str | None:
    """Resolve an ISO 639 code or English language name to its ISO 639-3 code, or None."""
    text = value.strip()
    if not text:
        return None
    lower = text.lower()
    language = (
        pycountry.languages.get(alpha_2=lower)
        or pycountry.languages.get(alpha_3=lower)
        or pycountry.languages.get(name=text.title())
    )
    if language is None:
        try:
            language = pycountry.languages.lookup(text)
        except LookupError:
            return None
    return str(language.alpha_3)


def country_label(value: str) -> str:
    """What people read for a country given as a code or a name: its name ("NGA": "Nigeria"),
    or the value as given when it names no country."""
    code = country_code(value)
    return country_name(code) if code else value


def language_label(value: str) -> str:
    """What people read for a language given as an ISO 639 code or a name ("yor": "Yoruba"),
    or the value as given when it names no language."""
    code = language_code(value)
    language = pycountry.languages.get(alpha_3=code) if code else None
    return str(language.name) if language else value


def languages_label(values: Iterable[str]) -> str:
    """Languages by name, in the order given: ["eng", "yor"] as "English, Yoruba"."""
    return ", ".join(language_label(str(value)) for value in values)


def claims_canonical(claimed: Iterable[str]) -> list[str]:
    """Claimed nationalities as the set they are: each country once, however its code was
    written (alpha-2 or alpha-3, ``country_code``), ordered by the name tables print it under
    (then by code). "NGA" and "NG" are one claim; "GBR;NGA" and "NGA;GBR" are the same claims,
    ["NGA", "GBR"] ("Nigeria/UK")."""
    codes = {country_code(value) or value.strip().upper() for value in claimed}
    return sorted(codes, key=lambda code: (_sort_name(code), code))


def _sort_name(code: str) -> str:
    try:
        return country_name(code).casefold()
    except LookupError:
        return code.casefold()


def nationality_key(claimed: Iterable[str], assessed: str | None, certainty: str | None) -> str:
    """The nationality a statistic counts a person under: the one rule, applied to the claims
    as a set (``claims_canonical``), so the order they were given in and a claim given twice
    make no difference, whatever the stored records hold.

    One claimed nationality, not contradicted by an assessment, counts as that country ("Nigeria").
    Otherwise the person counts under a composite such as "UK (claimed) Nigeria (possible)", as the
    published tables do, so a disputed nationality is never silently added to either country;
    several claimed nationalities count together, in the canonical order ("Nigeria/UK (claimed)").
    """
    claims = claims_canonical(claimed)
    names = "/".join(country_name(code) for code in claims)
    if assessed is not None:
        assessed = country_code(assessed) or assessed
    if assessed is None or claims == [assessed]:
        return names if len(claims) == 1 else f"{names} (claimed)"
    return f"{names} (claimed) {country_name(assessed)} ({certainty or 'assessed'})"
