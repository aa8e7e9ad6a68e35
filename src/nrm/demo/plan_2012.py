"""The plan for the 1,186 referrals of 2012: every count here is published or derived from one.

Minors come from Table 9 (``table9``). Adults are planned by nationality (Tables 23/24 and the
Table 6 remainders), by UK nation (Table 7's top three per nation) and by exploitation type and
gender (Fig. 6, para 1.17, para 1.20). Comments say which counts are the demo's own choice.
"""

# Adult nationalities (ISO alpha-3 -> referrals). Table 24 top ten; Pakistan 20, Czech Republic
# 18 and Uganda 16 (Table 23 positions 11-13); UK 11 = Table 6's 33 less Table 25's 22. The rest
# is the demo's choice, each below 16, with 9 more EEA adults (Latvia, Bulgaria) so that EEA and UK
# nationals number 311, the UKHTC's own caseload (Fig. 2).
ADULTS: dict[str, int] = {
    "NGA": 138, "ALB": 103, "ROU": 58, "POL": 52, "LTU": 45, "SVK": 42, "VNM": 39, "CHN": 35,
    "PHL": 23, "HUN": 22, "PAK": 20, "CZE": 18, "UGA": 16, "IND": 12, "GBR": 11,
    "ERI": 10, "GHA": 10, "THA": 10, "ZWE": 9, "BGD": 8, "KEN": 8, "SLE": 8, "LKA": 8,
    "CMR": 7, "ETH": 7, "IRN": 7, "AFG": 6, "COD": 6, "MYS": 6, "SOM": 6, "LVA": 6, "BRA": 5,
    "EGY": 5, "GMB": 5, "JAM": 5, "MDA": 4, "MNG": 4, "MAR": 4, "UKR": 4, "IDN": 4, "IRQ": 3,
    "RUS": 3, "TUR": 3, "AGO": 3, "BGR": 3, "BDI": 2, "SEN": 2,
}  # fmt: skip

# Adults by exploitation type and gender. Type totals: Fig. 6 (DS 120, labour 274, sexual 378,
# not recorded 43, organ harvesting 0). Gender totals: 576 female / 239 male (para 1.20 and the
# 786 / 400 of the executive summary). The split of each type by gender is the demo's choice.
ADULT_CELLS: dict[tuple[str, str], int] = {
    ("sexual", "female"): 370,
    ("sexual", "male"): 8,
    ("domestic_servitude", "female"): 100,
    ("domestic_servitude", "male"): 20,
    ("labour", "female"): 76,
    ("labour", "male"): 198,
    ("not_recorded", "female"): 30,
    ("not_recorded", "male"): 13,
}

# Minors referred outside England: (Table 9 row, type, gender, minors). Table 8 fixes the type
# totals per nation (Scotland DS 5 / labour 11 / sexual 9 / not recorded 4; Wales 2 / 4 / 2 / 2;
# Northern Ireland one not recorded); which nationalities they are is the demo's choice, made to
# give Table 7's top three. All other minors were referred in England.
MINORS_OUTSIDE_ENGLAND: dict[str, list[tuple[int, str, str, int]]] = {
    "scotland": [
        (1, "labour", "male", 6),
        (1, "labour", "female", 1),
        (1, "not_recorded", "male", 1),
        (1, "sexual", "female", 1),
        (5, "sexual", "female", 3),
        (5, "labour", "female", 1),
        (2, "domestic_servitude", "female", 3),
        (2, "sexual", "female", 1),
        (10, "domestic_servitude", "female", 1),
        (14, "domestic_servitude", "female", 1),
        (14, "not_recorded", "female", 1),
        (9, "labour", "male", 1),
        (9, "not_recorded", "male", 1),
        (6, "sexual", "female", 2),
        (8, "labour", "male", 1),
        (8, "sexual", "female", 1),
        (4, "sexual", "female", 1),
        (7, "labour", "male", 1),
        (13, "not_recorded", "male", 1),
    ],
    "wales": [
        (1, "labour", "male", 3),
        (2, "domestic_servitude", "female", 1),
        (2, "sexual", "female", 1),
        (3, "sexual", "female", 1),
        (3, "not_recorded", "male", 1),
        (10, "domestic_servitude", "female", 1),
        (9, "not_recorded", "male", 1),
        (11, "labour", "male", 1),
    ],
    "northern_ireland": [(1, "not_recorded", "male", 1)],
}

