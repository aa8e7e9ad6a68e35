"""Generated people with known truth, for testing and benchmarking person resolution (never for
intelligence).

Each true person (name from the pools of their nationality, gender, date of birth, sometimes a
phone) appears 1-4 times, as a referral or as an intelligence report, and each appearance is
corrupted the way real records are: the date of birth missing with an estimated age (±2 years)
instead, day and month swapped, a year or a few days out; names with a typo (a letter inserted,
deleted, substituted or two transposed), a transliteration (Nguyễn / Nguyen / Ngyuen, Mohammed /
Muhammad), diacritics dropped, a middle name left out, forename and surname swapped; gender,
nationality or a name not recorded. The column ``person_id`` is the truth. Columns are drawn
with numpy; only the few corrupted names pass through Python one at a time, so 100,000 records
take a second or two.
"""

import random

import numpy as np
import pyarrow as pa
from unidecode import unidecode

from nrm.intelligence.resolution.records import (
    COLUMNS,
    SOURCE_INTELLIGENCE_REPORT,
    SOURCE_REFERRAL,
)
from nrm.intelligence.resolution.synthetic_names import POOLS, VARIANTS
from nrm.standard.codes import Gender

# How often each corruption happens, per record (names: per name).
APPEARANCES = {1: 0.40, 2: 0.30, 3: 0.20, 4: 0.10}
RATES = {
    "referral": 0.6,  # the rest are intelligence reports
    "dob_missing": 0.15,  # an estimated age instead
    "dob_day_month_swapped": 0.06,  # where day ≤ 12 and day ≠ month
    "dob_year_out": 0.02,
    "dob_days_out": 0.02,
    "variant": 0.30,  # a transliteration, where the name has known variants
    "diacritics_dropped": 0.35,  # the whole record typed in plain ASCII
    "typo": 0.06,
    "middle_dropped": 0.20,  # of forenames with more than one name: the middle or second one
    "names_swapped": 0.03,
    "forenames_missing": 0.02,
    "surname_missing": 0.02,
    "gender_missing": 0.05,
    "nationality_missing": 0.05,
    "phone_known": 0.30,  # of people
    "phone_recorded": 0.5,  # of their records
    "second_forename": 0.25,  # of people outside the pools with middle names
    "two_syllables": 0.6,  # of given names of pools with syllables
    "composed_surname": 0.6,  # of surnames of pools with roots and endings
}
_LETTERS = "abcdefghijklmnopqrstuvwxyz"
_RECORDED_FROM = np.datetime64("2010-01-01")
_RECORDED_DAYS = 4 * 365


def _appearances(rng: np.random.Generator, records: int) -> np.ndarray:
    """How many records each person has, adding up to ``records`` exactly."""
    counts = rng.choice(list(APPEARANCES), size=records, p=list(APPEARANCES.values()))
    totals = np.cumsum(counts)
    people = int(np.searchsorted(totals, records)) + 1
    counts = counts[:people].copy()
    counts[-1] -= int(totals[people - 1]) - records
    return counts


def _pick(rng: np.random.Generator, names: tuple[str, ...], size: int) -> np.ndarray:
    return np.array(names, dtype=object)[rng.integers(0, len(names), size=size)]


def _names(rng: np.random.Generator, pool_of: np.ndarray, female: np.ndarray) -> tuple:
    """Forenames and surnames of the people, from their nationality's pool."""
    forenames = np.empty(len(pool_of), dtype=object)
    surnames = np.empty(len(pool_of), dtype=object)
    for index, pool in enumerate(POOLS):
        for is_female, given, middle in (
            (False, pool.male, pool.middle_male),
            (True, pool.female, pool.middle_female),
        ):
            chosen = (pool_of == index) & (female == is_female)
            size = int(chosen.sum())
            names = _pick(rng, given, size)
            if pool.syllables:
                two = rng.random(size) < RATES["two_syllables"]
                count = int(two.sum())
                first = _pick(rng, pool.syllables, count)
                names[two] = [
                    f.capitalize() + s
                    for f, s in zip(first, _pick(rng, pool.syllables, count), strict=True)
                ]
            if middle:
                names = _pick(rng, middle, size) + " " + names
            else:
                second = rng.random(size) < RATES["second_forename"]
                names[second] = names[second] + " " + _pick(rng, given, int(second.sum()))
            forenames[chosen] = names
            family = _pick(rng, pool.surnames, size)
            if pool.surname_roots:
                composed = rng.random(size) < RATES["composed_surname"]
                count = int(composed.sum())
                family[composed] = _pick(rng, pool.surname_roots, count) + _pick(
                    rng, pool.surname_endings, count
                )
            surnames[chosen] = family
    return forenames, surnames


