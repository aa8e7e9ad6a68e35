"""The published inconsistencies the reference README records ("Known inconsistencies"), keyed
by the (table, cell) under which verification reports them, with the README's explanation;
and those found beyond the README, each shown impossible by the published figures alone."""

_P_VS_R = "press release vs report: the report (Table 22) is followed"
_PR_SHIFT = (
    "press release note 3 prints the report's Not recorded/Wales/NI values shifted down one row; "
    "Scotland's 93 is missing"
)

KNOWN: dict[tuple[str, str], str] = {
    ("Table 1", "Northern Ireland % change 2011-2012"): (
        "32 -> 15 is -53.1%; the published -63% looks like Table 2's Northern Ireland value"
    ),
    ("Table 1", "Wales % change 2011-2012"): "24 -> 34 is +41.7%",
    ("Table 1", "Northern Ireland 2011 % of total"): (
        "32/946 = 3.38%: published shares were forced to add to 100%"
    ),
    ("Table 2", "Northern Ireland % change 2011-2012"): "32 -> 12 is -62.5% (-63% half-up)",
    ("Table 2", "Not recorded % change 2011-2012"): "78 -> 177 is +126.9%: published truncated",
    ("Table 2", "Isle of Man % change 2011-2012"): "no referral in 2011: a change from zero",
    ("Table 3", "North West % change 2011-2012"): "38 -> 34 is -10.5%: the sign was lost",
    ("Table 3", "Eastern % change 2011-2012"): "29 -> 10 is -65.5%: published truncated",
    ("Table 1 vs Table 2", "Wales 2012"): "Table 2 counts police region, Table 1 the nation",
    ("Table 1 vs Table 2", "Northern Ireland 2012"): (
        "Table 2 counts police region, Table 1 the nation"
    ),
    ("Table 1 vs Table 2", "Scotland 2012"): "Table 2 counts police region, Table 1 the nation",
    ("Table 9", "row China"): (
        "Table 9 lists China twice (20 and 1); Table 6's China 55 = 35 adults + 20, so the "
        "second row is not counted as China"
    ),
    ("Table 25", "Romania 2009 position"): (
        "Somalia (5) is at 7, ahead of Romania (8) at 8, with Bangladesh (8) at 6"
    ),
    (
        "Text",
        "para 1.17: referrals with unknown/not recorded exploitation type, 2011",
    ): "'from 40 to 127': 127 is the minors-only figure (Table 8); all ages is higher",
    (
        "Text",
        "para 1.17: referrals with unknown/not recorded exploitation type, 2012",
    ): "127 is Table 8's minors-only figure; all ages in 2012 is 170 (43 adults + 127, Fig. 6)",
    ("Text", "para 1.9: % of reasonable grounds decisions positive"): (
        "69% is 817/1186, all referrals; of concluded decisions 817/1106 = 74%"
    ),
    ("Text", "para 1.10: % of conclusive grounds decisions positive"): (
        "59% is 481/817, all positive RGs; of concluded decisions 481/674 = 71%"
    ),
    ("Press release", "Notes to editors 2: adult referrals 2011"): _P_VS_R,
    ("Press release", "Notes to editors 2: child referrals 2011"): _P_VS_R,
    ("Press release", "Notes to editors 2: referrals 2010"): _P_VS_R,
    ("Press release", "Notes to editors 2: adult referrals 2010"): _P_VS_R,
    ("Press release note 3", "Wales"): _PR_SHIFT,
    ("Press release note 3", "Northern Ireland"): _PR_SHIFT,
    ("Press release note 3", "Scotland"): _PR_SHIFT,
    ("Press release note 3", "sum of the published rows"): (
        "the twelve published rows sum to 931, not the printed total 946"
    ),
}

# Those of the UKHTC strategic assessment, which the verification finds only when the
# assessment is computed (``nrm.intelligence.assessment.checks``).
KNOWN_ASSESSMENT: dict[tuple[str, str], str] = {
    ("Table 10", "Bangladesh % change 2011-2012"): (
        "10 in 2012: no integer 2011 base gives +66% (6 gives +66.7%, 67%)"
    ),
    (
        "Text",
        "para 3.15: encounters with subtype not recorded, % of encounters",
    ): "458/803 = 57.0%; the four listed subtypes sum to 761 of 803",
}
KNOWN.update(KNOWN_ASSESSMENT)

# Those of chapter 4, found when the prosecutions are checked (``nrm.justice.published``).
KNOWN_JUSTICE: dict[tuple[str, str], str] = {
    ("Text", "para 4.11: the table of Scotland's ten prosecutions"): (
        "the text cites 'table 13 above'; Scotland is Table 14 (Table 13 is Northern Ireland); "
        "the ten match Table 14 2012-13 (4 + 6)"
    ),
    ("Text", "para 4.12: the years of Table 15"): (
        "the text says Table 15 shows convictions 'in 2012'; the table covers 2009-2012"
    ),
}
KNOWN.update(KNOWN_JUSTICE)

_PR_ENGLAND = (
    "found beyond the reference README: with the report's 2011 counts (Vietnam 24 adults + 68 "
    "children = 92, China 47 + 14 = 61; Tables 24, 25) and nations (Table 1: Wales 24, Scotland "
    "93), the other nations' published top threes leave at most 7 Vietnamese in Wales and 21 in "
    "Scotland, and fewer Vietnamese than Chinese in Northern Ireland, so England has at least "
    "92 - 61 - 7 - 21 + 1 = 4 more Vietnamese than Chinese referrals"
)

FOUND: dict[tuple[str, str], str] = {
    ("Press release note 5", "England China position"): _PR_ENGLAND,
    ("Press release note 5", "England Vietnam position"): _PR_ENGLAND,
}

PARA_4_11 = "Para 4.11 cites 'table 13' for Scotland's prosecutions; Scotland is Table 14"
PARA_4_12 = "Para 4.12 says Table 15 shows convictions 'in 2012'; the table covers 2009-2012"
NOT_FROM_REFERRALS: tuple[str, ...] = (
    PARA_4_11,
    PARA_4_12,
    "Para 5.29: 'financial years 2013-14 and 2013-14'",
    "Numbering: no Table 18; two tables numbered 19",
)

# Said when the support referrals were not counted (a verification of an extract file).
NOT_SUPPORTED = (
    "Table 19 (chapter 5) and para 5.23's 746, the Salvation Army's referrals: checked only "
    "against the case store, with its support referrals (nrm verify-published without --extract)"
)

# Said when the strategic assessment was not computed (a verification of an extract file).
NOT_ASSESSED = (
    "Table 10 and the strategic assessment's figures (paras 1.24-1.28, 3.15): checked only "
    "against the case store, with its intelligence (nrm verify-published without --extract)"
)
