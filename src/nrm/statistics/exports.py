"""Case records exported in HTCDS and in the CTDC layout: ``cases_export``.

Reads the case store through ``case_export.cases_for_export`` (pseudonymised), writes the file
whole or not at all (through a temporary file) and audits the export in the same transaction
(``extract.create`` with ``kind: export``: an export is a pseudonymised extract in another
layout). ``public`` releases the CTDC layout k-anonymous and l-diverse (``release``).
"""

import csv
import io
import zipfile
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

from django.db import transaction

from nrm.accounts.actors import Actor
from nrm.accounts.capabilities import Capability
from nrm.accounts.permissions import capability_require
from nrm.audit.models import AuditVerb
from nrm.audit.services import audit_record
from nrm.standard import ctdc_layout
from nrm.standard import htcds as h
from nrm.standard.htcds_codes import HTCDS_VERSION
from nrm.statistics.case_export import cases_for_export
from nrm.statistics.dp_synthetic import Utility, dp_synthetic_rows, utility
from nrm.statistics.release import Loss, release_rows

FORMATS = ("htcds", "ctdc")
PUBLIC_ONLY_CTDC = (
    "--public releases the CTDC layout (--format ctdc): HTCDS is a case-exchange format "
    "between organisations, never published"
)
UNKNOWN_FORMAT = "unknown export format {name!r}: choose htcds or ctdc"
SYNTHETIC_ONLY_CTDC = (
    "--synthetic makes records of the CTDC layout (--format ctdc), and is not --public"
)


class ExportRefused(Exception):
    """The export asked for cannot be made; nothing is written."""


@dataclass(frozen=True)
class Exported:
    rows: int
    loss: Loss | None = None
    utility: list[Utility] | None = None


def _csv(columns: Sequence[str], rows: Iterable[dict[str, str]]) -> str:
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=list(columns), lineterminator="\n")
    writer.writeheader()
    writer.writerows(rows)
    return buffer.getvalue()


def htcds_tables(facts: Iterable[h.CaseFacts]) -> dict[str, str]:
    """The four HTCDS tables (file name: CSV text) of the referrals ``facts``."""
    cases, events = [], []
    organisations: dict[str, dict[str, str]] = {}
    for fact in facts:
        cases.append(h.case_row(fact))
        events += h.event_rows(fact)
        code = str(fact.record.get("first_responder_organisation") or "")
        if code and code not in organisations:
            organisations[code] = h.organisation_row(code, fact.responder_type)
    return {
        h.CASES: _csv(h.CASE_COLUMNS, cases),
        h.EVENTS: _csv(h.EVENT_COLUMNS, events),
        h.ORGANISATIONS: _csv(h.ORGANISATION_COLUMNS, organisations.values()),
        h.PERPETRATORS: _csv(h.PERPETRATOR_COLUMNS, []),
    }


def _zip(tables: dict[str, str]) -> Callable[[Path], None]:
    def write(path: Path) -> None:
        with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
            for name, text in tables.items():
                archive.writestr(name, text)

    return write


def _text(text: str) -> Callable[[Path], None]:
    def write(path: Path) -> None:
        path.write_text(text, encoding="utf-8", newline="")

    return write


def _write(out: Path, write: Callable[[Path], None]) -> None:
    """Write ``out`` whole or not at all."""
    out.parent.mkdir(parents=True, exist_ok=True)
    partial = out.with_name(out.name + ".partial")
    try:
        write(partial)
        partial.replace(out)
    finally:
        partial.unlink(missing_ok=True)


def cases_export(
    *,
    actor: Actor,
    fmt: str,
    out: Path,
    year: int | None = None,
    public: bool = False,
    k: int = 11,
    l_div: int = 2,
    synthetic_epsilon: float | None = None,
    operator: str = "",
) -> Exported:
    """Write the referrals (of ``year``) as ``fmt`` to ``out``; audited. With
    ``synthetic_epsilon``: differentially private synthetic records instead (CTDC layout)."""
    capability_require(actor=actor, capability=Capability.READ_EXTRACTS)
    if fmt not in FORMATS:
        raise ExportRefused(UNKNOWN_FORMAT.format(name=fmt))
    if public and fmt != "ctdc":
        raise ExportRefused(PUBLIC_ONLY_CTDC)
    if synthetic_epsilon is not None and (fmt != "ctdc" or public):
        raise ExportRefused(SYNTHETIC_ONLY_CTDC)
    facts = list(cases_for_export(year=year))
    loss, measured = None, None
    if fmt == "htcds":
        write, rows = _zip(htcds_tables(facts)), len(facts)
    else:
        ctdc_rows = [ctdc_layout.ctdc_row(fact) for fact in facts]
        if public:
            released = release_rows(ctdc_rows, k=k, l_div=l_div)
            ctdc_rows, loss = released.rows, released.loss
        elif synthetic_epsilon is not None:
            real, ctdc_rows = ctdc_rows, dp_synthetic_rows(ctdc_rows, epsilon=synthetic_epsilon)
            measured = utility(real, ctdc_rows)
        write, rows = _text(_csv(ctdc_layout.COLUMNS, ctdc_rows)), len(ctdc_rows)
    detail = {
        "kind": "export",
        "format": fmt,
        "version": HTCDS_VERSION if fmt == "htcds" else "ctdc",
        "file": out.name,
        "rows": rows,
        "year": year,
        "public": public,
        "operator": operator,
    }
    if loss is not None:
        detail.update({"k": k, "l": l_div, "suppressed": loss.suppressed})
    if synthetic_epsilon is not None:
        detail["synthetic_epsilon"] = synthetic_epsilon
    with transaction.atomic():
        audit_record(actor=actor, verb=AuditVerb.EXTRACT_CREATE, detail=detail)
        _write(out, write)
    return Exported(rows, loss, measured)
