"""``nrm report`` and the other commands: files in every format, charts, the HTML page, audit."""

import re
from pathlib import Path

import ibis
import pyarrow as pa
import pytest
from odf.opendocument import load as odf_load
from openpyxl import load_workbook

from nrm.audit.models import AuditEvent, AuditVerb
from nrm.cli import main
from nrm.statistics.disclosure import SUPPRESSED, DisclosureRule
from nrm.statistics.report import UNKNOWN_FORMAT, ReportError, formats_parse, report_write
from nrm.statistics.specs import ALL, BY_ID

pytestmark = pytest.mark.django_db  # the demo extract comes from the test database


@pytest.fixture(scope="module")
def report_dir(demo_referrals: ibis.Table, tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("report")
    report_write(demo_referrals, year=2012, out=out)
    return out


def test_every_table_is_written_in_every_format(report_dir: Path) -> None:
    for spec in ALL:
        for suffix in ("csv", "ods", "xlsx"):
            assert (report_dir / f"{spec.id}.{suffix}").stat().st_size > 0, (spec.id, suffix)


def test_every_figure_has_an_svg_and_a_png_chart(report_dir: Path) -> None:
    figures = [spec for spec in ALL if spec.is_figure]
    assert len(figures) >= 7
    for spec in figures:
        assert (report_dir / f"{spec.id}.svg").read_text().count("<svg") == 1
        assert (report_dir / f"{spec.id}.png").read_bytes().startswith(b"\x89PNG")


def test_the_csv_of_table_1_holds_the_published_counts(report_dir: Path) -> None:
    text = (report_dir / "t01.csv").read_text()
    assert "Northern Ireland,32,15,3%,1%,-53%" in text
    assert "Total,946,1186,100%,100%,25%" in text


def test_the_spreadsheets_hold_the_same_numbers(report_dir: Path) -> None:
    sheet = load_workbook(report_dir / "t08.xlsx").active
    assert sheet is not None
    values = [c.value for row in sheet.iter_rows() for c in row]
    assert 371 in values and "Table 8: Minors by UK country and exploitation type" in values
    ods = odf_load(str(report_dir / "t08.ods"))
    assert "371" in str(ods.spreadsheet)


def test_the_html_page_shows_every_table_chart_and_the_methodology_offline(
    report_dir: Path,
) -> None:
    page = (report_dir / "index.html").read_text()
    for spec in ALL:
        assert f"id='{spec.id}'" in page
    assert page.count("<svg") == sum(1 for spec in ALL if spec.chart)
    assert "Methodology" in page
    assert not re.search(r"(src|href)=['\"]?https?:", page)
    assert "<link" not in page and "<script" not in page


def test_a_public_report_suppresses_small_counts(
    demo_referrals: ibis.Table, tmp_path: Path
) -> None:
    report_write(demo_referrals, year=2012, out=tmp_path, formats=["csv"],
                 rule=DisclosureRule(), specs=[BY_ID["t08"]])  # fmt: skip
    text = (tmp_path / "t08.csv").read_text()
    assert SUPPRESSED in text
    assert "Northern Ireland,0,0,0,0,1,1" not in text


def test_an_unknown_format_is_refused() -> None:
    with pytest.raises(ReportError) as raised:
        formats_parse("csv,pdf")
    assert str(raised.value) == UNKNOWN_FORMAT.format(name="pdf")


def test_the_report_command_writes_from_an_extract_and_is_audited(
    demo_parquet: Path, tmp_path: Path
) -> None:
    out = tmp_path / "r"
    code = main(["report", "--year", "2012", "--out", str(out), "--format", "csv",
                 "--extract", str(demo_parquet), "--no-progress"])  # fmt: skip
    assert code == 0
    assert (out / "t22.csv").exists()
    event = AuditEvent.objects.get(verb=AuditVerb.REPORT_CREATE)
    assert event.detail["year"] == 2012 and event.detail["public"] is False


def test_the_extract_command_writes_an_audited_extract(
    demo_extract: pa.Table, tmp_path: Path
) -> None:
    out = tmp_path / "x.parquet"
    sample = Path(__file__).with_name("data") / "ctdc_sample.csv"
    assert main(["extract", "--from-ctdc", str(sample), "--out", str(out)]) == 0
    assert out.exists()
    assert AuditEvent.objects.get(verb=AuditVerb.EXTRACT_CREATE).detail["source"] == "ctdc"


def test_verify_published_passes_on_the_demo_extract(
    demo_parquet: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["verify-published", "--year", "2012", "--extract", str(demo_parquet)]) == 0
    out = capsys.readouterr().out
    assert "0 new" in out and "[KNOWN] Table 1: Wales % change" in out
    event = AuditEvent.objects.get(verb=AuditVerb.REPORT_CREATE)
    assert event.detail["kind"] == "verify-published" and event.detail["differ"] == 17
