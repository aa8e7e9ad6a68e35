"""The codes of criminal justice records: who prosecutes, the offences charged, what became of
each, the sentence, and money seized, forfeited or ordered to be confiscated.

The trafficking offences are those of the report's chapter 4 (2013), in the three
jurisdictions; every other offence a defendant is charged with is recorded as ``OTHER``, so that
the principal offence (the one with the heaviest sentence) can be worked out.
"""

from django.db import models

from nrm.standard.codes import Nation


class ProsecutingAuthority(models.TextChoices):
    CPS = "cps", "Crown Prosecution Service"
    PPS = "pps", "Public Prosecution Service for Northern Ireland"
    COPFS = "copfs", "Crown Office and Procurator Fiscal Service"


class Jurisdiction(models.TextChoices):
    ENGLAND_WALES = "england_wales", "England and Wales"
    NORTHERN_IRELAND = "northern_ireland", "Northern Ireland"
    SCOTLAND = "scotland", "Scotland"


AUTHORITY_JURISDICTION: dict[ProsecutingAuthority, Jurisdiction] = {
    ProsecutingAuthority.CPS: Jurisdiction.ENGLAND_WALES,
    ProsecutingAuthority.PPS: Jurisdiction.NORTHERN_IRELAND,
    ProsecutingAuthority.COPFS: Jurisdiction.SCOTLAND,
}

# Where each authority prosecutes: the nation of the court.
AUTHORITY_NATIONS: dict[ProsecutingAuthority, tuple[Nation, ...]] = {
    ProsecutingAuthority.CPS: (Nation.ENGLAND, Nation.WALES),
    ProsecutingAuthority.PPS: (Nation.NORTHERN_IRELAND,),
    ProsecutingAuthority.COPFS: (Nation.SCOTLAND,),
}


class OffenceCategory(models.TextChoices):
    """The rows of the published tables."""

    SEXUAL = "sexual", "Trafficking for sexual exploitation"
    PROSTITUTION = "prostitution", "Trafficking for prostitution"
    OTHER_PURPOSES = "other_purposes", "Trafficking for other exploitative purposes"
    FORCED_LABOUR = "forced_labour", "Offence of forced labour and servitude"
    NOT_TRAFFICKING = "not_trafficking", "Not a trafficking offence"


class Offence(models.TextChoices):
    SEXUAL_OFFENCES_ACT_S57_59 = (
        "soa2003_s57_59",
        "Trafficking for sexual exploitation (Sexual Offences Act 2003, sections 57 to 59)",
    )
    AITOC_S4 = (
        "aitoc2004_s4",
        "Trafficking for other exploitative purposes (Asylum and Immigration (Treatment of "
        "Claimants, etc.) Act 2004, section 4)",
    )
    CORONERS_JUSTICE_S71 = (
        "cja2009_s71",
        "Holding a person in slavery or servitude, or forced labour (Coroners and Justice Act "
        "2009, section 71)",
    )
    CJS_S22 = (
        "cjsa2003_s22",
        "Trafficking for prostitution (Criminal Justice (Scotland) Act 2003, section 22)",
    )
    CJLS_S47 = (
        "cjlsa2010_s47",
        "Slavery, servitude and forced or compulsory labour (Criminal Justice and Licensing "
        "(Scotland) Act 2010, section 47)",
    )
    OTHER = "other", "Another offence (not a trafficking offence)"


OFFENCE_CATEGORY: dict[Offence, OffenceCategory] = {
    Offence.SEXUAL_OFFENCES_ACT_S57_59: OffenceCategory.SEXUAL,
    Offence.AITOC_S4: OffenceCategory.OTHER_PURPOSES,
    Offence.CORONERS_JUSTICE_S71: OffenceCategory.FORCED_LABOUR,
    Offence.CJS_S22: OffenceCategory.PROSTITUTION,
    Offence.CJLS_S47: OffenceCategory.FORCED_LABOUR,
    Offence.OTHER: OffenceCategory.NOT_TRAFFICKING,
}

