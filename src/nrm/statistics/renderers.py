"""Renderers: one file per table in CSV, ODS (as UK official statistics publish) and XLSX.

Each file holds the title, the table and its notes. The HTML report page is ``html_report``;
charts are ``charts``.
"""

import csv
import tempfile
from collections.abc import Callable
from pathlib import Path

from odf.opendocument import OpenDocumentSpreadsheet
from odf.table import Table, TableCell, TableRow
from odf.text import P
from openpyxl import Workbook
from openpyxl.styles import Font

from nrm.statistics.present import Cell, Presented


def _name(table: Presented, suffix: str) -> str:
    return f"{table.id}.{suffix}"


def csv_write(table: Presented, out: Path) -> Path:
    path = out / _name(table, "csv")
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(table.header)
        writer.writerows(["" if v is None else v for v in row] for row in table.rows)
    return path


def xlsx_write(table: Presented, out: Path) -> Path:
    path = out / _name(table, "xlsx")
    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.title = table.id
    sheet.append([f"{table.number}: {table.title}"])
    sheet["A1"].font = Font(bold=True)
    sheet.append(table.header)
    for cell in sheet[2]:
        cell.font = Font(bold=True)
    for row in table.rows:
        sheet.append(["" if v is None else v for v in row])
    sheet.append([])
    for note in table.notes:
        sheet.append([note])
    book.save(path)
    return path


def _odf_cell(value: Cell) -> TableCell:
    if isinstance(value, int) and not isinstance(value, bool):
        cell = TableCell(valuetype="float", value=value)
        cell.addElement(P(text=str(value)))
        return cell
    cell = TableCell(valuetype="string")
    cell.addElement(P(text="" if value is None else str(value)))
    return cell


def ods_write(table: Presented, out: Path) -> Path:
    path = out / _name(table, "ods")
    document = OpenDocumentSpreadsheet()
    sheet = Table(name=table.id)
    lines: list[list[Cell]] = [[f"{table.number}: {table.title}"], list(table.header)]
    lines += table.rows
    lines += [[]] + [[note] for note in table.notes]
    for line in lines:
        row = TableRow()
        for value in line:
            row.addElement(_odf_cell(value))
        sheet.addElement(row)
    document.spreadsheet.addElement(sheet)
    document.save(str(path))
    return path


WRITERS: dict[str, Callable[[Presented, Path], Path]] = {
    "csv": csv_write,
    "ods": ods_write,
    "xlsx": xlsx_write,
}


def table_bytes(table: Presented, fmt: str) -> tuple[str, bytes]:
    """One table written in ``fmt`` (a key of ``WRITERS``): its file name and content."""
    with tempfile.TemporaryDirectory() as folder:
        path = WRITERS[fmt](table, Path(folder))
        return path.name, path.read_bytes()
