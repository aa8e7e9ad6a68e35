"""How an entity reads on the report page: in words, never codes."""

from nrm.intelligence.models import Entity
from nrm.intelligence.pages import entity_details
from nrm.standard.intelligence_codes import EntityType, OcgActivity, OcgNationality


def test_a_group_reads_with_the_country_its_members_mostly_come_from_and_its_activities() -> None:
    group = Entity(
        type=EntityType.OCG,
        ocg_nationality="ALB",
        ocg_activities=[OcgActivity.MONEY_LAUNDERING],
    )
    assert entity_details(group) == "members mostly from Albania, Money laundering"


def test_a_group_of_mixed_or_unknown_nationality_says_so_in_words() -> None:
    mixed = Entity(type=EntityType.OCG, ocg_nationality=OcgNationality.MIXED)
    unknown = Entity(type=EntityType.OCG, ocg_nationality=OcgNationality.UNKNOWN)
    assert entity_details(mixed) == "members of mixed nationalities"
    assert entity_details(unknown) == "nationality of its members unknown"
