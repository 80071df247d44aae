"""What every report chart shares: its root with a visible title, its axes, and
the small chart that says there is nothing to draw."""

import xml.etree.ElementTree as ET

from django.utils.safestring import SafeString
from django.utils.translation import gettext

from lms.reports.chart_style import (
    AXIS,
    DESCENT,
    FONT_SIZE,
    GRID,
    HALF_CAP,
    LINE_HEIGHT,
    MARGIN,
    TEXT_SECONDARY,
    TITLE_SIZE,
    WIDTH,
    root_attributes,
)
from lms.reports.svg import SvgChart, element, text, text_lines
from lms.reports.text_layout import text_width, wrap

TICK_LENGTH = 4
SWATCH = 14


def start_chart(
    *, title: str, description: str, id_prefix: str | None
) -> tuple[SvgChart, float]:
    """A chart with ``title`` drawn at its top, and where the drawing below may start."""
    chart = SvgChart(
        width=WIDTH,
        title=title,
        description=description,
        id_prefix=id_prefix,
        **root_attributes(),
    )
    lines = wrap(title, width=WIDTH - 2 * MARGIN, font_size=TITLE_SIZE, max_lines=3)
    line_height = 1.25 * TITLE_SIZE
    baseline = MARGIN + TITLE_SIZE
    text_lines(
        chart.root,
        MARGIN,
        baseline,
        lines,
        line_height=line_height,
        font_size=TITLE_SIZE,
        font_weight="bold",
        class_="chart-title",
    )
    return chart, baseline + (len(lines) - 1) * line_height + DESCENT * TITLE_SIZE


def no_data_chart(*, title: str, id_prefix: str | None) -> SafeString:
    """A small chart that says so, instead of axes with nothing on them."""
    message = gettext("Not enough data for a chart")
    chart, top = start_chart(title=title, description=message, id_prefix=id_prefix)
    lines = wrap(message, width=WIDTH - 2 * MARGIN, font_size=FONT_SIZE, max_lines=3)
    baseline = top + LINE_HEIGHT + MARGIN
    text_lines(
        chart.root,
        MARGIN,
        baseline,
        lines,
        line_height=LINE_HEIGHT,
        fill=TEXT_SECONDARY,
        class_="no-data",
    )
    last = baseline + (len(lines) - 1) * LINE_HEIGHT
    return chart.render(height=last + DESCENT * FONT_SIZE + MARGIN)


def x_axis_ticks(
    parent: ET.Element,
    ticks: list[tuple[float, str]],
    *,
    top: float,
    bottom: float,
) -> float:
    """Ticks at the given x positions with their labels (if any) under ``bottom``;
    a grid line runs up to ``top`` unless ``top`` is ``bottom``. Returns the
    labels' bottom."""
    baseline = bottom + TICK_LENGTH + FONT_SIZE
    for x, label in ticks:
        element(
            parent,
            "line",
            x1=x,
            x2=x,
            y1=top,
            y2=bottom + TICK_LENGTH,
            stroke=GRID if top < bottom else AXIS,
        )
        if label:
            text(parent, x, baseline, label, text_anchor="middle")
    return baseline + DESCENT * FONT_SIZE


def y_axis_ticks(
    parent: ET.Element,
    ticks: list[tuple[float, str]],
    *,
    left: float,
    right: float,
) -> None:
    """Grid lines across the plot at the given y positions, labelled left of ``left``."""
    for y, label in ticks:
        element(
            parent, "line", x1=left - TICK_LENGTH, x2=right, y1=y, y2=y, stroke=GRID
        )
        text(
            parent,
            left - TICK_LENGTH - 2,
            y + HALF_CAP * FONT_SIZE,
            label,
            text_anchor="end",
        )


def x_axis_label(parent: ET.Element, label: str, *, centre: float, top: float) -> float:
    """The x axis's name centred under the axis; returns its bottom."""
    room = 2 * min(centre - MARGIN, WIDTH - MARGIN - centre)
    lines = wrap(label, width=room, font_size=FONT_SIZE, max_lines=2)
    baseline = top + LINE_HEIGHT
    text_lines(
        parent,
        centre,
        baseline,
        lines,
        line_height=LINE_HEIGHT,
        text_anchor="middle",
        font_weight="bold",
        class_="axis-label",
    )
    return baseline + (len(lines) - 1) * LINE_HEIGHT + DESCENT * FONT_SIZE


def y_axis_label(
    parent: ET.Element, label: str, *, centre: float, length: float
) -> None:
    """The y axis's name, turned to read upwards along the chart's left edge."""
    lines = wrap(label, width=length, font_size=FONT_SIZE, max_lines=1)
    x = MARGIN + FONT_SIZE
    text(
        parent,
        x,
        centre,
        lines[0],
        transform=f"rotate(-90 {x} {centre:.2f})",
        text_anchor="middle",
        font_weight="bold",
        class_="axis-label",
    )


def legend(parent: ET.Element, entries: list[tuple[str, dict]], *, top: float) -> float:
    """Swatches with their series' names, on as many lines as they need."""
    x, baseline = MARGIN, top + LINE_HEIGHT
    for label, style in entries:
        width = SWATCH + 6 + text_width(label, FONT_SIZE)
        if x > MARGIN and x + width > WIDTH - MARGIN:
            x, baseline = MARGIN, baseline + LINE_HEIGHT
        swatch_top = baseline - HALF_CAP * FONT_SIZE - SWATCH / 2
        element(parent, "rect", x=x, y=swatch_top, width=SWATCH, height=SWATCH, **style)
        text(parent, x + SWATCH + 6, baseline, label)
        x += width + 16
    return baseline + DESCENT * FONT_SIZE