# The purpose of exploitation each category is counted under where the tables do not tell
# Scotland's trafficking for prostitution from trafficking for sexual exploitation.
PURPOSE: dict[OffenceCategory, OffenceCategory] = {
    **{category: category for category in OffenceCategory},
    OffenceCategory.PROSTITUTION: OffenceCategory.SEXUAL,
}

# The nations whose courts try each offence (the Acts' extent).
OFFENCE_NATIONS: dict[Offence, tuple[Nation, ...]] = {
    Offence.SEXUAL_OFFENCES_ACT_S57_59: (Nation.ENGLAND, Nation.WALES, Nation.NORTHERN_IRELAND),
    Offence.AITOC_S4: (Nation.ENGLAND, Nation.WALES, Nation.NORTHERN_IRELAND, Nation.SCOTLAND),
    Offence.CORONERS_JUSTICE_S71: (Nation.ENGLAND, Nation.WALES, Nation.NORTHERN_IRELAND),
    Offence.CJS_S22: (Nation.SCOTLAND,),
    Offence.CJLS_S47: (Nation.SCOTLAND,),
    Offence.OTHER: (Nation.ENGLAND, Nation.WALES, Nation.NORTHERN_IRELAND, Nation.SCOTLAND),
}


class ChargeOutcome(models.TextChoices):
    ONGOING = "ongoing", "Proceedings ongoing"
    CONVICTED = "convicted", "Convicted"
    ACQUITTED = "acquitted", "Acquitted"
    DISCONTINUED = "discontinued", "Discontinued or withdrawn"
    NO_FURTHER_PROCEEDINGS = "no_further_proceedings", "No further proceedings"


class SentenceKind(models.TextChoices):
    """Sentences from the heaviest to the lightest, as the principal offence rule ranks them."""

    IMMEDIATE_CUSTODY = "immediate_custody", "Immediate custody"
    SUSPENDED_CUSTODY = "suspended_custody", "Suspended custodial sentence"
    COMMUNITY = "community", "Community sentence"
    FINE = "fine", "Fine"
    DISCHARGE = "discharge", "Discharge"
    OTHER = "other", "Otherwise dealt with"


CUSTODIAL = (SentenceKind.IMMEDIATE_CUSTODY, SentenceKind.SUSPENDED_CUSTODY)


class RecoveryKind(models.TextChoices):
    CASH_SEIZURE = "cash_seizure", "Cash seizure"
    CONFISCATION_ORDER = "confiscation_order", "Confiscation order"


class RecoveryStatus(models.TextChoices):
    IN_COURT_PROCESS = "in_court_process", "Going through the court process"
    FORFEITED = "forfeited", "Forfeited"
    RETURNED = "returned", "Returned"
    ORDERED = "ordered", "Order made"
    PAID = "paid", "Paid"


# What each kind of recovery can come to.
RECOVERY_STATUSES: dict[RecoveryKind, tuple[RecoveryStatus, ...]] = {
    RecoveryKind.CASH_SEIZURE: (
        RecoveryStatus.IN_COURT_PROCESS,
        RecoveryStatus.FORFEITED,
        RecoveryStatus.RETURNED,
    ),
    RecoveryKind.CONFISCATION_ORDER: (
        RecoveryStatus.IN_COURT_PROCESS,
        RecoveryStatus.ORDERED,
        RecoveryStatus.PAID,
    ),
}


class RecoveryMeasure(models.TextChoices):
    """The columns of the asset recovery tables."""

    NUMBER = "number", "Number"
    VALUE = "value", "Value"
    IN_COURT_NUMBER = "in_court_number", "Of which going through the court process"
    IN_COURT_VALUE = "in_court_value", "Value going through the court process"


# The organisation of each prosecuting authority (``nrm.justice.services`` seeds them).
AUTHORITY_ORGANISATIONS: dict[ProsecutingAuthority, str] = {
    ProsecutingAuthority.CPS: "crown-prosecution-service",
    ProsecutingAuthority.PPS: "public-prosecution-service-ni",
    ProsecutingAuthority.COPFS: "crown-office-procurator-fiscal",
}


class Principal(models.TextChoices):
    """Whether an offence is the principal offence of its defendant in its proceeding."""

    YES = "yes", "Principal offences"
    NO = "no", "Offences that are not the principal offence"
