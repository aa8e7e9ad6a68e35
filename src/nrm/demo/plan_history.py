"""The plan for the referrals of April 2009 to December 2011 (Tables 22-25, Tables 1-3 for 2011).

Published: the adult and child totals (Table 22), the adult top ten per year with counts and the
positions of the combined top ten (Tables 23 and 24), the child top ten with counts and positions
(Table 25), and for 2011 the nation, police region and region of exploitation (Tables 1-3). The
2011 all-ages counts of Poland (21), Lithuania (17), the UK (40) and Pakistan (15) follow from
Table 6's percentage changes. Everything else is the demo's choice: "others" are sized so that the
number of countries ranked above each listed one matches its published position.
"""

# Adults by nationality and year.
ADULTS: dict[int, dict[str, int]] = {
    # Table 24 top ten; 7 others with 5-10, Poland 4 (position 18), 3 others with 4, Lithuania 3
    # (position 22), the rest 3 or fewer.
    2009: {
        "NGA": 81, "CHN": 47, "SVK": 28, "CZE": 21, "ROU": 16, "ZWE": 16, "UGA": 14, "IND": 14,
        "ALB": 11, "VNM": 11, "THA": 10, "HUN": 9, "MYS": 8, "GHA": 7, "JAM": 6, "PAK": 6,
        "CMR": 5, "POL": 4, "KEN": 4, "LKA": 4, "PHL": 4, "LTU": 3, "GBR": 3, "LVA": 3, "BGD": 3,
        "ERI": 3, "SLE": 3, "IRN": 3, "ETH": 3, "BRA": 3, "MNG": 3, "RUS": 3, "UKR": 3, "MDA": 3,
        "SOM": 3, "AFG": 2, "EGY": 2, "GMB": 2, "IDN": 2, "IRQ": 2, "TUR": 2, "AGO": 2, "COD": 2,
        "MAR": 2, "BGR": 1,
    },
    # Table 24 top ten; Poland 13 (position 11), 6 others with 9-12, Romania 8 (position 18).
    2010: {
        "NGA": 89, "CHN": 62, "CZE": 32, "SVK": 24, "UGA": 21, "IND": 20, "HUN": 19, "VNM": 18,
        "LTU": 18, "ALB": 17, "POL": 13, "ZWE": 12, "THA": 11, "MYS": 10, "GHA": 10, "PHL": 9,
        "JAM": 9, "ROU": 8, "LVA": 8, "PAK": 8, "GBR": 7, "KEN": 7, "LKA": 7, "CMR": 6, "BGD": 6,
        "ERI": 6, "SLE": 5, "IRN": 5, "ETH": 5, "BRA": 5, "MNG": 5, "RUS": 4, "UKR": 4, "MDA": 4,
        "SOM": 4, "AFG": 4, "EGY": 4, "GMB": 3, "IDN": 3, "IRQ": 3, "TUR": 3, "AGO": 3, "BGR": 3,
        "COD": 2, "MAR": 2,
    },
    # Table 24 top ten; India 18 and UK 17 (UK 40 all ages less 23 minors) above Lithuania 16
    # (position 13); Pakistan 11 (15 all ages less 4 minors); the rest 15 or fewer.
    2011: {
        "NGA": 119, "ROU": 58, "CHN": 47, "UGA": 35, "CZE": 30, "SVK": 30, "VNM": 24, "ALB": 24,
        "HUN": 22, "POL": 21, "IND": 18, "GBR": 17, "LTU": 16, "ZWE": 14, "THA": 13, "PHL": 13,
        "PAK": 11, "GHA": 11, "MYS": 10, "JAM": 9, "LVA": 9, "KEN": 8, "LKA": 8, "CMR": 7,
        "BGD": 7, "ERI": 7, "SLE": 6, "IRN": 6, "ETH": 6, "BRA": 5, "MNG": 5, "RUS": 4, "UKR": 4,
        "MDA": 4, "SOM": 4, "AFG": 3, "EGY": 3, "GMB": 3, "IDN": 3, "BGR": 3, "IRQ": 1,
    },
}  # fmt: skip

