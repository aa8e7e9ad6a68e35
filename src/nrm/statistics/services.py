"""Writing extracts and reports: capability checked, audited in the same transaction.

The actor needs ``Capability.READ_EXTRACTS``: a user acting through the application, or the
operator at the ``nrm`` command line (``nrm.accounts.actors.OPERATOR``), whose operating-system
user name the audit event records as ``operator``.
"""

import io
import tempfile
import zipfile
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

import ibis
import pyarrow as pa
from django.db import transaction

from nrm.accounts.actors import Actor
from nrm.accounts.capabilities import Capability
from nrm.accounts.permissions import capability_require
from nrm.audit.models import AuditVerb
from nrm.audit.services import audit_record
from nrm.statistics.extract import extract_table, extract_write
from nrm.statistics.present import Presented
from nrm.statistics.published.verifier import Verifier
from nrm.statistics.published.verify import verify
from nrm.statistics.renderers import WRITERS, table_bytes
from nrm.statistics.report import report_write


def _check(actor: Actor) -> None:
    capability_require(actor=actor, capability=Capability.READ_EXTRACTS)


def extract_create(
    *,
    out: Path,
    actor: Actor,
    operator: str = "",
    table: pa.Table | None = None,
    source: str = "case store",
    progress: bool | None = False,
) -> int:
    """Write the pseudonymised extract of the case store (or ``table``) to ``out``; return rows."""
    _check(actor)
    data = extract_table(progress=progress) if table is None else table
    with transaction.atomic():
        audit_record(
            actor=actor,
            verb=AuditVerb.EXTRACT_CREATE,
            detail={
                "file": out.name,
                "rows": data.num_rows,
                "source": source,
                "operator": operator,
                "columns": list(data.schema.names),
            },
        )
        extract_write(data, out)
    return int(data.num_rows)


def report_create(
    *,
    write: Callable[[], list[Path]],
    actor: Actor,
    operator: str = "",
    detail: dict[str, Any],
) -> list[Path]:
    """Run ``write`` (which produces the report files) and audit it; return the files written."""
    _check(actor)
    with transaction.atomic():
        files = write()
        audit_record(
            actor=actor,
            verb=AuditVerb.REPORT_CREATE,
            detail={**detail, "operator": operator, "files": len(files)},
        )
    return files


def published_verify(
    *,
    referrals: ibis.Table,
    year: int,
    reference: Path | None = None,
    actor: Actor,
    operator: str = "",
    source: str = "case store",
    checkers: Sequence[Callable[[Verifier], None]] = (),
) -> Verifier:
    """Compare the computed tables with the published ones (and run ``checkers``, the checks
    of parts above the statistics); audited like a report."""
    _check(actor)
    with transaction.atomic():
        verifier = verify(referrals, year=year, reference=reference, checkers=checkers)
        audit_record(
            actor=actor,
            verb=AuditVerb.REPORT_CREATE,
            detail={
                "kind": "verify-published",
                "year": year,
                "source": source,
                "operator": operator,
                "checked": len(verifier.checks),
                "differ": len(verifier.discrepancies),
            },
        )
    return verifier


UNKNOWN_DOWNLOAD_FORMAT = "unknown download format {name!r}: choose csv, ods or xlsx"


def statistics_read_record(*, actor: Actor, year: int, detail: dict[str, Any]) -> None:
    """Audit a view of the statistics of ``year`` (``statistics.read``)."""
    _check(actor)
    audit_record(actor=actor, verb=AuditVerb.STATISTICS_READ, detail={"year": year, **detail})


def table_download(*, actor: Actor, table: Presented, year: int, fmt: str) -> tuple[str, bytes]:
    """One table as a CSV, ODS or XLSX file (name, content), through the report's renderers;
    audited as ``statistics.read`` with the table and format."""
    _check(actor)
    if fmt not in WRITERS:
        raise ValueError(UNKNOWN_DOWNLOAD_FORMAT.format(name=fmt))
    written, content = table_bytes(table, fmt)
    name = f"nrm-{year}-{written}"
    with transaction.atomic():
        audit_record(
            actor=actor,
            verb=AuditVerb.STATISTICS_READ,
            detail={"year": year, "table": table.id, "format": fmt, "file": name},
        )
    return name, content


def report_download(*, actor: Actor, referrals: ibis.Table, year: int) -> tuple[str, bytes]:
    """The whole report of ``year`` (every table in CSV, ODS and XLSX, the charts and the HTML
    page) as a ZIP file (name, content); audited as ``report.create`` by ``report_create``."""
    name = f"nrm-statistics-{year}.zip"
    with tempfile.TemporaryDirectory() as folder:
        out = Path(folder)
        files = report_create(
            write=lambda: report_write(referrals, year=year, out=out),
            actor=actor,
            detail={
                "year": year,
                "formats": ["csv", "ods", "xlsx", "html"],
                "public": False,
                "source": "case store",
                "file": name,
            },
        )
        buffer = io.BytesIO()
        with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
            for path in files:
                archive.write(path, arcname=path.name)
    return name, buffer.getvalue()
