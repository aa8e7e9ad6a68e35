"""Every setting of person resolution in one place: the thresholds, the blocking rules, the
comparisons and the training plan of the Splink (Fellegi-Sunter) model.

Thresholds. A pair whose match probability is at least ``MATCH_THRESHOLD`` is matched without
review; between ``REVIEW_THRESHOLD`` and it, the pair goes to an analyst. They were chosen on
generated people with known truth (``bench/resolution.py``, figures in ``bench/README.md``): the
upper one where automatic matches stay above 0.95 precision, the lower one low enough that the
pairs an analyst sees hold most of the remaining true matches without flooding the queue.

Blocking. Only pairs that agree on one of the rules are scored, so the rules decide recall:
the same date of birth; a date of birth equal to the other's with day and month swapped; the
same sound keys of surname and first forename (a missing or mistyped date); the same surname
key, or first forename key, with the same birth year and nationality (a transliterated or
mistyped other name); forename and surname keys crossed (names swapped); the same phone.

Comparisons. Names are compared on their folded forms (so Nguyễn = Nguyen) with levels for an
exact match, one edit allowing a transposition (Damerau-Levenshtein ≤ 1), Jaro-Winkler ≥ 0.92,
the same sound key (transliterations), a shared forename (a middle name left out), Jaro-Winkler
≥ 0.80, and the names swapped. Birth: the same date, day and month swapped, within a year;
where a date is missing, birth years from an estimated age within 2.5 years (±2 years of the
estimate and half a year of rounding), or within 5. Gender, nationality and phone: equal or not.

Training. u probabilities come from random pairs (``U_MAX_PAIRS``, seeded); m probabilities
from expectation maximisation on pairs blocked by date of birth (training the names) and by
name keys (training birth); the prior that two records match from strict deterministic rules
and their assumed recall. Seeds are fixed so a run repeats.
"""

from typing import Any

from nrm.intelligence.resolution import comparisons

MATCH_THRESHOLD = 0.95
REVIEW_THRESHOLD = 0.50
# Scored pairs below this probability are dropped from the results: they are not evidence.
PAIRS_FLOOR = 0.01

SEED = 2012
U_MAX_PAIRS = 2_000_000
# Fewer records than this cannot train a model: pass a trained one (``model_train``).
MIN_RECORDS_TO_TRAIN = 500

DETERMINISTIC_RULES = [
    "l.dob = r.dob AND l.surname_f = r.surname_f AND l.forenames_f = r.forenames_f",
]
DETERMINISTIC_RECALL = 0.4

TRAINING_RULES = [
    "l.dob = r.dob",
    "l.phone = r.phone",
]

_NEAR_BIRTH = "abs(l.birth_year - r.birth_year) <= 3"
BLOCKING_RULES = [
    "l.dob = r.dob",
    "l.dob_swapped = r.dob",
    "l.dob = r.dob_swapped",
    "l.surname_k = r.surname_k AND l.forename1_k = r.forename1_k",
    "l.surname_k = r.surname_k AND l.given_k = r.given_k",
    f"l.surname_k = r.surname_k AND l.nationality = r.nationality AND {_NEAR_BIRTH}",
    f"l.given_k = r.given_k AND l.nationality = r.nationality AND {_NEAR_BIRTH}",
    "l.surname_k = r.forename1_k AND l.forename1_k = r.surname_k",
    f"l.surname_k = r.forename1_k AND l.nationality = r.nationality AND {_NEAR_BIRTH}",
    f"l.forename1_k = r.surname_k AND l.nationality = r.nationality AND {_NEAR_BIRTH}",
    "l.phone = r.phone",
]


def settings_dict() -> dict[str, Any]:
    """The Splink settings of an untrained model."""
    return {
        "link_type": "dedupe_only",
        "unique_id_column_name": "unique_id",
        "probability_two_random_records_match": 1e-5,
        "blocking_rules_to_generate_predictions": list(BLOCKING_RULES),
        "comparisons": [
            comparisons.names(),
            comparisons.birth(),
            comparisons.equal("gender"),
            comparisons.equal("nationality"),
            comparisons.equal("phone"),
        ],
        "additional_columns_to_retain": ["source"],
        "retain_matching_columns": False,
        "retain_intermediate_calculation_columns": False,
        "max_iterations": 25,
        "em_convergence": 0.0001,
    }
