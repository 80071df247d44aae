"""The report charts: accessible SVG images whose text alternative lists the data,
drawn from escaped text, with ids of their own (docs/reports.md, "Charts")."""

from decimal import Decimal

import pytest
from defusedxml import ElementTree as SafeET
from django.utils import translation
from django.utils.safestring import SafeString

from lms.reports.charts import Guide, bar_chart, scatter, score_distribution
from lms.reports.charts.distribution import score_bins
from lms.reports.label_placement import Box, around_point, choose_place
from lms.reports.scales import count_ticks, format_number

SVG = "{http://www.w3.org/2000/svg}"
SCRIPT = "<script>alert(1)</script>"
NO_DATA = "Not enough data for a chart"

pytestmark = pytest.mark.usefixtures("in_english")


def parse(svg):
    return SafeET.fromstring(str(svg))


def elements(root, tag):
    return list(root.iter(SVG + tag))


def texts(root):
    return ["".join(node.itertext()) for node in elements(root, "text")]


def description(root):
    return root.find(SVG + "desc").text


def titles(root):
    """The hover titles inside the drawing (not the chart's own title)."""
    return [node.text for node in elements(root, "title")[1:]]


def row(root, label):
    """The bar chart's row whose full label is ``label``."""
    return next(
        group
        for group in elements(root, "g")
        if group.get("class") == "row"
        and group.find(SVG + "title").text.startswith(label + ":")
    )


def distribution(title="Scores", **kwargs):
    return score_distribution(
        [Decimal(41), Decimal(45), Decimal("48.5"), Decimal(100)],
        [Decimal(75)],
        title=title,
        **kwargs,
    )


def bars(rows=None, title="Gain", **kwargs):
    rows = rows or [("Gambir", Decimal("12.5")), ("Petojo", Decimal("-3"))]
    return bar_chart(rows, title=title, value_label="Mean gain (points)", **kwargs)


def items(points=None, title="Items", **kwargs):
    return scatter(
        points or [("S1", 0.5, 0.25), ("S2", 0.9, None)],
        title=title,
        x_label="difficulty",
        y_label="discrimination",
        x_range=(0, 1),
        y_range=(-1, 1),
        **kwargs,
    )


CHARTS = [distribution, bars, items]
EMPTY_CHARTS = [
    lambda **kw: score_distribution([], [], **kw),
    lambda **kw: bar_chart([], value_label="Gain", **kw),
    lambda **kw: bar_chart([("Gambir", None)], value_label="Gain", **kw),
    lambda **kw: scatter(
        [], x_label="x", y_label="y", x_range=(0, 1), y_range=(0, 1), **kw
    ),
    lambda **kw: scatter(
        [("S1", 0.5, None)],
        x_label="x",
        y_label="y",
        x_range=(0, 1),
        y_range=(0, 1),
        **kw,
    ),
]


@pytest.mark.parametrize("chart", CHARTS + EMPTY_CHARTS)
def test_a_chart_is_an_image_named_by_its_title_and_described(chart):
    svg = chart(title="Results of the training")
    root = parse(svg)

    assert isinstance(svg, SafeString)
    assert root.tag == SVG + "svg"
    assert root.get("role") == "img"
    assert root.get("width") == "100%"
    assert root.get("viewBox").startswith("0 0 ")
    title_id, desc_id = root.get("aria-labelledby").split()
    assert root.find(f"{SVG}title[@id='{title_id}']").text == "Results of the training"
    assert root.find(f"{SVG}desc[@id='{desc_id}']").text


@pytest.mark.parametrize("chart", EMPTY_CHARTS)
def test_a_chart_without_data_says_so_instead_of_drawing_empty_axes(chart):
    root = parse(chart(title="Scores"))

    assert texts(root) == ["Scores", NO_DATA]
    assert description(root) == NO_DATA
    assert (
        not elements(root, "line") + elements(root, "rect") + elements(root, "circle")
    )


@pytest.mark.parametrize("chart", CHARTS)
def test_text_from_users_is_escaped_and_never_becomes_an_element(chart):
    if chart is distribution:
        svg = chart(title=SCRIPT)
    elif chart is bars:
        svg = chart(rows=[(SCRIPT, Decimal(1))], title=SCRIPT)
    else:
        svg = chart(
            points=[(SCRIPT, 0.5, 0.5)], title=SCRIPT, guides=[Guide("y", 0, SCRIPT)]
        )
    root = parse(svg)

    assert "<script" not in svg
    assert "&lt;script&gt;" in svg
    assert not [node for node in root.iter() if node.tag.endswith("script")]
    assert SCRIPT in texts(root)


