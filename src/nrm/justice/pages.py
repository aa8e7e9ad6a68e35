"""How prosecutions read on the hub's pages: codes in words, sentences in words, money in
pounds (kept in pence everywhere else), and the overview's rows."""

from typing import Any

from nrm.justice.page_selectors import (
    ChargeRead,
    DefendantRead,
    Overview,
    ProsecutionRead,
    RecoveryRead,
)
from nrm.standard import codes
from nrm.standard import justice_codes as jc
from nrm.statistics.present import pounds
from nrm.statistics.specs.model import period_label

NOT_RECORDED = "Not recorded"


def _label(choices: Any, value: str) -> str:
    return str(choices(value).label) if value in choices.values else value


def months_words(months: int) -> str:
    """A custodial term as a sentence is said: "2 years 6 months", "18 months" under 2 years."""
    if months < 24:
        return f"{months} month" + ("" if months == 1 else "s")
    years, rest = divmod(months, 12)
    words = f"{years} years"
    return words if rest == 0 else f"{words} {rest} month" + ("" if rest == 1 else "s")


def sentence_words(charge: ChargeRead) -> str:
    """The sentence of a convicted offence in words: kind, term or amount."""
    if charge.outcome != jc.ChargeOutcome.CONVICTED:
        return ""
    if not charge.sentence:
        return "Not sentenced yet"
    words = _label(jc.SentenceKind, charge.sentence)
    if charge.sentence in jc.CUSTODIAL and charge.custody_months:
        return f"{words}, {months_words(charge.custody_months)}"
    if charge.sentence == jc.SentenceKind.FINE and charge.fine_pence is not None:
        return f"{words}, {pounds(charge.fine_pence)}"
    return words


def charge_row(charge: ChargeRead) -> dict[str, Any]:
    return {
        "offence": _label(jc.Offence, charge.offence),
        "trafficking": charge.trafficking,
        "charged_on": charge.charged_on,
        "outcome": _label(jc.ChargeOutcome, charge.outcome),
        "outcome_on": charge.outcome_on,
        "sentence": sentence_words(charge),
        "principal": charge.principal,
    }


def defendant_row(defendant: DefendantRead) -> dict[str, Any]:
    return {
        "id": defendant.id,
        "name": defendant.name,
        "charges": [charge_row(c) for c in defendant.charges],
    }


def recovery_row(recovery: RecoveryRead) -> dict[str, Any]:
    return {
        "kind": _label(jc.RecoveryKind, recovery.kind),
        "status": _label(jc.RecoveryStatus, recovery.status),
        "amount": pounds(recovery.amount_pence),
        "recorded_on": recovery.recorded_on,
    }


def outcome_summary(read: ProsecutionRead) -> str:
    """What became of a prosecution's offences, in words: "2 convicted, 1 ongoing"."""
    counts: dict[str, int] = {}
    for charge in read.charges:
        counts[charge.outcome] = counts.get(charge.outcome, 0) + 1
    parts = [
        f"{counts[o.value]} {str(o.label).lower()}" for o in jc.ChargeOutcome if o.value in counts
    ]
    return ", ".join(parts) or NOT_RECORDED


def prosecution_summary(read: ProsecutionRead) -> dict[str, Any]:
    """One prosecution as a row of a list."""
    return {
        "id": read.id,
        "authority": _label(jc.ProsecutingAuthority, read.authority),
        "case_reference": read.case_reference,
        "court_nation": _label(codes.Nation, read.court_nation),
        "defendants": len(read.defendants),
        "first_charged": read.first_charged,
        "outcomes": outcome_summary(read),
        "recovered": pounds(read.recovered_pence),
    }


def prosecution_context(read: ProsecutionRead) -> dict[str, Any]:
    """One prosecution as its page shows it (the victims' cases are added by the view, which
    knows what the viewer may open)."""
    return {
        **prosecution_summary(read),
        "court": read.court,
        "defendant_rows": [defendant_row(d) for d in read.defendants],
        "recoveries": [recovery_row(r) for r in read.recoveries],
    }


def overview_rows(overview: Overview) -> list[dict[str, Any]]:
    """One row a year: referrals made in the calendar year; trafficking offences charged in the
    financial year that starts in it; defendants and offences convicted in the calendar year."""
    charged, convicted, offences = (table.total() for table in overview.tables)
    rows = []
    for i, year in enumerate(overview.years):
        rows.append(
            {
                "year": year,
                "financial_year": period_label("financial_year", year),
                "referrals": overview.referrals[i],
                "charged": charged.counts[i] if charged else 0,
                "convicted": convicted.counts[i] if convicted else 0,
                "offences_convicted": offences.counts[i] if offences else 0,
            }
        )
    return rows


def overview_tables(overview: Overview) -> list[dict[str, Any]]:
    """The overview's tables by jurisdiction, with their counting basis."""
    return [
        {
            "id": table.spec.id,
            "title": table.spec.title,
            "notes": table.spec.notes,
            "headers": table.column_labels,
            "rows": [
                {
                    "label": row.labels[0],
                    "cells": [
                        {"header": header, "count": count}
                        for header, count in zip(table.column_labels, row.counts, strict=True)
                    ],
                }
                for row in table.rows
            ],
        }
        for table in overview.tables
    ]
