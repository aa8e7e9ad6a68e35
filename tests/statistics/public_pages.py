"""Reading the public site's answers back as cells: the tables of an HTML page, a CSV file and
an ODS file, each as rows of the text of their cells."""

import csv
import io
from html.parser import HTMLParser

from odf.opendocument import load as odf_load
from odf.table import TableCell, TableRow
from odf.text import P


class _Tables(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.tables: dict[str, list[list[str]]] = {}
        self._table: str | None = None
        self._row: list[str] | None = None
        self._cell: list[str] | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "table":
            self._table = dict(attrs).get("id") or f"table-{len(self.tables)}"
            self.tables[self._table] = []
        elif tag == "tr" and self._table is not None:
            self._row = []
        elif tag in ("td", "th") and self._row is not None:
            self._cell = []

    def handle_endtag(self, tag: str) -> None:
        if tag in ("td", "th") and self._cell is not None and self._row is not None:
            self._row.append(" ".join("".join(self._cell).split()))
            self._cell = None
        elif tag == "tr" and self._row is not None and self._table is not None:
            self.tables[self._table].append(self._row)
            self._row = None
        elif tag == "table":
            self._table = None

    def handle_data(self, data: str) -> None:
        if self._cell is not None:
            self._cell.append(data)


def html_tables(page: str) -> dict[str, list[list[str]]]:
    """Every table of ``page`` by its id: rows of cell texts (the header row first)."""
    parser = _Tables()
    parser.feed(page)
    return parser.tables


def csv_rows(content: bytes) -> list[list[str]]:
    return list(csv.reader(io.StringIO(content.decode("utf-8"))))


def ods_rows(content: bytes) -> list[list[str]]:
    document = odf_load(io.BytesIO(content))
    return [
        [_text(cell) for cell in row.getElementsByType(TableCell)]
        for row in document.spreadsheet.getElementsByType(TableRow)
    ]


def _text(cell: TableCell) -> str:
    return "".join(str(p) for p in cell.getElementsByType(P))


def shown(value: object) -> str:
    """A presented cell as every public output writes it."""
    return "" if value is None else str(value)
