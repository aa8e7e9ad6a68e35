"""The strategic assessment written out: its pseudonymised extract (Parquet), every table in
each format with the charts and an HTML page (the statistics' report writer, with the
assessment's own methodology), all or nothing; and on someone's behalf, audited
(``assessment_create``)."""

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import ibis
import pyarrow.parquet as pq
from django.db import transaction

from nrm.accounts.actors import Actor
from nrm.accounts.capabilities import Capability
from nrm.accounts.permissions import capability_require
from nrm.audit.models import AuditVerb
from nrm.audit.services import audit_record
from nrm.intelligence.assessment.extract import Assessment, assessment_build
from nrm.intelligence.assessment.specs import ASSESSMENT
from nrm.statistics.engine import backend_connect, referrals_table
from nrm.statistics.report import FORMATS, report_write, staged

TITLE = "UKHTC strategic assessment: potential victims"
METHODOLOGY = (
    "The assessment counts potential victims known to the National Referral Mechanism or "
    "reported in intelligence to the UK Human Trafficking Centre. The same person is often "
    "referred or reported more than once, under names spelt differently: the referrals and the "
    "reports are resolved into people (probabilistic record linkage, with the pairs analysts "
    "accepted or rejected), and each person is counted once a year, with the nationality and "
    "age group of their latest NRM referral, or else of the latest report that records them. "
    "Intelligence is graded (3x5x2): much of it comes from sources not known to be reliable and "
    "is not corroborated, so a person a report describes as a potential victim may not be one, "
    "and two reports may describe one person without saying enough to show it. The figures "
    "indicate the scale of trafficking and are not official statistics of victims, nor "
    "comparable with the NRM statistics, which count referrals. Minors: under 18 when the "
    "exploitation began. The extract holds no name, date of birth or reference."
)
EXTRACT_NAME = "assessment-{year}.parquet"


@dataclass(frozen=True)
class Written:
    assessment: Assessment
    files: list[Path]


def assessment_table(assessment: Assessment) -> ibis.Table:
    """The extract as a table the statistics engine counts (DuckDB, in memory)."""
    return referrals_table(backend_connect(), assessment.table, name="assessment")


def assessment_write(
    assessment: Assessment,
    *,
    out: Path,
    formats: Sequence[str] = FORMATS,
    progress: bool | None = False,
) -> list[Path]:
    """Write the extract and the tables of ``assessment`` into ``out``; all or nothing."""
    name = EXTRACT_NAME.format(year=assessment.year)
    with staged(out) as stage:
        files = report_write(
            assessment_table(assessment), year=assessment.year, out=stage, formats=formats,
            specs=ASSESSMENT, progress=progress, title=TITLE, methodology=METHODOLOGY,
        )  # fmt: skip
        pq.write_table(assessment.table, stage / name)
    return [out / path.name for path in files] + [out / name]


def assessment_create(
    *,
    actor: Actor,
    year: int,
    out: Path | None = None,
    formats: Sequence[str] = FORMATS,
    operator: str = "",
) -> Written:
    """Build the assessment of ``year`` (with the analysts' decisions of the review queue) and,
    given ``out``, write it; audited like a report. Only a national intelligence analyst, or an
    operator, may."""
    capability_require(
        actor=actor, capability=Capability.READ_NATIONAL_INTELLIGENCE,
        detail={"kind": "assessment", "year": year},
    )  # fmt: skip
    assessment = assessment_build(year=year)
    with transaction.atomic():
        files = assessment_write(assessment, out=out, formats=formats) if out else []
        detail: dict[str, Any] = {
            "kind": "assessment", "year": year, "operator": operator, "files": len(files),
            "records": assessment.records, "people": assessment.people,
        }  # fmt: skip
        if out is not None:
            detail["directory"] = out.name
        audit_record(actor=actor, verb=AuditVerb.REPORT_CREATE, detail=detail)
    return Written(assessment, files)
