"""A report is written whole or not at all: a failure part-way leaves ``--out`` as it was, with
no file of the failed report and no temporary folder, and nothing is audited."""

from pathlib import Path
from typing import Any

import ibis
import pytest

from nrm.audit.models import AuditEvent, AuditVerb
from nrm.cli import main
from nrm.statistics import report
from nrm.statistics.commands import CANNOT_WRITE
from nrm.statistics.report import OUT_NOT_A_FOLDER, STAGING_PREFIX, report_write
from nrm.statistics.specs import BY_ID

SPECS = [BY_ID["t01"], BY_ID["fig01"], BY_ID["fig02"]]


class _Broken(Exception):
    pass


def _fail_at_fig02(monkeypatch: pytest.MonkeyPatch) -> None:
    """Make the chart of Fig. 2 fail, after the files of Table 1 and Fig. 1 are written."""
    draw = report.chart_draw

    def chart_draw(table: Any, out: Path) -> list[Path]:
        if table.id == "fig02":
            raise _Broken("the disk filled up")
        return draw(table, out)

    monkeypatch.setattr(report, "chart_draw", chart_draw)


def _leftovers(folder: Path) -> list[Path]:
    return [p for p in folder.rglob("*") if p.name.startswith(STAGING_PREFIX)]


@pytest.mark.django_db
def test_a_report_is_moved_into_place_whole(demo_referrals: ibis.Table, tmp_path: Path) -> None:
    out = tmp_path / "new" / "report"
    files = report_write(demo_referrals, year=2012, out=out, formats=["csv"], specs=SPECS)
    assert sorted(p.name for p in out.iterdir()) == sorted(p.name for p in files) == [
        "fig01.csv", "fig01.png", "fig01.svg", "fig02.csv", "fig02.png", "fig02.svg", "t01.csv",
    ]  # fmt: skip
    assert all(p.parent == out for p in files) and not _leftovers(tmp_path)


@pytest.mark.django_db
def test_a_failed_report_into_a_new_folder_leaves_nothing(
    demo_referrals: ibis.Table, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    _fail_at_fig02(monkeypatch)
    out = tmp_path / "report"
    with pytest.raises(_Broken):
        report_write(demo_referrals, year=2012, out=out, formats=["csv"], specs=SPECS)
    assert list(tmp_path.iterdir()) == []


@pytest.mark.django_db
def test_a_failed_report_into_a_folder_in_use_leaves_its_files_as_they_were(
    demo_referrals: ibis.Table, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    report_write(demo_referrals, year=2011, out=tmp_path, formats=["csv"], specs=SPECS)
    before = {p.name: p.read_bytes() for p in tmp_path.iterdir()}
    _fail_at_fig02(monkeypatch)
    with pytest.raises(_Broken):
        report_write(demo_referrals, year=2012, out=tmp_path, formats=["csv"], specs=SPECS)
    assert {p.name: p.read_bytes() for p in tmp_path.iterdir()} == before


@pytest.mark.django_db
def test_the_command_reports_a_failed_write_and_audits_nothing(
    demo_parquet: Path,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    def refuse(table: Any, out: Path) -> list[Path]:
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(report, "chart_draw", refuse)
    out = tmp_path / "r"
    code = main(["report", "--year", "2012", "--out", str(out), "--format", "csv",
                 "--extract", str(demo_parquet), "--no-progress"])  # fmt: skip
    assert code == 2
    expected = CANNOT_WRITE.format(path=out, reason="Permission denied")
    assert f"error: {expected}" in capsys.readouterr().err
    assert not out.exists() and not _leftovers(tmp_path)
    assert not AuditEvent.objects.filter(verb=AuditVerb.REPORT_CREATE).exists()


@pytest.mark.django_db
def test_an_out_that_is_a_file_is_refused_in_the_users_terms(
    demo_parquet: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "report.txt"
    out.write_text("keep me")
    code = main(["report", "--year", "2012", "--out", str(out), "--format", "csv",
                 "--extract", str(demo_parquet), "--no-progress"])  # fmt: skip
    assert code == 2
    assert f"error: {OUT_NOT_A_FOLDER.format(path=out)}" in capsys.readouterr().err
    assert out.read_text() == "keep me" and not _leftovers(tmp_path)