def test_characters_xml_cannot_carry_are_dropped():
    root = parse(bars(rows=[("Gam\x00bir\x0b", Decimal(1))], title="Gain\x1b"))

    assert "Gambir" in texts(root)
    assert root.find(SVG + "title").text == "Gain"


@pytest.mark.parametrize("chart", CHARTS + EMPTY_CHARTS)
def test_two_charts_on_one_page_share_no_id(chart):
    page = str(chart(title="One")) + str(chart(title="Two"))
    ids = [
        node.get("id")
        for svg in page.split("</svg>")[:-1]
        for node in parse(svg + "</svg>").iter()
        if node.get("id")
    ]

    assert len(ids) == len(set(ids))


def test_a_given_id_prefix_starts_every_id_and_every_reference_stays_inside():
    root = parse(distribution(id_prefix="pre-post"))
    ids = {node.get("id") for node in root.iter() if node.get("id")}
    references = [
        value.removeprefix("url(#").removesuffix(")")
        for node in root.iter()
        for value in node.attrib.values()
        if value.startswith("url(#")
    ]

    assert ids and all(value.startswith("pre-post-") for value in ids)
    assert references and set(references) <= ids
    assert set(root.get("aria-labelledby").split()) <= ids


@pytest.mark.parametrize("prefix", ["", "1chart", 'a" onload="x', "a b"])
def test_an_id_prefix_that_is_no_plain_name_is_refused(prefix):
    with pytest.raises(ValueError, match="id prefix"):
        distribution(id_prefix=prefix)


# Score distribution


def test_scores_fall_in_bins_of_ten_and_a_perfect_score_in_the_last():
    scores = [Decimal(s) for s in ("0", "9.99", "10", "89.99", "90", "100")]

    assert score_bins(scores) == [2, 1, 0, 0, 0, 0, 0, 0, 1, 2]


@pytest.mark.parametrize("score", [Decimal("-0.5"), Decimal("100.01")])
def test_a_score_outside_0_to_100_is_refused(score):
    with pytest.raises(ValueError, match="between 0 and 100"):
        score_bins([score])


def test_the_distribution_describes_each_series_by_bin():
    root = parse(
        score_distribution([Decimal(41), Decimal(45), Decimal(100)], [], title="S")
    )

    assert description(root) == (
        "Pre-test: 2 participants scored 40–49, 1 participant scored 90–100. "
        "Post-test: no scores."
    )


def test_each_bar_of_the_distribution_is_titled_with_its_count():
    root = parse(distribution())

    assert titles(root) == [
        "Pre-test: 3 participants scored 40–49",
        "Pre-test: 1 participant scored 90–100",
        "Post-test: 1 participant scored 70–79",
    ]


def test_the_series_are_told_apart_by_pattern_and_named_in_the_legend():
    root = parse(distribution())
    fills = {
        group.get("class"): {rect.get("fill") for rect in elements(group, "rect")}
        for group in elements(root, "g")
    }

    assert fills["bars pre-test"] == {
        "url(#" + root.find(f"{SVG}defs/{SVG}pattern").get("id") + ")"
    }
    assert fills["bars post-test"] == {"#f2b134"}
    assert {"Pre-test (n = 4)", "Post-test (n = 1)"} <= set(texts(root))
    assert {"Score (0–100)", "Participants"} <= set(texts(root))


def test_participant_counts_are_ticked_in_whole_numbers_up_past_the_largest():
    assert count_ticks(1, max_ticks=5) == [0, 1]
    assert count_ticks(3, max_ticks=5) == [0, 1, 2, 3]
    assert count_ticks(7, max_ticks=5) == [0, 2, 4, 6, 8]
    assert count_ticks(23, max_ticks=5) == [0, 5, 10, 15, 20, 25]


# Bar chart


def test_negative_bars_lie_left_of_the_zero_line_and_positive_ones_right():
    root = parse(bars())
    zero = float(
        next(n for n in elements(root, "line") if n.get("class") == "zero-line").get(
            "x1"
        )
    )
    gain = row(root, "Gambir").find(SVG + "rect")
    loss = row(root, "Petojo").find(SVG + "rect")

    assert float(gain.get("x")) == pytest.approx(zero)
    assert float(gain.get("width")) > 0
    assert float(loss.get("x")) + float(loss.get("width")) == pytest.approx(zero)
    assert float(loss.get("width")) > 0


