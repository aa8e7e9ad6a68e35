from pathlib import Path

import pytest

from nrm.cases.referrals.csvformat import NOT_UTF8, CsvFormatError, CsvSource
from nrm.standard.schema import Referral

HEADER = "referral_date,nation,gender,claimed_nationalities,exploitation_type,account\n"


def rows_of(path: Path, chunk_size: int) -> list[tuple[int, list[str]]]:
    with CsvSource(path, Referral, defaults={}) as source:
        return [row for chunk in source.chunks(chunk_size) for row in chunk.numbered()]


def test_a_quoted_cell_may_hold_line_breaks_across_chunks_and_rows_keep_their_numbers(
    tmp_path: Path,
) -> None:
    path = tmp_path / "in.csv"
    path.write_text(
        HEADER
        + "2012-01-01,england,female,NGA,sexual,plain\n"
        + '2012-01-02,england,female,NGA,sexual,"first line\nsecond, ""quoted"" line\nthird"\n'
        + "\n"
        + "2012-01-04,wales,male,ROU,labour,after\n",
        encoding="utf-8",
    )
    for chunk_size in (1, 2, 500):
        rows = rows_of(path, chunk_size)
        assert [number for number, _ in rows] == [2, 3, 5], chunk_size
        assert rows[1][1][-1] == 'first line\nsecond, "quoted" line\nthird'
        assert rows[2][1][:2] == ["2012-01-04", "wales"]


def test_a_file_that_is_not_utf8_is_refused_naming_the_line(tmp_path: Path) -> None:
    path = tmp_path / "in.csv"
    good = "2012-01-01,england,female,NGA,sexual,plain\n"
    path.write_bytes((HEADER + good * 3).encode() + "caf\xe9\n".encode("latin-1"))
    with pytest.raises(CsvFormatError) as raised:
        rows_of(path, 2)
    assert str(raised.value) == NOT_UTF8.format(line=5)


def test_a_header_that_is_not_utf8_is_refused_naming_the_first_line(tmp_path: Path) -> None:
    path = tmp_path / "in.csv"
    path.write_bytes("nation\xe9\n".encode("latin-1"))
    with pytest.raises(CsvFormatError) as raised:
        rows_of(path, 2)
    assert str(raised.value) == NOT_UTF8.format(line=1)