# Adults referred outside England (the demo's choice, giving Table 7: Scotland China 20 >
# Vietnam 15 > Philippines 12 > the rest; Wales Poland 8 > Albania 6 > Nigeria 4 = Vietnam 4 >
# the rest; Northern Ireland China 5 > Philippines 4 > Romania 3 > the rest). Nation totals:
# Table 1 (Scotland 96, Wales 34, Northern Ireland 15) less the minors above.
ADULTS_OUTSIDE_ENGLAND: dict[str, dict[str, int]] = {
    "scotland": {
        "CHN": 16, "PHL": 12, "VNM": 6, "NGA": 6, "LTU": 4, "ROU": 3, "SVK": 3, "PAK": 3,
        "POL": 3, "THA": 3, "ALB": 2, "UGA": 2, "HUN": 2, "CZE": 2,
    },
    "wales": {
        "POL": 8, "ALB": 4, "NGA": 2, "VNM": 1, "PAK": 1, "LTU": 3, "SVK": 2, "ROU": 2, "GBR": 1,
    },
    "northern_ireland": {"CHN": 5, "PHL": 4, "ROU": 3, "NGA": 1, "LTU": 1},
}  # fmt: skip

NATIONS: dict[str, int] = {"england": 1041, "wales": 34, "scotland": 96, "northern_ireland": 15}

# Police region of presentation within each nation: Table 2, reconciled with Table 1 as the
# reference README suggests (the difference is presentations whose region was not recorded; the
# Isle of Man presentation counts under England).
POLICE_REGIONS: dict[str, dict[str, int]] = {
    "england": {
        "east_midlands": 17, "eastern": 59, "london": 315, "north_east": 128, "north_west": 72,
        "south_east": 167, "south_west": 32, "west_midlands": 94, "isle_of_man": 1,
        "not_recorded": 156,
    },
    "wales": {"wales": 26, "not_recorded": 8},
    "scotland": {"scotland": 86, "not_recorded": 10},
    "northern_ireland": {"northern_ireland": 12, "not_recorded": 3},
}  # fmt: skip

# Region of exploitation: Table 3.
EXPLOITATION_REGIONS: dict[str, int] = {
    "east_midlands": 14, "eastern": 10, "london": 131, "multiple": 131, "north_east": 59,
    "north_west": 34, "northern_ireland": 5, "not_recorded": 487, "overseas": 161,
    "scotland": 29, "south_east": 56, "south_west": 14, "wales": 5, "west_midlands": 50,
}  # fmt: skip

# Decisions: Table 4 (reasonable grounds) and Table 5 (conclusive grounds, of the 817 positive).
RG: dict[str, int] = {
    "positive": 817,
    "negative": 289,
    "pending": 44,
    "suspended": 14,
    "withdrawn": 22,
}
CG: dict[str, int] = {
    "positive": 481,
    "negative": 193,
    "pending": 105,
    "suspended": 33,
    "withdrawn": 5,
}

# First responders of a Home Office type per nation (para 1.16; Northern Ireland is not published:
# the demo's choice) and police referrals in Scotland (para 1.16).
HOME_OFFICE_RESPONDERS: dict[str, int] = {
    "england": 449, "scotland": 43, "wales": 14, "northern_ireland": 2,
}  # fmt: skip
POLICE_IN_SCOTLAND = 28

# Competent authority (Fig. 2): UKHTC 311 = every EEA or UK national (no immigration interest),
# Home Office hosted in UKHTC 98, Home Office 777; linked immigration interest = the 875 others.
HOSTED_IN_UKHTC = 98

# Nigerian referrals with a July-September referral date (Fig. 4: "a peak of over 65 in Q3").
NIGERIA_Q3 = 70

# Albanian referrals by month of referral (2012: 128 with the minors of Table 9). Paras 3.5-3.6:
# "a recent rise in Albanian nationals claiming to have been trafficked was picked up". The
# first quarter runs at 2011's rate (32 in the year); the rise starts in April and holds.
ALBANIA_MONTHS = {
    1: 3,
    2: 2,
    3: 3,
    4: 10,
    5: 12,
    6: 13,
    7: 14,
    8: 14,
    9: 14,
    10: 15,
    11: 14,
    12: 14,
}
ALBANIA_RISE_STARTS = 4
