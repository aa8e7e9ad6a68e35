"""The pseudonymised extract of the case store: one row per referral, whitelisted columns only.

``extract_table()`` reads the case store in chunks, selecting only the columns of
``columns.COLUMNS`` (and the reference, which is replaced by its keyed hash), and returns a
pyarrow table; each row is made by ``extract_row()``, which ``records.records_extract()`` uses too
for records of the data standard. ``extract_write()`` writes an extract as Parquet. Writing on
behalf of someone, with the audit, is ``services.extract_create``.
"""

import hashlib
import hmac
from collections.abc import Iterable, Iterator, Sequence
from datetime import date
from pathlib import Path
from typing import Any

import pyarrow as pa
import pyarrow.parquet as pq
from django.conf import settings
from tqdm import tqdm

from nrm.cases.models import Decision, Nationality, Referral
from nrm.standard.codes import DecisionOutcome, DecisionStage, NationalityBasis, uk_country
from nrm.standard.nationality import nationality_key
from nrm.statistics.columns import SCHEMA, empty_columns

NO_EXTRACT_KEY = "NRM_EXTRACT_KEY is not set: extracts need a key for their keyed hash"
CHUNK = 5000

_REFERRAL_FIELDS = (
    "id",
    "reference",
    "referral_date",
    "nation",
    "police_region",
    "exploitation_region",
    "exploitation_country",
    "exploitation_type",
    "exploitation_sub_types",
    "age_group",
    "competent_authority",
    "linked_immigration_interest",
    "organisation__responder_type",
    "person__gender",
)


class ExtractKeyMissing(Exception):
    """No key for the keyed hash."""


def extract_key() -> bytes:
    key = str(getattr(settings, "NRM_EXTRACT_KEY", "") or "")
    if not key:
        raise ExtractKeyMissing(NO_EXTRACT_KEY)
    return key.encode("utf-8")


def pseudonym(reference: str, key: bytes) -> str:
    """The keyed hash that stands for a reference: stable for one key, unlinkable without it."""
    return hmac.new(key, reference.encode("utf-8"), hashlib.sha256).hexdigest()[:32]


def _chunks(ids: list[int]) -> Iterator[list[int]]:
    for start in range(0, len(ids), CHUNK):
        yield ids[start : start + CHUNK]


Nationalities = tuple[list[str], str | None, str | None]


def nationality_parts(rows: Iterable[tuple[str, str, str | None]]) -> Nationalities:
    """A referral's nationalities (country, basis, certainty; in their order) as the claimed
    ones, the assessed one and its certainty."""
    claimed: list[str] = []
    assessed: str | None = None
    sure: str | None = None
    for country, basis, certainty in rows:
        if basis == NationalityBasis.CLAIMED:
            claimed.append(country)
        else:
            assessed, sure = country, certainty or None
    return claimed, assessed, sure


def nationality_counted(nationalities: tuple[Sequence[str], str | None, str | None]) -> str:
    """The nationality the statistics count a referral under (``Unknown`` when none is
    claimed): the one rule, for the extract and for the strategic assessment."""
    claimed, assessed, certainty = nationalities
    return nationality_key(list(claimed), assessed, certainty) if claimed else "Unknown"


def nationalities_of(ids: list[int]) -> dict[int, Nationalities]:
    """The nationalities of each of the referrals ``ids`` (``nationality_parts``)."""
    found: dict[int, list[tuple[str, str, str | None]]] = {i: [] for i in ids}
    rows = (
        Nationality.objects.filter(referral_id__in=ids)
        .order_by("referral_id", "position", "id")
        .values_list("referral_id", "country", "basis", "certainty")
    )
    for referral_id, country, basis, certainty in rows:
        found[referral_id].append((country, basis, certainty))
    return {i: nationality_parts(parts) for i, parts in found.items()}


def _decisions(ids: list[int]) -> dict[tuple[int, str], tuple[str, date]]:
    latest: dict[tuple[int, str], tuple[str, date]] = {}
    rows = (
        Decision.objects.filter(referral_id__in=ids)
        .order_by("referral_id", "decided_on", "id")
        .values_list("referral_id", "stage", "outcome", "decided_on")
    )
    for referral_id, stage, outcome, decided_on in rows:
        latest[(referral_id, stage)] = (outcome, decided_on)
    return latest