def test_each_bar_shows_its_value_and_the_description_lists_every_row():
    root = parse(bars(rows=[("Gambir", Decimal("12.25")), ("Petojo", None)], unit="%"))

    assert texts(row(root, "Gambir"))[-1] == "12.3%"
    assert (
        description(root)
        == "Mean gain (points): Gambir: 12.3%; Petojo: not enough data."
    )


def test_a_row_without_a_value_says_not_enough_data_and_draws_no_bar():
    root = parse(bars(rows=[("Gambir", Decimal(5)), ("Petojo", None)]))
    empty = row(root, "Petojo")

    assert texts(empty) == ["Petojo", "not enough data"]
    assert not elements(empty, "rect")


def test_a_long_label_is_shortened_and_kept_whole_in_the_row_title():
    label = "Kelurahan with a name far too long to fit in the label column of a phone"
    root = parse(bars(rows=[(label, Decimal(5))]))
    shown = texts(row(root, label))[0]

    assert shown.endswith("…")
    assert label not in texts(root)
    assert row(root, label).find(SVG + "title").text == f"{label}: 5.0"


def test_values_are_written_the_way_the_language_writes_numbers():
    with translation.override("id"):
        root = parse(bars(rows=[("Gambir", Decimal("12.5"))]))

    assert "12,5" in texts(root)


def test_numbers_are_rounded_half_up():
    assert format_number(Decimal("2.25"), 1) == "2.3"
    assert format_number(-3.25, 1) == "-3.3"


# Scatter


def test_points_are_drawn_where_their_values_put_them():
    root = parse(items(points=[("S1", 0, -1), ("S2", 1, 1), ("S3", 0.5, 0)]))
    frame = next(n for n in elements(root, "rect") if n.get("fill") == "none")
    left, top = float(frame.get("x")), float(frame.get("y"))
    right, bottom = left + float(frame.get("width")), top + float(frame.get("height"))
    centres = [
        (float(c.get("cx")), float(c.get("cy"))) for c in elements(root, "circle")
    ]

    assert centres == [
        pytest.approx((left, bottom), abs=0.1),
        pytest.approx((right, top), abs=0.1),
        pytest.approx(((left + right) / 2, (top + bottom) / 2), abs=0.1),
    ]
    assert {"S1", "S2", "S3"} <= set(texts(root))


def test_a_point_without_enough_data_is_described_and_not_drawn():
    root = parse(items(points=[("S1", 0.5, 0.25), ("S2", 0.9, None)]))

    assert len(elements(root, "circle")) == 1
    assert "S2" not in texts(root)
    assert description(root) == (
        "S1: difficulty 0.50, discrimination 0.25; S2: not enough data."
    )


def test_points_on_one_spot_share_a_marker_and_a_label():
    root = parse(items(points=[("S7", 1, 0), ("S8", 1, 0), ("S9", 0.2, 0.4)]))

    assert len(elements(root, "circle")) == 2
    assert "S7, S8" in texts(root)


def test_guides_are_dashed_lines_with_their_labels_and_described():
    guides = [Guide("y", 0.2, "fair"), Guide("x", 0.9, "easy")]
    root = parse(items(guides=guides))
    guide_groups = [g for g in elements(root, "g") if g.get("class") == "guide"]

    assert [texts(group) for group in guide_groups] == [["fair"], ["easy"]]
    assert all(g.find(SVG + "line").get("stroke-dasharray") for g in guide_groups)
    assert description(root).endswith(
        "Guide lines: discrimination = 0.20 (fair), difficulty = 0.90 (easy)."
    )


def test_a_label_moves_away_from_what_is_already_there():
    places = around_point(100, 100, 20, font_size=13, gap=6)
    bounds = Box(0, 0, 200, 200)
    right = choose_place(places, taken=[], bounds=bounds)
    elsewhere = choose_place(places, taken=[right.box], bounds=bounds)

    assert right.anchor == "start"
    assert not elsewhere.box.overlaps(right.box)
    assert choose_place(places, taken=[], bounds=Box(0, 0, 110, 200)).anchor == "end"