def _typo(name: str, rand: random.Random) -> str:
    """One keying error: a letter inserted, deleted or substituted, or two transposed."""
    if len(name) < 3:
        return name
    at = rand.randrange(1, len(name) - 1)
    kind = rand.choice(("insert", "delete", "substitute", "transpose"))
    if kind == "insert":
        return name[:at] + rand.choice(_LETTERS) + name[at:]
    if kind == "delete":
        return name[:at] + name[at + 1 :]
    if kind == "substitute":
        return name[:at] + rand.choice(_LETTERS) + name[at + 1 :]
    return name[:at] + name[at + 1] + name[at] + name[at + 2 :]


def _variant(name: str, rand: random.Random) -> str:
    words = [rand.choice(VARIANTS[w]) if w in VARIANTS else w for w in name.split(" ")]
    return " ".join(words)


def _corrupt_names(
    rng: np.random.Generator,
    rand: random.Random,
    forenames: np.ndarray,
    surnames: np.ndarray,
    middle_first: np.ndarray,
) -> None:
    """Corrupt the names in place, a few records at a time."""
    n = len(forenames)
    for names in (forenames, surnames):
        has_variant = np.fromiter(
            (any(w in VARIANTS for w in name.split(" ")) for name in names), bool, n
        )
        for i in np.flatnonzero(has_variant & (rng.random(n) < RATES["variant"])):
            names[i] = _variant(names[i], rand)
        for i in np.flatnonzero(rng.random(n) < RATES["typo"]):
            names[i] = _typo(names[i], rand)
    multiple = np.fromiter((" " in name for name in forenames), bool, n)
    for i in np.flatnonzero(multiple & (rng.random(n) < RATES["middle_dropped"])):
        # a Vietnamese middle name ("Văn Hùng" → "Hùng"), elsewhere a second forename
        words = forenames[i].split(" ")
        del words[0 if middle_first[i] else -1]
        forenames[i] = " ".join(words)
    for i in np.flatnonzero(rng.random(n) < RATES["diacritics_dropped"]):
        forenames[i], surnames[i] = unidecode(forenames[i]), unidecode(surnames[i])
    swapped = rng.random(n) < RATES["names_swapped"]
    forenames[swapped], surnames[swapped] = surnames[swapped], forenames[swapped].copy()