# Minors by nationality and year. Table 25's ten; no other country reaches 17 over the four years
# (Eritrea's combined 17 is tenth).
MINORS: dict[int, dict[str, int]] = {
    # Nobody else above 5 (Somalia's position 7); 4 others with 2-4 (Slovakia 12, Albania 13).
    2009: {
        "VNM": 36, "GBR": 27, "CHN": 23, "NGA": 12, "ROU": 8, "BGD": 8, "SOM": 5, "SVK": 1,
        "ALB": 1, "GHA": 4, "IND": 3, "SLE": 3, "MAR": 2, "AFG": 1, "GMB": 1, "GIN": 1, "COD": 1,
        "CMR": 1, "ETH": 1, "IRN": 1, "JAM": 1, "UGA": 1, "ZWE": 1, "KEN": 1, "COG": 1, "CIV": 1,
        "AGO": 1, "SDN": 1,
    },
    # Iran 6 ties Bangladesh and Somalia; Ghana 5 ties Eritrea (position 9, Slovakia 11); 7 others
    # with 3 (Albania 19).
    2010: {
        "VNM": 53, "NGA": 33, "CHN": 18, "GBR": 11, "ROU": 8, "BGD": 6, "SOM": 6, "ERI": 5,
        "SVK": 4, "ALB": 1, "IRN": 6, "GHA": 5, "SDN": 3, "IND": 3, "SLE": 3, "MAR": 3, "GMB": 3,
        "COD": 3, "GIN": 3, "AFG": 1, "CMR": 1, "ETH": 1, "JAM": 1, "UGA": 1, "ZWE": 1, "KEN": 1,
        "COG": 1, "PAK": 1,
    },
    # Sudan 9 (Albania 8 at position 9); 4 others with 4 (Somalia 3 at 15); Poland 0 and
    # Lithuania 1 (Table 6 bases 21 and 17); Pakistan 4; the rest 3 or fewer.
    2011: {
        "VNM": 68, "NGA": 42, "GBR": 23, "SVK": 22, "ROU": 21, "CHN": 14, "BGD": 10, "ALB": 8,
        "ERI": 7, "SOM": 3, "SDN": 9, "PAK": 4, "SLE": 4, "MAR": 4, "GMB": 4, "AFG": 3, "GHA": 3,
        "GIN": 3, "COD": 3, "CMR": 3, "IND": 3, "ETH": 3, "IRQ": 3, "KEN": 3, "UGA": 3, "ZWE": 3,
        "JAM": 3, "IRN": 2, "COG": 2, "CIV": 2, "AGO": 2, "CZE": 2, "HUN": 2, "EGY": 2, "HTI": 2,
        "BGR": 2, "LTU": 1,
    },
}  # fmt: skip

# (type, gender) cells per year and age group: the demo's choice. 2011 minors' "not recorded"
# is 40, the figure para 1.17 gives for 2011 (read as minors only, like its 127 for 2012).
CELLS: dict[int, dict[str, dict[tuple[str, str], int]]] = {
    2009: {
        "adult": {
            ("sexual", "female"): 190, ("sexual", "male"): 4, ("labour", "female"): 25,
            ("labour", "male"): 95, ("domestic_servitude", "female"): 40,
            ("domestic_servitude", "male"): 8, ("not_recorded", "female"): 15,
            ("not_recorded", "male"): 10,
        },
        "minor": {
            ("sexual", "female"): 45, ("sexual", "male"): 2, ("labour", "female"): 10,
            ("labour", "male"): 30, ("domestic_servitude", "female"): 18,
            ("domestic_servitude", "male"): 4, ("not_recorded", "female"): 20,
            ("not_recorded", "male"): 19,
        },
    },
    2010: {
        "adult": {
            ("sexual", "female"): 250, ("sexual", "male"): 6, ("labour", "female"): 40,
            ("labour", "male"): 140, ("domestic_servitude", "female"): 55,
            ("domestic_servitude", "male"): 12, ("not_recorded", "female"): 15,
            ("not_recorded", "male"): 10,
        },
        "minor": {
            ("sexual", "female"): 55, ("sexual", "male"): 3, ("labour", "female"): 12,
            ("labour", "male"): 40, ("domestic_servitude", "female"): 22,
            ("domestic_servitude", "male"): 5, ("not_recorded", "female"): 25,
            ("not_recorded", "male"): 24,
        },
    },
    2011: {
        "adult": {
            ("sexual", "female"): 300, ("sexual", "male"): 8, ("labour", "female"): 50,
            ("labour", "male"): 180, ("domestic_servitude", "female"): 70,
            ("domestic_servitude", "male"): 12, ("not_recorded", "female"): 17,
            ("not_recorded", "male"): 11,
        },
        "minor": {
            ("sexual", "female"): 95, ("sexual", "male"): 5, ("labour", "female"): 20,
            ("labour", "male"): 88, ("domestic_servitude", "female"): 40,
            ("domestic_servitude", "male"): 10, ("not_recorded", "female"): 22,
            ("not_recorded", "male"): 18,
        },
    },
}  # fmt: skip

