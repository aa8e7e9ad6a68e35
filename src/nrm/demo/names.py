"""Invented people: names built from nonsense syllables, spoken languages, short accounts.

Every name is synthetic (two or three syllables from the lists below), so no record describes a
real person. ``account`` decides the draw of a referral's account; the text the demo stores is
generated afterwards (``nrm.demo.victim_accounts``), from a random stream of its own.
"""

import random

_GIVEN_START = (
    "Ar", "Bel", "Cor", "Dav", "El", "Fen", "Gal", "Hal", "Ir", "Jor", "Kel", "Lun", "Mor",
    "Nev", "Or", "Pel", "Quin", "Ros", "Sel", "Tor", "Ul", "Ves", "Wyn", "Yar", "Zel",
)  # fmt: skip
_GIVEN_END = ("ana", "ek", "ira", "on", "ula", "is", "ett", "ian", "oro", "ys", "ima", "andel")
_FAMILY_START = (
    "Quorr", "Vell", "Brast", "Thimm", "Orv", "Kest", "Marr", "Dunn", "Pell", "Sorr", "Tarr",
    "Wenn", "Yill", "Zorr", "Gant", "Hobb", "Jask", "Lomm", "Nyr", "Rask",
)  # fmt: skip
_FAMILY_END = ("aby", "ovex", "elund", "imar", "ostra", "uvik", "enholt", "azzo", "ithe", "ompa")

# Main language by nationality (ISO 639-3); English where no other is assumed.
LANGUAGES = {
    "AFG": "pus", "AGO": "por", "ALB": "sqi", "BDI": "run", "BGD": "ben", "BGR": "bul",
    "BRA": "por", "CHN": "cmn", "CIV": "fra", "CMR": "fra", "COD": "fra", "COG": "fra",
    "CZE": "ces", "DZA": "ara", "EGY": "ara", "ERI": "tir", "ETH": "amh", "GIN": "fra",
    "HTI": "hat", "HUN": "hun", "IDN": "ind", "IND": "hin", "IRN": "fas", "IRQ": "ara",
    "ITA": "ita", "KEN": "swa", "LBY": "ara", "LKA": "sin", "LTU": "lit", "LVA": "lav",
    "MAR": "ara", "MDA": "ron", "MNG": "mon", "MYS": "msa", "PAK": "urd", "PHL": "tgl",
    "POL": "pol", "ROU": "ron", "RUS": "rus", "SDN": "ara", "SEN": "wol", "SOM": "som",
    "SVK": "slk", "THA": "tha", "TUR": "tur", "TZA": "swa", "UKR": "ukr", "VNM": "vie",
}  # fmt: skip

_ACCOUNTS = {
    "sexual": (
        "Someone I trusted promised me a job abroad. When I arrived my passport was taken and "
        "I was not allowed to leave the flat.",
        "I was moved between houses in different towns and never given any of the money.",
    ),
    "labour": (
        "An agent offered me work and a room. I was told I owed money for travel and my wages "
        "were kept to pay the debt.",
        "We worked long shifts every day and slept in a crowded house. The boss kept our cards.",
    ),
    "domestic_servitude": (
        "I looked after the family's house and children every day. I was not paid and could "
        "not go out alone.",
    ),
    "organ_harvesting": ("I was told I would have to give a kidney to pay what was owed.",),
    "criminal": ("I was made to work in a house growing plants and could not leave.",),
    "not_recorded": ("I do not want to talk about what happened yet.",),
}


def person_name(rng: random.Random) -> tuple[str, str]:
    """An invented (given name, family name) pair."""
    given = rng.choice(_GIVEN_START) + rng.choice(_GIVEN_END)
    family = rng.choice(_FAMILY_START) + rng.choice(_FAMILY_END)
    return given, family


def officer_name(rng: random.Random) -> str:
    given, family = person_name(rng)
    return f"{given} {family}"


def account(exploitation_type: str, rng: random.Random) -> str:
    return rng.choice(_ACCOUNTS[exploitation_type])


def language(nationality: str) -> str:
    return LANGUAGES.get(nationality, "eng")
