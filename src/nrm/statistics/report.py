"""The report: every spec evaluated for a year and written in each format, with charts and the
HTML page (``report_write``), and the referrals it counts (``load_referrals``). Writing it on
someone's behalf, audited, is ``services.report_create``; ``nrm report`` is in ``commands``."""

import os
import shutil
import tempfile
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path

import ibis
from django.conf import settings
from tqdm import tqdm

from nrm.statistics.charts import chart_draw
from nrm.statistics.disclosure import DisclosureRule
from nrm.statistics.engine import backend_connect, referrals_table, specs_evaluate
from nrm.statistics.extract import ExtractKeyMissing, extract_table
from nrm.statistics.html_report import METHODOLOGY, TITLE, html_write
from nrm.statistics.present import Presented, result_present
from nrm.statistics.renderers import WRITERS
from nrm.statistics.result import Result
from nrm.statistics.spark import SparkMissing
from nrm.statistics.specs import ALL, Spec

FORMATS = ("csv", "ods", "xlsx", "html")
UNKNOWN_FORMAT = "unknown format {name!r}: choose from csv, ods, xlsx, html"
NO_EXTRACT = "no extract at {path}"
OUT_NOT_A_FOLDER = "cannot write the report to {path}: it is a file, not a folder"
STAGING_PREFIX = ".nrm-report-"


class ReportError(Exception):
    """Bad options: nothing was written."""


def formats_parse(text: str) -> list[str]:
    names = [name.strip().lower() for name in text.split(",") if name.strip()]
    for name in names:
        if name not in FORMATS:
            raise ReportError(UNKNOWN_FORMAT.format(name=name))
    return names or list(FORMATS)


def load_referrals(
    extract: Path | None, *, progress: bool | None = False, engine: str = "duckdb"
) -> ibis.Table:
    """The referrals to count: a Parquet extract, or an in-memory extract of the case store, on
    the ``engine`` (``ENGINES``; Spark at the master of the setting ``NRM_SPARK_MASTER``)."""
    try:
        con = backend_connect(engine, spark_master=settings.NRM_SPARK_MASTER)
    except SparkMissing as exc:
        raise ReportError(str(exc)) from exc
    if extract is not None:
        if not extract.is_file():
            raise ReportError(NO_EXTRACT.format(path=extract))
        return referrals_table(con, extract)
    try:
        return referrals_table(con, extract_table(progress=progress))
    except ExtractKeyMissing as exc:
        raise ReportError(str(exc)) from exc


def _existing_ancestor(path: Path) -> Path:
    for folder in (path, *path.parents):
        if folder.is_dir():
            return folder
    return Path.cwd()


@contextmanager
def staged(out: Path) -> Iterator[Path]:
    """A temporary folder to write a report into, beside ``out`` (in its nearest existing
    folder, so on the same file system). When the block ends without an error every file in it
    is moved into ``out`` (created if need be) by renaming, replacing files of the same names;
    when it raises, the temporary folder is removed and ``out`` is left as it was."""
    if out.exists() and not out.is_dir():
        raise ReportError(OUT_NOT_A_FOLDER.format(path=out))
    stage = Path(tempfile.mkdtemp(prefix=STAGING_PREFIX, dir=_existing_ancestor(out.absolute())))
    try:
        yield stage
        out.mkdir(parents=True, exist_ok=True)
        for path in sorted(stage.iterdir()):
            os.replace(path, out / path.name)
    finally:
        shutil.rmtree(stage, ignore_errors=True)


def report_write(
    referrals: ibis.Table,
    *,
    year: int,
    out: Path,
    formats: Sequence[str] = FORMATS,
    rule: DisclosureRule | None = None,
    specs: Sequence[Spec] = ALL,
    progress: bool | None = False,
    title: str = TITLE,
    methodology: str = METHODOLOGY,
    extra: Sequence[Result] = (),
) -> list[Path]:
    """Write every table in each format, a chart per figure and the HTML page into ``out``;
    return the files. All or nothing: the files are written into a temporary folder and moved
    into ``out`` only once every one is written (``staged``), so a report that fails leaves
    nothing of itself behind. ``title`` and ``methodology`` head the HTML page. ``extra`` are
    tables evaluated on other extracts (``nrm.statistics.sections``), written after the
    referrals' tables."""
    results = [*specs_evaluate(specs, referrals, year=year), *extra]
    tables: list[Presented] = [result_present(result, rule) for result in results]
    with staged(out) as stage:
        names = _write(tables, stage, year=year, formats=formats, rule=rule, progress=progress,
                       page=(title, methodology))  # fmt: skip
    return [out / name for name in names]


def _write(
    tables: list[Presented],
    stage: Path,
    *,
    year: int,
    formats: Sequence[str],
    rule: DisclosureRule | None,
    progress: bool | None,
    page: tuple[str, str],
) -> list[str]:
    files: list[Path] = []
    charts: dict[str, Path] = {}
    disable = None if progress is None else not progress
    for table in tqdm(tables, unit="table", disable=disable):
        for name in formats:
            if name in WRITERS:
                files.append(WRITERS[name](table, stage))
        drawn = chart_draw(table, stage)
        files += drawn
        if drawn:
            charts[table.id] = drawn[0]
    if "html" in formats:
        files.append(html_write(tables, charts, stage, year=year, public=rule is not None,
                                title=page[0], methodology=page[1]))  # fmt: skip
    return [path.name for path in files]