def extract_row(
    *,
    pseudonym: str,
    referral_date: date,
    nation: str,
    police_region: str,
    exploitation_region: str,
    exploitation_country: str | None,
    exploitation_type: str,
    exploitation_sub_types: Sequence[str],
    gender: str,
    age_group: str,
    nationalities: tuple[Sequence[str], str | None, str | None],
    competent_authority: str | None,
    linked_immigration_interest: bool,
    first_responder_type: str | None,
    rg: tuple[str, date] | None,
    cg: tuple[str, date] | None,
) -> dict[str, Any]:
    """One referral as the extract holds it (``columns.COLUMNS``), from its facts: the codes it
    was recorded with, its nationalities (claimed, assessed, certainty) and its latest decision
    at each stage (outcome, date; ``None``: pending). The one place an extract row is made,
    from the case store (``extract_table``) or from records (``records.records_extract``)."""
    claimed, assessed, _certainty = nationalities
    rg_outcome, rg_days = _decision(rg, referral_date)
    cg_outcome, cg_days = _decision(cg, referral_date)
    return {
        "pseudonym": pseudonym,
        "source": "nrm",
        "referral_year": referral_date.year,
        "referral_quarter": (referral_date.month - 1) // 3 + 1,
        "nation": uk_country(nation),
        "police_region": police_region,
        "exploitation_region": exploitation_region,
        "exploitation_country": exploitation_country or None,
        "exploitation_type": exploitation_type,
        "exploitation_sub_types": ";".join(exploitation_sub_types),
        "gender": gender,
        "age_group": age_group,
        "nationality": nationality_counted(nationalities),
        "claimed_nationality": claimed[0] if claimed else None,
        "assessed_nationality": assessed,
        "competent_authority": competent_authority,
        "linked_immigration_interest": bool(linked_immigration_interest),
        "first_responder_type": first_responder_type or None,
        "rg_outcome": rg_outcome,
        "rg_days": rg_days,
        "cg_outcome": cg_outcome,
        "cg_days": cg_days,
    }


def _decision(latest: tuple[str, date] | None, referral_date: date) -> tuple[str, int | None]:
    if latest is None:
        return DecisionOutcome.PENDING.value, None
    outcome, decided_on = latest
    return outcome, (decided_on - referral_date).days


def _add(columns: dict[str, list[Any]], row: tuple[Any, ...], key: bytes, extra: Any) -> None:
    (rid, reference, day, nation, region, e_region, e_country, etype, subs, age, authority,
     linked, responder, gender) = row  # fmt: skip
    nationalities, latest = extra
    values = extract_row(
        pseudonym=pseudonym(reference, key),
        referral_date=day,
        nation=nation,
        police_region=region,
        exploitation_region=e_region,
        exploitation_country=e_country,
        exploitation_type=etype,
        exploitation_sub_types=subs or [],
        gender=gender,
        age_group=age,
        nationalities=nationalities,
        competent_authority=authority,
        linked_immigration_interest=linked,
        first_responder_type=responder,
        rg=latest.get((rid, DecisionStage.REASONABLE_GROUNDS)),
        cg=latest.get((rid, DecisionStage.CONCLUSIVE_GROUNDS)),
    )
    for name, value in values.items():
        columns[name].append(value)


def extract_table(*, progress: bool | None = False) -> pa.Table:
    """Every referral of the case store as one pseudonymised row (``columns.SCHEMA``)."""
    key = extract_key()
    ids = list(Referral.objects.order_by("id").values_list("id", flat=True))
    columns = empty_columns()
    disable = None if progress is None else not progress  # None: a bar only on a terminal
    bar = tqdm(total=len(ids), unit="referral", disable=disable)
    with bar:
        for chunk in _chunks(ids):
            nationalities = nationalities_of(chunk)
            latest = _decisions(chunk)
            rows = (
                Referral.objects.filter(id__in=chunk).order_by("id").values_list(*_REFERRAL_FIELDS)
            )
            for row in rows:
                _add(columns, row, key, (nationalities[row[0]], latest))
            bar.update(len(chunk))
    return pa.Table.from_pydict(columns, schema=SCHEMA)


def extract_write(table: pa.Table, out: Path) -> None:
    """Write an extract as Parquet (through a temporary file: never a half-written extract)."""
    if table.schema != SCHEMA:
        raise ValueError("an extract holds exactly the whitelisted columns")
    out.parent.mkdir(parents=True, exist_ok=True)
    partial = out.with_name(out.name + ".partial")
    pq.write_table(table, partial, compression="zstd")
    partial.replace(out)


def extract_read(path: Path) -> pa.Table:
    table = pq.read_table(path)
    unknown = set(table.schema.names) - set(SCHEMA.names)
    if unknown:
        raise ValueError(
            f"{path.name}: columns outside the whitelist: {', '.join(sorted(unknown))}"
        )
    return table
