"""Every setting of person resolution in one place: the thresholds, the blocking rules, the
comparisons and the training plan of the Splink (Fellegi-Sunter) model.

Thresholds and linking. A pair whose match probability is at least ``MATCH_THRESHOLD`` is
matched, and merges the clusters of its two records if the pairs between them agree
(``linking``: none rejected by an analyst, none below ``LINK_VETO``, no conflicting dates of
birth or genders among those not scored, and at least ``LINK_SUPPORT`` of them matched
themselves); a matched pair whose merge is refused goes to an analyst with the pairs between
``REVIEW_THRESHOLD`` and the match threshold. All four were chosen on 100,000 generated records
of another seed (2013) than the one the benchmark reports (2012), so the reported figures are
not tuned on the set they measure (``bench/resolution.py --seed 2013 --sweep``, figures in
``bench/README.md``). ``LINK_VETO`` and ``LINK_SUPPORT`` from a grid (veto 0.05 to 0.3, support
none, a half or three quarters, match thresholds 0.6 to 0.8): a half is clearly best (no support
rule at most 0.951 for the lower of precision and recall, three quarters 0.929), and the vetoes
0.05 to 0.2 are within 0.002 of each other (0.956 at 0.1). The match threshold is then the one,
among 0.30, 0.35 ... 0.95 and 0.99, at which the clusters, the people resolution stores, are
best balanced (the lower of their precision and recall highest). Linking lets it be far lower
than with connected components (0.95 there, clusters 0.928 and 0.935): a wrong pair no longer
chains two people's records together when the other pairs between them disagree. The review
threshold is the highest at which matched and reviewed pairs together hold more than 0.95 of the
true pairs. Probabilities fall as the records resolved together grow (the prior falls), so the
same thresholds are conservative on smaller sets.

Blocking. Only pairs that agree on one of the rules are scored, so the rules decide recall:
the same date of birth; a date of birth equal to the other's with day and month swapped; the
same sound keys of surname and first or last forename (a missing or mistyped date); the same
surname key, or last-forename key, with the same nationality and birth years within three years
(a transliterated or mistyped other name, an estimated age); names crossed (swapped), also with
nationality and birth years; the same phone. True pairs these rules miss (about 1.3 % at
100,000 records) have typos in both names and a missing or corrupted date; no rule tried (first
letters of names with birth year or region, name keys with region and encounter dates) found
more than 83 of them, each for 57,000 to 370,000 more pairs to score.

Comparisons (``comparisons``). Names are compared together, on their folded forms (so Nguyễn =
Nguyen): the same names; one edit allowing a transposition (Damerau-Levenshtein); both names
close (one edit, Jaro-Winkler ≥ 0.92 or the same sound key, fuzzy only for longer names);
swapped; a forename left out; one name close and the other Jaro-Winkler ≥ 0.8 or missing; one
name close only; one name in the other's place. Names that many records would carry by chance
(``prepare``: the records times the share of the surname times the share of the forenames, at
least ``NAMES_MANY`` or ``NAMES_SOME`` in ``comparisons``: Nguyễn Văn Hùng, Scott Moore) have
their own, weaker, levels of the same names, one edit and both names close; where the surname
alone is common (carried by at least 0.25 % of the records, as Nguyễn is), the levels resting on
the surname come in a weaker version too. This is the term-frequency idea in a form that holds
here: Splink's term-frequency adjustment on the full name, tried, lowered recall (at 20,000
records from 0.939 to 0.924 at 0.8), because nearly every full name is rare and the records
that carry one are mostly the same person's, so its frequency measured duplication, not
commonness. Birth: the same date, day and month swapped, the year one out, within ten days,
within a year; where a date is missing, birth years from estimated ages that agree (±2 years and
rounding) or are within six years; finer gaps would add nothing while estimates are as likely
to be two years out as right. Gender, nationality, phone and region: equal or not. Date of
encounter: within 30 days, six months, two years, or further apart.

Training. u probabilities come from random pairs (``U_MAX_PAIRS``, seeded); m probabilities
by expectation maximisation on pairs blocked by date of birth (which trains the names, gender,
nationality, phone, region and date of encounter) and by phone (which trains birth as well:
pairs sharing a phone are nearly all true, so the names that pairs blocked on names would share
cannot pass for evidence); the prior that two records match from a strict deterministic rule
and its recall (``DETERMINISTIC_RECALL``, about 0.4 on generated people). Seeds are fixed so a
run repeats.
Five times as many random pairs for u (10,000,000) changed nothing at 100,000 records (best F1
0.940 against 0.941) and cost a minute more.
"""

from typing import Any

from nrm.intelligence.resolution import comparisons

MATCH_THRESHOLD = 0.65
REVIEW_THRESHOLD = 0.65
# A merge of two clusters is refused if a pair between them scored below this (``linking``) ...
LINK_VETO = 0.1
# ... or if fewer than this share of the pairs between them are matched themselves.
LINK_SUPPORT = 0.5
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
            comparisons.equal("region"),
            comparisons.encountered(),
        ],
        "additional_columns_to_retain": ["source"],
        "retain_matching_columns": False,
        "retain_intermediate_calculation_columns": False,
        "max_iterations": 25,
        "em_convergence": 0.0001,
    }
