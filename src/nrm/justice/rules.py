"""The counting rules of criminal justice statistics, in one place.

- **Financial year**: 1 April to 31 March, named by the calendar year it starts in (2011 is
  2011-12); charges and decisions to prosecute are counted by the financial year of their date.
- **Convictions** are counted by the calendar year of the outcome.
- **Principal offence** (as the Ministry of Justice counts): one count per defendant per
  proceeding, for the offence with the heaviest sentence among those the defendant was convicted
  of. Sentences rank immediate custody (longer first), then suspended custody (longer first),
  community sentence, fine (larger first), discharge, otherwise dealt with, and no sentence
  recorded yet. Where two offences have the same sentence the principal one is a trafficking
  offence before any other, then the offence charged first (then the first recorded).
- **All offences**: every offence that resulted in a conviction, each counted once.
"""

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from nrm.standard import justice_codes as jc

FINANCIAL_YEAR_START_MONTH = 4


def financial_year(day: date) -> int:
    """The financial year ``day`` is in, named by the calendar year it starts in."""
    return day.year if day.month >= FINANCIAL_YEAR_START_MONTH else day.year - 1


_KIND_RANK = {kind: rank for rank, kind in enumerate(jc.SentenceKind)}


@dataclass(frozen=True)
class Conviction:
    """What the principal offence rule reads of one offence a defendant was convicted of."""

    key: int  # the charge's identity, for ties (the first recorded wins)
    offence: str
    charged_on: date
    sentence: str = ""
    custody_months: int | None = None
    fine_pence: int | None = None


def sentence_weight(c: Conviction) -> tuple[int, int]:
    """How heavy a sentence is: smaller is heavier (for sorting)."""
    if not c.sentence:
        return (len(_KIND_RANK), 0)
    rank = _KIND_RANK[jc.SentenceKind(c.sentence)]
    if c.sentence in jc.CUSTODIAL:
        return (rank, -(c.custody_months or 0))
    if c.sentence == jc.SentenceKind.FINE:
        return (rank, -(c.fine_pence or 0))
    return (rank, 0)


def is_trafficking(offence: str) -> bool:
    return jc.OFFENCE_CATEGORY[jc.Offence(offence)] != jc.OffenceCategory.NOT_TRAFFICKING


def principal_offence(convictions: Sequence[Conviction]) -> Conviction | None:
    """The principal offence of one defendant in one proceeding, among the offences they were
    convicted of; None when there is none."""
    if not convictions:
        return None
    return min(
        convictions,
        key=lambda c: (sentence_weight(c), not is_trafficking(c.offence), c.charged_on, c.key),
    )