# UK nation (Table 1 for 2011; the demo's choice for 2009 and 2010).
NATIONS: dict[int, dict[str, int]] = {
    2009: {"england": 452, "scotland": 50, "wales": 13, "northern_ireland": 20},
    2010: {"england": 600, "scotland": 70, "wales": 18, "northern_ireland": 26},
    2011: {"england": 797, "scotland": 93, "wales": 24, "northern_ireland": 32},
}

# 2011 referrals outside England by nationality, all ages (the press release's top three per nation,
# note 5: Wales Nigeria, Uganda, Vietnam; Scotland Romania, Czech Republic, Slovakia; Northern
# Ireland UK, Ghana, China). Everyone else presented in England, where Nigeria leads (145) and
# Vietnam (76) comes before China (50): the press release's China-then-Vietnam order for England
# cannot hold with the report's 2011 counts (see docs/demo-data.md).
OUTSIDE_ENGLAND_2011: dict[str, dict[str, int]] = {
    "wales": {
        "NGA": 6, "UGA": 5, "VNM": 4, "CHN": 3, "ROU": 2, "SVK": 2, "GBR": 1, "ERI": 1,
    },
    "scotland": {
        "ROU": 30, "CZE": 16, "SVK": 14, "VNM": 10, "NGA": 8, "CHN": 4, "ALB": 3, "GBR": 3,
        "POL": 3, "LTU": 2,
    },
    "northern_ireland": {
        "GBR": 8, "GHA": 5, "CHN": 4, "ROU": 3, "LTU": 3, "POL": 3, "NGA": 2, "SVK": 2, "VNM": 2,
    },
}  # fmt: skip

# Police region of presentation in England (Table 2 for 2011: its 78 not recorded are all in
# England, since Wales, Scotland and Northern Ireland agree with Table 1). Other nations present in
# their own region.
ENGLAND_REGIONS: dict[int, dict[str, int]] = {
    2009: {
        "east_midlands": 10, "eastern": 35, "london": 175, "north_east": 70, "north_west": 50,
        "south_east": 45, "south_west": 15, "west_midlands": 27, "not_recorded": 25,
    },
    2010: {
        "east_midlands": 15, "eastern": 50, "london": 210, "north_east": 95, "north_west": 65,
        "south_east": 60, "south_west": 20, "west_midlands": 40, "not_recorded": 45,
    },
    2011: {
        "east_midlands": 17, "eastern": 67, "london": 258, "north_east": 132, "north_west": 81,
        "south_east": 86, "south_west": 28, "west_midlands": 50, "not_recorded": 78,
    },
}  # fmt: skip

# Region of exploitation (Table 3 for 2011).
EXPLOITATION_REGIONS: dict[int, dict[str, int]] = {
    2009: {
        "east_midlands": 5, "eastern": 15, "london": 70, "multiple": 25, "north_east": 25,
        "north_west": 22, "northern_ireland": 14, "not_recorded": 290, "overseas": 12,
        "scotland": 22, "south_east": 13, "south_west": 6, "wales": 4, "west_midlands": 12,
    },
    2010: {
        "east_midlands": 8, "eastern": 20, "london": 95, "multiple": 40, "north_east": 35,
        "north_west": 30, "northern_ireland": 18, "not_recorded": 360, "overseas": 20,
        "scotland": 32, "south_east": 20, "south_west": 8, "wales": 6, "west_midlands": 22,
    },
    2011: {
        "east_midlands": 6, "eastern": 29, "london": 116, "multiple": 63, "north_east": 45,
        "north_west": 38, "northern_ireland": 23, "not_recorded": 479, "overseas": 29,
        "scotland": 41, "south_east": 26, "south_west": 10, "wales": 9, "west_midlands": 32,
    },
}  # fmt: skip

# Decision shares for 2009-2011 (not published; every decision taken by mid-2013).
RG_SHARES: dict[str, float] = {
    "positive": 0.72,
    "negative": 0.21,
    "suspended": 0.02,
    "withdrawn": 0.05,
}
CG_SHARES: dict[str, float] = {
    "positive": 0.66,
    "negative": 0.26,
    "suspended": 0.04,
    "withdrawn": 0.04,
}

# Share of referrals of people with an immigration interest made by a Home Office first responder.
HOME_OFFICE_SHARE = 0.55