def _dates_of_birth(
    rng: np.random.Generator, dob: np.ndarray, recorded: np.ndarray
) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Each record's date of birth (NaT where missing), estimated age and the day it was
    estimated (where the date is missing)."""
    n = len(dob)
    dob = dob.copy()
    year = dob.astype("datetime64[Y]")
    month = dob.astype("datetime64[M]")
    month_number = (month - year).astype(int) + 1
    day_number = (dob - month).astype(int) + 1
    swappable = (day_number <= 12) & (day_number != month_number)
    swap = swappable & (rng.random(n) < RATES["dob_day_month_swapped"])
    dob[swap] = (
        year[swap].astype("datetime64[M]") + (day_number[swap] - 1).astype("timedelta64[M]")
    ).astype("datetime64[D]") + (month_number[swap] - 1).astype("timedelta64[D]")
    year_out = rng.random(n) < RATES["dob_year_out"]
    dob[year_out] += rng.choice([-365, 365], size=int(year_out.sum())).astype("timedelta64[D]")
    days_out = rng.random(n) < RATES["dob_days_out"]
    dob[days_out] += rng.choice([-3, -2, -1, 1, 2, 3], size=int(days_out.sum())).astype(
        "timedelta64[D]"
    )
    missing = rng.random(n) < RATES["dob_missing"]
    true_age = ((recorded - dob).astype(int) / 365.25).astype(int)
    estimated_age = np.where(missing, true_age + rng.integers(-2, 3, size=n), -1)
    dob[missing] = np.datetime64("NaT")
    return dob, estimated_age, missing


def _arrow_dates(values: np.ndarray, mask: np.ndarray) -> pa.Array:
    days = values.astype("datetime64[D]").astype(np.int64).astype(np.int32)
    return pa.array(days, type=pa.int32(), mask=mask).cast(pa.date32())


def _text(values: np.ndarray, mask: np.ndarray) -> pa.Array:
    return pa.array(values, type=pa.string(), mask=mask)


def people_synthesise(*, records: int, seed: int = 2012) -> pa.Table:
    """``records`` person records with known truth (``person_id``), in shuffled order, with the
    columns of ``PersonRecord``. The same ``records`` and ``seed`` give the same table."""
    if records < 0:
        raise ValueError("The number of records cannot be negative.")
    rng = np.random.default_rng(seed)
    rand = random.Random(seed)
    counts = _appearances(rng, records) if records else np.zeros(0, dtype=int)
    people = len(counts)
    weights = np.array([pool.weight for pool in POOLS])
    pool_of = rng.choice(len(POOLS), size=people, p=weights / weights.sum())
    female = rng.random(people) < 0.45
    forenames, surnames = _names(rng, pool_of, female)
    age_2012 = np.clip(12 + rng.gamma(2.2, 7.0, size=people), 8, 75)
    born = np.datetime64("2012-07-01") - (age_2012 * 365.25).astype("timedelta64[D]")
    phones = np.array([f"+447{n:09d}" for n in rng.integers(0, 10**9, size=people)], object)
    has_phone = rng.random(people) < RATES["phone_known"]

    order = rng.permutation(records)
    person = np.repeat(np.arange(people), counts)[order]
    n = records
    recorded = _RECORDED_FROM + rng.integers(0, _RECORDED_DAYS, size=n).astype("timedelta64[D]")
    dob, estimated_age, dob_missing = _dates_of_birth(rng, born[person], recorded)
    record_forenames, record_surnames = forenames[person].copy(), surnames[person].copy()
    has_middle = np.array([bool(pool.middle_male) for pool in POOLS])[pool_of[person]]
    _corrupt_names(rng, rand, record_forenames, record_surnames, has_middle)
    nationalities = np.array([pool.nationality for pool in POOLS], dtype=object)[pool_of[person]]
    genders = np.where(female[person], Gender.FEMALE.value, Gender.MALE.value).astype(object)
    sources = np.where(
        rng.random(n) < RATES["referral"], SOURCE_REFERRAL, SOURCE_INTELLIGENCE_REPORT
    )
    columns = {
        "record_id": pa.array([f"R{i:07d}" for i in range(1, n + 1)], pa.string()),
        "source": pa.array(sources.astype(object), pa.string()),
        "forenames": _text(record_forenames, rng.random(n) < RATES["forenames_missing"]),
        "surname": _text(record_surnames, rng.random(n) < RATES["surname_missing"]),
        "date_of_birth": _arrow_dates(dob, dob_missing),
        "estimated_age": pa.array(estimated_age, pa.int32(), mask=~dob_missing),
        "age_estimated_on": _arrow_dates(recorded, ~dob_missing),
        "gender": _text(genders, rng.random(n) < RATES["gender_missing"]),
        "nationality": _text(nationalities, rng.random(n) < RATES["nationality_missing"]),
        "phone": _text(
            phones[person], ~(has_phone[person] & (rng.random(n) < RATES["phone_recorded"]))
        ),
        "person_id": pa.array(person.astype(np.int64), pa.int64()),
    }
    assert tuple(columns)[: len(COLUMNS)] == COLUMNS
    return pa.table(columns)
