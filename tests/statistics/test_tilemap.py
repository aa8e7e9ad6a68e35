"""The referral map's layout, quantile classes and drawing, and the server-drawn bar charts."""

import math
import re
from collections import Counter
from itertools import pairwise

from hypothesis import given
from hypothesis import strategies as st

from nrm.standard.codes import PoliceRegion
from nrm.statistics.barchart import FONT, LONGEST, bar_chart_svg, grouped_bar_svg
from nrm.statistics.tilemap import (
    CLASSES,
    EMPTY,
    SHADES,
    band,
    classes,
    shade,
    tile_map_svg,
    tiles,
)

# The demo's referrals of 2012 by police region of presentation: London has four times the next
# but one region, which equal ranges of 0 to 315 shaded with 10 of 12 regions in two bands.
DEMO_2012 = {
    "scotland": 86,
    "northern_ireland": 12,
    "isle_of_man": 1,
    "north_west": 72,
    "north_east": 128,
    "wales": 26,
    "west_midlands": 94,
    "east_midlands": 17,
    "eastern": 59,
    "south_west": 32,
    "south_east": 167,
    "london": 315,
}
counts_lists = st.lists(st.integers(min_value=0, max_value=5000), min_size=1, max_size=12)


def test_the_layout_has_one_tile_per_police_region_except_not_recorded_and_none_overlap() -> None:
    layout = tiles()
    assert {t.code for t in layout} == set(PoliceRegion.values) - {PoliceRegion.NOT_RECORDED}
    positions = [(t.column, t.row) for t in layout]
    assert len(set(positions)) == len(positions)


@given(counts_lists)
def test_the_classes_cover_one_to_the_largest_without_gaps_and_each_holds_a_count(
    counts: list[int],
) -> None:
    ranges = classes(counts)
    positive = [n for n in counts if n > 0]
    if not positive:
        assert ranges == []
        return
    assert ranges[0][0] == 1 and ranges[-1][1] == max(positive)
    assert all(b[0] == a[1] + 1 for a, b in pairwise(ranges))
    assert len(ranges) <= min(len(SHADES), len(set(positive)))
    held = Counter(band(n, ranges) for n in positive)
    assert set(held) == set(range(1, len(ranges) + 1))  # every class holds a region


@given(st.lists(st.integers(min_value=1, max_value=5000), min_size=1, max_size=12, unique=True))
def test_distinct_counts_are_split_into_classes_of_about_the_same_size(counts: list[int]) -> None:
    sizes = Counter(band(n, classes(counts)) for n in counts).values()
    assert max(sizes) - min(sizes) <= 1
    assert len(sizes) == min(len(SHADES), len(counts))


def test_one_large_region_does_not_leave_the_others_in_one_or_two_shades() -> None:
    ranges = classes(list(DEMO_2012.values()))
    assert ranges == [(1, 17), (18, 32), (33, 86), (87, 128), (129, 315)]
    sizes = Counter(band(n, ranges) for n in DEMO_2012.values())
    assert sorted(sizes.values()) == [2, 2, 2, 3, 3]


def test_equal_counts_share_a_class() -> None:
    ranges = classes([5, 5, 5, 5, 9, 9, 20])
    assert band(5, ranges) == 1 and len({band(9, ranges), band(20, ranges)}) == 2


def test_a_larger_count_is_never_shaded_lighter_and_zero_is_blank() -> None:
    ranges = classes(list(DEMO_2012.values()))
    shades = [SHADES.index(shade(n, ranges)[0]) for n in range(1, 316)]
    assert shades == sorted(shades) and shades[-1] == len(SHADES) - 1
    assert shade(0, ranges)[0] == EMPTY


def _legend(svg: str) -> list[int]:
    return [int(k) for k in re.findall(r'class="nrm-legend-entry" data-class="(\d+)"', svg)]


def test_the_map_draws_each_tile_with_its_count_and_a_legend_of_the_classes_it_uses() -> None:
    svg = tile_map_svg({"london": 40, "wales": 3}, title="Referrals, 2012")
    drawn = {r: (int(n), int(k)) for r, n, k in re.findall(
        r'data-region="(\w+)" data-count="(\d+)" data-class="(\d+)"', svg)}  # fmt: skip
    assert drawn["london"] == (40, 2) and drawn["wales"] == (3, 1)
    assert drawn["scotland"] == (0, 0) and len(drawn) == len(tiles())
    assert '<title id="referral-map-title">Referrals, 2012</title>' in svg
    assert f">Referrals ({CLASSES})</text>" in svg
    assert _legend(svg) == [0, 1, 2]
    assert ">3</text>" in svg and ">40</text>" in svg


def test_the_legend_has_no_entry_for_no_referrals_when_every_region_has_some() -> None:
    svg = tile_map_svg(DEMO_2012, title="Referrals, 2012")
    used = {int(k) for k in re.findall(r'data-class="(\d+)"><title>', svg)}
    assert _legend(svg) == [1, 2, 3, 4, 5] and used == {1, 2, 3, 4, 5}
    assert ">1 to 17</text>" in svg and ">129 to 315</text>" in svg


def test_the_map_is_drawn_about_a_phones_width_with_its_text_at_12_px_or_more_there() -> None:
    svg = tile_map_svg(DEMO_2012, title="Referrals, 2012")
    width = int(re.search(r'viewBox="0 0 (\d+) \d+"', svg).group(1))
    smallest = min(int(size) for size in re.findall(r'font-size="(\d+)"', svg))
    assert smallest * min(1, 290 / width) >= 12  # 290 px: the column of a 320 px screen


def test_a_bar_chart_escapes_its_labels_and_scales_to_the_largest() -> None:
    svg = bar_chart_svg([("A & B", 10), ("C", 5)], title="t", element_id="c")
    assert "A &amp; B" in svg and "A & B" not in svg
    widths = re.findall(r'<rect x="0%" y="\d+" width="([\d.]+)%"', svg)
    assert [float(w) for w in widths] == [LONGEST, LONGEST / 2]


def test_a_bar_chart_is_as_wide_as_its_column_and_never_scales_its_text() -> None:
    svg = bar_chart_svg([("Nigeria", 205), ("Vietnam", 135)], title="t", element_id="c")
    assert 'width="100%"' in svg and "viewBox" not in svg
    assert {int(size) for size in re.findall(r'font-size="(\d+)"', svg)} == {FONT}
    assert FONT >= 12


def test_a_long_label_is_written_on_lines_that_fit_a_phone() -> None:
    label = "Home Office: UK Visas and Immigration"
    svg = bar_chart_svg([(label, 3)], title="t", element_id="c")
    lines = re.findall(r'<text x="0" y="\d+"[^>]*>([^<]+)</text>', svg)
    assert " ".join(lines) == label and len(lines) == math.ceil(len(label) / 30)


def test_a_stacked_chart_draws_one_segment_per_series_and_the_total() -> None:
    svg = grouped_bar_svg(
        ["Sexual"], ["Adult", "Minor"], [[3, 1]], title="t", element_id="s", stacked=True
    )
    assert 'data-count="4"' in svg
    assert "<title>Adult: 3</title>" in svg and "<title>Minor: 1</title>" in svg
    assert re.findall(r'<rect x="([\d.]+)%" y="\d+" width="([\d.]+)%"', svg)[-2:] == [
        ("0", "60"),
        ("60", "20"),
    ]
    assert ">Adult</text>" in svg and ">Minor</text>" in svg  # the legend
