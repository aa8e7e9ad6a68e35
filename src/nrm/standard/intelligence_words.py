"""The names people read for the fields of an intelligence report, as the web form labels them
and messages name them (like ``nrm.standard.words.FIELDS`` for referrals)."""

from nrm.standard import intelligence_codes as icodes
from nrm.standard.words import FieldWords, _words

REPORT_FIELDS: dict[str, FieldWords] = {
    "schema_version": _words("Version of the data standard"),
    "organisation": _words("Organisation recording the report", "the organisation"),
    "source_kind": _words(
        "What kind of organisation does the intelligence come from?",
        "the kind of organisation the intelligence comes from",
    ),
    "officer": _words("Your name", "your name"),
    "received_date": _words("Date the intelligence was received"),
    "events_date": _words("Date of the events", "the date of the events"),
    "operation": _words("Name of the operation (if any)", "the name of the operation"),
    "source_evaluation": _words("Source evaluation", "the source evaluation"),
    "intelligence_assessment": _words("Intelligence assessment", "the intelligence assessment"),
    "handling_code": _words("Handling code", "the handling code"),
    "handling_conditions": _words(
        "Organisations that may see the report",
        "the organisations that may see the report",
        item="organisation",
        items="organisations",
    ),
    "narrative": _words("What did the source say?", "what the source said"),
    "entities": _words("Entities", "the entities", item="entity", items="entities"),
    "links": _words("Links", "the links", item="link", items="links"),
}

ENTITY_FIELDS: dict[str, FieldWords] = {
    "key": _words("Key", "the key"),
    "type": _words("What is it?", "what it is"),
    "nrm_reference": _words("NRM reference", "the NRM reference"),
    "person_role": _words("Role of the person", "the role of the person"),
    "given_name": _words("Given names"),
    "family_name": _words("Family name"),
    "date_of_birth": _words("Date of birth"),
    "estimated_age": _words("Estimated age in years", "the estimated age"),
    "gender": _words("Gender"),
    "nationality": _words("Nationality"),
    "exploitation_type": _words("Type of exploitation", "the type of exploitation"),
    "exploitation_sub_types": _words(
        "Where or how they were exploited",
        "where or how they were exploited",
        item="sub-type",
        items="sub-types",
    ),
    "ocg_name": _words("Name of the group", "the name of the group"),
    "ocg_nationality": _words("Predominant nationality of the group"),
    "ocg_activities": _words(
        "What is the group involved in?",
        "what the group is involved in",
        item="activity",
        items="activities",
    ),
    "address": _words("Address"),
    "postcode": _words("Postcode"),
    "premises_type": _words("Type of premises"),
    "phone": _words("Phone number"),
    "vehicle_registration": _words("Vehicle registration"),
    "business_name": _words("Business name"),
    "company_number": _words("Company number"),
}

LINK_FIELDS: dict[str, FieldWords] = {
    "from_key": _words("Linked from", "the entity the link starts from"),
    "to_key": _words("Linked to", "the entity the link ends at"),
    "type": _words("How are they linked?", "how they are linked"),
    "confidence": _words("How sure is the link?", "how sure the link is"),
}

# An entity of each type in a sentence: "a person", "an organised crime group".
ENTITY_KIND = {
    icodes.EntityType.PERSON: "a person",
    icodes.EntityType.OCG: "an organised crime group",
    icodes.EntityType.LOCATION: "a location",
    icodes.EntityType.PHONE: "a phone number",
    icodes.EntityType.VEHICLE: "a vehicle",
    icodes.EntityType.BUSINESS: "a business",
}


def entity_name(index: int) -> str:
    """The entity at ``index`` (from 0) as people count them: "entity 2"."""
    return f"entity {index + 1}"


def link_name(index: int) -> str:
    return f"link {index + 1}"


def nested_name(words: dict[str, FieldWords], field: str, owner: str) -> str:
    """``field`` of an entity or link in a sentence: "the phone number of entity 2"."""
    found = words.get(field)
    return f"{found.name if found else 'this answer'} of {owner}"
