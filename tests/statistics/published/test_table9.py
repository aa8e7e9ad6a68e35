"""Table 9's published rows: as the reference file records them, each counted under its own key."""

from nrm.standard.codes import ExploitationType
from nrm.standard.nationality import nationality_key
from nrm.statistics.published import table9
from nrm.statistics.published.figures import figures_load, label_code


def test_the_published_cells_are_the_reference_files_recovered_ones() -> None:
    lines = figures_load("t09_minors_by_nationality_gender_exploitation_2012.csv")
    index = {cell: i for i, cell in enumerate(table9.CELLS)}
    assert len(lines) == 47 * len(table9.CELLS)
    for line in lines:
        row, cells = table9.PUBLISHED[int(line["row_order"]) - 1]
        assert row.label == line["nationality"]
        etype = label_code(ExploitationType, line["exploitation_type"])
        value = cells[index[(etype, line["gender"].lower())]]
        assert value == (None if line["status"] == "uncertain" else int(line["minors_2012"]))
    unrecovered = sum(1 for _row, cells in table9.PUBLISHED for value in cells if value is None)
    assert unrecovered == sum(1 for line in lines if line["status"] == "uncertain") == 343


def test_the_rows_map_to_distinct_nationality_keys() -> None:
    mapping = table9.row_key_mapping()
    assert [order for order, _label, _key in mapping] == list(range(1, 48))
    assert len({key for _order, _label, key in mapping}) == 47
    composite = {
        order: key for order, _label, key in mapping if order in (20, 40, 41, 42, 44, 46, 47)
    }
    plain = {nationality_key([c], None, None) for c in ("GBR", "CHN", "GMB", "GHA", "SOM")}
    assert not set(composite.values()) & plain
    assert composite[40] == "China (claimed) Unknown (assessed)"
    assert table9.ROW_BY_ORDER[2].key == "Nigeria"
