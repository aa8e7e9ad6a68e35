"""The codes of the airline crew's confidential line to Border Force (docs/crew-line.md): the
UK ports a report is routed to, what cabin crew saw, how a report came in, and the outcome
Border Force records when the flight lands."""

from django.db import models

from nrm.standard.codes import Nation


class Port(models.TextChoices):
    """UK airports with a Border Force arrivals hall, by their IATA code."""

    ABZ = "ABZ", "Aberdeen"
    BFS = "BFS", "Belfast International"
    BHD = "BHD", "Belfast City"
    BHX = "BHX", "Birmingham"
    BRS = "BRS", "Bristol"
    CWL = "CWL", "Cardiff"
    EDI = "EDI", "Edinburgh"
    EMA = "EMA", "East Midlands"
    GLA = "GLA", "Glasgow"
    LBA = "LBA", "Leeds Bradford"
    LCY = "LCY", "London City"
    LGW = "LGW", "London Gatwick"
    LHR = "LHR", "London Heathrow"
    LPL = "LPL", "Liverpool John Lennon"
    LTN = "LTN", "London Luton"
    MAN = "MAN", "Manchester"
    NCL = "NCL", "Newcastle"
    STN = "STN", "London Stansted"


# The UK nation each port is in: a referral started from a crew report comes from there.
PORT_NATION: dict[Port, Nation] = {
    **{p: Nation.ENGLAND for p in Port},
    Port.ABZ: Nation.SCOTLAND,
    Port.EDI: Nation.SCOTLAND,
    Port.GLA: Nation.SCOTLAND,
    Port.BFS: Nation.NORTHERN_IRELAND,
    Port.BHD: Nation.NORTHERN_IRELAND,
    Port.CWL: Nation.WALES,
}


class CrewIndicator(models.TextChoices):
    """What cabin crew saw that may indicate trafficking."""

    CONTROLLED = "controlled_by_companion", "Controlled by a companion"
    NO_DOCUMENTS = "no_own_documents", "Does not hold their own travel documents"
    SCRIPTED = "scripted_answers", "Gives scripted or rehearsed answers"
    INJURY = "signs_of_injury", "Signs of injury or neglect"
    MINOR_UNRELATED = "minor_with_unrelated_adult", "A child travelling with an unrelated adult"
    FEARFUL = "fearful_or_anxious", "Fearful, anxious or avoids eye contact"
    NO_LANGUAGE = "no_shared_language", "Does not speak the language of their companion"
    UNAWARE = "unaware_of_destination", "Does not know where they are going"
    GROUP_TICKETS = "tickets_bought_by_another", "Tickets bought by someone else for a group"
    OTHER = "other", "Something else (describe it)"


class CrewDoor(models.TextChoices):
    """How a report came in."""

    WEB = "web", "Crew web form"
    API = "api", "Airline system"
    CALL = "call", "24-hour line"


class CrewOutcome(models.TextChoices):
    """What Border Force recorded when the flight landed."""

    NO_CONCERN = "no_concern", "No concern"
    SAFEGUARDING = "safeguarding", "Safeguarding"
    NRM_REFERRAL = "nrm_referral", "NRM referral started"
    ARREST = "arrest", "Arrest"


class CrewStatus(models.TextChoices):
    """Where a report is, as the airline that made it may know."""

    AWAITING_ARRIVAL = "awaiting_arrival", "Awaiting arrival"
    DEALT_WITH = "dealt_with", "Dealt with on arrival"
