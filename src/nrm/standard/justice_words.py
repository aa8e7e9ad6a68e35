"""The names people read for the fields of the criminal justice records, as forms label them
and messages name them (like ``nrm.standard.intelligence_words`` for intelligence reports):
"the date of the outcome of offence 2 of defendant 1"."""

from nrm.standard.words import FieldWords, _words

PROSECUTION_FIELDS: dict[str, FieldWords] = {
    "authority": _words("Prosecuting authority", "the prosecuting authority"),
    "case_reference": _words("Case reference", "the case reference"),
    "court_nation": _words("Nation of the court", "the nation of the court"),
    "court": _words("Court", "the court"),
    "defendants": _words("Defendants", "the defendants", item="defendant", items="defendants"),
    "victim_references": _words(
        "Victims' NRM references",
        "the victims' NRM references",
        item="victim's NRM reference",
        items="victims' NRM references",
    ),
}

DEFENDANT_FIELDS: dict[str, FieldWords] = {
    "name": _words("Name", "the name"),
    "date_of_birth": _words("Date of birth"),
    "gender": _words("Gender"),
    "nationality": _words("Nationality"),
    "charges": _words("Offences charged", "the offences charged", item="offence", items="offences"),
}

CHARGE_FIELDS: dict[str, FieldWords] = {
    "offence": _words("Offence", "{owner}"),
    "charged_on": _words("Date charged", "the date {owner} was charged"),
    "outcome": _words("Outcome", "the outcome"),
    "outcome_on": _words("Date of the outcome", "the date of the outcome"),
    "sentence": _words("Sentence", "the sentence for {owner}"),
    "custody_months": _words("Months in custody", "the months in custody for {owner}"),
    "fine_pence": _words("Amount of the fine, in pence", "the amount of the fine for {owner}"),
}

RECOVERY_FIELDS: dict[str, FieldWords] = {
    "kind": _words(
        "Cash seizure or confiscation order", "whether it is a cash seizure or a confiscation order"
    ),
    "authority": _words("Prosecuting authority", "the prosecuting authority"),
    "nation": _words("Nation of the court", "the nation of the court"),
    "amount_pence": _words("Amount, in pence", "the amount"),
    "status": _words("What became of it", "what became of it"),
    "recorded_on": _words("Date recorded", "the date recorded"),
    "case_reference": _words("Case reference of the prosecution", "the case reference"),
}


def defendant_name(index: int) -> str:
    """The defendant at ``index`` (from 0) as people count them: "defendant 1"."""
    return f"defendant {index + 1}"


def charge_name(defendant: int, charge: int) -> str:
    """An offence charged as people count them: "offence 2 of defendant 1"."""
    return f"offence {charge + 1} of {defendant_name(defendant)}"


def victim_name(index: int) -> str:
    return f"the NRM reference of victim {index + 1}"


def owned_name(words: dict[str, FieldWords], field: str, owner: str) -> str:
    """``field`` of a defendant or an offence in a sentence: "the date of the outcome of offence
    1 of defendant 2", "the date offence 1 of defendant 2 was charged"."""
    found = words.get(field)
    name = found.name if found else "this answer"
    return name.format(owner=owner) if "{owner}" in name else f"{name} of {owner}"
