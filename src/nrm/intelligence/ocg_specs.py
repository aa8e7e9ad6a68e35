"""The strategic assessment's tables on organised crime groups (paras 2.4-2.7), declared as
specs for the statistics engine (``nrm.statistics.engine.spec_evaluate``) over the OCG
extracts of ``nrm.intelligence.ocg_tables``:

- ``GROUPS``: one row per group named in a report received in the year;
- ``MEMBERS``: one row per member of such a group;
- ``PAIRS``: one row per group linked to trafficking and each other activity it is linked to,
  once for each kind of trafficking it is linked to and once under "Any trafficking".

``SOURCES`` runs on the referrals' extract: the top five nationalities of the year's referrals.
"""

from nrm.statistics.specs.model import Spec

YEAR = "ocg_year"
ANY_TRAFFICKING = "Any trafficking"
ANOTHER_NATIONALITY = "Another nationality"
NOT_ONE_COUNTRY = "Unknown, mixed or not recorded"
ONE_COUNTRY = "One nationality"
LINKED = "yes"  # the ``trafficking`` column of a group linked to trafficking
_LINKED = (("trafficking", (LINKED,)),)

# What the rows and columns of the OCG extracts are called in a table's header.
DIMENSIONS = {
    "nationality": "Predominant nationality",
    "nationality_known": "Predominant nationality",
    "nationality_group": "Predominant nationality",
    "size": "Members known",
    "ocg_activity": "Also linked to",
}

SOURCES = Spec(
    id="ocg-source-countries",
    number="",
    title="Top five source countries",
    rows=("nationality",),
    top=5,
)

GROUPS: tuple[Spec, ...] = (
    Spec(
        id="ocg-nationality",
        number="OCG table 1",
        title="Organised crime groups linked to trafficking, by predominant nationality",
        rows=("nationality",),
        where=_LINKED,
        total_row=True,
        share=True,
        year_column=YEAR,
        counted="Groups",
        notes="Groups named in intelligence reports received in the year and linked to "
        "trafficking for sexual, labour or criminal exploitation, counted once each under "
        "their predominant nationality.",
    ),
    Spec(
        id="ocg-unknown",
        number="OCG table 2",
        title="Organised crime groups linked to trafficking whose nationality is unknown or mixed",
        rows=("nationality_known",),
        where=_LINKED,
        total_row=True,
        share=True,
        year_column=YEAR,
        counted="Groups",
        notes="The groups of OCG table 1: those of one predominant nationality, and those whose "
        "members are of mixed nationalities or whose nationality is unknown or not recorded.",
    ),
    Spec(
        id="ocg-sources",
        number="OCG table 3",
        title="Organised crime groups linked to trafficking, of the nationalities of the top "
        "five source countries, by size",
        rows=("nationality_group",),
        columns=("size",),
        where=_LINKED,
        total_row=True,
        total_column=True,
        year_column=YEAR,
        counted="Groups",
        notes="The groups of OCG table 1 by the number of their members named in the reports; "
        "the top five source countries are the five nationalities most often referred to the "
        "NRM in the year.",
    ),
)

MEMBERS: tuple[Spec, ...] = (
    Spec(
        id="ocg-members",
        number="OCG table 4",
        title="Members of organised crime groups linked to trafficking, of the nationalities "
        "of the top five source countries",
        rows=("nationality_group",),
        where=_LINKED,
        total_row=True,
        share=True,
        year_column=YEAR,
        counted="Members",
        notes="People named as members of the groups of OCG table 3, counted under their "
        "group's predominant nationality (not their own).",
    ),
)

PAIRS: tuple[Spec, ...] = (
    Spec(
        id="ocg-activities",
        number="OCG table 5",
        title="What organised crime groups linked to trafficking are also linked to",
        rows=("ocg_activity",),
        columns=("ocg_trafficking",),
        year_column=YEAR,
        counted="Groups",
        notes="Groups of OCG table 1 linked to each other activity, by the kind of trafficking "
        "they are linked to. A group linked to two kinds of trafficking counts under both, and "
        "once under any trafficking.",
    ),
)
