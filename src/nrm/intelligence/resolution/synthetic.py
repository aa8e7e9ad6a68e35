"""Generated people with known truth, for testing and benchmarking person resolution (never for
intelligence).

Each true person (name from the pools of their nationality, gender, date of birth, sometimes a
phone, a home region and an episode: the time they come to notice) appears 1-4 times, as a
referral or as an intelligence report. Each appearance has a date of encounter and a region, as
both sources do (a referral's date and police region or region of exploitation; a report's event
date and location), and neither is a giveaway: a quarter of records fall anywhere in the four
years, not in the episode; three in ten are in a region drawn afresh (the person moved on, or
was exploited away from home), so two records of one person share a region about half the time
and two records of different people one time in eight (``REGIONS``); the region is missing from
15 % of records and the date from 10 % (``RATES``). Each appearance is corrupted the way real
records are: the date of birth missing with an estimated age (±2 years) instead, day and month
swapped, the year mistyped one out (same day and month) or the day a few out; names with a typo
(a letter inserted, deleted, substituted or two transposed), a transliteration (Nguyễn / Nguyen
/ Ngyuen, Mohammed / Muhammad), diacritics dropped, a middle name left out, forename and surname
swapped; gender, nationality or a name not recorded. Phones: 30 % of people have one, on half
of their records. The column ``person_id`` is the truth. Columns are drawn with numpy; only the
few corrupted names pass through Python one at a time, so 100,000 records take a second or two.
"""

import random

import numpy as np
import pyarrow as pa
from unidecode import unidecode

from nrm.intelligence.resolution.records import COLUMNS
from nrm.intelligence.resolution.synthetic_names import POOLS, VARIANTS
from nrm.standard.codes import Gender
from nrm.standard.intelligence_codes import PersonRecordSource

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
    "region_missing": 0.15,  # not recorded, overseas or several places
    "region_elsewhere": 0.30,  # a region drawn afresh: moved on, or encountered away from home
    "encounter_missing": 0.10,  # a report that gives no date for the event
    "encounter_later": 0.25,  # outside the person's episode: anywhere in the four years
    "second_forename": 0.25,  # of people outside the pools with middle names
    "two_syllables": 0.6,  # of given names of pools with syllables
    "composed_surname": 0.6,  # of surnames of pools with roots and endings
}
# Share of referrals by police region (rounded from the published NRM statistics, where North
# East includes Yorkshire and the Humber): where people are encountered, and so how often two
# different people share a region by chance (about one pair in eight).
REGIONS = {
    "london": 0.22,
    "north_west": 0.13,
    "north_east": 0.12,
    "west_midlands": 0.11,
    "south_east": 0.10,
    "eastern": 0.08,
    "east_midlands": 0.07,
    "south_west": 0.06,
    "scotland": 0.06,
    "wales": 0.04,
    "northern_ireland": 0.01,
}
# Records of a person's episode fall this many days (mean, exponential) after its start.
EPISODE_DAYS = 60
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
    # A year mistyped one out: the same day and month (29 February becomes the 28th).
    year_out = rng.random(n) < RATES["dob_year_out"]
    shift = rng.choice([-1, 1], size=int(year_out.sum())).astype("timedelta64[Y]")
    day_in_month = np.minimum(day_number[year_out], 28 + (month_number[year_out] != 2) * 3)
    shifted_month = (year[year_out] + shift).astype("datetime64[M]") + (
        month_number[year_out] - 1
    ).astype("timedelta64[M]")
    dob[year_out] = np.minimum(
        shifted_month.astype("datetime64[D]") + (day_in_month - 1).astype("timedelta64[D]"),
        (shifted_month + 1).astype("datetime64[D]") - 1,
    )
    days_out = rng.random(n) < RATES["dob_days_out"]
    dob[days_out] += rng.choice([-3, -2, -1, 1, 2, 3], size=int(days_out.sum())).astype(
        "timedelta64[D]"
    )
    missing = rng.random(n) < RATES["dob_missing"]
    true_age = ((recorded - dob).astype(int) / 365.25).astype(int)
    estimated_age = np.where(missing, true_age + rng.integers(-2, 3, size=n), -1)
    dob[missing] = np.datetime64("NaT")
    return dob, estimated_age, missing


def _encounters(
    rng: np.random.Generator, episode: np.ndarray, home: np.ndarray
) -> tuple[np.ndarray, np.ndarray]:
    """Each record's date of encounter (a referral's date, a report's event) and region: most
    within the person's episode (days after its start, exponential with mean ``EPISODE_DAYS``)
    and home region, the rest anywhere in the four years and any region (``REGIONS``)."""
    n = len(episode)
    later = rng.random(n) < RATES["encounter_later"]
    days = np.where(
        later,
        rng.integers(0, _RECORDED_DAYS, size=n),
        np.minimum(episode + rng.exponential(EPISODE_DAYS, size=n).astype(int), _RECORDED_DAYS),
    )
    elsewhere = rng.random(n) < RATES["region_elsewhere"]
    drawn = rng.choice(list(REGIONS), size=n, p=list(REGIONS.values()))
    regions = np.where(elsewhere, drawn, home).astype(object)
    return _RECORDED_FROM + days.astype("timedelta64[D]"), regions


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

    home = rng.choice(list(REGIONS), size=people, p=list(REGIONS.values()))
    episode = rng.integers(0, _RECORDED_DAYS, size=people)

    order = rng.permutation(records)
    person = np.repeat(np.arange(people), counts)[order]
    n = records
    recorded, regions = _encounters(rng, episode[person], home[person])
    dob, estimated_age, dob_missing = _dates_of_birth(rng, born[person], recorded)
    record_forenames, record_surnames = forenames[person].copy(), surnames[person].copy()
    has_middle = np.array([bool(pool.middle_male) for pool in POOLS])[pool_of[person]]
    _corrupt_names(rng, rand, record_forenames, record_surnames, has_middle)
    nationalities = np.array([pool.nationality for pool in POOLS], dtype=object)[pool_of[person]]
    genders = np.where(female[person], Gender.FEMALE.value, Gender.MALE.value).astype(object)
    sources = np.where(
        rng.random(n) < RATES["referral"],
        PersonRecordSource.REFERRAL.value,
        PersonRecordSource.INTELLIGENCE_REPORT.value,
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
        "encountered_on": _arrow_dates(recorded, rng.random(n) < RATES["encounter_missing"]),
        "region": _text(regions, rng.random(n) < RATES["region_missing"]),
        "person_id": pa.array(person.astype(np.int64), pa.int64()),
    }
    assert tuple(columns)[: len(COLUMNS)] == COLUMNS
    return pa.table(columns)
