"""The referral map's layout and drawing, and the server-drawn bar charts."""

import re
from itertools import pairwise

from nrm.standard.codes import PoliceRegion
from nrm.statistics.barchart import bar_chart_svg, grouped_bar_svg
from nrm.statistics.tilemap import EMPTY, SHADES, bins, shade, tile_map_svg, tiles


def test_the_layout_has_one_tile_per_police_region_except_not_recorded_and_none_overlap() -> None:
    layout = tiles()
    assert {t.code for t in layout} == set(PoliceRegion.values) - {PoliceRegion.NOT_RECORDED}
    positions = [(t.column, t.row) for t in layout]
    assert len(set(positions)) == len(positions)


def test_the_ranges_cover_every_count_from_one_to_the_largest_without_gaps() -> None:
    for largest in (1, 2, 3, 7, 100, 1234):
        ranges = bins(largest)
        assert ranges[0][0] == 1 and ranges[-1][1] == largest
        assert all(b[0] == a[1] + 1 for a, b in pairwise(ranges))
        assert len(ranges) <= len(SHADES)
    assert bins(0) == []


def test_a_larger_count_is_never_shaded_lighter_and_zero_is_blank() -> None:
    ranges = bins(500)
    shades = [SHADES.index(shade(n, ranges)[0]) for n in range(1, 501)]
    assert shades == sorted(shades) and shades[-1] == len(SHADES) - 1
    assert shade(0, ranges)[0] == EMPTY


def test_the_map_draws_each_tile_with_its_count_and_a_legend() -> None:
    svg = tile_map_svg({"london": 40, "wales": 3}, title="Referrals, 2012")
    tiles_drawn = dict(re.findall(r'data-region="(\w+)" data-count="(\d+)"', svg))
    assert tiles_drawn["london"] == "40" and tiles_drawn["wales"] == "3"
    assert tiles_drawn["scotland"] == "0" and len(tiles_drawn) == len(tiles())
    assert '<title id="referral-map-title">Referrals, 2012</title>' in svg
    assert ">Referrals</text>" in svg and ">0</text>" in svg


def test_a_bar_chart_escapes_its_labels_and_scales_to_the_largest() -> None:
    svg = bar_chart_svg([("A & B", 10), ("C", 5)], title="t", element_id="c")
    assert "A &amp; B" in svg and "A & B" not in svg
    widths = [int(w) for w in re.findall(r'<rect x="\d+" y="\d+" width="(\d+)"', svg)]
    assert widths[0] == 2 * widths[1]


def test_a_stacked_chart_draws_one_segment_per_series_and_the_total() -> None:
    svg = grouped_bar_svg(
        ["Sexual"], ["Adult", "Minor"], [[3, 1]], title="t", element_id="s", stacked=True
    )
    assert 'data-count="4"' in svg
    assert "<title>Adult: 3</title>" in svg and "<title>Minor: 1</title>" in svg
