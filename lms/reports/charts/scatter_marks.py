"""What a scatter chart draws inside its plot: guide lines, points and their labels.

Points are data and guides are decoration, so point labels are placed first,
clear of every marker, and guide labels then take what room is left
(``lms.reports.label_placement``).
"""

import math
import xml.etree.ElementTree as ET
from typing import Literal, NamedTuple

from lms.reports.chart_style import LABEL_SIZE, NAVY, TEXT_SECONDARY, WHITE
from lms.reports.label_placement import (
    Box,
    LabelPlace,
    around_point,
    choose_place,
    label_at,
)
from lms.reports.scales import LinearScale
from lms.reports.svg import element, text, tooltip
from lms.reports.text_layout import text_width, wrap

MARKER_RADIUS = 4.5
# Labels keep this far from other points' markers, so none seems to name a neighbour.
MARKER_CLEARANCE = 2 * MARKER_RADIUS
LABEL_GAP = MARKER_RADIUS + 2
# A label set further than this from its point gets a line back to it.
LEADER_FROM = 3 * MARKER_RADIUS

Spot = tuple[float, float]


class Guide(NamedTuple):
    """A dashed line across the plot at ``value`` on the ``axis`` ("x" or "y")."""

    axis: Literal["x", "y"]
    value: float
    label: str


def _clearance(spot: Spot) -> Box:
    x, y = spot
    return Box(
        x - MARKER_CLEARANCE,
        y - MARKER_CLEARANCE,
        x + MARKER_CLEARANCE,
        y + MARKER_CLEARANCE,
    )


def _shortened(label: str, *, width: float) -> str:
    """``label`` on one line of at most ``width``; the full text is in the description."""
    return wrap(label, width=width, font_size=LABEL_SIZE, max_lines=1)[0]


def _guide_label(guide: Guide, plot: Box) -> str:
    return _shortened(guide.label, width=(plot.right - plot.left) / 2)


def _draw_label(parent: ET.Element, place: LabelPlace, label: str, **style) -> None:
    """``label`` on a white ground, so grid and guide lines never run through it."""
    box = place.box
    element(
        parent,
        "rect",
        x=box.left,
        y=box.top,
        width=box.right - box.left,
        height=box.bottom - box.top,
        fill=WHITE,
    )
    text(
        parent,
        place.x,
        place.y,
        label,
        text_anchor=place.anchor,
        font_size=LABEL_SIZE,
        **style,
    )


def _guide_places(guide: Guide, position: float, plot: Box) -> list[LabelPlace]:
    """Places for a guide's label along its line: near either end, either side."""
    width = text_width(_guide_label(guide, plot), LABEL_SIZE)
    offset = 0.7 * LABEL_SIZE
    if guide.axis == "x":
        ends = (plot.top + offset, plot.bottom - offset)
        sides = ((position + 4, "start"), (position - 4, "end"))
        spots = [(x, y, anchor) for y in ends for x, anchor in sides]
    else:
        sides = (position - offset, position + offset)
        ends = ((plot.right - 2, "end"), (plot.left + 2, "start"))
        spots = [(x, y, anchor) for y in sides for x, anchor in ends]
    return [
        label_at(x, y, width, anchor=anchor, font_size=LABEL_SIZE)
        for x, y, anchor in spots
    ]


def draw_marks(
    parent: ET.Element,
    spots: dict[Spot, list[str]],
    guides: list[Guide],
    *,
    plot: Box,
    x_scale: LinearScale,
    y_scale: LinearScale,
) -> None:
    """Guide lines, then point labels, then markers on top, within ``plot``."""
    guide_group = element(parent, "g", class_="guides")
    label_group = element(parent, "g", class_="point-labels")
    marker_group = element(parent, "g", class_="points")
    labels_taken: list[Box] = []
    for spot, names in spots.items():
        x, y = spot
        label = ", ".join(names)
        shown = _shortened(label, width=(plot.right - plot.left) / 3)
        places = around_point(
            x, y, text_width(shown, LABEL_SIZE), font_size=LABEL_SIZE, gap=LABEL_GAP
        )
        others = [_clearance(other) for other in spots if other != spot]
        place = choose_place(places, taken=labels_taken + others, bounds=plot)
        labels_taken.append(place.box)
        end_x, end_y = place.box.nearest(x, y)
        if math.hypot(end_x - x, end_y - y) > LEADER_FROM:
            element(
                label_group,
                "line",
                x1=x,
                y1=y,
                x2=end_x,
                y2=end_y,
                stroke=TEXT_SECONDARY,
                stroke_width=0.75,
            )
        _draw_label(label_group, place, shown, class_="point-label")
        marker = element(
            marker_group,
            "circle",
            cx=x,
            cy=y,
            r=MARKER_RADIUS,
            fill=NAVY,
            stroke=WHITE,
            class_="point",
        )
        tooltip(marker, label)

    markers = [_clearance(spot) for spot in spots]
    for guide in guides:
        position = (x_scale if guide.axis == "x" else y_scale)(guide.value)
        ends = (
            {"x1": position, "x2": position, "y1": plot.top, "y2": plot.bottom}
            if guide.axis == "x"
            else {"x1": plot.left, "x2": plot.right, "y1": position, "y2": position}
        )
        group = element(guide_group, "g", class_="guide")
        element(
            group,
            "line",
            **ends,
            stroke=TEXT_SECONDARY,
            stroke_width=1.5,
            stroke_dasharray="6 4",
        )
        place = choose_place(
            _guide_places(guide, position, plot),
            taken=labels_taken + markers,
            bounds=plot,
        )
        labels_taken.append(place.box)
        _draw_label(
            group,
            place,
            _guide_label(guide, plot),
            fill=TEXT_SECONDARY,
            font_style="italic",
        )
